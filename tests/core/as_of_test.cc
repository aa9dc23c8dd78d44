#include "core/as_of.h"

#include <gtest/gtest.h>

namespace receipts {
namespace {

TEST(AsOfTest, ParsesTheFormsOfAsOf) {
  EXPECT_EQ(*ParseAsOf("2025-02-18"), "2025-02-18T00:00:00Z");
  EXPECT_EQ(*ParseAsOf("2025-02-18T18:25"), "2025-02-18T18:25:00Z");
  EXPECT_EQ(*ParseAsOf("2025-02-18 18:25:07"), "2025-02-18T18:25:07Z");
  EXPECT_EQ(*ParseAsOf("2025-02-18T18-25"), "2025-02-18T18:25:00Z");
  EXPECT_EQ(*ParseAsOf("2025-02-18T18:25:00Z"), "2025-02-18T18:25:00Z");
  EXPECT_EQ(*ParseAsOf("2025-02-18T20:25:00-05:00"), "2025-02-19T01:25:00Z");
  EXPECT_EQ(*ParseAsOf("2025-01-01T01:00:00+02:00"), "2024-12-31T23:00:00Z");
  for (const char* bad : {"", "yesterday", "2025-02-30", "2025-02-18T25:00", "2025-02-18x",
                          "2025-2-18", "2025-02-18T18:25:00Q"}) {
    EXPECT_FALSE(ParseAsOf(bad).ok()) << bad;
  }
}

TEST(AsOfTest, FromFileNames) {
  EXPECT_EQ(AsOfFromFileName("/x/2025-02-18T18-25_contracts_fpds.csv.gz"), "2025-02-18T18:25:00Z");
  EXPECT_EQ(AsOfFromFileName("2025-03-13_contracts_grab.csv"), "2025-03-13T00:00:00Z");
  EXPECT_EQ(AsOfFromFileName("doge_2025-04-12_contracts_api.json"), "2025-04-12T00:00:00Z");
  EXPECT_EQ(AsOfFromFileName("/2025-01-01/contracts.csv"), std::nullopt);  // base name only
  EXPECT_EQ(AsOfFromFileName("contracts.csv"), std::nullopt);
  EXPECT_EQ(AsOfFromFileName("12025-02-18.csv"), std::nullopt);
}

TEST(AsOfTest, NowIsUtc) {
  std::string now = NowUtc();
  ASSERT_EQ(now.size(), 20u);
  EXPECT_TRUE(ParseAsOf(now).ok());
  EXPECT_GE(now, "2025-01-01");
}

}  // namespace
}  // namespace receipts
