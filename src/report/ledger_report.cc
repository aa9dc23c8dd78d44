#include "report/ledger_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string_view>

#include "ledger/transparency_log.h"
#include "report/html_escape.h"
#include "report/html_page.h"
#include "report/output_dir.h"
#include "report/trend_chart.h"

namespace receipts {
namespace {

// This page's rules, after the shared ones (report/html_page.h).
constexpr std::string_view kCssRest = R"(td{overflow-wrap:anywhere}
.chart{width:100%;max-width:900px;height:auto;font-size:11px;fill:var(--fg)}.chart .v{fill:var(--muted);font-size:10px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11.5px}
.neg{color:#c62828}.pos{color:#2e7d32}
)";

std::string Money(const std::optional<Cents>& cents) {
  return cents ? FormatUsd(*cents) : std::string("unknown");
}

std::string SignedUsd(Cents cents) {
  return fmt::format("<span class=\"{}\">{}{}</span>", cents < 0 ? "neg" : "pos",
                     cents > 0 ? "+" : "", FormatUsd(cents));
}

std::string Day(const std::string& as_of) { return as_of.substr(0, 10); }

// Wider than the dashboard's trend, with room below for the dates.
constexpr TrendChartLayout kTrendLayout = {
    .width = 900, .height = 320, .left = 70, .right = 10, .top = 20, .bottom = 70};

std::string ClaimLabel(const LedgerClaim& c) {
  std::string out = "<code>" + HtmlEscape(c.key) + "</code>";
  if (!c.agency.empty()) out += "<br>" + HtmlEscape(c.agency);
  if (!c.vendor.empty()) out += "<br><span class=\"muted\">" + HtmlEscape(c.vendor) + "</span>";
  return out;
}

std::string VerdictCell(const std::optional<StoredVerdict>& verdict) {
  if (!verdict) return "<td class=\"muted\">not verified</td>";
  return fmt::format("<td><b>{}</b> <span class=\"muted\">(snapshot {})</span><br>{}</td>",
                     HtmlEscape(verdict->verdict), verdict->snapshot_id,
                     HtmlEscape(verdict->reason));
}

}  // namespace

std::string RenderLedgerReportHtml(const LedgerTimeline& t, const std::string& ledger_name,
                                   const std::string& checkpoint) {
  std::string out;
  auto it = std::back_inserter(out);
  out += ReportPageStart({.title = "receipts — the claims over time",
                          .table_font_size = "13px",
                          .css_rest = kCssRest});
  const std::string head = t.snapshots.empty() ? std::string("none") : t.snapshots.back().head;
  fmt::format_to(it,
                 "<p class=\"sub\">{} snapshots of the published claims in ledger <code>{}</code>"
                 "{}{}. Head <code>{}</code>.</p>\n</header>\n",
                 t.snapshots.size(), HtmlEscape(ledger_name), t.snapshots.empty() ? "" : ", from ",
                 t.snapshots.empty() ? std::string()
                                     : HtmlEscape(t.snapshots.front().as_of) + " to " +
                                           HtmlEscape(t.snapshots.back().as_of),
                 HtmlEscape(head));

  out += "<section>\n<h2>Claimed total per snapshot</h2>\n";
  for (const std::vector<SnapshotInfo>& of_kind : SnapshotsByKind(t.snapshots)) {
    if (of_kind.front().kind != t.snapshots.front().kind || of_kind.size() != t.snapshots.size()) {
      fmt::format_to(it, "<h3>{}</h3>\n", HtmlEscape(of_kind.front().kind));
    }
    out += TrendChartSvg(of_kind, kTrendLayout, "");
  }
  out +=
      "\n<table>\n<thead><tr><th class=\"m\">Snapshot</th><th>As of</th><th>Kind</th>"
      "<th class=\"m\">Claims</th><th class=\"m\">Claimed total</th><th>Source</th>"
      "<th>Head</th></tr></thead>\n<tbody>\n";
  for (const SnapshotInfo& s : t.snapshots) {
    fmt::format_to(it,
                   "<tr><td class=\"m\">{}</td><td>{}</td><td>{}</td><td class=\"m\">{}</td>"
                   "<td class=\"m\">{}</td><td>{}</td><td><code>{}</code>{}</td></tr>\n",
                   s.id, HtmlEscape(s.as_of), HtmlEscape(s.kind), s.claim_count,
                   FormatUsd(s.claimed_total), HtmlEscape(s.source),
                   HtmlEscape(s.head.substr(0, 16)), s.is_signed ? " signed" : "");
  }
  out += "</tbody>\n</table>\n</section>\n";

  out +=
      "<section>\n<h2>Between snapshots</h2>\n<p class=\"muted\">Claims are paired by their key "
      "(doc/methodology.md, “Claim identity”). Removed claims count at their last claimed "
      "savings; changed claims at the change in their claimed savings.</p>\n"
      "<table>\n<thead><tr><th>From → to</th><th class=\"m\">Added</th><th class=\"m\">Added "
      "savings</th><th class=\"m\">Removed</th><th class=\"m\">Removed savings</th>"
      "<th class=\"m\">Changed</th><th class=\"m\">Change in savings</th>"
      "<th class=\"m\">Total before</th><th class=\"m\">Total after</th></tr></thead>\n<tbody>\n";
  for (const SnapshotPair& p : t.pairs) {
    fmt::format_to(it,
                   "<tr><td>{} ({}) → {} ({})</td><td class=\"m\">{}</td><td class=\"m\">{}</td>"
                   "<td class=\"m\">{}</td><td class=\"m\">{}</td><td class=\"m\">{}</td>"
                   "<td class=\"m\">{}</td><td class=\"m\">{}</td><td class=\"m\">{}</td></tr>\n",
                   p.before.id, HtmlEscape(Day(p.before.as_of)), p.after.id,
                   HtmlEscape(Day(p.after.as_of)), p.added, FormatUsd(p.added_savings), p.removed,
                   FormatUsd(p.removed_savings), p.changed, SignedUsd(p.changed_delta),
                   FormatUsd(p.before.claimed_total), FormatUsd(p.after.claimed_total));
  }
  out += "</tbody>\n</table>\n</section>\n";

  Cents removed_total = 0;
  for (const RemovedClaim& r : t.removed) removed_total += r.last.claimed_savings.value_or(0);
  fmt::format_to(it,
                 "<section>\n<h2>Claims taken down</h2>\n<p class=\"muted\">{} times a claim was "
                 "listed in one snapshot and gone from the next, {} at their last claimed "
                 "savings; largest first{}. The verdict is the one stored for the claim by "
                 "<code>receipts verify --ledger</code>, if any.</p>\n",
                 t.removed.size(), FormatUsd(removed_total),
                 t.removed.size() > kReportClaimRows
                     ? fmt::format(" (the first {} shown)", kReportClaimRows)
                     : std::string());
  out +=
      "<table>\n<thead><tr><th>Claim</th><th class=\"m\">Last claimed</th><th>Last listed</th>"
      "<th>Gone from</th><th>Verdict</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < t.removed.size() && i < kReportClaimRows; ++i) {
    const RemovedClaim& r = t.removed[i];
    fmt::format_to(
        it, "<tr><td>{}</td><td class=\"m\">{}</td><td>{} ({})</td><td>{} ({})</td>{}</tr>\n",
        ClaimLabel(r.last), Money(r.last.claimed_savings), r.last_seen.id,
        HtmlEscape(Day(r.last_seen.as_of)), r.removed_in.id, HtmlEscape(Day(r.removed_in.as_of)),
        VerdictCell(r.verdict));
  }
  out += "</tbody>\n</table>\n</section>\n";

  fmt::format_to(it,
                 "<section>\n<h2>Claimed savings revised</h2>\n<p class=\"muted\">{} times a "
                 "claim's claimed savings changed from one snapshot to the next; largest "
                 "reduction first{}.</p>\n",
                 t.revised.size(),
                 t.revised.size() > kReportClaimRows
                     ? fmt::format(" (the first {} shown)", kReportClaimRows)
                     : std::string());
  out +=
      "<table>\n<thead><tr><th>Claim</th><th class=\"m\">Before</th><th class=\"m\">After</th>"
      "<th>Snapshots</th><th>Verdict before the change</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < t.revised.size() && i < kReportClaimRows; ++i) {
    const RevisedClaim& r = t.revised[i];
    fmt::format_to(it,
                   "<tr><td>{}</td><td class=\"m\">{}</td><td class=\"m\">{}</td>"
                   "<td>{} ({}) → {} ({})</td>{}</tr>\n",
                   ClaimLabel(r.after), Money(r.before.claimed_savings),
                   Money(r.after.claimed_savings), r.before_snapshot.id,
                   HtmlEscape(Day(r.before_snapshot.as_of)), r.after_snapshot.id,
                   HtmlEscape(Day(r.after_snapshot.as_of)), VerdictCell(r.verdict));
  }
  out += "</tbody>\n</table>\n</section>\n";

  out += CheckpointSection(checkpoint);
  out +=
      "<footer>\n<p>Every snapshot is hash-chained: run <code>receipts check --ledger</code> "
      "to recompute every digest and head from the stored rows. Formats: doc/formats.md, "
      "“Ledger”.</p>\n</footer>\n</main>\n</body>\n</html>\n";
  return out;
}

Status WriteLedgerReport(Ledger* ledger, const std::string& dir) {
  auto timeline = BuildTimeline(ledger);
  if (!timeline.ok()) return timeline.status();
  auto checkpoint = LogCheckpointNote(ledger->db());
  if (!checkpoint.ok()) return checkpoint.status();
  return WriteFilesAtomically(
      dir, {{"report.html", RenderLedgerReportHtml(*timeline, ledger->path(), *checkpoint)}});
}

}  // namespace receipts
