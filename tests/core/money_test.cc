#include "core/money.h"

#include <gtest/gtest.h>

#include <string>

namespace receipts {
namespace {

Cents Parse(std::string_view text) {
  auto r = ParseMoney(text);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().message();
  EXPECT_TRUE(r.ok() && r->has_value()) << text;
  return r.ok() && r->has_value() ? **r : -1;
}

TEST(MoneyTest, ParsesThePublishedForms) {
  EXPECT_EQ(Parse("440000"), 44'000'000);
  EXPECT_EQ(Parse("4232999.76"), 423'299'976);
  EXPECT_EQ(Parse("$440,000 "), 44'000'000);   // the 2025-03-05 wall table
  EXPECT_EQ(Parse("9999999.0"), 999'999'900);  // the 2025-02 CSVs
  EXPECT_EQ(Parse("-1,234.5"), -123'450);
  EXPECT_EQ(Parse("($12.00)"), -1'200);
  EXPECT_EQ(Parse("$-12.00"), -1'200);
  EXPECT_EQ(Parse("1.5E7"), 1'500'000'000);
  EXPECT_EQ(Parse("2.5e-1"), 25);
  EXPECT_EQ(Parse("0.35"), 35);
  EXPECT_EQ(Parse("8000000000"), 800'000'000'000);
}

// "1.005" was rounded to $1.01 without a word; a third decimal is now an error.
TEST(MoneyTest, MoreThanTwoDecimalsIsAnErrorNotRounded) {
  for (const char* bad : {"1.005", "0.005", "-0.005", "57481.245", "1.500", "2.3456e1", "1e-3"}) {
    auto r = ParseMoney(bad);
    EXPECT_FALSE(r.ok()) << bad << " read as " << (r.ok() && *r ? **r : -1) << " cents";
    if (!r.ok()) {
      EXPECT_NE(r.status().message().find("more than two decimals"), std::string::npos)
          << r.status().message();
    }
  }
  EXPECT_EQ(Parse("1.5E7"), 1'500'000'000);  // the exponent moves the point first
  EXPECT_EQ(Parse("1.2345E2"), 12'345);
  EXPECT_EQ(Parse("2.345e1"), 2'345);
}

// "1,2,3" read as $123.00; separators must group by three from the point.
TEST(MoneyTest, MisplacedThousandsSeparatorsAreAnError) {
  for (const char* bad : {"1,2,3", "12,34.00", "1,0000", ",100", "100,", "1,,000", "1234,567",
                          "$1,23", "1,000,00.00"}) {
    auto r = ParseMoney(bad);
    EXPECT_FALSE(r.ok()) << bad << " read as " << (r.ok() && *r ? **r : -1) << " cents";
    if (!r.ok()) {
      EXPECT_NE(r.status().message().find("misplaced thousands separator"), std::string::npos)
          << bad << ": " << r.status().message();
    }
  }
  EXPECT_EQ(Parse("1,234,567.89"), 123'456'789);
  EXPECT_EQ(Parse("$440,000 "), 44'000'000);
  EXPECT_EQ(Parse("12,345"), 1'234'500);
  EXPECT_EQ(Parse("-999,999.5"), -99'999'950);
}

TEST(MoneyTest, BlankIsUnknownNotZero) {
  auto r = ParseMoney("   ");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

TEST(MoneyTest, RejectsWhatIsNotMoney) {
  for (const char* bad :
       {"abc", "12..5", "1,2.3,4", "$", "12 000", "1e", "NaN", "1e999", "99999999999999999999"}) {
    EXPECT_FALSE(ParseMoney(bad).ok()) << bad;
  }
}

TEST(MoneyTest, FormatsForCsvAndForSentences) {
  EXPECT_EQ(FormatDollars(Cents{14'500'000}), "145000.00");
  EXPECT_EQ(FormatDollars(Cents{-5}), "-0.05");
  EXPECT_EQ(FormatDollars(std::optional<Cents>()), "");
  EXPECT_EQ(FormatUsd(5'748'125), "$57,481.25");
  EXPECT_EQ(FormatUsd(1'648'956'830'500), "$16,489,568,305.00");
  EXPECT_EQ(FormatUsd(-100), "-$1.00");
  EXPECT_EQ(FormatUsd(99), "$0.99");
  EXPECT_EQ(FormatUsd(0), "$0.00");
  EXPECT_EQ(FormatUsd(-123'456'789), "-$1,234,567.89");
}

TEST(MoneyTest, ShortUsdRoundsForChartLabels) {
  EXPECT_EQ(ShortUsd(1'650'000'000'000), "$16.5B");
  EXPECT_EQ(ShortUsd(1'648'956'830'500), "$16.5B");  // the Feb-18 total
  EXPECT_EQ(ShortUsd(98'000'000'000), "$980M");
  EXPECT_EQ(ShortUsd(1'234'567), "$12.3K");
  EXPECT_EQ(ShortUsd(51'200), "$512");
  EXPECT_EQ(ShortUsd(0), "$0");
  EXPECT_EQ(ShortUsd(49), "$0");  // whole dollars, half up
  EXPECT_EQ(ShortUsd(50), "$1");
  EXPECT_EQ(ShortUsd(-123'456), "-$1.2K");
  // Rounded before the unit is chosen: just under one unit reads as one, never "$1000".
  EXPECT_EQ(ShortUsd(99'999), "$1K");
  EXPECT_EQ(ShortUsd(99'949), "$999");
  EXPECT_EQ(ShortUsd(100'000), "$1K");
  EXPECT_EQ(ShortUsd(99'999'999), "$1M");
  EXPECT_EQ(ShortUsd(100'000'000'000), "$1B");
  // 10^15 dollars, the most ParseMoney accepts: there is no unit above B.
  EXPECT_EQ(ShortUsd(100'000'000'000'000'000), "$1,000,000B");
}

TEST(MoneyTest, GroupsThousands) {
  EXPECT_EQ(GroupThousands(0), "0");
  EXPECT_EQ(GroupThousands(999), "999");
  EXPECT_EQ(GroupThousands(1'000), "1,000");
  EXPECT_EQ(GroupThousands(5'356), "5,356");
  EXPECT_EQ(GroupThousands(1'234'567), "1,234,567");
  EXPECT_EQ(GroupThousands(18'446'744'073'709'551'615ULL), "18,446,744,073,709,551,615");
}

}  // namespace
}  // namespace receipts
