#include "fetch/doge_fetcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "claims/claims_reader.h"
#include "core/as_of.h"
#include "fetch/api_page.h"
#include "fetch/retrying_client.h"

namespace receipts {
namespace {

// A 200 page body, through the one retry policy every fetcher shares.
class PageGetter {
 public:
  explicit PageGetter(const FetchOptions& options)
      : options_(options), client_(ClientOptions(options), nullptr) {}

  // The body of a 200 response to GET `url`, after as many retries as the policy allows.
  Result<std::string> Get(const std::string& url) {
    Result<HttpResponse> response = client_.Get(url);
    if (!response.ok()) return response.status();
    if (response->status == 200) return std::move(response->body);
    return Status::IoError(
        fmt::format("GET {}: HTTP {}: {}", url, response->status, BodySnippet(response->body)));
  }

  void Log(std::string_view line) const {
    if (options_.log) options_.log(line);
  }

 private:
  static RetryingClientOptions ClientOptions(const FetchOptions& options) {
    RetryingClientOptions out;
    out.policy = {options.max_retries, options.initial_backoff_ms, options.max_backoff_ms,
                  options.max_retry_after_seconds};
    out.timeouts = {options.connect_timeout_seconds, options.timeout_seconds};
    out.log = options.log;
    return out;
  }

  const FetchOptions& options_;
  RetryingClient client_;
};

// Items page `page` (1-based) should hold when the list has `total` items.
std::int64_t ExpectedOnPage(std::int64_t total, int per_page, std::int64_t page) {
  return std::clamp<std::int64_t>(total - (page - 1) * per_page, 0, per_page);
}

Status IncompleteCapture(const std::string& source, std::int64_t received, const ApiPageMeta& meta,
                         int per_page, const std::vector<std::int64_t>& page_counts) {
  std::string which;
  for (std::size_t i = 0; i < page_counts.size(); ++i) {
    const auto page = static_cast<std::int64_t>(i) + 1;
    const std::int64_t expected = ExpectedOnPage(meta.total_results, per_page, page);
    if (page_counts[i] != expected) {
      which = fmt::format("page {} had {}, expected {}", page, page_counts[i], expected);
      break;
    }
  }
  if (which.empty()) {
    which = fmt::format("{} pages fetched, meta.pages said {}", page_counts.size(), meta.pages);
  }
  return Status::InvalidInput(
      fmt::format("incomplete capture: received {} of {} items ({}) from {}; nothing recorded",
                  received, meta.total_results, which, source));
}

// Refuses, before anything beyond page 1 is fetched, an announcement past the caps or one whose
// page count its total does not fill (the API's pages are "at current per_page limit").
Status CheckAnnouncement(const FetchOptions& options, const std::string& source,
                         const ApiPageMeta& meta) {
  const std::int64_t filled = (meta.total_results + options.per_page - 1) / options.per_page;
  std::string past;
  if (meta.total_results > options.max_items) {
    past = fmt::format("more than --max-items {}", options.max_items);
  } else if (meta.pages > options.max_pages) {
    past = fmt::format("more than --max-pages {}", options.max_pages);
  } else if (meta.pages > std::max<std::int64_t>(filled, 1)) {
    past = fmt::format("more pages than {} items fill at {} a page ({})", meta.total_results,
                       options.per_page, filled);
  } else {
    return Status::Ok();
  }
  return Status::InvalidInput(fmt::format(
      "{} announces {} items in {} pages: {}; nothing fetched further, nothing recorded", source,
      meta.total_results, meta.pages, past));
}

}  // namespace

Result<SnapshotInput> FetchDogeKind(const FetchOptions& options) {
  const std::optional<ClaimKind> claim_kind = ClaimKindNamed(options.kind);
  if (!claim_kind) {
    return Status::Usage("fetch: kind must be contracts, grants or leases, not '" + options.kind +
                         "'");
  }
  if (options.per_page < 1 || options.per_page > 500) {
    return Status::Usage(fmt::format("fetch: per_page must be 1 to 500, not {}", options.per_page));
  }
  std::string base = options.base_url;
  while (base.ends_with('/')) base.pop_back();
  if (!base.starts_with("http://") && !base.starts_with("https://")) {
    return Status::Usage("fetch: the base URL must start with http:// or https://: '" +
                         options.base_url + "'");
  }

  SnapshotInput out;
  out.kind = options.kind;
  out.source = base + "/savings/" + options.kind;
  out.as_of = NowUtc();
  PageGetter getter(options);
  std::optional<ApiPageMeta> meta;
  std::vector<std::int64_t> page_counts;
  std::int64_t received = 0;
  std::int64_t bytes = 0;
  for (std::int64_t page = 1;; ++page) {
    const std::string url =
        fmt::format("{}?page={}&per_page={}", out.source, page, options.per_page);
    Result<std::string> body = getter.Get(url);
    if (!body.ok()) return body.status();
    bytes += static_cast<std::int64_t>(body->size());
    if (bytes > options.max_bytes) {
      return Status::InvalidInput(fmt::format(
          "{}: pages 1 to {} hold {} bytes, more than --max-bytes {}; nothing recorded from {}",
          url, page, bytes, options.max_bytes, out.source));
    }
    Result<std::vector<Claim>> claims = ParseClaims(url, *body, claim_kind);
    if (!claims.ok()) return claims.status();
    Result<std::optional<ApiPageMeta>> page_meta = ReadApiPageMeta(url, *body);
    if (!page_meta.ok()) return page_meta.status();
    if (page == 1) {
      if (!page_meta->has_value()) {
        return Status::InvalidInput(url +
                                    ": the page has no \"meta\": the capture's size is unknown");
      }
      meta = **page_meta;
      if (Status s = CheckAnnouncement(options, out.source, *meta); !s.ok()) return s;
    } else if (page_meta->has_value() && ((*page_meta)->total_results != meta->total_results ||
                                          (*page_meta)->pages != meta->pages)) {
      return Status::InvalidInput(fmt::format(
          "the list changed during the capture: page 1 said {} items in {} pages, page {} says {} "
          "in {}; nothing recorded from {}",
          meta->total_results, meta->pages, page, (*page_meta)->total_results, (*page_meta)->pages,
          out.source));
    }
    const auto count = static_cast<std::int64_t>(claims->size());
    if (count > options.per_page) {
      return Status::InvalidInput(
          fmt::format("{}: {} items on one page, more than the {} asked for; nothing recorded", url,
                      count, options.per_page));
    }
    page_counts.push_back(count);
    received += count;
    for (Claim& claim : *claims) out.claims.push_back(std::move(claim));
    out.pages.push_back(RawPage{url, std::move(body).value()});
    getter.Log(fmt::format("page {} of {}: {} items ({} of {})", page, meta->pages, count, received,
                           meta->total_results));
    // Every non-empty page adds an item, so this ends within total_results + 1 pages whatever
    // the server says.
    if (count == 0 || page >= meta->pages || received > meta->total_results) break;
  }
  if (received != meta->total_results) {
    return IncompleteCapture(out.source, received, *meta, options.per_page, page_counts);
  }
  return out;
}

Result<std::vector<SnapshotInput>> FetchDogeAll(const FetchOptions& options) {
  std::vector<SnapshotInput> out;
  for (ClaimKind each : kAllClaimKinds) {
    const char* kind = ClaimKindPluralName(each);
    FetchOptions one = options;
    one.kind = kind;
    Result<SnapshotInput> snapshot = FetchDogeKind(one);
    if (!snapshot.ok()) return snapshot.status();
    out.push_back(std::move(snapshot).value());
  }
  return out;
}

}  // namespace receipts
