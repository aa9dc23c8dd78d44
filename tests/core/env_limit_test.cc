// Caps from the environment: a whole number with an optional binary suffix, anything else refused
// by name (and never silently replaced by the default at the command line).
#include "core/env_limit.h"

#include <gtest/gtest.h>
#include <stdlib.h>

namespace receipts {
namespace {

TEST(EnvLimitTest, ParsesWholeNumbersWithBinarySuffixes) {
  EXPECT_EQ(*ParseLimit("X", "1"), 1u);
  EXPECT_EQ(*ParseLimit("X", "1000000"), 1000000u);
  EXPECT_EQ(*ParseLimit("X", "4K"), 4096u);
  EXPECT_EQ(*ParseLimit("X", "3M"), 3u << 20);
  EXPECT_EQ(*ParseLimit("X", "2G"), std::uint64_t{2} << 30);
  EXPECT_EQ(*ParseLimit("X", "64T"), std::uint64_t{64} << 40);
}

TEST(EnvLimitTest, RefusesAnythingElseNamingTheVariable) {
  for (const char* bad :
       {"", "0", "-1", "1.5", "1g", "G", " 1", "1 ", "1KB", "99999999999999999999", "16777216T"}) {
    Result<std::uint64_t> limit = ParseLimit("RECEIPTS_MAX_INFLATED_BYTES", bad);
    ASSERT_FALSE(limit.ok()) << bad;
    EXPECT_EQ(limit.status().code(), Status::Code::kUsage);
    EXPECT_NE(limit.status().message().find("RECEIPTS_MAX_INFLATED_BYTES='"), std::string::npos);
  }
}

TEST(EnvLimitTest, TheEnvironmentSetsTheCapAndCheckNamesAMalformedOne) {
  ::unsetenv("RECEIPTS_MAX_STREAMED_BYTES");
  EXPECT_EQ(LimitFromEnvironment("RECEIPTS_MAX_STREAMED_BYTES", 7), 7u);
  ::setenv("RECEIPTS_MAX_STREAMED_BYTES", "2K", 1);
  EXPECT_EQ(LimitFromEnvironment("RECEIPTS_MAX_STREAMED_BYTES", 7), 2048u);
  EXPECT_TRUE(CheckLimitEnvironment().ok());
  ::setenv("RECEIPTS_MAX_STREAMED_BYTES", "lots", 1);
  EXPECT_EQ(LimitFromEnvironment("RECEIPTS_MAX_STREAMED_BYTES", 7), 7u);
  Status checked = CheckLimitEnvironment();
  EXPECT_EQ(checked.code(), Status::Code::kUsage);
  EXPECT_NE(checked.message().find("RECEIPTS_MAX_STREAMED_BYTES='lots'"), std::string::npos);
  ::unsetenv("RECEIPTS_MAX_STREAMED_BYTES");
}

}  // namespace
}  // namespace receipts
