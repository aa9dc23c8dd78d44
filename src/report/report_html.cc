#include "report/report_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string_view>

#include "core/text.h"
#include "report/claim_identifier.h"
#include "report/html_escape.h"
#include "report/percent.h"

namespace receipts {
namespace {

const char* VerdictColour(Verdict verdict) {
  switch (verdict) {
    case Verdict::kUnverifiable:
      return "#a8a8a8";
    case Verdict::kNotFound:
      return "#5e3c99";
    case Verdict::kDuplicate:
      return "#5f6b73";
    case Verdict::kZeroClaim:
      return "#c9c9c9";
    case Verdict::kUnitError:
      return "#d81b78";
    case Verdict::kIdvCeiling:
      return "#a6761d";
    case Verdict::kVerified:
      return "#2e7d32";
    case Verdict::kUnderstated:
      return "#1b9e77";
    case Verdict::kOverstated:
      return "#e6a817";
    case Verdict::kOptionsOnly:
      return "#d95f02";
    case Verdict::kAlreadyEnded:
      return "#7570b3";
    case Verdict::kNotTerminated:
      return "#c62828";
  }
  return "#a8a8a8";
}

// "$16.5B", "$980.0M", "$12.3K", "$512": chart labels only; exact figures are in the tooltips.
std::string ShortUsd(Cents cents) {
  const char* sign = cents < 0 ? "-" : "";
  unsigned long long magnitude = cents < 0 ? 0ULL - static_cast<unsigned long long>(cents)
                                           : static_cast<unsigned long long>(cents);
  struct Unit {
    unsigned long long cents;
    const char* suffix;
  };
  static constexpr Unit kUnits[] = {
      {100'000'000'000ULL, "B"}, {100'000'000ULL, "M"}, {100'000ULL, "K"}};
  for (const Unit& unit : kUnits) {
    if (magnitude >= unit.cents) {
      unsigned long long tenths = (magnitude * 10 + unit.cents / 2) / unit.cents;
      return fmt::format("{}${}.{}{}", sign, tenths / 10, tenths % 10, unit.suffix);
    }
  }
  return fmt::format("{}${}", sign, (magnitude + 50) / 100);
}

// At most `max_chars` code points of UTF-8 `text`, with "…" when cut.
std::string Truncate(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars == max_chars) return std::string(text.substr(0, i)) + "…";
    ++chars;
  }
  return std::string(text);
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::string AgencyLabel(std::string_view agency) {
  return agency.empty() ? "(not named)" : std::string(agency);
}

struct Bar {
  std::string label;
  Cents claimed = 0;
  Cents verified = 0;
  const char* colour = "#2b5c8a";
};

// A horizontal bar chart: per row a pale bar for claimed and a solid one for verified, on one
// scale. Widths are display geometry and so computed in double.
std::string BarChart(const std::vector<Bar>& bars, std::string_view title,
                     std::string_view verified_legend) {
  constexpr int kLabelWidth = 250, kBarsWidth = 440, kWidth = 820, kRow = 34, kTop = 24;
  Cents max = 1;
  for (const Bar& bar : bars) max = std::max({max, bar.claimed, bar.verified});
  auto width = [&](Cents cents) {
    return cents <= 0
               ? 0.0
               : std::max(1.0, kBarsWidth * static_cast<double>(cents) / static_cast<double>(max));
  };
  int height = kTop + kRow * static_cast<int>(bars.size()) + 4;
  std::string out;
  auto it = std::back_inserter(out);
  fmt::format_to(it,
                 "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">"
                 "<rect x=\"{}\" y=\"6\" width=\"12\" height=\"10\" fill=\"#2b5c8a\" "
                 "opacity=\"0.3\"/><text x=\"{}\" y=\"15\">claimed</text>"
                 "<rect x=\"{}\" y=\"6\" width=\"12\" height=\"10\" fill=\"#2b5c8a\"/>"
                 "<text x=\"{}\" y=\"15\">{}</text>",
                 kWidth, height, HtmlEscape(title), kLabelWidth, kLabelWidth + 16, kLabelWidth + 90,
                 kLabelWidth + 106, HtmlEscape(verified_legend));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& bar = bars[i];
    int y = kTop + kRow * static_cast<int>(i);
    double claimed_width = width(bar.claimed), verified_width = width(bar.verified);
    std::string label = HtmlEscape(bar.label);
    fmt::format_to(it,
                   "<g><title>{}: {} claimed, {} verified</title>"
                   "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>"
                   "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"13\" fill=\"{}\" "
                   "opacity=\"0.3\"/>"
                   "<text class=\"v\" x=\"{:.1f}\" y=\"{}\">{}</text>"
                   "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"13\" fill=\"{}\"/>"
                   "<text class=\"v\" x=\"{:.1f}\" y=\"{}\">{}</text></g>",
                   label, FormatUsd(bar.claimed), FormatUsd(bar.verified), kLabelWidth - 8, y + 19,
                   HtmlEscape(Truncate(bar.label, 34)), kLabelWidth, y, claimed_width, bar.colour,
                   kLabelWidth + claimed_width + 5, y + 11, ShortUsd(bar.claimed), kLabelWidth,
                   y + 15, verified_width, bar.colour, kLabelWidth + verified_width + 5, y + 26,
                   ShortUsd(bar.verified));
  }
  out += "</svg>";
  return out;
}

std::string MoneyCell(const std::optional<Cents>& cents) {
  if (!cents) return "<td class=\"m\" data-value=\"\"></td>";
  return fmt::format("<td class=\"m\" data-value=\"{}\">{}</td>", *cents, FormatUsd(*cents));
}

std::string VerdictTag(Verdict verdict) {
  return fmt::format("<span class=\"vd\"><i style=\"background:{}\"></i>{}</span>",
                     VerdictColour(verdict), VerdictName(verdict));
}

constexpr std::string_view kStyle = R"(<style>
:root{--fg:#1d232a;--muted:#5b6670;--line:#dde2e6;--bg:#fff;--soft:#f5f7f9}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
.sub,.muted,footer{color:var(--muted)}
.headline{display:flex;flex-wrap:wrap;gap:16px;margin:20px 0}
.big{flex:1 1 220px;background:var(--soft);border-radius:6px;padding:14px 16px}
.big .label{display:block;color:var(--muted);font-size:13px}
.big .num{display:block;font-size:30px;font-weight:650;font-variant-numeric:tabular-nums;letter-spacing:-.5px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--soft);font-weight:600;white-space:nowrap}
td.m,th.m{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.vd{white-space:nowrap}.vd i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:baseline}
.chart{width:100%;max-width:820px;height:auto;font-size:12px;fill:var(--fg)}.chart .v{fill:var(--muted);font-size:11px}
#claims{table-layout:fixed;font-size:12.5px}
#claims td{overflow-wrap:anywhere}
#claims th{cursor:pointer;user-select:none}
#claims th[aria-sort=ascending]::after{content:" \25B2"}#claims th[aria-sort=descending]::after{content:" \25BC"}
#claims tr:target{background:#fff6d5}
.tools{display:flex;gap:12px;align-items:center;margin:8px 0}
#q{font:inherit;padding:5px 8px;width:min(420px,100%);border:1px solid #b8c0c7;border-radius:4px}
code,.ev{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11.5px}
footer{margin-top:40px;border-top:1px solid var(--line);padding-top:12px;font-size:13px}
</style>
)";

// Filtering matches a row's text; sorting reorders the rows in place (numbers by data-value, in
// cents, unknown last). Rows are plain <tr>, so the page reads the same with JS off.
constexpr std::string_view kScript = R"(<script>
(function(){
var t=document.getElementById('claims');if(!t)return;
var tb=t.tBodies[0],rows=Array.prototype.slice.call(tb.rows),q=document.getElementById('q'),
out=document.getElementById('shown'),texts=null,timer=0;
document.getElementById('tools').hidden=false;
function filter(){
 if(!texts)texts=rows.map(function(r){return r.textContent.toLowerCase();});
 var s=q.value.trim().toLowerCase(),k=0;
 for(var i=0;i<rows.length;i++){var hit=!s||texts[i].indexOf(s)>=0;rows[i].hidden=!hit;if(hit)k++;}
 out.textContent=k+' of '+rows.length+' claims shown';
}
q.addEventListener('input',function(){clearTimeout(timer);timer=setTimeout(filter,120);});
var heads=t.tHead.rows[0].cells;
function sortBy(th){
 var c=th.cellIndex,type=th.getAttribute('data-type'),
 dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
 for(var h=0;h<heads.length;h++)heads[h].removeAttribute('aria-sort');
 th.setAttribute('aria-sort',dir>0?'ascending':'descending');
 var keyed=rows.map(function(r,i){var cell=r.cells[c],v;
  if(type==='money'){v=cell.getAttribute('data-value');v=v===''?null:Number(v);}
  else if(type==='int'){v=Number(cell.textContent);}
  else{v=cell.textContent.toLowerCase();}
  return {v:v,i:i,r:r};});
 keyed.sort(function(a,b){
  if(a.v===null||b.v===null){if(a.v===b.v)return a.i-b.i;return a.v===null?1:-1;}
  if(a.v<b.v)return -dir;if(a.v>b.v)return dir;return a.i-b.i;});
 var f=document.createDocumentFragment();
 for(var k=0;k<keyed.length;k++)f.appendChild(keyed[k].r);
 tb.appendChild(f);
}
for(var h=0;h<heads.length;h++){heads[h].tabIndex=0;
 heads[h].addEventListener('click',function(){sortBy(this);});
 heads[h].addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sortBy(this);}});}
out.textContent=rows.length+' claims';
})();
</script>
)";

}  // namespace

const char* VerdictMeaning(Verdict verdict) {
  switch (verdict) {
    case Verdict::kUnverifiable:
      return "The claim has no usable identifier to look up.";
    case Verdict::kNotFound:
      return "The identifier is not in the records.";
    case Verdict::kDuplicate:
      return "The same award was already claimed earlier in the list.";
    case Verdict::kZeroClaim:
      return "$0 claimed and nothing removed.";
    case Verdict::kUnitError:
      return "The claim is about 1,000\u00d7 or 1,000,000\u00d7 a figure in the record.";
    case Verdict::kIdvCeiling:
      return "A claim on an IDV/BPA ceiling with little or nothing obligated.";
    case Verdict::kVerified:
      return "De-obligation within max($1, 1%) of the claim.";
    case Verdict::kUnderstated:
      return "More was removed than claimed.";
    case Verdict::kOverstated:
      return "Something was removed, but less than claimed.";
    case Verdict::kOptionsOnly:
      return "No obligated money removed; only options were cut.";
    case Verdict::kAlreadyEnded:
      return "Performance ended before the since date and nothing was removed since.";
    case Verdict::kNotTerminated:
      return "No termination, de-obligation or option cut in the record.";
  }
  return "";
}

std::string RenderReportHtml(const VerifyRun& run, const Summary& summary) {
  std::string out;
  out.reserve(4096 + run.claims.size() * 700);
  auto it = std::back_inserter(out);
  const std::string as_of =
      summary.records_as_of ? summary.records_as_of->ToIso() : std::string("an unknown date");
  const std::string since = summary.since.ToIso();

  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
      "<title>receipts — claims checked against the record</title>\n";
  out += kStyle;
  out +=
      "</head>\n<body>\n<main>\n<header>\n"
      "<h1>receipts — claims checked against the record</h1>\n";
  fmt::format_to(it,
                 "<p class=\"sub\">{} savings claims checked against federal spending records "
                 "as of {}, counting money removed since {}.</p>\n</header>\n",
                 summary.claims, as_of, since);

  // Headline.
  fmt::format_to(it,
                 "<section class=\"headline\">\n"
                 "<div class=\"big\"><span class=\"label\">Claimed savings</span>"
                 "<span class=\"num\">{}</span><span class=\"muted\">{} claims</span></div>\n"
                 "<div class=\"big\"><span class=\"label\">Verified in the record</span>"
                 "<span class=\"num\">{}</span><span class=\"muted\">{} of claimed</span></div>\n"
                 "<div class=\"big\"><span class=\"label\">Not verified</span>"
                 "<span class=\"num\">{}</span><span class=\"muted\">claimed minus verified"
                 "</span></div>\n</section>\n",
                 FormatUsd(summary.claimed_total), summary.claims,
                 FormatUsd(summary.verified_total),
                 HtmlEscape(PercentOf(summary.verified_total, summary.claimed_total)),
                 FormatUsd(summary.claimed_total - summary.verified_total));

  // Verdicts: counts, totals and the legend in one table, then the chart.
  out +=
      "<section>\n<h2>Verdicts</h2>\n<table class=\"verdicts\">\n<thead><tr><th>Verdict</th>"
      "<th class=\"m\">Claims</th><th class=\"m\">Claimed</th><th class=\"m\">Verified</th>"
      "<th>What it means</th></tr></thead>\n<tbody>\n";
  std::vector<Bar> verdict_bars;
  for (const VerdictTotals& v : summary.by_verdict) {
    fmt::format_to(it,
                   "<tr><td>{}</td><td class=\"m\">{}</td><td class=\"m\">{}</td>"
                   "<td class=\"m\">{}</td><td>{}</td></tr>\n",
                   VerdictTag(v.verdict), v.count, FormatUsd(v.claimed), FormatUsd(v.verified),
                   HtmlEscape(VerdictMeaning(v.verdict)));
    verdict_bars.push_back(
        {VerdictName(v.verdict), v.claimed, v.verified, VerdictColour(v.verdict)});
  }
  fmt::format_to(it,
                 "<tr><th>total</th><th class=\"m\">{}</th><th class=\"m\">{}</th>"
                 "<th class=\"m\">{}</th><th></th></tr>\n</tbody>\n</table>\n",
                 summary.claims, FormatUsd(summary.claimed_total),
                 FormatUsd(summary.verified_total));
  out += "<h2>Claimed and verified by verdict</h2>\n";
  out += BarChart(verdict_bars, "Claimed and verified savings by verdict",
                  "verified (in the colour of the verdict)");
  out += "\n</section>\n";

  // Agencies.
  std::vector<Bar> agency_bars;
  for (std::size_t i = 0; i < std::min(kHtmlChartAgencies, summary.by_agency.size()); ++i) {
    const AgencyTotals& a = summary.by_agency[i];
    agency_bars.push_back({AgencyLabel(a.agency), a.claimed, a.verified, "#2b5c8a"});
  }
  fmt::format_to(it, "<section>\n<h2>Top {} agencies by claimed savings</h2>\n",
                 agency_bars.size());
  out += BarChart(agency_bars, "Claimed and verified savings by agency", "verified");
  out += "\n</section>\n";

  // Largest gaps.
  out +=
      "<section>\n<h2>Largest gaps between claimed and verified</h2>\n<table>\n<thead><tr>"
      "<th>Claim</th><th>PIID</th><th>Agency</th><th class=\"m\">Claimed</th>"
      "<th class=\"m\">Verified</th><th class=\"m\">Gap</th><th>Verdict</th></tr></thead>\n"
      "<tbody>\n";
  for (const SavingsGap& g : summary.largest_gaps) {
    fmt::format_to(it,
                   "<tr><td><a href=\"#c{0}\">{0}</a></td><td><code>{1}</code></td><td>{2}</td>"
                   "{3}{4}<td class=\"m\">{5}</td><td>{6}</td></tr>\n",
                   g.claim_id, HtmlEscape(g.identifier), HtmlEscape(AgencyLabel(g.agency)),
                   MoneyCell(g.claimed), MoneyCell(g.verified), FormatUsd(g.gap),
                   VerdictTag(g.verdict));
  }
  out += "</tbody>\n</table>\n</section>\n";

  // Every claim.
  out +=
      "<section>\n<h2>Every claim</h2>\n"
      "<div class=\"tools\" id=\"tools\" hidden><input id=\"q\" type=\"search\" "
      "placeholder=\"Filter: PIID, agency, vendor, verdict, words of the reason…\" "
      "aria-label=\"Filter claims\"><span id=\"shown\" class=\"muted\"></span></div>\n"
      "<table id=\"claims\">\n<colgroup><col style=\"width:4.5em\"><col style=\"width:5.5em\">"
      "<col style=\"width:11em\"><col style=\"width:11em\"><col style=\"width:11em\">"
      "<col style=\"width:9.5em\"><col style=\"width:9.5em\"><col style=\"width:9.5em\">"
      "<col><col style=\"width:12em\"></colgroup>\n"
      "<thead><tr><th data-type=\"int\">Claim</th><th>Kind</th><th>PIID</th><th>Agency</th>"
      "<th>Vendor</th><th class=\"m\" data-type=\"money\">Claimed</th>"
      "<th class=\"m\" data-type=\"money\">Verified</th><th>Verdict</th><th>Reason</th>"
      "<th>Evidence</th></tr></thead>\n<tbody>\n";
  const ClaimResult missing;
  for (std::size_t i = 0; i < run.claims.size(); ++i) {
    const Claim& claim = run.claims[i];
    const ClaimResult& result = i < run.results.size() ? run.results[i] : missing;
    std::size_t id = i < run.results.size() ? result.claim_id : i + 1;
    std::string identifier = ClaimIdentifier(claim);
    if (identifier.empty() && claim.kind == ClaimKind::kLease) identifier = claim.location;
    fmt::format_to(it,
                   "<tr id=\"c{}\"><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td>"
                   "<td>{}</td>{}{}<td>{}</td><td>{}</td><td class=\"ev\">{}</td></tr>\n",
                   id, id, ClaimKindName(claim.kind), HtmlEscape(identifier),
                   HtmlEscape(Trim(claim.agency)), HtmlEscape(claim.vendor),
                   MoneyCell(claim.claimed_savings), MoneyCell(result.verified_savings),
                   VerdictTag(result.verdict), HtmlEscape(result.reason),
                   HtmlEscape(Join(result.evidence, "; ")));
  }
  out += "</tbody>\n</table>\n</section>\n";

  // Footer: what the run was made against.
  std::vector<std::string> claim_files, record_files;
  for (const std::string& f : run.claim_files) claim_files.push_back(HtmlEscape(f));
  for (const std::string& f : run.record_files) record_files.push_back(HtmlEscape(f));
  fmt::format_to(it,
                 "<footer>\n<p>Records as of {}; savings counted since {}. {} record actions "
                 "read.</p>\n<p>Claim files: <code>{}</code></p>\n"
                 "<p>Record files: <code>{}</code></p>\n"
                 "<p>Every figure is traceable to the record rows named in the evidence column."
                 "</p>\n</footer>\n</main>\n",
                 as_of, since, run.record_actions,
                 claim_files.empty() ? "(none)" : Join(claim_files, "</code>, <code>"),
                 record_files.empty() ? "(none)" : Join(record_files, "</code>, <code>"));
  out += kScript;
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace receipts
