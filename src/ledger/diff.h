// What changed between two snapshots, claim by claim (paired by claim key) and field by field
// (the canonical fields only; raw and scraper columns are never diffed).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "ledger/canonical.h"
#include "ledger/ledger.h"

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

// The changes that turn stored snapshot `from` into `to`. Snapshots of different kinds (a grants
// list and a contracts list) are refused with InvalidInput naming both: every claim of one would
// read as removed and every claim of the other as added.
Result<SnapshotDiff> DiffSnapshots(Ledger* ledger, const SnapshotInfo& from,
                                   const SnapshotInfo& to);

// True when a claim of `claim_kind` ("contract", "grant", "lease") belongs in the history of
// snapshots of `snapshot_kind` ("contracts", "grants", "leases", "mixed"): absent from a list of
// another kind is not "gone".
bool SnapshotKindHolds(std::string_view snapshot_kind, std::string_view claim_kind);

// The field changes between two versions of one claim, in canonical field order.
std::vector<FieldChange> DiffFields(const LedgerClaim& before, const LedgerClaim& after);

}  // namespace receipts
