// Captures DOGE's savings lists from its API (GET {base}/savings/{kind}?page=P&per_page=N), every
// page, with retries, and refuses a capture that is not complete: what it hands the ledger is
// either the whole list as the API stated it (meta.total_results items) or nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/snapshot_input.h"
#include "core/status.h"

namespace receipts {

struct FetchOptions {
  std::string base_url = "https://api.doge.gov";
  std::string kind;     // contracts | grants | leases
  int per_page = 500;   // the API's maximum
  int max_retries = 5;  // per page, after the first try
  int initial_backoff_ms = 500;
  int timeout_seconds = 60;  // total per request
  int connect_timeout_seconds = 10;
  int max_backoff_ms = 30'000;
  int max_retry_after_seconds = 120;  // cap on a server's Retry-After
  // Caps on one list's capture. The largest real lists (2025-03 to 10) hold about 14,000
  // contracts, 21,000 grants and 1,000 leases, under 1 MB a page of 500: these leave a margin of
  // ten times, yet an API announcing 10^9 pages (which grew to 23 GiB) is refused at page 1.
  std::int64_t max_items = 200'000;
  std::int64_t max_pages = 5'000;
  std::int64_t max_bytes = std::int64_t{2} << 30;  // response bodies of one list, together
  // Told of every page fetched and every retry, one human-readable line each; may be empty.
  std::function<void(std::string_view)> log;
};

// Fetches every page of one list. Retries a page on HTTP 429 and 5xx and on transport errors
// (timeouts included) with exponential backoff and jitter, honouring Retry-After; fails at once
// on any other status. Page 1's meta gives the total and the page count; paging also stops at
// an empty page. An announcement past max_items or max_pages, or of more pages than its total
// fills at per_page, is refused before page 2 is asked for; a page holding more than per_page
// items, or pages past max_bytes together, stop the capture. Fails with an invalid-input error,
// "incomplete capture: received N of M items (page K had X, expected Y) …", unless exactly
// meta.total_results items came, and if a later page's meta disagrees with page 1's (the list
// changed during the capture). The result: kind = options.kind, source = "{base}/savings/{kind}",
// as_of = the capture's start (UTC, "2025-04-12T10:00:00Z"), pages = every response body byte for
// byte with its URL, claims = every item in order (source_file = the page URL, source_line = the
// item's number on its page).
Result<SnapshotInput> FetchDogeKind(const FetchOptions& options);

// Contracts, grants and leases in that order, one snapshot each (options.kind is ignored). Fails
// as a whole if any one fails.
Result<std::vector<SnapshotInput>> FetchDogeAll(const FetchOptions& options);

}  // namespace receipts
