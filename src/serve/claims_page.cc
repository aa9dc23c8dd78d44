#include <fmt/format.h>

#include <iterator>

#include "core/text.h"
#include "report/html_escape.h"
#include "report/verdict_style.h"
#include "serve/page_layout.h"
#include "serve/pages.h"
#include "serve/url.h"
#include "verify/claim_result.h"

namespace receipts::serve {
namespace {

std::string Option(std::string_view value, std::string_view label, bool selected) {
  return fmt::format("<option value=\"{}\"{}>{}</option>", HtmlEscape(value),
                     selected ? " selected" : "", HtmlEscape(label));
}

// A column header that sorts by `sort`: the same column again flips the order.
std::string SortHeader(const ClaimsQuery& query, ClaimSort sort, std::string_view label,
                       bool money) {
  ClaimsQuery next = query;
  next.sort = sort;
  bool active = query.sort == sort;
  next.descending = active ? !query.descending : SortsDescendingByDefault(sort);
  next.page = 1;
  std::string cls = money ? "m" : "";
  if (active)
    cls += std::string(cls.empty() ? "" : " ") + "sorted" + (query.descending ? " desc" : "");
  return fmt::format(
      "<th{}{}><a href=\"/claims{}\">{}</a></th>", cls.empty() ? "" : " class=\"" + cls + "\"",
      active ? fmt::format(" aria-sort=\"{}\"", query.descending ? "descending" : "ascending") : "",
      HtmlEscape(ClaimsQueryString(next, 1)), HtmlEscape(label));
}

}  // namespace

std::string ClaimsPage(const SnapshotView& view, const ClaimsQuery& query,
                       const ClaimsSelection& selection, const std::vector<SnapshotInfo>& snapshots,
                       const std::vector<SnapshotMatches>& elsewhere) {
  std::string body;
  body.reserve(4096 + selection.rows.size() * 800);
  auto it = std::back_inserter(body);
  fmt::format_to(it, "<h1>Claims</h1>\n<p class=\"sub\">{}: {} claims listed.</p>\n",
                 HtmlEscape(SnapshotLabel(view.snapshot)), GroupThousands(view.rows.size()));

  // Filters: a plain GET form; JS only re-submits it when a select changes.
  body += "<form class=\"filters\" method=\"get\" action=\"/claims\" role=\"search\">";
  fmt::format_to(it,
                 "<label>Search<input type=\"search\" name=\"q\" value=\"{}\" "
                 "data-testid=\"search\" placeholder=\"PIID, agency, vendor, words…\"></label>",
                 HtmlEscape(query.q));
  body += "<label>Agency<select name=\"agency\" data-testid=\"filter-agency\">";
  body += Option("", "all agencies", query.agency.empty());
  for (const AgencyTotals& a : view.by_agency) {
    if (a.agency.empty()) continue;
    body += Option(a.agency, fmt::format("{} ({})", a.agency, a.count),
                   ToLowerAscii(a.agency) == ToLowerAscii(query.agency));
  }
  body += "</select></label><label>Verdict<select name=\"verdict\" data-testid=\"filter-verdict\">";
  body += Option("", "all verdicts", query.verdict.empty());
  for (int i = 0; i < kVerdictCount; ++i) {
    const char* name = VerdictName(static_cast<Verdict>(i));
    body += Option(name, VerdictLabel(static_cast<Verdict>(i)), query.verdict == name);
  }
  body += Option("unverified", "no stored verdict", query.verdict == "unverified");
  body += "</select></label><label>Snapshot<select name=\"snapshot\">";
  body += Option("latest", "latest", query.snapshot == "latest");
  for (auto s = snapshots.rbegin(); s != snapshots.rend(); ++s) {
    body +=
        Option(std::to_string(s->id), SnapshotLabel(*s), query.snapshot == std::to_string(s->id));
  }
  body += "</select></label><label>Per page<select name=\"per_page\">";
  for (std::int64_t n : {25, 50, 100, 500}) {
    body += Option(std::to_string(n), std::to_string(n), query.per_page == n);
  }
  body += "</select></label>";
  if (query.sort != ClaimSort::kSeq) {
    fmt::format_to(it, "<input type=\"hidden\" name=\"sort\" value=\"{}\">",
                   HtmlEscape(ClaimSortName(query.sort)));
  }
  body += "<button type=\"submit\">Apply</button></form>\n";

  ClaimsQuery csv = query;
  std::string csv_query = ClaimsQueryString(csv, 1);
  csv_query += csv_query.empty() ? "?format=csv" : "&format=csv";
  fmt::format_to(it,
                 "<p class=\"pager\"><span><strong data-testid=\"claims-total\">{}</strong> "
                 "matching claims</span><a href=\"/api/claims{}\">download as CSV</a></p>\n",
                 GroupThousands(selection.total), HtmlEscape(csv_query));

  if (!elsewhere.empty()) {
    body += "<p class=\"note\" data-testid=\"elsewhere\">Also in other snapshots: ";
    for (std::size_t i = 0; i < elsewhere.size(); ++i) {
      ClaimsQuery there = query;
      there.snapshot = std::to_string(elsewhere[i].snapshot.id);
      fmt::format_to(it, "{}<a href=\"/claims{}\">{} in snapshot {} ({}, {})</a>",
                     i == 0 ? "" : " · ", HtmlEscape(ClaimsQueryString(there, 1)),
                     GroupThousands(elsewhere[i].matches), elsewhere[i].snapshot.id,
                     HtmlEscape(elsewhere[i].snapshot.kind),
                     HtmlEscape(elsewhere[i].snapshot.as_of.substr(0, 10)));
    }
    body += "</p>\n";
  }
  body +=
      "<div class=\"scroll\"><table class=\"claims\" data-testid=\"claims-table\">\n<thead><tr>";
  body += SortHeader(query, ClaimSort::kSeq, "#", false);
  body += SortHeader(query, ClaimSort::kPiid, "PIID / key", false);
  body += SortHeader(query, ClaimSort::kAgency, "Agency", false);
  body += SortHeader(query, ClaimSort::kVendor, "Vendor", false);
  body += SortHeader(query, ClaimSort::kDate, "Date", false);
  body += SortHeader(query, ClaimSort::kClaimed, "Claimed", true);
  body += SortHeader(query, ClaimSort::kVerified, "Verified", true);
  body += SortHeader(query, ClaimSort::kVerdict, "Verdict", false);
  body += "<th>Reason</th></tr></thead>\n<tbody>\n";
  for (const ClaimRow* row : selection.rows) {
    const LedgerClaim& c = row->claim;
    std::string path = HtmlEscape(ClaimPath(c.key, view.snapshot.id));
    std::string name = !c.piid.empty() ? c.piid : (!c.award_id.empty() ? c.award_id : c.key);
    fmt::format_to(it,
                   "<tr data-href=\"{0}\"><td class=\"nw\">{1}</td><td><a href=\"{0}\" "
                   "data-testid=\"claim-link\"><code>{2}</code></a></td><td>{3}</td><td>{4}</td>"
                   "<td class=\"nw\">{5}</td>{6}{7}<td>{8}</td><td>{9}</td></tr>\n",
                   path, c.seq, HtmlEscape(name), HtmlEscape(Trim(c.agency)), HtmlEscape(c.vendor),
                   HtmlEscape(c.date), MoneyCell(c.claimed_savings),
                   MoneyCell(row->verdict ? row->verdict->verified_savings : std::nullopt),
                   VerdictTag(row->verdict ? row->verdict->verdict : ""),
                   HtmlEscape(row->verdict ? row->verdict->reason : ""));
  }
  body += "</tbody>\n</table></div>\n";
  if (selection.rows.empty()) body += "<p class=\"note\">No claim matches.</p>\n";

  body += "<nav class=\"pager\" aria-label=\"pages\">";
  if (query.page > 1) {
    fmt::format_to(it, "<a rel=\"prev\" href=\"/claims{}\">← previous</a>",
                   HtmlEscape(ClaimsQueryString(query, query.page - 1)));
  }
  fmt::format_to(it, "<span data-testid=\"page\">page {} of {}</span>", query.page,
                 selection.pages);
  if (query.page < selection.pages) {
    fmt::format_to(it, "<a rel=\"next\" href=\"/claims{}\">next →</a>",
                   HtmlEscape(ClaimsQueryString(query, query.page + 1)));
  }
  body += "</nav>\n";
  return RenderPage("Claims", "claims", body);
}

}  // namespace receipts::serve
