#include "jobs/ledger_verify_job.h"

#include <filesystem>
#include <functional>
#include <future>

#include "claims/claims_reader.h"
#include "jobs/verify_job.h"
#include "ledger/claim_key.h"
#include "ledger/transparency_log.h"
#include "ledger/verdict_store.h"
#include "records/postgres_records.h"
#include "report/output_dir.h"
#include "verify/verifier.h"

namespace receipts {
Result<std::vector<Claim>> ReadPagesClaims(const std::vector<RawPage>& pages,
                                           const std::string& snapshot_kind) {
  std::vector<Claim> claims;
  for (const RawPage& page : pages) {
    auto read = ParseClaims(page.url_or_path, page.bytes, ClaimKindNamed(snapshot_kind));
    if (!read.ok()) return read.status();
    for (Claim& claim : *read) claims.push_back(std::move(claim));
  }
  return claims;
}

Result<std::vector<Claim>> ReadSnapshotClaims(Ledger* ledger, const SnapshotInfo& snapshot) {
  auto pages = ledger->Pages(snapshot.id);
  if (!pages.ok()) return pages.status();
  auto read = ReadPagesClaims(*pages, snapshot.kind);
  if (!read.ok()) return read.status();
  std::vector<Claim> claims = std::move(*read);
  auto stored = ledger->Claims(snapshot.id, /*with_raw=*/false);
  if (!stored.ok()) return stored.status();
  std::vector<std::string> keys = AssignClaimKeys(claims);
  bool same = keys.size() == stored->size();
  for (std::size_t i = 0; same && i < keys.size(); ++i) same = keys[i] == (*stored)[i].key;
  if (!same && snapshot.claims_parser < kClaimsParserVersion) {
    return Status::InvalidInput(
        ledger->path() + ": snapshot " + std::to_string(snapshot.id) +
        ": read by an older parser (claims parser " + std::to_string(snapshot.claims_parser) +
        "; this receipts has " + std::to_string(kClaimsParserVersion) +
        "), and its raw pages now read as other claims; its stored claims stand, but cannot be "
        "verified from the pages: ingest the list again ('receipts ingest') to verify it");
  }
  if (!same) {
    return Status::Corruption(ledger->path() + ": snapshot " + std::to_string(snapshot.id) +
                              ": its raw pages no longer read as its stored claims (run "
                              "'receipts check')");
  }
  return claims;
}

namespace {

// DigestRecordFiles for --records inputs: a database (records/postgres_records.h) is named, with
// no file digest; its rows are named by their keys in each verdict's evidence.
Result<std::vector<RecordFileDigest>> DigestRecordInputs(const std::vector<std::string>& inputs) {
  std::vector<RecordFileDigest> digests;
  for (const std::string& input : inputs) {
    if (IsPostgresInput(input)) {
      digests.push_back({PostgresDisplayName(input), ""});
      continue;
    }
    Result<std::vector<RecordFileDigest>> one = DigestRecordFiles({input});
    if (!one.ok()) return one.status();
    digests.push_back(std::move(one->front()));
  }
  return digests;
}

// Verifies `snapshots` of `ledger` in one read of the records and stores each one's verdicts;
// writes the report of the last to `job.out_dir` when it is set.
Result<std::vector<LedgerVerifyResult>> VerifySnapshots(Ledger* ledger,
                                                        const std::vector<SnapshotInfo>& snapshots,
                                                        const LedgerVerifyJob& job) {
  std::vector<LedgerVerifyResult> results(snapshots.size());
  std::vector<VerifyRun*> runs;
  for (std::size_t i = 0; i < snapshots.size(); ++i) {
    results[i].snapshot = snapshots[i];
    VerifyRun& run = results[i].run;
    run.since = job.since;
    run.claim_files = {snapshots[i].source};
    run.record_files = job.record_files;
    auto claims = ReadSnapshotClaims(ledger, snapshots[i]);
    if (!claims.ok()) return claims.status();
    run.claims = std::move(*claims);
    runs.push_back(&run);
  }

  // The digests go into the ledger with the verdicts. Named files are hashed beside the scan; a
  // directory's files are known only once it has been read.
  bool any_directory = false;
  for (const std::string& input : job.record_files) {
    std::error_code ec;
    any_directory = any_directory || std::filesystem::is_directory(input, ec);
  }
  std::vector<std::string> files_read;
  std::future<Result<std::vector<RecordFileDigest>>> digests;
  if (!any_directory) {
    digests = std::async(std::launch::async, DigestRecordInputs, std::cref(job.record_files));
  }
  ClaimsMoney money;
  Status verified = VerifyRunsAgainstRecords(job.record_files, /*progress=*/false, runs,
                                             &files_read, job.out_dir.empty() ? nullptr : &money);
  Result<std::vector<RecordFileDigest>> hashed =
      any_directory ? (verified.ok() ? DigestRecordInputs(files_read)
                                     : Result<std::vector<RecordFileDigest>>(verified))
                    : digests.get();
  if (!verified.ok()) return verified;
  if (!hashed.ok()) return hashed.status();
  for (const LedgerVerifyResult& result : results) {
    if (Status s = StoreVerdicts(ledger, result.snapshot.id, result.run, *hashed); !s.ok()) {
      return s;
    }
  }
  // The report carries the log's checkpoint with this run in it.
  if (!job.out_dir.empty() && !runs.empty()) {
    auto checkpoint = LogCheckpointNote(ledger->db());
    if (!checkpoint.ok()) return checkpoint.status();
    runs.back()->log_checkpoint = *checkpoint;
    if (Status s = WriteVerifyReport(job.out_dir, *runs.back(), &money); !s.ok()) return s;
  }
  return results;
}

}  // namespace

Result<LedgerVerifyResult> RunLedgerVerifyJob(const LedgerVerifyJob& job) {
  auto ledger = Ledger::Open(job.ledger_path, /*create=*/false);
  if (!ledger.ok()) return ledger.status();
  auto snapshot = (*ledger)->FindSnapshot(job.snapshot);
  if (!snapshot.ok()) return snapshot.status();
  auto results = VerifySnapshots(ledger->get(), {*snapshot}, job);
  if (!results.ok()) return results.status();
  return std::move(results->front());
}

Result<std::vector<LedgerVerifyResult>> RunLedgerVerifyAllJob(const LedgerVerifyJob& job) {
  auto ledger = Ledger::Open(job.ledger_path, /*create=*/false);
  if (!ledger.ok()) return ledger.status();
  auto snapshots = (*ledger)->Snapshots();
  if (!snapshots.ok()) return snapshots.status();
  if (snapshots->empty()) {
    return Status::InvalidInput(job.ledger_path + ": the ledger holds no snapshot to verify");
  }
  LedgerVerifyJob all = job;
  all.out_dir.clear();
  return VerifySnapshots(ledger->get(), *snapshots, all);
}

}  // namespace receipts
