#include "core/text.h"
#include "report/verdict_style.h"
#include "serve/api_json.h"
#include "serve/page_layout.h"
#include "serve/pages.h"
#include "verify/claim_result.h"

namespace receipts::serve {
namespace {

// A column header that sorts by `sort`: the same column again flips the order.
View SortHeader(const ClaimsQuery& query, ClaimSort sort, std::string_view label, bool money) {
  ClaimsQuery next = query;
  next.sort = sort;
  const bool active = query.sort == sort;
  next.descending = active ? !query.descending : SortsDescendingByDefault(sort);
  next.page = 1;
  std::string cls = money ? "m" : "";
  if (active)
    cls += std::string(cls.empty() ? "" : " ") + "sorted" + (query.descending ? " desc" : "");
  View h = View::Object();
  h.Set("label", label);
  h.Set("href", "/claims" + ClaimsQueryString(next, 1));
  h.Set("class", cls);
  h.Set("aria_sort", active ? (query.descending ? "descending" : "ascending") : "");
  return h;
}

}  // namespace

View ClaimsPageModel(const SnapshotView& view, const ClaimsQuery& query,
                     const ClaimsSelection& selection, const std::vector<SnapshotInfo>& snapshots,
                     const std::vector<SnapshotMatches>& elsewhere) {
  View m = ClaimsModel(view, query, selection);
  m.Set("listed", View::Count(view.rows.size()));
  m.Set("q", query.q);

  // The filter form: a plain GET form; JS only re-submits it when a select changes.
  View& agencies = m.Set("agency_options", View::List());
  agencies.Push(OptionModel("", "all agencies", query.agency.empty()));
  for (const AgencyTotals& a : view.by_agency) {
    if (a.agency.empty()) continue;
    agencies.Push(OptionModel(a.agency, a.agency + " (" + std::to_string(a.count) + ")",
                              ToLowerAscii(a.agency) == ToLowerAscii(query.agency)));
  }
  View& verdicts = m.Set("verdict_options", View::List());
  verdicts.Push(OptionModel("", "all verdicts", query.verdict.empty()));
  for (int i = 0; i < kVerdictCount; ++i) {
    const char* name = VerdictName(static_cast<Verdict>(i));
    verdicts.Push(OptionModel(name, VerdictLabel(static_cast<Verdict>(i)), query.verdict == name));
  }
  verdicts.Push(OptionModel("unverified", "no stored verdict", query.verdict == "unverified"));
  View& snapshot_options = m.Set("snapshot_options", View::List());
  snapshot_options.Push(OptionModel("latest", "latest", query.snapshot == "latest"));
  for (auto s = snapshots.rbegin(); s != snapshots.rend(); ++s) {
    const std::string id = std::to_string(s->id);
    snapshot_options.Push(OptionModel(id, SnapshotLabel(*s), query.snapshot == id));
  }
  View& per_page = m.Set("per_page_options", View::List());
  for (std::int64_t n : {25, 50, 100, 500}) {
    per_page.Push(OptionModel(std::to_string(n), std::to_string(n), query.per_page == n));
  }
  m.Set("sort_param", query.sort != ClaimSort::kSeq ? ClaimSortName(query.sort) : "");

  std::string csv_query = ClaimsQueryString(query, 1);
  csv_query += csv_query.empty() ? "?format=csv" : "&format=csv";
  m.Set("csv_href", "/api/claims" + csv_query);

  m.Set("has_elsewhere", !elsewhere.empty());
  View& others = m.Set("elsewhere", View::List());
  for (const SnapshotMatches& match : elsewhere) {
    ClaimsQuery there = query;
    there.snapshot = std::to_string(match.snapshot.id);
    View& o = others.Push(View::Object());
    o.Set("matches", View::Count(match.matches));
    o.Set("snapshot_id", View::Int(match.snapshot.id));
    o.Set("kind", match.snapshot.kind);
    o.Set("day", match.snapshot.as_of.substr(0, 10));
    o.Set("href", "/claims" + ClaimsQueryString(there, 1));
    o.Set("first", others.items().size() == 1);
  }

  View& columns = m.Set("columns", View::List());
  columns.Push(SortHeader(query, ClaimSort::kSeq, "#", false));
  columns.Push(SortHeader(query, ClaimSort::kPiid, "PIID / key", false));
  columns.Push(SortHeader(query, ClaimSort::kAgency, "Agency", false));
  columns.Push(SortHeader(query, ClaimSort::kVendor, "Vendor", false));
  columns.Push(SortHeader(query, ClaimSort::kDate, "Date", false));
  columns.Push(SortHeader(query, ClaimSort::kClaimed, "Claimed", true));
  columns.Push(SortHeader(query, ClaimSort::kVerified, "Verified", true));
  columns.Push(SortHeader(query, ClaimSort::kVerdict, "Verdict", false));

  if (query.page > 1) m.Set("prev_href", "/claims" + ClaimsQueryString(query, query.page - 1));
  if (query.page < selection.pages) {
    m.Set("next_href", "/claims" + ClaimsQueryString(query, query.page + 1));
  }
  return m;
}

}  // namespace receipts::serve
