// The ledger over time: totals per snapshot, what each snapshot added, removed and changed
// relative to the one before, and the claims that were taken down or revised (with any verdict
// stored for them). What `receipts report` draws.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/money.h"
#include "ledger/canonical.h"
#include "ledger/ledger.h"
#include "ledger/verdict_store.h"

namespace receipts {

struct SnapshotPair {
  SnapshotInfo before;
  SnapshotInfo after;
  std::size_t added = 0;
  std::size_t removed = 0;
  std::size_t changed = 0;
  Cents added_savings = 0;
  Cents removed_savings = 0;
  Cents changed_delta = 0;  // new minus old claimed savings over the changed claims
};

// A claim listed in `last_seen` and no longer in the next snapshot, `removed_in`.
struct RemovedClaim {
  LedgerClaim last;  // as last listed
  SnapshotInfo last_seen;
  SnapshotInfo removed_in;
  std::optional<StoredVerdict> verdict;  // the latest stored for it up to last_seen
};

// A claim whose claimed savings changed from one snapshot to the next.
struct RevisedClaim {
  LedgerClaim before;
  LedgerClaim after;
  SnapshotInfo before_snapshot;
  SnapshotInfo after_snapshot;
  std::optional<StoredVerdict> verdict;  // the latest stored for it up to before_snapshot
};

struct LedgerTimeline {
  std::vector<SnapshotInfo> snapshots;
  std::vector<SnapshotPair> pairs;    // each snapshot with the one before it of its kind
  std::vector<RemovedClaim> removed;  // largest last claimed savings first
  std::vector<RevisedClaim> revised;  // largest reduction first
};

Result<LedgerTimeline> BuildTimeline(Ledger* ledger);

}  // namespace receipts
