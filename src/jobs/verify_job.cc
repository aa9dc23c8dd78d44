#include "jobs/verify_job.h"

#include "ingest/claims_reader.h"
#include "ingest/records_reader.h"
#include "report/output_dir.h"
#include "verify/verifier.h"

namespace receipts {

Result<VerifyRun> RunVerifyJob(const VerifyJob& job) {
  VerifyRun run;
  run.since = job.since;
  run.claim_files = job.claim_files;
  run.record_files = job.record_files;
  for (const std::string& path : job.claim_files) {
    auto claims = ReadClaimsFile(path, job.kind);
    if (!claims.ok()) return claims.status();
    for (Claim& claim : *claims) run.claims.push_back(std::move(claim));
  }
  RecordSet records;
  for (const std::string& path : job.record_files) {
    Status s = ReadRecordsFile(path, &records);
    if (!s.ok()) return s;
  }
  FinishRecords(&records);
  run.records_as_of = records.as_of;
  run.record_actions = records.action_count;
  run.results = VerifyClaims(run.claims, records, VerifyOptions{job.since});
  Status written = WriteVerifyReport(job.out_dir, run);
  if (!written.ok()) return written;
  return run;
}

}  // namespace receipts
