// Small pieces the pages and their models share: claim paths, times and snapshot labels as a
// reader reads them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ledger/ledger.h"

namespace receipts::serve {

// "/claims/<key>?snapshot=<id>" (escaped by the template).
std::string ClaimPath(std::string_view key, std::int64_t snapshot_id);
// "/claims/<key>": the claim in the latest snapshot listing it.
std::string ClaimPath(std::string_view key);
// "/api/proofs/KEY?snapshot=ID": the claim's proof file (GET /api/proofs/{key}).
std::string ProofPath(std::string_view key, std::int64_t snapshot_id);

// "2025-02-18 18:25 UTC" for "2025-02-18T18:25:00Z"; "2025-03-13" for a list dated by its day
// (midnight UTC); anything else as it is.
std::string AsOfText(std::string_view as_of);

// "snapshot 3 · contracts · 2025-02-19 10:50 UTC · 1,127 claims".
std::string SnapshotLabel(const SnapshotInfo& snapshot);

}  // namespace receipts::serve
