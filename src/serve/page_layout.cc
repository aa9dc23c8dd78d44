#include "serve/page_layout.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/money.h"
#include "report/html_escape.h"
#include "serve/url.h"
#include "serve/verdicts.h"

namespace receipts::serve {

std::string RenderPage(std::string_view title, std::string_view nav, const std::string& body) {
  auto link = [&](std::string_view href, std::string_view name, std::string_view id) {
    return fmt::format("<a href=\"{}\"{}>{}</a>", href, nav == id ? " class=\"on\"" : "", name);
  };
  std::string out;
  out.reserve(body.size() + 2048);
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      // No icon to fetch: a static host answers /favicon.ico with a 404 otherwise.
      "<link rel=\"icon\" href=\"data:,\">\n<title>";
  out += HtmlEscape(title);
  out +=
      " — receipts</title>\n<link rel=\"stylesheet\" href=\"/assets/app.css\">\n"
      "<script src=\"/assets/app.js\" defer></script>\n</head>\n<body>\n"
      "<header class=\"top\"><div class=\"in\"><a class=\"brand\" href=\"/\">receipts</a>";
  out += link("/", "Overview", "overview");
  out += link("/claims", "Claims", "claims");
  out += link("/diff", "Changes between snapshots", "diff");
  out += link("/api/summary", "API", "api");
  out += "</div></header>\n<main>\n";
  out += body;
  out +=
      "<footer>\n<p>Savings claims as published, each checked against the federal spending "
      "record (FPDS, USAspending). Every figure links to its evidence; every snapshot is kept "
      "in a hash-chained ledger, so silent edits show. Data: <a href=\"/api/snapshots\">"
      "/api/snapshots</a>, <a href=\"/api/claims?format=csv\">claims as CSV</a>.</p>\n"
      "</footer>\n</main>\n</body>\n</html>\n";
  return out;
}

std::string ErrorPage(int status, std::string_view message) {
  return RenderPage(fmt::format("Error {}", status), "",
                    fmt::format("<h1>Error {}</h1>\n<p class=\"error\" data-testid=\"error\">{}"
                                "</p>\n<p><a href=\"/\">Back to the overview</a></p>\n",
                                status, HtmlEscape(message)));
}

std::string MoneyCell(const std::optional<Cents>& cents, std::string_view test_id) {
  std::string id = test_id.empty() ? "" : fmt::format(" data-testid=\"{}\"", HtmlEscape(test_id));
  if (!cents) return fmt::format("<td class=\"m\"{} data-cents=\"\"></td>", id);
  return fmt::format("<td class=\"m\"{} data-cents=\"{}\">{}</td>", id, *cents, FormatUsd(*cents));
}

std::string VerdictTag(std::string_view verdict) {
  if (verdict.empty()) return "<span class=\"vd muted\">—</span>";
  const char* label = VerdictLabelOf(verdict);
  return fmt::format(
      "<span class=\"vd\" data-verdict=\"{0}\" title=\"{0}: {1}\"><i class=\"{2}\"></i>{3}</span>",
      HtmlEscape(verdict), HtmlEscape(VerdictMeaningOf(verdict)), VerdictClass(verdict),
      HtmlEscape(*label ? std::string_view(label) : verdict));
}

namespace {
std::string FieldValue(const std::string& field, const std::string& value) {
  if (field != "claimed_savings" && field != "claimed_value") return HtmlEscape(value);
  if (value.empty()) return "(blank)";
  auto cents = ParseMoney(value);
  if (!cents.ok() || !cents->has_value()) return HtmlEscape(value);
  return FormatUsd(**cents);
}
}  // namespace

std::string FieldChangesHtml(const std::vector<FieldChange>& changes) {
  std::string out;
  for (const FieldChange& f : changes) {
    out += fmt::format(
        "<div data-field=\"{}\"><code>{}</code>: <span class=\"old\">{}</span> → "
        "<span class=\"new\">{}</span></div>",
        HtmlEscape(f.field), HtmlEscape(f.field), FieldValue(f.field, f.old_value),
        FieldValue(f.field, f.new_value));
  }
  return out;
}

std::string ClaimPath(std::string_view key, std::int64_t snapshot_id) {
  return "/claims/" + UrlEncode(key) + "?snapshot=" + std::to_string(snapshot_id);
}

std::string ClaimPath(std::string_view key) { return "/claims/" + UrlEncode(key); }

std::string AsOfText(std::string_view as_of) {
  if (as_of.size() < 16 || as_of[10] != 'T') return std::string(as_of);
  if (as_of.substr(10) == "T00:00:00Z") return std::string(as_of.substr(0, 10));
  return fmt::format("{} {} UTC", as_of.substr(0, 10), as_of.substr(11, 5));
}

std::string SnapshotLabel(const SnapshotInfo& s) {
  const std::string when = AsOfText(s.as_of);
  return fmt::format(
      "snapshot {} · {} · {} · {} claims", s.id, s.kind, when,
      GroupThousands(static_cast<std::uint64_t>(std::max<std::int64_t>(0, s.claim_count))));
}

}  // namespace receipts::serve
