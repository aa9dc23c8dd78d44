#include "report/report_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string_view>

#include "core/text.h"
#include "report/bar_chart.h"
#include "report/claim_identifier.h"
#include "report/headline.h"
#include "report/html_escape.h"
#include "report/html_page.h"
#include "report/percent.h"
#include "report/record_links.h"
#include "report/verdict_style.h"

namespace receipts {
namespace {

std::string AgencyLabel(std::string_view agency) {
  return agency.empty() ? "(not named)" : std::string(agency);
}

// `label` names the column when a narrow screen shows each row as a card.
std::string MoneyCell(const std::optional<Cents>& cents, std::string_view label = "") {
  std::string data_label = label.empty() ? "" : fmt::format(" data-label=\"{}\"", label);
  if (!cents) return fmt::format("<td class=\"m\"{} data-value=\"\"></td>", data_label);
  return fmt::format("<td class=\"m\"{} data-value=\"{}\">{}</td>", data_label, *cents,
                     FormatUsd(*cents));
}

// The verdict in words, its code kept in data-verdict (and in the title, for the curious).
std::string VerdictTag(Verdict verdict) {
  return fmt::format(
      "<span class=\"vd\" data-verdict=\"{0}\" title=\"{0}: {1}\"><i style=\"background:{2}\">"
      "</i>{3}</span>",
      VerdictName(verdict), HtmlEscape(VerdictMeaning(verdict)), VerdictColour(verdict),
      VerdictLabel(verdict));
}

// A link out of the report to the public record.
std::string RecordAnchor(const std::string& url, std::string_view text, std::string_view kind) {
  return fmt::format("<a href=\"{}\" rel=\"noopener noreferrer\" data-link=\"{}\">{}</a>",
                     HtmlEscape(url), kind, HtmlEscape(text));
}

// The evidence cell: every record row, as a link to its FPDS page when it has one, then the
// USAspending award and the page the claim was published with.
std::string EvidenceCell(const Claim& claim, const ClaimResult& result) {
  const ClaimLinks links = LinksOfResult(claim, result);
  std::vector<std::string> parts;
  for (const RecordLink& link : links.fpds_actions) {
    parts.push_back(link.url.empty() ? HtmlEscape(link.key)
                                     : RecordAnchor(link.url, link.key, "fpds"));
  }
  if (result.evidence_left_out > 0) parts.push_back(LeftOutEvidenceKey(result.evidence_left_out));
  if (links.fpds_actions.empty() && !links.fpds_base.url.empty()) {
    parts.push_back(RecordAnchor(links.fpds_base.url, "FPDS " + links.fpds_base.key, "fpds"));
  }
  if (!links.usaspending_url.empty()) {
    parts.push_back(RecordAnchor(links.usaspending_url, "USAspending", "usaspending"));
  }
  if (!links.published_url.empty()) {
    parts.push_back(RecordAnchor(links.published_url, "as published", "published"));
  }
  return Join(parts, "; ");
}

// This page's rules, around the shared ones (report/html_page.h).
constexpr std::string_view kCssTop =
    R"(.headline{display:flex;flex-wrap:wrap;gap:16px;margin:20px 0}
.big{flex:1 1 220px;background:var(--soft);border-radius:6px;padding:14px 16px}
.big .label{display:block;color:var(--muted);font-size:13px}
.big .num{display:block;font-size:30px;font-weight:650;font-variant-numeric:tabular-nums;letter-spacing:-.5px}
)";
constexpr std::string_view kCssRest =
    R"(.vd{white-space:nowrap}.vd i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:baseline}
.chart{width:100%;max-width:820px;height:auto;font-size:12px;fill:var(--fg)}.chart .v{fill:var(--muted);font-size:11px}
#claims{table-layout:fixed;font-size:12.5px}
#claims td{overflow-wrap:anywhere}
#claims th{cursor:pointer;user-select:none}
#claims th[aria-sort=ascending]::after{content:" \25B2"}#claims th[aria-sort=descending]::after{content:" \25BC"}
#claims tr:target{background:#fff6d5}
@media(max-width:760px){#claims{table-layout:auto}#claims colgroup,#claims thead{display:none}
#claims,#claims tbody,#claims tr,#claims td{display:block;width:auto}
#claims tr{border:1px solid var(--line);border-radius:6px;margin:10px 0;padding:6px 10px}
#claims td{border:0;padding:2px 0;text-align:left}
#claims td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}}
table{display:block;overflow-x:auto}#claims{display:table}@media(max-width:760px){#claims{display:block}}
.tools{display:flex;gap:12px;align-items:center;margin:8px 0}
#q{font:inherit;padding:5px 8px;width:min(420px,100%);border:1px solid #b8c0c7;border-radius:4px}
code,.ev{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11.5px}
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

void RenderReportHtml(const VerifyRun& run, const Summary& summary, TextSink* sink,
                      const ClaimsMoney* money) {
  std::string& out = sink->out();
  sink->Reserve(4096 + run.claims.size() * 700);
  auto it = std::back_inserter(out);
  const std::string as_of =
      summary.records_as_of ? summary.records_as_of->ToIso() : std::string("an unknown date");
  const std::string since = summary.since.ToIso();

  out += ReportPageStart({.title = "receipts — claims checked against the record",
                          .css_top = kCssTop,
                          .css_rest = kCssRest,
                          .inline_script = true});
  fmt::format_to(it,
                 "<p class=\"sub\">{} savings claims checked against federal spending records "
                 "as of {}, counting money removed since {}.</p>\n</header>\n",
                 summary.claims, as_of, since);
  if (std::string note = AfterRecordsNote(summary); !note.empty()) {
    fmt::format_to(it, "<p class=\"sub\" data-testid=\"after-records\">{}.</p>\n",
                   HtmlEscape(note));
  }
  if (std::string note = LenientNote(summary); !note.empty()) {
    fmt::format_to(it, "<p class=\"sub\" data-testid=\"lenient\">{}.</p>\n", HtmlEscape(note));
  }

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

  // One headline per kind when the run holds several: grants never hide in the contracts'.
  if (summary.by_kind.size() > 1) {
    out +=
        "<section data-testid=\"by-kind\">\n<h2>By kind</h2>\n<table class=\"verdicts\">\n"
        "<thead><tr><th>Kind</th><th class=\"m\">Claims</th><th class=\"m\">Claimed</th>"
        "<th class=\"m\">Verified</th><th>Verdicts</th></tr></thead>\n<tbody>\n";
    for (const KindTotals& kind : summary.by_kind) {
      std::string verdicts;
      for (const VerdictTotals& v : kind.by_verdict) {
        if (v.count == 0) continue;
        verdicts +=
            (verdicts.empty() ? "" : " ") + VerdictTag(v.verdict) + " " + GroupThousands(v.count);
      }
      const std::string verified =
          kind.records_given
              ? FormatUsd(kind.verified) + " (" + PercentOf(kind.verified, kind.claimed) + ")"
              : NoRecordsSentence(kind.kind);
      fmt::format_to(it,
                     "<tr><td>{}</td><td class=\"m\">{}</td><td class=\"m\">{}</td>"
                     "<td class=\"m\">{}</td><td>{}</td></tr>\n",
                     ClaimKindPluralName(kind.kind), GroupThousands(kind.claims),
                     FormatUsd(kind.claimed), HtmlEscape(verified), verdicts);
    }
    out += "</tbody>\n</table>\n</section>\n";
  }
  if (std::string note = OtherRecordsNote(summary); !note.empty()) {
    fmt::format_to(it, "<p class=\"sub\" data-testid=\"other-records\">{}.</p>\n",
                   HtmlEscape(note));
  }

  // Verdicts: counts, totals and the legend in one table, then the chart.
  out +=
      "<section>\n<h2>Verdicts</h2>\n<table class=\"verdicts\">\n<thead><tr><th>Verdict</th>"
      "<th class=\"m\">Claims</th><th class=\"m\">Claimed</th><th class=\"m\">Verified</th>"
      "<th>What it means</th></tr></thead>\n<tbody>\n";
  std::vector<ChartBar> verdict_bars;
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
  out += BarChartSvg(verdict_bars, kReportBarChartLayout, "Claimed and verified savings by verdict",
                     "verified (in the colour of the verdict)");
  out += "\n</section>\n";

  // Agencies.
  std::vector<ChartBar> agency_bars;
  for (std::size_t i = 0; i < std::min(kHtmlChartAgencies, summary.by_agency.size()); ++i) {
    const AgencyTotals& a = summary.by_agency[i];
    agency_bars.push_back({AgencyLabel(a.agency), a.claimed, a.verified, "#2b5c8a"});
  }
  fmt::format_to(it, "<section>\n<h2>Top {} agencies by claimed savings</h2>\n",
                 agency_bars.size());
  out += BarChartSvg(agency_bars, kReportBarChartLayout, "Claimed and verified savings by agency",
                     "verified");
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

  if (money != nullptr) RenderClaimsMoneyHtml(*money, sink);

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
                   "<tr id=\"c{}\"><td data-label=\"Claim\">{}</td><td data-label=\"Kind\">{}"
                   "</td><td data-label=\"PIID\"><code>{}</code></td><td data-label=\"Agency\">"
                   "{}</td><td data-label=\"Vendor\">{}</td>{}{}<td data-label=\"Verdict\">{}"
                   "</td><td data-label=\"Reason\">{}</td><td class=\"ev\" "
                   "data-label=\"Evidence\">{}</td></tr>\n",
                   id, id, ClaimKindName(claim.kind), HtmlEscape(identifier),
                   HtmlEscape(Trim(claim.agency)), HtmlEscape(claim.vendor),
                   MoneyCell(claim.claimed_savings, "Claimed"),
                   MoneyCell(result.verified_savings, "Verified"), VerdictTag(result.verdict),
                   HtmlEscape(result.reason), EvidenceCell(claim, result));
    sink->Spill();
  }
  out += "</tbody>\n</table>\n</section>\n";

  out += CheckpointSection(run.log_checkpoint);

  // Footer: what the run was made against.
  std::vector<std::string> claim_files, record_files;
  for (const std::string& f : run.claim_files) claim_files.push_back(HtmlEscape(f));
  for (const std::string& f : run.record_files) record_files.push_back(HtmlEscape(f));
  fmt::format_to(
      it,
      "<footer>\n<p>Records as of {}; savings counted since {}. {} record actions "
      "read.</p>\n<p>Claim files: <code>{}</code></p>\n"
      "<p>Record files: <code>{}</code></p>\n"
      "<p>Every figure is traceable to the record rows named in the evidence column, each "
      "linked to its FPDS page, with the USAspending award and the page the claim was "
      "published with."
      "</p>\n</footer>\n</main>\n",
      as_of, since, run.record_actions,
      claim_files.empty() ? "(none)" : Join(claim_files, "</code>, <code>"),
      record_files.empty() ? "(none)" : Join(record_files, "</code>, <code>"));
  out += kScript;
  out += "</body>\n</html>\n";
}

std::string RenderReportHtml(const VerifyRun& run, const Summary& summary) {
  TextSink sink;
  RenderReportHtml(run, summary, &sink);
  return std::move(sink.out());
}

}  // namespace receipts
