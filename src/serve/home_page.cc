#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>

#include "report/html_escape.h"
#include "report/percent.h"
#include "report/trend_chart.h"
#include "report/verdict_style.h"
#include "serve/charts.h"
#include "serve/page_layout.h"
#include "serve/pages.h"
#include "serve/url.h"
#include "serve/verdicts.h"

namespace receipts::serve {
namespace {
constexpr std::size_t kChartAgencies = 12;
}  // namespace

std::string EmptyLedgerPage() {
  return RenderPage("Overview", "overview",
                    "<h1>No snapshots yet</h1>\n<p>The ledger holds no snapshot. Add one with "
                    "<code>receipts ingest --ledger L --claims FILE</code>.</p>\n");
}

std::string HomePage(const SnapshotView& view, const std::vector<SnapshotInfo>& snapshots,
                     const std::vector<std::int64_t>& verified_ids) {
  std::string body;
  auto it = std::back_inserter(body);
  fmt::format_to(it,
                 "<h1>Savings claims checked against the record</h1>\n<p class=\"sub\">"
                 "<span data-testid=\"snapshot-label\">{}</span>: {} claims as published "
                 "({}).</p>\n",
                 HtmlEscape(SnapshotLabel(view.snapshot)), GroupThousands(view.rows.size()),
                 HtmlEscape(view.snapshot.kind));

  // Permalinks to the overview of each kind's latest list, and of this snapshot.
  std::map<std::string, std::int64_t> latest_of_kind;
  for (const SnapshotInfo& s : snapshots) latest_of_kind[s.kind] = s.id;
  body += "<nav class=\"kinds\" aria-label=\"kinds\" data-testid=\"kinds\">";
  for (const auto& [kind, id] : latest_of_kind) {
    const bool on = kind == view.snapshot.kind;
    fmt::format_to(it, "<a href=\"/?kind={0}\"{1}>{0}</a>", HtmlEscape(kind),
                   on ? " aria-current=\"page\" class=\"on\"" : "");
  }
  fmt::format_to(it,
                 "<span class=\"muted\">permalink: <a href=\"/?snapshot={0}\" "
                 "data-testid=\"permalink\">/?snapshot={0}</a></span></nav>\n",
                 view.snapshot.id);

  // The search box: a plain GET form to /claims.
  body +=
      "<form class=\"filters\" method=\"get\" action=\"/claims\" role=\"search\">"
      "<label>Search the claims<input type=\"search\" name=\"q\" data-testid=\"search\" "
      "placeholder=\"PIID, FAIN, lease number, agency, vendor, words, $8M…\"></label>"
      "<button type=\"submit\">Search</button></form>\n";

  std::string verified = view.verified_total ? FormatUsd(*view.verified_total) : "not verified";
  std::string verified_cents =
      view.verified_total ? std::to_string(*view.verified_total) : std::string();
  fmt::format_to(
      it,
      "<section class=\"headline\">\n"
      "<div class=\"big\"><span class=\"label\">Claimed savings</span><span class=\"num\" "
      "data-testid=\"headline-claimed\" data-cents=\"{}\">{}</span><span class=\"muted\">"
      "<span data-testid=\"headline-claims\">{}</span> claims</span></div>\n"
      "<div class=\"big\"><span class=\"label\">Verified in the record</span><span "
      "class=\"num\" data-testid=\"headline-verified\" data-cents=\"{}\">{}</span><span "
      "class=\"muted\">{}</span></div>\n"
      "<div class=\"big\"><span class=\"label\">Not verified</span><span class=\"num\" "
      "data-testid=\"headline-gap\">{}</span><span class=\"muted\">claimed minus verified"
      "</span></div>\n</section>\n",
      view.claimed_total, FormatUsd(view.claimed_total), GroupThousands(view.rows.size()),
      verified_cents, HtmlEscape(verified),
      view.verified_total
          ? HtmlEscape(PercentOf(*view.verified_total, view.claimed_total)) + " of claimed"
          : std::string("run <code>receipts verify --ledger</code> to check this snapshot"),
      view.verified_total ? FormatUsd(view.claimed_total - *view.verified_total) : "—");

  body += "<div class=\"grid2\">\n";
  if (view.verified) {
    std::vector<ChartBar> bars;
    for (const VerdictTotals& v : view.by_verdict) {
      if (v.count == 0) continue;
      bars.push_back({VerdictLabel(v.verdict), v.claimed, v.verified,
                      VerdictColourOf(VerdictName(v.verdict))});
    }
    body += "<section>\n<h2>By verdict</h2>\n";
    body += BarChartSvg(bars, "Claimed and verified savings by verdict", "chart-verdicts");
    body +=
        "\n<table data-testid=\"verdict-table\"><thead><tr><th>Verdict</th><th class=\"m\">"
        "Claims</th><th class=\"m\">Claimed</th><th class=\"m\">Verified</th></tr></thead>"
        "<tbody>\n";
    for (const VerdictTotals& v : view.by_verdict) {
      if (v.count == 0) continue;
      fmt::format_to(it,
                     "<tr><td><a href=\"/claims{}\">{}</a></td><td class=\"m\">{}</td>{}{}</tr>\n",
                     HtmlEscape(QueryString({{"snapshot", std::to_string(view.snapshot.id)},
                                             {"verdict", VerdictName(v.verdict)}})),
                     VerdictTag(VerdictName(v.verdict)), GroupThousands(v.count),
                     MoneyCell(v.claimed), MoneyCell(v.verified));
    }
    body += "</tbody></table>\n</section>\n";
  } else {
    body +=
        "<section>\n<h2>By verdict</h2>\n<p class=\"note\">This snapshot has no stored "
        "verdicts yet.</p>\n</section>\n";
  }
  std::vector<ChartBar> agencies;
  for (std::size_t i = 0; i < std::min(kChartAgencies, view.by_agency.size()); ++i) {
    const AgencyTotals& a = view.by_agency[i];
    agencies.push_back(
        {a.agency.empty() ? "(not named)" : a.agency, a.claimed, a.verified, "#2b5c8a"});
  }
  fmt::format_to(it, "<section>\n<h2>Top {} agencies by claimed savings</h2>\n", agencies.size());
  body += BarChartSvg(agencies, "Claimed and verified savings by agency", "chart-agencies");
  body += "\n<p class=\"muted\">";
  for (std::size_t i = 0; i < std::min(kChartAgencies, view.by_agency.size()); ++i) {
    const AgencyTotals& a = view.by_agency[i];
    if (a.agency.empty()) continue;
    fmt::format_to(it, "{}<a href=\"/claims{}\">{}</a>", i == 0 ? "" : " · ",
                   HtmlEscape(QueryString(
                       {{"snapshot", std::to_string(view.snapshot.id)}, {"agency", a.agency}})),
                   HtmlEscape(a.agency));
  }
  body += "</p>\n</section>\n</div>\n";

  body += "<section>\n<h2>Claimed total, snapshot by snapshot</h2>\n";
  // One chart per kind: a grants list's total is not a change in the contracts' total.
  const std::vector<std::vector<SnapshotInfo>> by_kind = SnapshotsByKind(snapshots);
  for (std::size_t k = 0; k < by_kind.size(); ++k) {
    if (by_kind.size() > 1) {
      fmt::format_to(it, "<h3>{}</h3>\n", HtmlEscape(by_kind[k].front().kind));
    }
    body += TrendChartSvg(
        by_kind[k], k == 0 ? std::string("chart-trend") : "chart-trend-" + by_kind[k].front().kind);
  }
  body +=
      "\n<table data-testid=\"snapshots-table\"><thead><tr><th>Snapshot</th><th>As of</th>"
      "<th>Kind</th><th class=\"m\">Claims</th><th class=\"m\">Claimed</th><th>Verdicts</th>"
      "<th>Changes</th></tr></thead><tbody>\n";
  std::map<std::string, std::int64_t> last_of_kind;  // changes are from the last list of a kind
  for (std::size_t i = 0; i < snapshots.size(); ++i) {
    const SnapshotInfo& s = snapshots[i];
    bool verified = std::find(verified_ids.begin(), verified_ids.end(), s.id) != verified_ids.end();
    auto previous = last_of_kind.find(s.kind);
    std::string change = previous == last_of_kind.end()
                             ? std::string("—")
                             : fmt::format("<a href=\"/diff?from={}&amp;to={}\">from {}</a>",
                                           previous->second, s.id, previous->second);
    last_of_kind[s.kind] = s.id;
    fmt::format_to(
        it,
        "<tr><td><a href=\"/?snapshot={0}\">{0}</a> · <a href=\"/claims?snapshot={0}\">"
        "claims</a></td><td class=\"nw\">{1}</td><td>{2}</td><td class=\"m\">{3}</td>{4}"
        "<td>{5}</td><td>{6}</td></tr>\n",
        s.id, HtmlEscape(s.as_of), HtmlEscape(s.kind),
        GroupThousands(static_cast<std::uint64_t>(std::max<std::int64_t>(0, s.claim_count))),
        MoneyCell(s.claimed_total),
        verified ? "stored"
                 : "<span class=\"muted\">none"
                   "</span>",
        change);
  }
  body += "</tbody></table>\n</section>\n";
  return RenderPage("Overview", "overview", body);
}

}  // namespace receipts::serve
