// The dashboard's pages: each page's view model, built from the same model its API endpoint
// serialises (serve/api_json.h) plus the page's navigation (forms, sort links, pager), and
// rendered by its template (src/serve/templates/NAME.mustache, serve/templates.h). Every
// table, filter, sort and link works with JavaScript off: forms are plain GET forms, sorting and
// paging are plain links. `?format=json` on a page answers its whole model.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ledger/diff.h"
#include "ledger/ledger.h"
#include "report/view.h"
#include "serve/claim_detail.h"
#include "serve/claims_query.h"
#include "serve/diff_filter.h"
#include "serve/snapshot_view.h"

namespace receipts::serve {

// "/" (template home): a snapshot's headline (claimed vs verified), charts by verdict and by
// agency, the claimed total over the snapshots, and the list of snapshots. ("/" before anything
// was ingested is the template empty.)
View HomeModel(const SnapshotView& view, const std::vector<SnapshotInfo>& snapshots,
               const std::vector<std::int64_t>& verified_ids);

// How many claims of another snapshot match the same search.
struct SnapshotMatches {
  SnapshotInfo snapshot;
  std::size_t matches = 0;
};

// "/claims" (template claims): the search form and filters, the sortable table, the pager, and
// for a search the other snapshots where claims match (`elsewhere`, oldest first).
View ClaimsPageModel(const SnapshotView& view, const ClaimsQuery& query,
                     const ClaimsSelection& selection, const std::vector<SnapshotInfo>& snapshots,
                     const std::vector<SnapshotMatches>& elsewhere);

// "/claims/{key}" (template claim): the claim, its verdict, measures, reason, evidence, record
// rows and every version.
View ClaimPageModel(const ClaimDetail& detail);

// At most this many changes are listed on the diff page; the CSV has all of them.
inline constexpr std::size_t kDiffPageRows = 1000;

// "/diff" (template diff): the form choosing two snapshots and, when both are chosen (`diff`
// not null), what changed.
View DiffPageModel(const std::vector<SnapshotInfo>& snapshots, const SnapshotInfo* from,
                   const SnapshotInfo* to, const SnapshotDiff* diff, const DiffFilter& filter,
                   const std::vector<std::string>& agencies);

// One <option> of a form's select (template option): `value`, `label`, `selected`.
View OptionModel(std::string value, std::string label, bool selected);

// An error page's model (template error): `status` and `error`.
View ErrorModel(int status, std::string_view message);

}  // namespace receipts::serve
