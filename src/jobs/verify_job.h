// The whole verify path: read claims and records, match, verify, write the report directory.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/claim.h"
#include "core/date.h"
#include "core/status.h"
#include "report/claims_money.h"
#include "verify/claim_result.h"

namespace receipts {

struct VerifyJob {
  std::vector<std::string> claim_files;
  std::vector<std::string> record_files;
  std::string out_dir;
  Date since;
  std::optional<ClaimKind> kind;  // force the claims' kind instead of detecting it
  bool progress = false;          // draw the record scan's progress on stderr
};

// Reads the record inputs (files, per-award downloads, record stores and directories:
// jobs/record_inputs.h), decoding only the awards `run->claims` can match (memory follows the
// claims, not the files), and fills run->results, records_as_of and record_actions for
// run->since. `progress`: draw the scan's progress on stderr. `files_read` (may be null) gets
// every file read. `money` (may be null) gets the vendor families and leads of the claimed awards
// (report/claims_money.h), for the report.
Status VerifyAgainstRecords(const std::vector<std::string>& record_files, bool progress,
                            VerifyRun* run, std::vector<std::string>* files_read = nullptr,
                            ClaimsMoney* money = nullptr);

// The same for several runs (the snapshots of a ledger) in one read of the records: the awards any
// of them can match are decoded once, then each run's claims are verified on their own, as
// VerifyAgainstRecords would verify them alone. `money` (may be null) is for the last run.
Status VerifyRunsAgainstRecords(const std::vector<std::string>& record_files, bool progress,
                                const std::vector<VerifyRun*>& runs,
                                std::vector<std::string>* files_read = nullptr,
                                ClaimsMoney* money = nullptr);

// Runs the job. Writes DIR/verdicts.csv, summary.json, summary.md and report.html all or
// nothing: on any error no new output is left in DIR. Claims from several files are numbered
// in the order the files are given.
Result<VerifyRun> RunVerifyJob(const VerifyJob& job);

}  // namespace receipts
