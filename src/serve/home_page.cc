#include <algorithm>
#include <map>

#include "report/percent.h"
#include "report/trend_chart.h"
#include "report/verdict_style.h"
#include "serve/api_json.h"
#include "serve/charts.h"
#include "serve/page_layout.h"
#include "serve/pages.h"
#include "serve/url.h"
#include "serve/verdicts.h"

namespace receipts::serve {
namespace {
constexpr std::size_t kChartAgencies = 12;

std::string ClaimsLink(std::int64_t snapshot_id, const char* name, const std::string& value) {
  return "/claims" + QueryString({{"snapshot", std::to_string(snapshot_id)}, {name, value}});
}

}  // namespace

View HomeModel(const SnapshotView& view, const std::vector<SnapshotInfo>& snapshots,
               const std::vector<std::int64_t>& verified_ids) {
  View m = SummaryModel(view);
  const std::int64_t id = view.snapshot.id;

  // Permalinks to the overview of each kind's latest list.
  std::map<std::string, std::int64_t> latest_of_kind;
  for (const SnapshotInfo& s : snapshots) latest_of_kind[s.kind] = s.id;
  View& kinds = m.Set("kinds", View::List());
  for (const auto& [kind, latest] : latest_of_kind) {
    View& k = kinds.Push(View::Object());
    k.Set("kind", kind);
    k.Set("on", kind == view.snapshot.kind);
  }

  if (view.verified_total) {
    m.Set("verified_share", PercentOf(*view.verified_total, view.claimed_total));
    m.Set("not_verified", View::Money(view.claimed_total - *view.verified_total));
  }

  // Zero-count verdicts take no row and no bar.
  std::vector<ChartBar> bars;
  View& verdict_rows = m.Set("verdict_rows", View::List());
  if (View* by_verdict = m.Find("by_verdict")) {
    for (std::size_t i = 0; i < view.by_verdict.size(); ++i) {
      const VerdictTotals& v = view.by_verdict[i];
      if (v.count == 0) continue;
      View row = by_verdict->items()[i];
      row.Set("href", ClaimsLink(id, "verdict", VerdictName(v.verdict)));
      verdict_rows.Push(std::move(row));
      bars.push_back({VerdictLabel(v.verdict), v.claimed, v.verified,
                      VerdictColourOf(VerdictName(v.verdict))});
    }
  }
  if (view.verified) {
    m.Set("chart_verdicts",
          View::Markup(
              BarChartSvg(bars, "Claimed and verified savings by verdict", "chart-verdicts")));
  }

  std::vector<ChartBar> agencies;
  View& top = m.Set("top_agencies", View::List());
  for (std::size_t i = 0; i < std::min(kChartAgencies, view.by_agency.size()); ++i) {
    const AgencyTotals& a = view.by_agency[i];
    agencies.push_back(
        {a.agency.empty() ? "(not named)" : a.agency, a.claimed, a.verified, "#2b5c8a"});
    if (a.agency.empty()) continue;
    View& link = top.Push(View::Object());
    link.Set("agency", a.agency);
    link.Set("href", ClaimsLink(id, "agency", a.agency));
    link.Set("first", top.items().size() == 1);
  }
  m.Set("top_agency_count", View::Count(agencies.size()));
  m.Set("chart_agencies",
        View::Markup(
            BarChartSvg(agencies, "Claimed and verified savings by agency", "chart-agencies")));

  // One trend chart per kind: a grants list's total is not a change in the contracts' total.
  const std::vector<std::vector<SnapshotInfo>> by_kind = SnapshotsByKind(snapshots);
  View& trends = m.Set("trends", View::List());
  for (std::size_t k = 0; k < by_kind.size(); ++k) {
    View& trend = trends.Push(View::Object());
    trend.Set("kind", by_kind.size() > 1 ? by_kind[k].front().kind : std::string());
    trend.Set("chart", View::Markup(TrendChartSvg(
                           by_kind[k], k == 0 ? std::string("chart-trend")
                                              : "chart-trend-" + by_kind[k].front().kind)));
  }

  // Every snapshot, with the change from the last list of its kind.
  View& rows = m.Set("snapshots", View::List());
  std::map<std::string, std::int64_t> last_of_kind;
  for (const SnapshotInfo& s : snapshots) {
    bool verified = std::find(verified_ids.begin(), verified_ids.end(), s.id) != verified_ids.end();
    View& row = rows.Push(SnapshotModel(s, verified));
    auto previous = last_of_kind.find(s.kind);
    if (previous != last_of_kind.end()) {
      row.Set("changes_from", View::Int(previous->second));
      row.Set("changes_href", "/diff" + QueryString({{"from", std::to_string(previous->second)},
                                                     {"to", std::to_string(s.id)}}));
    }
    last_of_kind[s.kind] = s.id;
  }
  return m;
}

}  // namespace receipts::serve
