// `receipts history`: every version of a claim across the snapshots, with where it changed and
// where it disappeared.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ledger/canonical.h"
#include "ledger/ledger.h"

namespace receipts {

struct ClaimVersion {
  SnapshotInfo snapshot;
  std::optional<LedgerClaim> claim;  // absent: not listed in this snapshot
};

struct ClaimHistory {
  std::string key;
  std::vector<ClaimVersion> versions;  // every snapshot from the claim's first one on
};

// The histories of the claims `key_or_id` names: a claim key (with or without its "#n"), a PIID,
// a USAspending award id, a FAIN, or the award a stored verdict matched (a GSA lease number, a
// USAspending award key). Ordered by key; empty when nothing matches.
Result<std::vector<ClaimHistory>> FindClaimHistories(Ledger* ledger, std::string_view key_or_id);

// The history of the claim whose key is exactly `key` (one indexed read), or nullopt when no
// snapshot lists it: for a caller that has the key, which need not look at identifiers.
Result<std::optional<ClaimHistory>> FindClaimHistoryOfKey(Ledger* ledger, std::string_view key);

}  // namespace receipts
