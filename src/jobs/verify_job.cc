#include "jobs/verify_job.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "claims/claims_reader.h"
#include "io/progress.h"
#include "jobs/claims_input.h"
#include "jobs/record_inputs.h"
#include "records/record_filter.h"
#include "records/record_scan.h"
#include "records/records_reader.h"
#include "report/output_dir.h"
#include "verify/verifier.h"

namespace receipts {
namespace {

void Release(std::string* text) { std::string().swap(*text); }

// Drops, as each claim arrives, what neither verification nor its report reads, so a list's claims
// take less than half the memory they would whole: the raw fields (only the ledger keeps them),
// the description and status, and the FPDS link once a PIID was read from it (the matcher asks
// of the link only whether a claim without a PIID had one).
void DropWhatVerificationIgnores(Claim* claim) {
  // Not `raw = {}`: that assigns an empty initializer list, which keeps the vector's capacity
  // (260 MB of a 100 MB list's claims stayed allocated so).
  decltype(claim->raw)().swap(claim->raw);
  Release(&claim->description);
  Release(&claim->status);
  if (!claim->piid.empty()) Release(&claim->link);
}

}  // namespace

Status VerifyAgainstRecords(const std::vector<std::string>& record_files, bool progress,
                            VerifyRun* run, std::vector<std::string>* files_read,
                            ClaimsMoney* money) {
  return VerifyRunsAgainstRecords(record_files, progress, {run}, files_read, money);
}

Status VerifyRunsAgainstRecords(const std::vector<std::string>& record_files, bool progress,
                                const std::vector<VerifyRun*>& runs,
                                std::vector<std::string>* files_read, ClaimsMoney* money) {
  RecordFilter wanted = RecordFilter::ForClaims({});
  for (const VerifyRun* run : runs) wanted.Merge(RecordFilter::ForClaims(run->claims));
  RecordSet records;
  ProgressMeter meter(progress);
  ScanOptions options;
  options.progress = &meter;
  ScanStats stats;
  auto started = std::chrono::steady_clock::now();
  std::clock_t cpu_started = std::clock();
  Status scanned = ReadRecordInputs(record_files, wanted, &records, &stats, options, files_read);
  if (!scanned.ok()) return scanned;
  if (std::getenv("RECEIPTS_SCAN_STATS") != nullptr) {
    // For benchmarks and profiles: what the scan read and what it cost.
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    double cpu = static_cast<double>(std::clock() - cpu_started) / CLOCKS_PER_SEC;
    std::cerr << fmt::format(
        "scan: {} bytes, {} rows, {} decoded, {} chunks rescanned; {:.3f} s wall, {:.3f} s cpu, "
        "{:.0f} MB/s per cpu-second\n",
        stats.bytes, stats.rows, stats.decoded_rows, stats.rescanned_chunks, wall, cpu,
        cpu > 0 ? static_cast<double>(stats.bytes) / cpu / 1e6 : 0.0);
  }
  FinishRecords(&records);
  for (VerifyRun* run : runs) {
    run->records_as_of = records.as_of;
    run->record_actions = records.action_count;
    run->results = VerifyClaims(run->claims, records, VerifyOptions{run->since});
    run->kinds_without_records = KindsWithoutRecords(run->claims, records);
    run->termination_list_grants = records.grant_terminations.size();
    for (const LeaseInventory& inventory : records.lease_inventories) {
      run->lease_inventory_dates.push_back(inventory.published);
    }
  }
  if (money != nullptr && !runs.empty()) *money = MoneyOfClaims(*runs.back(), records);
  return Status::Ok();
}

Result<VerifyRun> RunVerifyJob(const VerifyJob& job) {
  VerifyRun run;
  run.since = job.since;
  run.claim_files = job.claim_files;
  run.record_files = job.record_files;
  for (const std::string& path : job.claim_files) {
    if (Status s = CheckClaimsFile(path); !s.ok()) return s;
  }
  for (const std::string& path : job.claim_files) {
    Status read = StreamClaimsFile(path, job.kind, [&run](Claim&& claim) {
      DropWhatVerificationIgnores(&claim);
      run.claims.push_back(std::move(claim));
      return Status::Ok();
    });
    if (!read.ok()) return read;
  }
  ClaimsMoney money;
  if (Status s = VerifyAgainstRecords(job.record_files, job.progress, &run, nullptr, &money);
      !s.ok()) {
    return s;
  }
  Status written = WriteVerifyReport(job.out_dir, run, &money);
  if (!written.ok()) return written;
  return run;
}

}  // namespace receipts
