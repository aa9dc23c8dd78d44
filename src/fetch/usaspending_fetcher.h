// Fetches the record of each wanted award from USAspending's API (records.md §3) into a record
// store: resolve the key (GET /api/v2/awards/{key}/, which alone falls back to legacy keys), or,
// when it is unknown, search spending_by_award for the quoted PIID or FAIN; then request the
// award's download (POST /api/v2/download/contract|idv|assistance/), poll
// /api/v2/download/status until it is finished, and fetch its zip (TransactionHistory,
// FederalAccountFunding). Every response body is stored as received.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "fetch/award_request.h"
#include "fetch/record_store.h"
#include "fetch/retry_policy.h"

namespace receipts {

struct UsaspendingFetchOptions {
  std::string base_url = "https://api.usaspending.gov";
  int jobs = 4;           // awards in flight, so at most this many requests at once
  int max_age_days = -1;  // refetch what was fetched longer ago than this; -1: never
  RetryPolicy policy;     // per request: 5xx, empty replies, resets, timeouts
  int connect_timeout_seconds = 10;
  int timeout_seconds = 120;
  int poll_interval_ms = 2000;  // between download status polls
  int max_poll_seconds = 900;   // a download still running after this is asked for again
  int download_attempts = 3;    // a failed or stuck download is asked for this many times
  int max_search_results = 10;  // candidate awards taken from one search
  std::function<void(std::string_view)> log;  // one line per event; may be empty
  std::function<void(std::size_t done, std::size_t total)> progress;  // may be empty
};

struct FetchSummary {
  std::size_t awards = 0;             // distinct awards asked for
  std::size_t fetched = 0;            // their record is in the store now (fetched this run)
  std::size_t reused = 0;             // already in the store and fresh enough: not fetched again
  std::size_t absent = 0;             // the source has no such award (stored as such)
  std::size_t failed = 0;             // every try failed: reported in `failures`
  std::vector<std::string> failures;  // "KEY: why", one per failed award
  std::uint64_t requests = 0;
  std::uint64_t bytes = 0;
  double seconds = 0;
};

// The awards a rerun need not fetch: those whose last USAspending "done" or "absent" entry in
// `store` is at most `max_age_days` old (-1: any age), by requested key.
std::vector<std::string> FreshAwardKeys(const RecordStore& store, int max_age_days);

// Fetches every award of `wanted` not already fresh in `store`. A failure of one award does not
// stop the others: it is stored as an "error" entry and counted. Fails as a whole only when the
// store cannot be written or the options are unusable.
Result<FetchSummary> FetchFromUsaspending(const std::vector<AwardRequest>& wanted,
                                          RecordStore* store,
                                          const UsaspendingFetchOptions& options);

}  // namespace receipts
