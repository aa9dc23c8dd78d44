#include "ledger/timeline.h"

#include <algorithm>
#include <map>
#include <utility>

#include "ledger/diff.h"

namespace receipts {
namespace {

std::optional<StoredVerdict> LatestVerdict(
    const std::map<std::string, std::vector<StoredVerdict>>& verdicts, const std::string& key,
    std::int64_t up_to_snapshot) {
  auto found = verdicts.find(key);
  if (found == verdicts.end()) return std::nullopt;
  std::optional<StoredVerdict> out;
  for (const StoredVerdict& v : found->second) {
    if (v.snapshot_id <= up_to_snapshot) out = v;
  }
  return out;
}

}  // namespace

Result<LedgerTimeline> BuildTimeline(Ledger* ledger) {
  LedgerTimeline timeline;
  auto snapshots = ledger->Snapshots();
  if (!snapshots.ok()) return snapshots.status();
  timeline.snapshots = std::move(*snapshots);
  auto verdicts = VerdictsByClaimKey(ledger);
  if (!verdicts.ok()) return verdicts.status();

  // Each snapshot is compared with the one before it of the same kind: a grants list between two
  // contracts lists neither removes nor adds contracts.
  std::map<std::string, std::pair<std::size_t, std::vector<LedgerClaim>>> last_of_kind;
  for (std::size_t i = 0; i < timeline.snapshots.size(); ++i) {
    auto after = ledger->Claims(timeline.snapshots[i].id, /*with_raw=*/false);
    if (!after.ok()) return after.status();
    auto previous = last_of_kind.find(timeline.snapshots[i].kind);
    if (previous != last_of_kind.end()) {
      const std::vector<LedgerClaim>& before = previous->second.second;
      const SnapshotInfo& a = timeline.snapshots[previous->second.first];
      const SnapshotInfo& b = timeline.snapshots[i];
      SnapshotDiff diff = DiffClaims(before, *after);
      timeline.pairs.push_back({a, b, diff.added, diff.removed, diff.changed, diff.added_savings,
                                diff.removed_savings, diff.changed_delta});
      for (ClaimChange& change : diff.changes) {
        if (change.type == ChangeType::kRemoved) {
          std::optional<StoredVerdict> verdict = LatestVerdict(*verdicts, change.key, a.id);
          timeline.removed.push_back({std::move(*change.old_claim), a, b, std::move(verdict)});
        } else if (change.type == ChangeType::kChanged &&
                   change.old_claim->claimed_savings != change.new_claim->claimed_savings) {
          std::optional<StoredVerdict> verdict = LatestVerdict(*verdicts, change.key, a.id);
          timeline.revised.push_back({std::move(*change.old_claim), std::move(*change.new_claim), a,
                                      b, std::move(verdict)});
        }
      }
    }
    last_of_kind[timeline.snapshots[i].kind] = {i, std::move(*after)};
  }
  std::stable_sort(timeline.removed.begin(), timeline.removed.end(),
                   [](const RemovedClaim& x, const RemovedClaim& y) {
                     return x.last.claimed_savings.value_or(0) > y.last.claimed_savings.value_or(0);
                   });
  auto reduction = [](const RevisedClaim& r) {
    return r.before.claimed_savings.value_or(0) - r.after.claimed_savings.value_or(0);
  };
  std::stable_sort(
      timeline.revised.begin(), timeline.revised.end(),
      [&](const RevisedClaim& x, const RevisedClaim& y) { return reduction(x) > reduction(y); });
  return timeline;
}

}  // namespace receipts
