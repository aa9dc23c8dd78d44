#include "serve/claims_query.h"

#include <algorithm>
#include <iterator>
#include <sstream>

#include "core/money.h"
#include "core/text.h"
#include "serve/url.h"
#include "verify/claim_result.h"

namespace receipts::serve {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{ToLowerAscii(text)};
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// `word` as a whole word of `text`: not inside a longer word, so "ice" does not find "services"
// and an identifier matches exactly, never as the prefix of a longer one.
bool HasWholeWord(std::string_view text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    const bool starts = at == 0 || !IsWordChar(text[at - 1]) || !IsWordChar(word.front());
    const bool ends = end == text.size() || !IsWordChar(text[end]) || !IsWordChar(word.back());
    if (starts && ends) return true;
  }
  return false;
}

// A search word for an amount: "$8,000,000" (exact, to the cent) or "$8m", "$1.2k", "$8b" (as
// the dashboard rounds figures: ShortUsd). Matches the claimed savings, claimed value or verified
// savings.
bool MatchesAmount(const ClaimRow& row, std::string_view word) {
  const std::optional<Cents> figures[] = {
      row.claim.claimed_savings, row.claim.claimed_value,
      row.verdict ? row.verdict->verified_savings : std::optional<Cents>()};
  const char unit = word.back();
  if (unit == 'k' || unit == 'm' || unit == 'b') {
    return std::any_of(std::begin(figures), std::end(figures), [&](const auto& cents) {
      return cents && ToLowerAscii(ShortUsd(*cents)) == word;
    });
  }
  auto amount = ParseMoney(word);
  if (!amount.ok() || !amount->has_value()) return false;
  return std::any_of(std::begin(figures), std::end(figures),
                     [&](const auto& cents) { return cents && *cents == **amount; });
}

bool Matches(const ClaimRow& row, const std::vector<std::string>& words) {
  return std::all_of(words.begin(), words.end(), [&](const std::string& w) {
    if (w.size() > 1 && w.front() == '$') return MatchesAmount(row, w);
    return HasWholeWord(row.search_text, w);
  });
}

Cents Gap(const ClaimRow& row) {
  return row.claim.claimed_savings.value_or(0) -
         (row.verdict ? row.verdict->verified_savings.value_or(0) : 0);
}

// -1, 0, 1 comparing a and b by `sort`, unknown figures compared as "last" by the caller.
int Compare(const ClaimRow& a, const ClaimRow& b, ClaimSort sort) {
  auto cmp = [](const auto& x, const auto& y) { return x < y ? -1 : (y < x ? 1 : 0); };
  auto verified = [](const ClaimRow& r) {
    return r.verdict ? r.verdict->verified_savings : std::optional<Cents>();
  };
  auto verdict = [](const ClaimRow& r) { return r.verdict ? r.verdict->verdict : std::string(); };
  switch (sort) {
    case ClaimSort::kClaimed:
      return cmp(a.claim.claimed_savings, b.claim.claimed_savings);
    case ClaimSort::kVerified:
      return cmp(verified(a), verified(b));
    case ClaimSort::kGap:
      return cmp(Gap(a), Gap(b));
    case ClaimSort::kAgency:
      return cmp(ToLowerAscii(Trim(a.claim.agency)), ToLowerAscii(Trim(b.claim.agency)));
    case ClaimSort::kVendor:
      return cmp(ToLowerAscii(a.claim.vendor), ToLowerAscii(b.claim.vendor));
    case ClaimSort::kPiid:
      return cmp(a.claim.piid, b.claim.piid);
    case ClaimSort::kVerdict:
      return cmp(verdict(a), verdict(b));
    case ClaimSort::kDate:
      return cmp(a.claim.date, b.claim.date);
    case ClaimSort::kSeq:
      break;
  }
  return cmp(a.claim.seq, b.claim.seq);
}

constexpr const char* kClaimSortNames[] = {"seq",    "claimed", "verified", "gap", "agency",
                                           "vendor", "piid",    "verdict",  "date"};
static_assert(std::size(kClaimSortNames) == std::size(kAllClaimSorts));

}  // namespace

const char* ClaimSortName(ClaimSort sort) {
  auto i = static_cast<std::size_t>(sort);
  return i < std::size(kClaimSortNames) ? kClaimSortNames[i] : kClaimSortNames[0];
}

std::optional<ClaimSort> ClaimSortNamed(std::string_view name) {
  for (ClaimSort sort : kAllClaimSorts) {
    if (name == ClaimSortName(sort)) return sort;
  }
  return std::nullopt;
}

bool SortsDescendingByDefault(ClaimSort sort) {
  return sort == ClaimSort::kClaimed || sort == ClaimSort::kVerified || sort == ClaimSort::kGap;
}

Result<ClaimsQuery> ParseClaimsQuery(const QueryParams& params) {
  if (Status s = CheckParams(params, kClaimsParams); !s.ok()) return s;
  ClaimsQuery query;
  query.snapshot = Param(params, "snapshot", "latest");
  if (Status s = CheckSnapshotRef("snapshot", query.snapshot); !s.ok()) return s;
  query.agency = std::string(Trim(Param(params, "agency")));
  query.verdict = Param(params, "verdict");
  if (!query.verdict.empty() && query.verdict != "unverified" && !VerdictNamed(query.verdict)) {
    return Status::InvalidInput(
        "parameter 'verdict' must be a verdict name (verified, "
        "overstated, not_terminated, …) or 'unverified'");
  }
  query.q = std::string(Trim(Param(params, "q")));
  std::optional<ClaimSort> sort = ClaimSortNamed(Param(params, "sort", "seq"));
  if (!sort) {
    std::string known;
    for (ClaimSort s : kAllClaimSorts)
      known += (known.empty() ? "" : ", ") + std::string(ClaimSortName(s));
    return Status::InvalidInput("parameter 'sort' must be one of " + known);
  }
  query.sort = *sort;
  std::string order = Param(params, "order", SortsDescendingByDefault(query.sort) ? "desc" : "asc");
  if (order != "asc" && order != "desc") {
    return Status::InvalidInput("parameter 'order' must be asc or desc");
  }
  query.descending = order == "desc";
  if (params.count("page")) {
    auto page = ParseBoundedInt("page", Param(params, "page"), 1, 1'000'000);
    if (!page.ok()) return page.status();
    query.page = *page;
  }
  if (params.count("per_page")) {
    auto per_page = ParseBoundedInt("per_page", Param(params, "per_page"), 1, kMaxPerPage);
    if (!per_page.ok()) return per_page.status();
    query.per_page = *per_page;
  }
  auto csv = ParseCsvFormat(params);
  if (!csv.ok()) return csv.status();
  query.csv = *csv;
  return query;
}

namespace {

std::vector<const ClaimRow*> MatchAndSort(const SnapshotView& view, const ClaimsQuery& query) {
  std::vector<std::string> words = Words(query.q);
  std::string agency = ToLowerAscii(query.agency);
  std::vector<const ClaimRow*> matched;
  for (const ClaimRow& row : view.rows) {
    if (!agency.empty() && ToLowerAscii(Trim(row.claim.agency)) != agency) continue;
    if (!query.verdict.empty()) {
      if (query.verdict == "unverified" ? row.verdict.has_value()
                                        : (!row.verdict || row.verdict->verdict != query.verdict)) {
        continue;
      }
    }
    if (!Matches(row, words)) continue;
    matched.push_back(&row);
  }
  if (query.sort != ClaimSort::kSeq || query.descending) {
    std::stable_sort(matched.begin(), matched.end(), [&](const ClaimRow* a, const ClaimRow* b) {
      int c = Compare(*a, *b, query.sort);
      return query.descending ? c > 0 : c < 0;
    });
  }
  return matched;
}

ClaimsSelection Paginate(const std::vector<const ClaimRow*>& matched, const ClaimsQuery& query,
                         bool all) {
  ClaimsSelection out;
  out.total = matched.size();
  out.pages = std::max<std::int64_t>(
      1, (static_cast<std::int64_t>(matched.size()) + query.per_page - 1) / query.per_page);
  if (all) {
    out.rows = matched;
    return out;
  }
  std::size_t begin = static_cast<std::size_t>((query.page - 1) * query.per_page);
  std::size_t end = std::min(matched.size(), begin + static_cast<std::size_t>(query.per_page));
  for (std::size_t i = begin; i < end; ++i) out.rows.push_back(matched[i]);
  return out;
}

}  // namespace

ClaimsSelection SelectClaims(const SnapshotView& view, const ClaimsQuery& query, bool all) {
  return Paginate(MatchAndSort(view, query), query, all);
}

ClaimsSelection SelectionCache::Select(const std::shared_ptr<const SnapshotView>& view,
                                       const std::string& version, const ClaimsQuery& query,
                                       bool all) {
  std::string key = std::to_string(view->snapshot.id) + "\n" + version + "\n" +
                    ToLowerAscii(query.agency) + "\n" + query.verdict + "\n" + query.q + "\n" +
                    ClaimSortName(query.sort) + (query.descending ? "\ndesc" : "\nasc");
  std::shared_ptr<const std::vector<const ClaimRow*>> matched;
  {
    std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->key == key && it->view == view) {
        entries_.splice(entries_.begin(), entries_, it);
        matched = entries_.front().matched;
        break;
      }
    }
  }
  if (matched == nullptr) {
    matched = std::make_shared<const std::vector<const ClaimRow*>>(MatchAndSort(*view, query));
    std::lock_guard lock(mutex_);
    entries_.push_front({key, view, matched});
    while (entries_.size() > capacity_) entries_.pop_back();
  }
  return Paginate(*matched, query, all);
}

std::string ClaimsQueryString(const ClaimsQuery& query, std::int64_t page) {
  std::vector<std::pair<std::string, std::string>> parts;
  if (query.snapshot != "latest") parts.emplace_back("snapshot", query.snapshot);
  if (!query.q.empty()) parts.emplace_back("q", query.q);
  if (!query.agency.empty()) parts.emplace_back("agency", query.agency);
  if (!query.verdict.empty()) parts.emplace_back("verdict", query.verdict);
  if (query.sort != ClaimSort::kSeq) parts.emplace_back("sort", ClaimSortName(query.sort));
  if (query.descending != SortsDescendingByDefault(query.sort))
    parts.emplace_back("order", query.descending ? "desc" : "asc");
  std::int64_t p = page == 0 ? query.page : page;
  if (p != 1) parts.emplace_back("page", std::to_string(p));
  if (query.per_page != kDefaultPerPage) {
    parts.emplace_back("per_page", std::to_string(query.per_page));
  }
  return QueryString(parts);
}

}  // namespace receipts::serve
