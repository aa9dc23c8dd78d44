// How the static site names its files, and how a page `serve` rendered becomes a page of the
// site: every link to the server ("/claims/KEY", "/diff?from=1&to=2", "/assets/app.css") is
// rewritten to the relative path of the file that holds the same thing.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace receipts::serve {

// What the site holds, for links that depend on it.
struct SiteMap {
  std::int64_t latest_snapshot = 0;                       // what "/claims" without a snapshot lists
  std::map<std::int64_t, std::int64_t> pages;             // claims-list pages per snapshot id
  std::set<std::pair<std::int64_t, std::int64_t>> diffs;  // (from, to) pairs published
  // With records: the vendor families published, by every UEI of theirs → the parent UEI that
  // names the family's file; and the leads pages per rule ("" = every rule).
  bool money = false;
  std::map<std::string, std::string> vendor_files;
  std::map<std::string, std::int64_t> lead_pages;
};

// The file stem of a leads page: "all-2" (every rule, page 2), "W1-1".
std::string LeadsFileStem(std::string_view rule, std::int64_t page);

// The file name a claim key gets: the key with every byte other than a letter, digit, '-' or '.'
// made '_', cut to 80 bytes, then '-' and the first 12 hex digits of the key's SHA-256 (two keys
// never share a file). Safe on every file system and in a URL without escaping.
std::string ClaimFileStem(std::string_view key);

// The site's file for a link to the server, relative to the site's root ("claims/STEM.html",
// "lists/2-1.html", "search.html?q=…"): a search or a filtered list goes to search.html with its
// query, which the search script reads; a page the site does not hold goes to the nearest one
// it does (a diff not published to diff.html, a vendor not published to vendors.html, leads
// filtered by agency to the rule's first page, an unknown path to index.html).
std::string StaticTarget(std::string_view path_and_query, const SiteMap& site);

// `html` with every href, src and action that starts with a single '/' rewritten to
// `prefix` + StaticTarget ("" for a page at the root, "../" one folder down). Other links
// (https://…, #…) are left as they are. A form's action to "/claims" becomes search.html, which
// reads the form's fields.
std::string RewriteLinks(std::string_view html, std::string_view prefix, const SiteMap& site);

}  // namespace receipts::serve
