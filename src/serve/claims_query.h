// The claims list: which claims of a snapshot match a search and filters, in which order, and
// which page of them to show. Shared by GET /api/claims and the dashboard's claims table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "serve/params.h"
#include "serve/snapshot_view.h"

namespace receipts::serve {

inline constexpr std::int64_t kMaxPerPage = 500;
inline constexpr std::int64_t kDefaultPerPage = 50;

// The orders of the claims list, in the order the docs list them.
enum class ClaimSort { kSeq, kClaimed, kVerified, kGap, kAgency, kVendor, kPiid, kVerdict, kDate };
inline constexpr ClaimSort kAllClaimSorts[] = {
    ClaimSort::kSeq,  ClaimSort::kClaimed, ClaimSort::kVerified,
    ClaimSort::kGap,  ClaimSort::kAgency,  ClaimSort::kVendor,
    ClaimSort::kPiid, ClaimSort::kVerdict, ClaimSort::kDate};
// The one name table: "seq", "claimed", "verified", "gap", "agency", "vendor", "piid", "verdict",
// "date" (the `sort` parameter).
const char* ClaimSortName(ClaimSort sort);
std::optional<ClaimSort> ClaimSortNamed(std::string_view name);
// Money sorts (claimed, verified, gap) run largest first unless asked otherwise.
bool SortsDescendingByDefault(ClaimSort sort);

struct ClaimsQuery {
  std::string snapshot = "latest";
  std::string agency;   // exact agency name, case-insensitive; "" = all
  std::string verdict;  // a verdict name, or "unverified"; "" = all
  std::string q;        // words that must all appear (case-insensitive) in the claim's text
  ClaimSort sort = ClaimSort::kSeq;
  bool descending = false;
  std::int64_t page = 1;
  std::int64_t per_page = kDefaultPerPage;
  bool csv = false;
};

// The parameters GET /api/claims and /claims accept.
inline constexpr std::string_view kClaimsParams[] = {
    "snapshot", "agency", "verdict", "q", "sort", "order", "page", "per_page", "format"};

// Checks every parameter; the message of a failure names the parameter.
Result<ClaimsQuery> ParseClaimsQuery(const QueryParams& params);

struct ClaimsSelection {
  std::size_t total = 0;              // claims matching the search and filters
  std::vector<const ClaimRow*> rows;  // this page (every match when `all`)
  std::int64_t pages = 0;             // ceil(total / per_page), at least 1
};

// The matching rows of `view`, sorted (ties in list order), one page of them unless `all`.
ClaimsSelection SelectClaims(const SnapshotView& view, const ClaimsQuery& query, bool all);

// SelectClaims through a cache of recent searches: paging through one search, or many clients
// asking the same, filters and sorts once. Thread-safe; `view` is kept alive by the cache.
class SelectionCache {
 public:
  explicit SelectionCache(std::size_t capacity) : capacity_(capacity) {}
  ClaimsSelection Select(const std::shared_ptr<const SnapshotView>& view,
                         const std::string& version, const ClaimsQuery& query, bool all);

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const SnapshotView> view;
    std::shared_ptr<const std::vector<const ClaimRow*>> matched;
  };
  std::size_t capacity_;
  std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
};

// The query as URL parameters, with `page` replaced (0 keeps it) and defaults left out.
std::string ClaimsQueryString(const ClaimsQuery& query, std::int64_t page);

}  // namespace receipts::serve
