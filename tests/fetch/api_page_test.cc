#include "fetch/api_page.h"

#include <gtest/gtest.h>

namespace receipts {
namespace {

TEST(FetchApiPageTest, ReadsMeta) {
  auto meta = ReadApiPageMeta(
      "p", R"({"success":true,"result":{"contracts":[]},"meta":{"total_results":1234,"pages":3}})");
  ASSERT_TRUE(meta.ok()) << meta.status().ToString();
  ASSERT_TRUE(meta->has_value());
  EXPECT_EQ((*meta)->total_results, 1234);
  EXPECT_EQ((*meta)->pages, 3);
}

TEST(FetchApiPageTest, AcceptsWholeRealNumbers) {
  auto meta = ReadApiPageMeta("p", R"({"meta":{"total_results":12.0,"pages":1.0}})");
  ASSERT_TRUE(meta.ok());
  EXPECT_EQ((*meta)->total_results, 12);
}

TEST(FetchApiPageTest, NoMetaIsNotAnError) {
  auto meta = ReadApiPageMeta("p", R"([{"piid":"X"}])");
  ASSERT_TRUE(meta.ok());
  EXPECT_FALSE(meta->has_value());
}

TEST(FetchApiPageTest, RejectsBadMeta) {
  EXPECT_FALSE(ReadApiPageMeta("p", R"({"meta":{"pages":3}})").ok());
  EXPECT_FALSE(ReadApiPageMeta("p", R"({"meta":{"total_results":-1,"pages":3}})").ok());
  EXPECT_FALSE(ReadApiPageMeta("p", R"({"meta":{"total_results":1.5,"pages":3}})").ok());
  EXPECT_FALSE(ReadApiPageMeta("p", R"({"meta":{"total_results":"9","pages":3}})").ok());
  auto bad = ReadApiPageMeta("http://x/savings/contracts?page=1", "<html>");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("http://x/savings/contracts?page=1"), std::string::npos);
}

}  // namespace
}  // namespace receipts
