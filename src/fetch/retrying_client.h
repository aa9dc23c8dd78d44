// The one retry loop every fetcher uses (DOGE, USAspending, SAM.gov): a request is sent again on
// HTTP 429 and 5xx, on empty replies, resets and timeouts, with exponential backoff and jitter
// (retry_policy.h), honouring Retry-After; any other answer is handed back for the caller to
// judge. It counts what it sent, and never writes a secret: URLs pass through `redact` before
// they reach a log line or an error.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <string_view>

#include "core/status.h"
#include "fetch/http_client.h"
#include "fetch/retry_policy.h"

namespace receipts {

struct RetryingClientOptions {
  RetryPolicy policy;
  HttpTimeouts timeouts;
  // false: a 429 is handed back at once (a daily quota is not worth waiting for).
  bool retry_rate_limited = true;
  // Told of every retry, one line each; may be empty.
  std::function<void(std::string_view)> log;
  // The URL as it may be shown (an API key removed); identity when empty.
  std::function<std::string(const std::string&)> redact;
  // Asked before every try, retries included: false stops with "request budget spent" (a daily
  // quota the user set aside). Always true when empty.
  std::function<bool()> may_send;
};

// Requests sent and bytes received, shared by every client of one fetch.
struct FetchCounters {
  std::atomic<std::uint64_t> requests{0};
  std::atomic<std::uint64_t> bytes{0};
};

class RetryingClient {
 public:
  // `counters` may be null; it must outlive the client.
  RetryingClient(RetryingClientOptions options, FetchCounters* counters);

  // The first answer that is not worth another try (any status but 429/5xx, or 429 when
  // retry_rate_limited is false). After policy.max_retries retries: an I/O error "GET URL: gave
  // up after N tries; last: WHY". When may_send says no: a Usage error "request budget spent".
  Result<HttpResponse> Get(const std::string& url);
  Result<HttpResponse> PostJson(const std::string& url, const std::string& json);

  // The URL as it may be shown.
  std::string Shown(const std::string& url) const;

 private:
  Result<HttpResponse> Send(const std::string& url, const std::string* json);

  RetryingClientOptions options_;
  FetchCounters* counters_;
  HttpClient http_;
  std::mt19937_64 random_;
};

// The start of a response body, printable, for an error message.
std::string BodySnippet(std::string_view body);

}  // namespace receipts
