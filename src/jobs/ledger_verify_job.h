// `receipts verify --ledger L --snapshot ID|latest`: the verify path over a stored snapshot. The
// claims are re-read from the snapshot's stored raw pages (exactly what was ingested), checked
// against the stored claims, verified, and the verdicts stored with the snapshot.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "ledger/ledger.h"
#include "verify/claim_result.h"

namespace receipts {

struct LedgerVerifyJob {
  std::string ledger_path;
  std::string snapshot = "latest";  // an id or "latest"
  std::vector<std::string> record_files;
  std::string out_dir;  // "" = store the verdicts only, write no report directory
  Date since;
};

struct LedgerVerifyResult {
  SnapshotInfo snapshot;
  VerifyRun run;
};

// Runs the job. The report directory (when asked for) is written all or nothing, and the
// verdicts replace any stored for the snapshot in one transaction.
Result<LedgerVerifyResult> RunLedgerVerifyJob(const LedgerVerifyJob& job);

// `receipts verify --ledger L --snapshot all`: every snapshot of the ledger verified in one read
// of the records (the whole wall against a multi-GB file costs one scan, not one per list), each
// as RunLedgerVerifyJob would verify it alone, in snapshot order. `job.snapshot` and `job.out_dir`
// are not used. Each snapshot's verdicts are stored in a transaction of their own, once every
// snapshot is verified: a failure before that stores none.
Result<std::vector<LedgerVerifyResult>> RunLedgerVerifyAllJob(const LedgerVerifyJob& job);

// The claims of raw pages (in order) as ingest and `fetch doge` read them: each page through
// ParseClaims, the kind forced when `snapshot_kind` names one ("contracts", "grants", "leases").
// `receipts check` compares them with the stored claims.
Result<std::vector<Claim>> ReadPagesClaims(const std::vector<RawPage>& pages,
                                           const std::string& snapshot_kind);

// The claims of a stored snapshot, re-read from its raw pages; Corruption when they no longer
// read as the stored claims (same count and keys).
Result<std::vector<Claim>> ReadSnapshotClaims(Ledger* ledger, const SnapshotInfo& snapshot);

}  // namespace receipts
