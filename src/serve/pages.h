// The dashboard's pages, rendered on the server so that every table, filter, sort and link
// works with JavaScript off (forms are plain GET forms, sorting and paging are plain links).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ledger/diff.h"
#include "ledger/ledger.h"
#include "serve/claim_detail.h"
#include "serve/claims_query.h"
#include "serve/diff_filter.h"
#include "serve/snapshot_view.h"

namespace receipts::serve {

// "/": the latest snapshot's headline (claimed vs verified), charts by verdict and by agency,
// the claimed total over the snapshots, and the list of snapshots.
std::string HomePage(const SnapshotView& latest, const std::vector<SnapshotInfo>& snapshots,
                     const std::vector<std::int64_t>& verified_ids);

// "/" before anything was ingested.
std::string EmptyLedgerPage();

// How many claims of another snapshot match the same search.
struct SnapshotMatches {
  SnapshotInfo snapshot;
  std::size_t matches = 0;
};

// "/claims": the search form and filters, the sortable table, the pager, and for a search the
// other snapshots where claims match (`elsewhere`, oldest first).
std::string ClaimsPage(const SnapshotView& view, const ClaimsQuery& query,
                       const ClaimsSelection& selection, const std::vector<SnapshotInfo>& snapshots,
                       const std::vector<SnapshotMatches>& elsewhere);

// "/claims/{key}": the claim, its verdict, measures, reason, evidence and versions.
std::string ClaimPage(const ClaimDetail& detail);

// At most this many changes are listed on the diff page; the CSV has all of them.
inline constexpr std::size_t kDiffPageRows = 1000;

// "/diff": the form choosing two snapshots and, when both are chosen, what changed.
std::string DiffPage(const std::vector<SnapshotInfo>& snapshots, const SnapshotInfo* from,
                     const SnapshotInfo* to, const SnapshotDiff* diff, const DiffFilter& filter,
                     const std::vector<std::string>& agencies);

}  // namespace receipts::serve
