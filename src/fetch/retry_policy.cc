#include "fetch/retry_policy.h"

#include <algorithm>
#include <cstdint>

namespace receipts {

bool IsRetryableHttpStatus(long status) {
  return status == 429 || (status >= 500 && status <= 599);
}

std::chrono::milliseconds RetryDelay(const RetryPolicy& policy, int retry,
                                     std::optional<long> retry_after_seconds, double jitter) {
  const std::int64_t cap = std::max(0, policy.max_backoff_ms);
  std::int64_t backoff = std::max(0, policy.initial_backoff_ms);
  for (int i = 1; i < retry && backoff < cap; ++i) backoff *= 2;
  backoff = std::min(backoff, cap);
  if (retry_after_seconds) {
    const std::int64_t asked = std::clamp<std::int64_t>(
        *retry_after_seconds, 0, std::max(0, policy.max_retry_after_seconds));
    return std::chrono::milliseconds(std::max(asked * 1000, backoff));
  }
  jitter = std::clamp(jitter, 0.0, 1.0);
  return std::chrono::milliseconds(backoff + static_cast<std::int64_t>(jitter * (backoff / 2.0)));
}

}  // namespace receipts
