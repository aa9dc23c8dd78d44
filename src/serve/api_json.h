// The view models of the API and the dashboard (doc/api.md). Each function builds the data one
// endpoint serialises and one page renders: the page adds its navigation (forms, sort links,
// pager) to the same object, so a fix to a figure lands on the page and in the API at once.
// Money is always a dollar string ("123.45") with an integer *_cents twin, or null twice when
// unknown: no reader ever parses money as a float.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ledger/diff.h"
#include "ledger/ledger.h"
#include "report/view.h"
#include "serve/claim_detail.h"
#include "serve/claims_query.h"
#include "serve/snapshot_view.h"

namespace receipts::serve {

// {"error": MESSAGE}
std::string ErrorJson(const std::string& message);

// One snapshot; `verified`: verdicts are stored for it. Carries `label` ("snapshot 3 · …").
View SnapshotModel(const SnapshotInfo& snapshot, bool verified);

// {"snapshots": [...]} oldest first.
View SnapshotsModel(const std::vector<SnapshotInfo>& snapshots,
                    const std::vector<std::int64_t>& verified_ids);

// GET /api/summary, and the data of the overview page.
View SummaryModel(const SnapshotView& view);

// GET /api/claims, and the data of the claims page.
View ClaimsModel(const SnapshotView& view, const ClaimsQuery& query,
                 const ClaimsSelection& selection);

// GET /api/claims/{key}, and the data of the claim page.
View ClaimDetailModel(const ClaimDetail& detail);

// GET /api/diff, and the data of the diff page; at most `max_changes` changes are listed.
View DiffModel(const SnapshotInfo& from, const SnapshotInfo& to, const SnapshotDiff& diff,
               std::size_t max_changes = SIZE_MAX);

// A verdict's object (`verdict`, `label`, `meaning`, …), or null.
View VerdictModel(const std::optional<ClaimVerdict>& verdict);

// POST /api/snapshots.
View IngestModel(const SnapshotInfo& snapshot, bool unchanged);

// The model as the API's body: its JSON and a newline.
std::string JsonBody(const View& model);

}  // namespace receipts::serve
