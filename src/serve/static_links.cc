#include "serve/static_links.h"

#include <fmt/format.h>

#include <vector>

#include "core/sha256.h"
#include "report/html_escape.h"
#include "serve/url.h"

namespace receipts::serve {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
        HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else if (text[i] == '+') {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

std::map<std::string, std::string> ParseQuery(std::string_view query) {
  std::map<std::string, std::string> params;
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    std::size_t eq = part.find('=');
    params[PercentDecode(part.substr(0, eq))] =
        eq == std::string_view::npos ? "" : PercentDecode(part.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return params;
}

std::int64_t IdOf(const std::map<std::string, std::string>& params, const std::string& name,
                  std::int64_t fallback) {
  auto it = params.find(name);
  if (it == params.end() || it->second.empty() || it->second == "latest") return fallback;
  std::int64_t id = 0;
  for (char c : it->second) {
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

std::string StaticTarget(std::string_view link, const SiteMap& site) {
  std::size_t question = link.find('?');
  std::string path = PercentDecode(link.substr(0, question));
  std::string_view query =
      question == std::string_view::npos ? std::string_view() : link.substr(question + 1);
  std::map<std::string, std::string> params = ParseQuery(query);
  const bool csv = params.count("format") > 0 && params["format"] == "csv";
  const std::int64_t snapshot = IdOf(params, "snapshot", site.latest_snapshot);

  if (path == "/assets/app.css" || path == "/assets/app.js" || path == "/assets/search.js") {
    return path.substr(1);
  }
  if (path == "/") {
    if (params.count("snapshot")) return fmt::format("snapshots/{}.html", snapshot);
    if (params.count("kind")) return "kinds/" + ClaimFileStem(params["kind"]) + ".html";
    return "index.html";
  }
  if (path == "/claims") {
    bool filtered = false;
    for (const char* name : {"q", "agency", "verdict", "sort", "order"}) {
      filtered |= params.count(name) > 0 && !params[name].empty();
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
  if (path == "/api/summary") return fmt::format("api/summary/{}.json", snapshot);
  if (path == "/api/snapshots") return csv ? "csv/snapshots.csv" : "api/snapshots.json";
  if (path == "/api/claims") {
    if (csv) return fmt::format("csv/claims-{}.csv", snapshot);
    return fmt::format("api/claims/{}-1.json", snapshot);
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
