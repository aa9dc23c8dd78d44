#include <fmt/format.h>

#include <iterator>

#include "core/money.h"
#include "core/text.h"
#include "report/html_escape.h"
#include "serve/page_layout.h"
#include "serve/pages.h"
#include "serve/url.h"

namespace receipts::serve {
namespace {

std::string SnapshotSelect(std::string_view name, const std::vector<SnapshotInfo>& snapshots,
                           const SnapshotInfo* chosen, std::string_view test_id) {
  std::string out = fmt::format("<select name=\"{}\" data-testid=\"{}\">", name, test_id);
  for (const SnapshotInfo& s : snapshots) {
    out += fmt::format("<option value=\"{}\"{}>{}</option>", s.id,
                       chosen != nullptr && chosen->id == s.id ? " selected" : "",
                       HtmlEscape(SnapshotLabel(s)));
  }
  return out + "</select>";
}

// The CSV of the same selection.
std::string DiffCsvPath(std::int64_t from, std::int64_t to, const DiffFilter& filter) {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"from", std::to_string(from)}, {"to", std::to_string(to)}, {"format", "csv"}};
  if (filter.change) parts.emplace_back("change", ChangeTypeName(*filter.change));
  if (!filter.agency.empty()) parts.emplace_back("agency", filter.agency);
  if (filter.money_only) parts.emplace_back("money", "1");
  parts.emplace_back("sort", filter.by_size ? "size" : "key");
  return "/api/diff" + QueryString(parts);
}

std::string Usd(const std::optional<Cents>& cents) {
  return cents ? FormatUsd(*cents) : std::string("unknown");
}

std::string Option(std::string_view value, std::string_view label, bool selected) {
  return fmt::format("<option value=\"{}\"{}>{}</option>", HtmlEscape(value),
                     selected ? " selected" : "", HtmlEscape(label));
}

// The filter controls; with JavaScript off they are submitted by the Compare button.
std::string FilterControls(const DiffFilter& filter, const std::vector<std::string>& agencies) {
  std::string out = "<label>Change<select name=\"change\" data-testid=\"diff-change\">";
  out += Option("", "any", !filter.change);
  for (ChangeType type : {ChangeType::kAdded, ChangeType::kRemoved, ChangeType::kChanged}) {
    out += Option(ChangeTypeName(type), ChangeTypeName(type), filter.change == type);
  }
  out += "</select></label><label>Agency<select name=\"agency\" data-testid=\"diff-agency\">";
  out += Option("", "any", filter.agency.empty());
  for (const std::string& agency : agencies) {
    out += Option(agency, agency, agency == filter.agency);
  }
  out += "</select></label><label>Money<select name=\"money\" data-testid=\"diff-money\">";
  out += Option("", "any change", !filter.money_only);
  out += Option("1", "claimed savings changed", filter.money_only);
  out += "</select></label><label>Order<select name=\"sort\" data-testid=\"diff-sort\">";
  out += Option("size", "largest change first", filter.by_size);
  out += Option("key", "by claim", !filter.by_size);
  return out + "</select></label>";
}

}  // namespace

std::string DiffPage(const std::vector<SnapshotInfo>& snapshots, const SnapshotInfo* from,
                     const SnapshotInfo* to, const SnapshotDiff* diff, const DiffFilter& filter,
                     const std::vector<std::string>& agencies) {
  std::string body;
  auto it = std::back_inserter(body);
  body +=
      "<h1>Changes between snapshots</h1>\n<p class=\"sub\">What was added, taken down or "
      "edited between two captures of the list, claim by claim.</p>\n"
      "<form class=\"filters\" method=\"get\" action=\"/diff\">";
  const SnapshotInfo* default_from =
      from != nullptr ? from : (snapshots.size() >= 2 ? &snapshots[snapshots.size() - 2] : nullptr);
  const SnapshotInfo* default_to =
      to != nullptr ? to : (snapshots.empty() ? nullptr : &snapshots.back());
  fmt::format_to(it, "<label>From{}</label><label>To{}</label>",
                 SnapshotSelect("from", snapshots, default_from, "diff-from"),
                 SnapshotSelect("to", snapshots, default_to, "diff-to"));
  body += FilterControls(filter, agencies);
  body += "<button type=\"submit\" data-testid=\"diff-submit\">Compare</button></form>\n";
  if (diff == nullptr || from == nullptr || to == nullptr) {
    return RenderPage("Changes", "diff", body);
  }

  fmt::format_to(
      it,
      "<p><strong>{}</strong> ({} claims, {} claimed) → <strong>{}</strong> ({} claims, {} "
      "claimed). <a href=\"{}\">download as CSV</a></p>\n<section class=\"headline\">\n"
      "<div class=\"big\"><span class=\"label\">Added</span><span class=\"num\" "
      "data-testid=\"diff-added\">{}</span><span class=\"muted\">{} claimed</span></div>\n"
      "<div class=\"big\"><span class=\"label\">Taken down</span><span class=\"num\" "
      "data-testid=\"diff-removed\">{}</span><span class=\"muted\">{} last claimed</span></div>\n"
      "<div class=\"big\"><span class=\"label\">Edited</span><span class=\"num\" "
      "data-testid=\"diff-changed\">{}</span><span class=\"muted\">savings {}</span></div>\n"
      "</section>\n",
      HtmlEscape(SnapshotLabel(*from)), from->claim_count, FormatUsd(from->claimed_total),
      HtmlEscape(SnapshotLabel(*to)), to->claim_count, FormatUsd(to->claimed_total),
      HtmlEscape(DiffCsvPath(from->id, to->id, filter)), diff->added,
      FormatUsd(diff->added_savings), diff->removed, FormatUsd(diff->removed_savings),
      diff->changed, (diff->changed_delta > 0 ? "+" : "") + FormatUsd(diff->changed_delta));

  fmt::format_to(it, "<p data-testid=\"diff-shown\">{} change{} shown{}.</p>\n",
                 GroupThousands(diff->changes.size()), diff->changes.size() == 1 ? "" : "s",
                 filter.by_size ? ", the largest move of claimed savings first" : ", by claim");
  body +=
      "<div class=\"scroll\"><table class=\"claims\" "
      "data-testid=\"diff-table\"><thead><tr><th>Change</th>"
      "<th>Claim</th><th>Agency</th><th class=\"m\">Claimed before</th>"
      "<th class=\"m\">Claimed after</th><th>Fields changed</th></tr></thead><tbody>\n";
  std::size_t shown = 0;
  for (const ClaimChange& change : diff->changes) {
    if (shown++ == kDiffPageRows) break;
    const LedgerClaim& any = change.new_claim ? *change.new_claim : *change.old_claim;
    std::int64_t link_snapshot = change.new_claim ? to->id : from->id;
    std::string name = !any.piid.empty() ? any.piid : change.key;
    std::string fields = FieldChangesHtml(change.fields);
    std::string before_cents, before_text, after_cents, after_text;
    if (change.old_claim) {
      const std::optional<Cents>& cents = change.old_claim->claimed_savings;
      before_cents = cents ? std::to_string(*cents) : "";
      before_text = Usd(cents);
    }
    if (change.new_claim) {
      const std::optional<Cents>& cents = change.new_claim->claimed_savings;
      after_cents = cents ? std::to_string(*cents) : "";
      after_text = Usd(cents);
    }
    fmt::format_to(it,
                   "<tr data-testid=\"diff-row\" data-key=\"{}\"><td class=\"nw chg-{}\">{}</td>"
                   "<td><a href=\"{}\"><code>{}</code></a></td><td>{}</td>"
                   "<td class=\"m\" data-testid=\"diff-old\" data-cents=\"{}\">{}</td>"
                   "<td class=\"m\" data-testid=\"diff-new\" data-cents=\"{}\">{}</td>"
                   "<td>{}</td></tr>\n",
                   HtmlEscape(change.key), ChangeTypeName(change.type), ChangeTypeName(change.type),
                   HtmlEscape(ClaimPath(change.key, link_snapshot)), HtmlEscape(name),
                   HtmlEscape(Trim(any.agency)), before_cents, before_text, after_cents, after_text,
                   fields);
  }
  body += "</tbody></table></div>\n";
  if (diff->changes.empty()) body += "<p class=\"note\">No change matches.</p>\n";
  if (diff->changes.size() > kDiffPageRows) {
    fmt::format_to(it, "<p class=\"note\">The first {} of {} changes; the CSV has all.</p>\n",
                   kDiffPageRows, diff->changes.size());
  }
  return RenderPage("Changes", "diff", body);
}

}  // namespace receipts::serve
