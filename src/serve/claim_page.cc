#include <fmt/format.h>

#include <filesystem>
#include <iterator>

#include "core/money.h"
#include "core/text.h"
#include "report/html_escape.h"
#include "serve/page_layout.h"
#include "serve/pages.h"
#include "serve/url.h"
#include "serve/verdicts.h"

namespace receipts::serve {
namespace {

std::string Fact(std::string_view label, const std::string& value_html) {
  return fmt::format("<dt>{}</dt><dd>{}</dd>", HtmlEscape(label), value_html);
}

std::string MoneySpan(const std::optional<Cents>& cents, std::string_view test_id) {
  return fmt::format("<span data-testid=\"{}\" data-cents=\"{}\">{}</span>", test_id,
                     cents ? std::to_string(*cents) : "", cents ? FormatUsd(*cents) : "unknown");
}

std::string ExternalLink(const std::string& url, std::string_view text, std::string_view test_id) {
  return fmt::format("<a href=\"{}\" rel=\"noopener noreferrer\" data-testid=\"{}\">{}</a>",
                     HtmlEscape(url), test_id, HtmlEscape(text));
}

// Every action of the award, one line each, linked to its FPDS page when it has one.
std::string RecordRowsHtml(const Award& award, const ParentIdv& parent) {
  std::string out;
  auto it = std::back_inserter(out);
  fmt::format_to(it,
                 "<section>\n<h2>Record rows</h2>\n<p class=\"muted\">{} action{} of award "
                 "<code>{}</code> in the records, oldest first.</p>\n<div class=\"scroll\"><table "
                 "data-testid=\"record-rows\"><thead><tr><th>Modification</th><th>Signed</th>"
                 "<th class=\"m\">Obligated</th><th class=\"m\">Ceiling change</th>"
                 "<th>Reason</th><th>Source</th></tr></thead><tbody>\n",
                 GroupThousands(award.actions.size()), award.actions.size() == 1 ? "" : "s",
                 HtmlEscape(award.key));
  for (const Action& action : award.actions) {
    const std::string mod = ModNumberOf(action);
    const std::string url = FpdsUrlOfAction(award, action, parent);
    const std::string mod_cell =
        url.empty() ? HtmlEscape(mod) : ExternalLink(url, mod, "record-row-link");
    fmt::format_to(
        it,
        "<tr data-testid=\"record-row\"><td>{}</td><td class=\"nw\">{}</td>{}{}<td>{}</td>"
        "<td class=\"muted\">{}:{}</td></tr>\n",
        mod_cell, action.signed_date ? action.signed_date->ToIso() : std::string(),
        MoneyCell(action.obligated), MoneyCell(action.base_and_all), HtmlEscape(action.reason_code),
        HtmlEscape(std::filesystem::path(action.source_file).filename().string()),
        action.source_line);
  }
  out += "</tbody></table></div>\n</section>\n";
  return out;
}

}  // namespace

std::string ClaimPage(const ClaimDetail& d) {
  const LedgerClaim& c = d.row.claim;
  const std::optional<ClaimVerdict>& v = d.row.verdict;
  std::string body;
  auto it = std::back_inserter(body);
  std::string title = !c.piid.empty() ? c.piid : d.key;
  fmt::format_to(it,
                 "<p class=\"sub\"><a href=\"/claims?snapshot={}\">← claims of {}</a></p>\n"
                 "<h1><code data-testid=\"claim-key\">{}</code></h1>\n<p class=\"sub\">{} · {} · "
                 "listed as claim {} of {}</p>\n",
                 d.snapshot.id, HtmlEscape(SnapshotLabel(d.snapshot)), HtmlEscape(d.key),
                 HtmlEscape(Trim(c.agency)), HtmlEscape(c.vendor), c.seq,
                 HtmlEscape(SnapshotLabel(d.snapshot)));
  if (std::string life = LifeSentence(LifeOfClaim(d.versions)); !life.empty()) {
    fmt::format_to(it, "<p class=\"life\" data-testid=\"life\">{}</p>\n", HtmlEscape(life));
  }

  fmt::format_to(
      it,
      "<section class=\"headline\">\n<div class=\"big\"><span class=\"label\">Claimed savings"
      "</span><span class=\"num\">{}</span><span class=\"muted\">claimed value {}</span></div>\n"
      "<div class=\"big\"><span class=\"label\">Verified in the record</span><span "
      "class=\"num\">{}</span><span class=\"muted\" data-testid=\"verdict\">{}</span></div>\n"
      "</section>\n",
      MoneySpan(c.claimed_savings, "claimed-savings"), MoneySpan(c.claimed_value, "claimed-value"),
      v ? MoneySpan(v->verified_savings, "verified-savings")
        : std::string("<span data-testid=\"verified-savings\" data-cents=\"\">not verified"
                      "</span>"),
      v ? VerdictTag(v->verdict) : std::string("no stored verdict"));
  if (v) {
    fmt::format_to(it,
                   "<p class=\"muted\">{}: {}</p>\n<p class=\"reason\" data-testid=\"reason\">{}"
                   "</p>\n",
                   HtmlEscape(v->verdict), HtmlEscape(VerdictMeaningOf(v->verdict)),
                   HtmlEscape(v->reason));
  } else {
    body +=
        "<p class=\"note\">This snapshot has no stored verdicts: run <code>receipts verify "
        "--ledger L --snapshot ID --records …</code>.</p>\n";
  }

  // Measures and record rows, recomputed when the server has the record files.
  body += "<div class=\"grid2\">\n<section>\n<h2>Measures</h2>\n";
  if (d.check) {
    const ClaimResult& r = *d.check;
    body += "<table class=\"kv\" data-testid=\"measures\"><tbody>\n";
    auto row = [&](std::string_view label, const std::optional<Cents>& cents, std::string_view id) {
      fmt::format_to(it, "<tr><th>{}</th>{}</tr>\n", HtmlEscape(label), MoneyCell(cents, id));
    };
    row("De-obligated since the since-date", r.deobligated, "measure-deobligated");
    row("Ceiling minus obligated (DOGE's formula)", r.ceiling_minus_obligated,
        "measure-ceiling-minus-obligated");
    row("Ceiling reduced", r.ceiling_reduced, "measure-ceiling-reduced");
    row("Obligated, not outlaid", r.obligated_not_outlaid, "measure-obligated-not-outlaid");
    row("Verified savings", r.verified_savings, "measure-verified");
    body += "</tbody></table>\n";
    if (!d.check_matches_stored) {
      body +=
          "<p class=\"note\">These measures come from the record files this server was "
          "started with, which are not the ones the stored verdict was computed from.</p>\n";
    }
  } else {
    body +=
        "<p class=\"muted\">The ledger keeps the verdict, the verified figure and the reason; "
        "start the server with <code>--records</code> (the files verify read) to show the "
        "measures and record rows behind them.</p>\n";
  }
  body += "</section>\n<section>\n<h2>Evidence</h2>\n<ul>\n";
  const ClaimLinks links = LinksOfDetail(d);
  std::string award_key = d.row.verdict ? d.row.verdict->award_key : "";
  if (award_key.empty() && d.check) award_key = d.check->award_key;
  if (!links.usaspending_url.empty()) {
    fmt::format_to(it, "<li>USAspending award <code>{}</code>: {}</li>\n", HtmlEscape(award_key),
                   ExternalLink(links.usaspending_url, "award page", "usaspending-link"));
  }
  bool base_in_evidence = false;
  for (const RecordLink& link : links.fpds_actions)
    base_in_evidence |= link.key == links.fpds_base.key;
  if (!links.fpds_base.url.empty() && !base_in_evidence) {
    fmt::format_to(it, "<li>FPDS base record: {}</li>\n",
                   ExternalLink(links.fpds_base.url, links.fpds_base.key, "fpds-link"));
  }
  for (const RecordLink& link : links.fpds_actions) {
    if (link.url.empty()) {
      fmt::format_to(it, "<li>record <code>{}</code></li>\n", HtmlEscape(link.key));
    } else {
      fmt::format_to(it, "<li>FPDS action: {}</li>\n",
                     ExternalLink(link.url, link.key, "evidence-link"));
    }
  }
  if (d.check && d.check->evidence_left_out > 0) {
    fmt::format_to(it, "<li>record <code>{}</code></li>\n",
                   LeftOutEvidenceKey(d.check->evidence_left_out));
  }
  if (!links.published_url.empty()) {
    fmt::format_to(it, "<li>As published, the claim linked to {}</li>\n",
                   ExternalLink(links.published_url, "this page", "published-link"));
  }
  body += "</ul>\n</section>\n</div>\n";
  if (d.record_award) body += RecordRowsHtml(*d.record_award, ParentIdvOfDetail(d));

  // The claim as listed.
  body += "<section>\n<h2>As listed</h2>\n<dl class=\"facts\">";
  body += Fact("kind", HtmlEscape(c.kind));
  auto text = [&](std::string_view label, const std::string& value) {
    if (!value.empty()) body += Fact(label, HtmlEscape(value));
  };
  text("PIID", c.piid);
  text("agency id", c.agency_id);
  text("award id", c.award_id);
  text("FAIN", c.fain);
  text("location", c.location);
  if (c.square_feet) body += Fact("square feet", std::to_string(*c.square_feet));
  text("agency", std::string(Trim(c.agency)));
  text("vendor", c.vendor);
  text("description", c.description);
  text("status", c.status);
  text("date", c.date);
  text("link", c.link);
  body += Fact("source line", std::to_string(c.source_line));
  body += "</dl>\n</section>\n";

  // Every version.
  body +=
      "<section>\n<h2>Every version</h2>\n<table data-testid=\"versions\"><thead><tr>"
      "<th>Snapshot</th><th>As of</th><th>What happened</th><th class=\"m\">Claimed</th>"
      "<th>Verdict</th><th>Changes</th></tr></thead><tbody>\n";
  for (const ClaimVersionView& version : d.versions) {
    std::string changes = FieldChangesHtml(version.changes);
    std::string snapshot_cell =
        version.claim
            ? fmt::format("<a href=\"{}\">{}</a>",
                          HtmlEscape(ClaimPath(d.key, version.snapshot.id)), version.snapshot.id)
            : std::to_string(version.snapshot.id);
    fmt::format_to(
        it,
        "<tr data-testid=\"version\"><td>{}</td><td class=\"nw\">{}</td><td>{}</td>{}<td>{}</td>"
        "<td>{}</td></tr>\n",
        snapshot_cell, HtmlEscape(version.snapshot.as_of), HtmlEscape(version.mark),
        MoneyCell(version.claim ? version.claim->claimed_savings : std::nullopt),
        VerdictTag(version.verdict ? version.verdict->verdict : ""), changes);
  }
  body += "</tbody></table>\n</section>\n";
  return RenderPage(title, "claims", body);
}

}  // namespace receipts::serve
