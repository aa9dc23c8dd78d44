#include "serve/diff_filter.h"

#include <algorithm>
#include <set>

#include "core/text.h"

namespace receipts::serve {
namespace {

const LedgerClaim& AnyClaim(const ClaimChange& change) {
  return change.new_claim ? *change.new_claim : *change.old_claim;
}

Cents SavingsOf(const std::optional<LedgerClaim>& claim) {
  return claim && claim->claimed_savings ? *claim->claimed_savings : 0;
}

}  // namespace

Result<DiffFilter> ParseDiffFilter(const QueryParams& params, bool default_by_size) {
  DiffFilter filter;
  filter.by_size = default_by_size;
  if (std::string change = Param(params, "change"); !change.empty()) {
    for (ChangeType type : {ChangeType::kAdded, ChangeType::kRemoved, ChangeType::kChanged}) {
      if (change == ChangeTypeName(type)) filter.change = type;
    }
    if (!filter.change) {
      return Status::InvalidInput("parameter 'change' must be added, removed or changed");
    }
  }
  filter.agency = std::string(Trim(Param(params, "agency")));
  std::string money = Param(params, "money");
  if (money != "" && money != "0" && money != "1") {
    return Status::InvalidInput("parameter 'money' must be 1 (only changes of claimed savings)");
  }
  filter.money_only = money == "1";
  std::string sort = Param(params, "sort");
  if (sort == "size") {
    filter.by_size = true;
  } else if (sort == "key") {
    filter.by_size = false;
  } else if (!sort.empty()) {
    return Status::InvalidInput("parameter 'sort' must be size or key");
  }
  return filter;
}

Cents SavingsMoved(const ClaimChange& change) {
  Cents moved = SavingsOf(change.new_claim) - SavingsOf(change.old_claim);
  return moved < 0 ? -moved : moved;
}

SnapshotDiff FilterDiff(const SnapshotDiff& diff, const DiffFilter& filter) {
  SnapshotDiff out = diff;
  out.changes.clear();
  for (const ClaimChange& change : diff.changes) {
    if (filter.change && change.type != *filter.change) continue;
    if (!filter.agency.empty() && Trim(AnyClaim(change).agency) != filter.agency) continue;
    if (filter.money_only && SavingsMoved(change) == 0) continue;
    out.changes.push_back(change);
  }
  if (filter.by_size) {
    // Stable: equal moves keep the diff's claim-key order.
    std::stable_sort(out.changes.begin(), out.changes.end(),
                     [](const ClaimChange& a, const ClaimChange& b) {
                       return SavingsMoved(a) > SavingsMoved(b);
                     });
  }
  return out;
}

std::vector<std::string> AgenciesOfDiff(const SnapshotDiff& diff) {
  std::set<std::string> agencies;
  for (const ClaimChange& change : diff.changes) {
    std::string_view agency = Trim(AnyClaim(change).agency);
    if (!agency.empty()) agencies.emplace(agency);
  }
  return {agencies.begin(), agencies.end()};
}

}  // namespace receipts::serve
