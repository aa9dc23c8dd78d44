#include "fetch/retry_policy.h"

#include <gtest/gtest.h>

namespace receipts {
namespace {

using std::chrono::milliseconds;

TEST(FetchRetryPolicyTest, RetriesRateLimitsAndServerErrorsOnly) {
  EXPECT_TRUE(IsRetryableHttpStatus(429));
  EXPECT_TRUE(IsRetryableHttpStatus(500));
  EXPECT_TRUE(IsRetryableHttpStatus(503));
  EXPECT_TRUE(IsRetryableHttpStatus(599));
  EXPECT_FALSE(IsRetryableHttpStatus(200));
  EXPECT_FALSE(IsRetryableHttpStatus(400));
  EXPECT_FALSE(IsRetryableHttpStatus(404));
  EXPECT_FALSE(IsRetryableHttpStatus(301));
}

TEST(FetchRetryPolicyTest, DoublesUpToTheCap) {
  RetryPolicy policy;
  policy.initial_backoff_ms = 500;
  policy.max_backoff_ms = 3000;
  EXPECT_EQ(RetryDelay(policy, 1, std::nullopt, 0), milliseconds(500));
  EXPECT_EQ(RetryDelay(policy, 2, std::nullopt, 0), milliseconds(1000));
  EXPECT_EQ(RetryDelay(policy, 3, std::nullopt, 0), milliseconds(2000));
  EXPECT_EQ(RetryDelay(policy, 4, std::nullopt, 0), milliseconds(3000));
  EXPECT_EQ(RetryDelay(policy, 60, std::nullopt, 0), milliseconds(3000));
}

TEST(FetchRetryPolicyTest, JitterAddsUpToHalf) {
  RetryPolicy policy;
  policy.initial_backoff_ms = 1000;
  EXPECT_EQ(RetryDelay(policy, 1, std::nullopt, 0.5), milliseconds(1250));
  EXPECT_EQ(RetryDelay(policy, 1, std::nullopt, 0.999), milliseconds(1499));
  EXPECT_EQ(RetryDelay(policy, 1, std::nullopt, 7), milliseconds(1500));  // clamped
}

TEST(FetchRetryPolicyTest, HonoursRetryAfterWithinItsCap) {
  RetryPolicy policy;
  policy.initial_backoff_ms = 100;
  policy.max_retry_after_seconds = 30;
  EXPECT_EQ(RetryDelay(policy, 1, 2, 0.9), milliseconds(2000));
  EXPECT_EQ(RetryDelay(policy, 1, 3600, 0.9), milliseconds(30'000));
  EXPECT_EQ(RetryDelay(policy, 1, 0, 0.9), milliseconds(100));  // never below the backoff
  EXPECT_EQ(RetryDelay(policy, 1, -5, 0), milliseconds(100));
}

}  // namespace
}  // namespace receipts
