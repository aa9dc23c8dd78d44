// One claim as its page shows it: the claim in one snapshot with its stored verdict, the
// measures and record rows behind it (when the server has the records), and every version of it
// across the snapshots with what changed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/award.h"
#include "core/money.h"
#include "core/status.h"
#include "jobs/record_check.h"
#include "ledger/diff.h"
#include "ledger/ledger.h"
#include "report/record_links.h"
#include "serve/snapshot_view.h"
#include "verify/claim_result.h"

namespace receipts::serve {

struct ClaimVersionView {
  SnapshotInfo snapshot;
  std::optional<LedgerClaim> claim;  // absent: not listed in this snapshot
  std::string mark;                  // "listed", "changed", "unchanged", "gone", "back"
  std::vector<FieldChange> changes;  // against the previous listed version
  std::optional<ClaimVerdict> verdict;
};

struct ClaimDetail {
  std::string key;
  SnapshotInfo snapshot;  // the snapshot shown
  ClaimRow row;
  std::optional<ClaimResult> check;        // recomputed measures and evidence (serve --records)
  bool check_matches_stored = false;       // computed from the record files the stored verdict used
  std::vector<ClaimVersionView> versions;  // from the first snapshot listing it on
  // The matched award as the records hold it, every action oldest first (serve --records).
  std::optional<Award> record_award;
};

// One stretch of a claim's life: from `snapshot` on it claimed `claimed_savings` (or was gone
// from the list), until the next step.
struct LifeStep {
  SnapshotInfo snapshot;
  bool gone = false;
  std::optional<Cents> claimed_savings;
  std::string verdict;  // the stored verdict of the step's first snapshot, "" when none
};

// A new step at the first listing, whenever the claimed savings change, when the claim leaves
// the list and when it comes back; versions that repeat the figure add nothing.
std::vector<LifeStep> LifeOfClaim(const std::vector<ClaimVersionView>& versions);

// "First claimed $8,000,000,000.00 on 2025-02-18 18:25 UTC; $8,000,000.00 from 2025-02-19
// 10:50 UTC (IDV ceiling, not money); gone from the list from 2025-04-08." Exact figures, each
// step's as-of (AsOfText) and the verdict stored for it, when there is one.
std::string LifeSentence(const std::vector<LifeStep>& steps);

// The claim with `key` (or the one claim a PIID, award id or FAIN names) in `snapshot_ref`
// ("" = the latest snapshot listing it, "latest", or an id). NotFound when there is none, or
// when an identifier names several claims (the message lists them). `check` may be null.
Result<ClaimDetail> LoadClaimDetail(Ledger* ledger, RecordCheck* check, std::string_view key,
                                    std::string_view snapshot_ref);

// The key of the claim's award: the stored verdict's, else the recomputed check's; "" when none.
std::string AwardKeyOfDetail(const ClaimDetail& detail);

// The parent IDV of the claim's award: from the recomputed check, else from the records' award,
// else empty (LinksOfClaim then reads it from the award key).
ParentIdv ParentIdvOfDetail(const ClaimDetail& detail);

// The links of the claim shown: from the recomputed check when there is one (its evidence and
// the record's parent IDV), else from the stored award key alone.
ClaimLinks LinksOfDetail(const ClaimDetail& detail);

}  // namespace receipts::serve
