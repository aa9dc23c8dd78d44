// Fetches contract awards from SAM.gov's Contract Awards API (records.md §2), FPDS's successor,
// into the same record store as USAspending's: one search per award,
//   GET {base}/contract-awards/v1/search?api_key=…&piid=P&piidSubtierCode=A
//       [&referencedIdvPiid=I]&limit=100&offset=N
// paged by offset (a page index: SAM refuses offset × limit over 400,000) until totalRecords.
// Quota-aware, since a key without a role gets 10 requests a day: every answer is kept and never
// asked for again, --max-requests bounds a run, and a 429 stops the run at once with when the
// quota resets. The key is never printed, logged or stored: stored URLs leave it out.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "fetch/award_request.h"
#include "fetch/record_store.h"
#include "fetch/retry_policy.h"
#include "fetch/usaspending_fetcher.h"

namespace receipts {

struct SamFetchOptions {
  std::string base_url = "https://api.sam.gov";
  std::string api_key;    // the user's; required
  int max_requests = 10;  // every request sent counts, retries included
  int max_age_days = -1;  // refetch what was fetched longer ago than this; -1: never
  RetryPolicy policy{2, 1000, 30'000, 120};  // 5xx and transport errors only: never 429
  int connect_timeout_seconds = 10;
  int timeout_seconds = 60;                   // the broker uses 60 s
  std::function<void(std::string_view)> log;  // may be empty; never sees the key
};

struct SamFetchSummary {
  FetchSummary counts;           // fetched, reused, absent (SAM.gov has no such award), failed
  std::size_t skipped = 0;       // grants (SAM.gov has contracts only) and awards left for lack of
                                 // budget or quota
  bool quota_exhausted = false;  // a 429 stopped the run
  bool budget_spent = false;     // --max-requests stopped the run
  std::string stop_reason;       // what to tell the user when either did
};

// The URL with its api_key parameter removed, for the store and for messages.
std::string WithoutApiKey(const std::string& url);

// Fetches every contract and IDV of `wanted` not already fresh in `store`. Fails as a whole on
// unusable options, a key SAM.gov refuses (HTTP 401/403), or a store that cannot be written.
Result<SamFetchSummary> FetchFromSam(const std::vector<AwardRequest>& wanted, RecordStore* store,
                                     const SamFetchOptions& options);

}  // namespace receipts
