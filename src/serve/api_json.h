// The JSON bodies of the API (doc/api.md). Money is always a dollar string ("123.45") with an
// integer *_cents twin, or null twice when unknown: no reader ever parses money as a float.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ledger/diff.h"
#include "ledger/ledger.h"
#include "serve/claim_detail.h"
#include "serve/claims_query.h"
#include "serve/snapshot_view.h"

namespace receipts::serve {

// {"error": MESSAGE}
std::string ErrorJson(const std::string& message);

// One snapshot object; `verified`: verdicts are stored for it.
std::string SnapshotJson(const SnapshotInfo& snapshot, bool verified);

// {"snapshots": [...]} oldest first.
std::string SnapshotsJson(const std::vector<SnapshotInfo>& snapshots,
                          const std::vector<std::int64_t>& verified_ids);

// GET /api/summary.
std::string SummaryJson(const SnapshotView& view);

// GET /api/claims.
std::string ClaimsJson(const SnapshotView& view, const ClaimsQuery& query,
                       const ClaimsSelection& selection);

// GET /api/claims/{key}.
std::string ClaimDetailJson(const ClaimDetail& detail);

// GET /api/diff.
std::string DiffJson(const SnapshotInfo& from, const SnapshotInfo& to, const SnapshotDiff& diff);

// POST /api/snapshots.
std::string IngestJson(const SnapshotInfo& snapshot, bool unchanged);

}  // namespace receipts::serve
