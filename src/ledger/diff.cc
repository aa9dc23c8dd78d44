#include "ledger/diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "core/claim.h"
#include "core/csv_writer.h"

namespace receipts {

const char* ChangeTypeName(ChangeType type) {
  constexpr const char* kNames[] = {"added", "removed", "changed"};
  auto i = static_cast<std::size_t>(type);
  return i < std::size(kNames) ? kNames[i] : kNames[0];
}

Result<SnapshotDiff> DiffSnapshots(Ledger* ledger, const SnapshotInfo& from,
                                   const SnapshotInfo& to) {
  if (from.kind != to.kind) {
    return Status::InvalidInput(fmt::format(
        "snapshot {} is a {} list and snapshot {} a {} list: a diff compares lists of one kind "
        "('receipts log' shows each snapshot's kind)",
        from.id, from.kind, to.id, to.kind));
  }
  auto before = ledger->Claims(from.id, /*with_raw=*/false);
  if (!before.ok()) return before.status();
  auto after = ledger->Claims(to.id, /*with_raw=*/false);
  if (!after.ok()) return after.status();
  return DiffClaims(*before, *after);
}

bool SnapshotKindHolds(std::string_view snapshot_kind, std::string_view claim_kind) {
  if (snapshot_kind == "mixed") return true;
  std::optional<ClaimKind> a = ClaimKindNamed(snapshot_kind), b = ClaimKindNamed(claim_kind);
  return !a || !b || *a == *b;
}

std::vector<FieldChange> DiffFields(const LedgerClaim& before, const LedgerClaim& after) {
  std::vector<std::string> a = CanonicalFieldValues(before), b = CanonicalFieldValues(after);
  std::vector<FieldChange> out;
  for (std::size_t i = 0; i < kCanonicalFieldCount; ++i) {
    if (a[i] != b[i]) out.push_back({kCanonicalFieldNames[i], a[i], b[i]});
  }
  return out;
}

SnapshotDiff DiffClaims(const std::vector<LedgerClaim>& before,
                        const std::vector<LedgerClaim>& after) {
  std::unordered_map<std::string_view, const LedgerClaim*> after_by_key, before_by_key;
  for (const LedgerClaim& c : after) after_by_key.emplace(c.key, &c);
  for (const LedgerClaim& c : before) before_by_key.emplace(c.key, &c);
  SnapshotDiff diff;
  for (const LedgerClaim& old_claim : before) {
    auto found = after_by_key.find(old_claim.key);
    if (found == after_by_key.end()) {
      diff.changes.push_back(
          {ChangeType::kRemoved, old_claim.key, old_claim.kind, old_claim, std::nullopt, {}});
      ++diff.removed;
      diff.removed_savings += old_claim.claimed_savings.value_or(0);
      continue;
    }
    const LedgerClaim& new_claim = *found->second;
    std::vector<FieldChange> fields = DiffFields(old_claim, new_claim);
    if (fields.empty()) continue;
    ++diff.changed;
    diff.changed_delta +=
        new_claim.claimed_savings.value_or(0) - old_claim.claimed_savings.value_or(0);
    diff.changes.push_back({ChangeType::kChanged, new_claim.key, new_claim.kind, old_claim,
                            new_claim, std::move(fields)});
  }
  for (const LedgerClaim& new_claim : after) {
    if (before_by_key.count(new_claim.key) > 0) continue;
    diff.changes.push_back(
        {ChangeType::kAdded, new_claim.key, new_claim.kind, std::nullopt, new_claim, {}});
    ++diff.added;
    diff.added_savings += new_claim.claimed_savings.value_or(0);
  }
  std::stable_sort(diff.changes.begin(), diff.changes.end(),
                   [](const ClaimChange& a, const ClaimChange& b) { return a.key < b.key; });
  return diff;
}

}  // namespace receipts
