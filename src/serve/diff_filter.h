// Which changes of a diff a reader asked to see, and in what order: the diff page and
// /api/diff take the same parameters (change, agency, money, sort).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "ledger/diff.h"
#include "serve/params.h"

namespace receipts::serve {

struct DiffFilter {
  std::optional<ChangeType> change;  // only this type of change; none: every type
  std::string agency;                // only claims of this agency (as listed, trimmed); "": any
  bool money_only = false;           // only changes that move claimed savings
  bool by_size = true;               // largest move of claimed savings first; else by claim key
};

// change=added|removed|changed, agency=NAME, money=1, sort=size|key. `default_by_size` is the
// order when `sort` is absent. InvalidInput naming the parameter for anything else.
Result<DiffFilter> ParseDiffFilter(const QueryParams& params, bool default_by_size);

// How far a change moves claimed savings: |new − old|, an absent figure counting as $0.
Cents SavingsMoved(const ClaimChange& change);

// `diff` with only the changes that pass `filter`, in its order. The counts and totals stay
// those of the whole diff: they describe the two snapshots, not the selection.
SnapshotDiff FilterDiff(const SnapshotDiff& diff, const DiffFilter& filter);

// Every agency named by a change of `diff`, trimmed, sorted, once each.
std::vector<std::string> AgenciesOfDiff(const SnapshotDiff& diff);

}  // namespace receipts::serve
