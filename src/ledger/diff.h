// What changed between two snapshots, claim by claim (paired by claim key) and field by field
// (the canonical fields only; raw and scraper columns are never diffed).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "ledger/canonical.h"

namespace receipts {

enum class ChangeType { kAdded, kRemoved, kChanged };
const char* ChangeTypeName(ChangeType type);  // "added", "removed", "changed"

struct FieldChange {
  std::string field;  // a kCanonicalFieldNames entry
  std::string old_value;
  std::string new_value;
};

struct ClaimChange {
  ChangeType type = ChangeType::kChanged;
  std::string key;
  std::string kind;
  std::optional<LedgerClaim> old_claim;  // absent for added
  std::optional<LedgerClaim> new_claim;  // absent for removed
  std::vector<FieldChange> fields;       // changed only, in canonical field order
};

struct SnapshotDiff {
  std::vector<ClaimChange> changes;  // sorted by claim key
  std::size_t added = 0;
  std::size_t removed = 0;
  std::size_t changed = 0;
  Cents added_savings = 0;    // claimed savings of the added claims
  Cents removed_savings = 0;  // last claimed savings of the removed claims
  Cents changed_delta = 0;    // new minus old claimed savings over the changed claims
};

// The changes that turn `before` into `after`.
SnapshotDiff DiffClaims(const std::vector<LedgerClaim>& before,
                        const std::vector<LedgerClaim>& after);

// The field changes between two versions of one claim, in canonical field order.
std::vector<FieldChange> DiffFields(const LedgerClaim& before, const LedgerClaim& after);

}  // namespace receipts
