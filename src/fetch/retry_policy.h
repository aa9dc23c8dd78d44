// When to try an HTTP request again, and how long to wait first: exponential backoff with jitter,
// honouring the server's Retry-After up to a cap.
#pragma once

#include <chrono>
#include <optional>

namespace receipts {

struct RetryPolicy {
  int max_retries = 5;                // tries after the first; 0 never retries
  int initial_backoff_ms = 500;       // the wait before the first retry, doubled for each next one
  int max_backoff_ms = 30'000;        // cap on the doubled wait
  int max_retry_after_seconds = 120;  // cap on a server's Retry-After
};

// 429 (rate limited) and every 5xx are worth another try; any other status is final.
bool IsRetryableHttpStatus(long status);

// The wait before retry number `retry` (1-based). Without Retry-After: initial · 2^(retry-1),
// capped at max_backoff_ms, plus up to half of that again as jitter (`jitter` in [0, 1) picks
// how much) so that many clients do not retry in step. With Retry-After: that many seconds,
// capped at max_retry_after_seconds, and never less than the backoff would be without jitter.
std::chrono::milliseconds RetryDelay(const RetryPolicy& policy, int retry,
                                     std::optional<long> retry_after_seconds, double jitter);

}  // namespace receipts
