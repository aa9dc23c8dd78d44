#include "serve/static_links.h"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "core/sha256.h"
#include "core/text.h"
#include "report/html_escape.h"
#include "serve/url.h"

namespace receipts::serve {
namespace {

using Query = httplib::Params;  // a multimap: the first value of a name counts

// The value of `name` in `params`, "" when absent.
std::string Value(const Query& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

std::int64_t IdOf(const Query& params, const std::string& name, std::int64_t fallback) {
  const std::string value = Value(params, name);
  if (value.empty() || value == "latest") return fallback;
  std::int64_t id = 0;
  for (char c : value) {
    if (c < '0' || c > '9' || id > 1'000'000'000) return fallback;
    id = id * 10 + (c - '0');
  }
  return id;
}

std::string Unescaped(std::string_view attribute) {
  std::string out;
  for (std::size_t i = 0; i < attribute.size(); ++i) {
    if (attribute.substr(i, 5) == "&amp;") {
      out += '&';
      i += 4;
    } else {
      out += attribute[i];
    }
  }
  return out;
}

}  // namespace

std::string ClaimFileStem(std::string_view key) {
  std::string stem;
  for (char c : key.substr(0, 80)) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.';
    stem += safe ? c : '_';
  }
  return stem + "-" + Sha256Hex(key).substr(0, 12);
}

std::string LeadsFileStem(std::string_view rule, std::int64_t page) {
  // Rule ids are letters and digits ("W12"); anything else is no rule's page.
  const bool plain = !rule.empty() && std::all_of(rule.begin(), rule.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c));
  });
  return fmt::format("{}-{}", plain ? std::string(rule) : std::string("all"), page);
}

std::string StaticTarget(std::string_view link, const SiteMap& site) {
  std::size_t question = link.find('?');
  // The server's own parsing of paths and query strings (cpp-httplib), so a link reads here as
  // the server would read it.
  std::string path =
      httplib::detail::decode_url(std::string(link.substr(0, question)), /*convert_plus=*/false);
  std::string_view query =
      question == std::string_view::npos ? std::string_view() : link.substr(question + 1);
  Query params;
  httplib::detail::parse_query_text(std::string(query), params);
  const bool csv = Value(params, "format") == "csv";
  const std::int64_t snapshot = IdOf(params, "snapshot", site.latest_snapshot);

  if (path == "/assets/app.css" || path == "/assets/app.js" || path == "/assets/search.js") {
    return path.substr(1);
  }
  if (path == "/") {
    if (params.count("snapshot")) return fmt::format("snapshots/{}.html", snapshot);
    if (params.count("kind")) return "kinds/" + ClaimFileStem(Value(params, "kind")) + ".html";
    return "index.html";
  }
  if (path == "/claims") {
    bool filtered = false;
    for (const char* name : {"q", "agency", "verdict", "sort", "order"}) {
      filtered |= !Value(params, name).empty();
    }
    if (filtered) return "search.html" + (query.empty() ? "" : "?" + std::string(query));
    std::int64_t page = IdOf(params, "page", 1);
    auto pages = site.pages.find(snapshot);
    if (pages == site.pages.end()) return "index.html";
    if (page < 1 || page > pages->second) page = 1;
    return fmt::format("lists/{}-{}.html", snapshot, page);
  }
  constexpr std::string_view kClaim = "/claims/";
  if (path.substr(0, kClaim.size()) == kClaim) {
    return "claims/" + ClaimFileStem(path.substr(kClaim.size())) + ".html";
  }
  if (path == "/diff" || path == "/api/diff") {
    std::int64_t from = IdOf(params, "from", 0), to = IdOf(params, "to", 0);
    if (!site.diffs.count({from, to})) return "diff.html";
    if (path == "/diff") return fmt::format("diff/{}-{}.html", from, to);
    if (csv) return fmt::format("csv/diff-{}-{}.csv", from, to);
    return fmt::format("api/diff/{}-{}.json", from, to);
  }
  if (path == "/api/checkpoint") return "checkpoint.txt";
  constexpr std::string_view kProof = "/api/proofs/";
  if (path.substr(0, kProof.size()) == kProof) {
    return "proofs/" + ClaimFileStem(path.substr(kProof.size())) + ".json";
  }
  if (path == "/api/summary") return fmt::format("api/summary/{}.json", snapshot);
  if (path == "/api/snapshots") return csv ? "csv/snapshots.csv" : "api/snapshots.json";
  if (path == "/api/claims") {
    if (csv) return fmt::format("csv/claims-{}.csv", snapshot);
    return fmt::format("api/claims/{}-1.json", snapshot);
  }
  if (site.money) {
    constexpr std::string_view kVendor = "/vendors/", kApiVendor = "/api/vendors/";
    for (std::string_view prefix : {kVendor, kApiVendor}) {
      if (path.substr(0, prefix.size()) != prefix) continue;
      auto file = site.vendor_files.find(ToUpperAscii(path.substr(prefix.size())));
      if (file == site.vendor_files.end()) return "vendors.html";
      return prefix == kVendor ? "vendors/" + file->second + ".html"
                               : "api/vendors/" + file->second + ".json";
    }
    if (path == "/vendors") return "vendors.html";
    if (path == "/leads" || path == "/api/leads") {
      const std::string rule = ToUpperAscii(Value(params, "rule"));
      auto pages = site.lead_pages.find(rule);
      if (pages == site.lead_pages.end()) pages = site.lead_pages.find("");
      if (pages == site.lead_pages.end()) return "index.html";
      std::int64_t page = Value(params, "agency").empty() ? IdOf(params, "page", 1) : 1;
      if (page < 1 || page > pages->second) page = 1;
      const std::string stem = LeadsFileStem(pages->first, page);
      return path == "/leads" ? (stem == "all-1" ? "leads.html" : "leads/" + stem + ".html")
                              : "api/leads/" + stem + ".json";
    }
  }
  constexpr std::string_view kApiClaim = "/api/claims/";
  if (path.substr(0, kApiClaim.size()) == kApiClaim) {
    return "api/claim/" + ClaimFileStem(path.substr(kApiClaim.size())) + ".json";
  }
  return "index.html";
}

std::string RewriteLinks(std::string_view html, std::string_view prefix, const SiteMap& site) {
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  std::size_t at = 0;
  while (true) {
    std::size_t best = std::string_view::npos, name_size = 0;
    for (std::string_view name : {" href=\"", " src=\"", " action=\"", " data-href=\""}) {
      std::size_t found = html.find(name, at);
      if (found < best) {
        best = found;
        name_size = name.size();
      }
    }
    if (best == std::string_view::npos) break;
    std::size_t value_start = best + name_size;
    std::size_t value_end = html.find('"', value_start);
    if (value_end == std::string_view::npos) break;
    out.append(html.substr(at, value_start - at));
    std::string_view value = html.substr(value_start, value_end - value_start);
    if (value.size() >= 1 && value[0] == '/' && (value.size() == 1 || value[1] != '/')) {
      // A form that searches the claims submits to the search page, whose script reads the
      // form's fields from the query.
      const bool search_form = name_size == std::string_view(" action=\"").size() &&
                               Unescaped(value).substr(0, 7) == "/claims" &&
                               Unescaped(value).substr(0, 8) != "/claims/";
      out += HtmlEscape(std::string(prefix) + (search_form ? std::string("search.html")
                                                           : StaticTarget(Unescaped(value), site)));
    } else {
      out.append(value);
    }
    at = value_end;
  }
  out.append(html.substr(at));
  return out;
}

}  // namespace receipts::serve
