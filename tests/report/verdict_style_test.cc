#include "report/verdict_style.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

namespace receipts {
namespace {

TEST(VerdictStyleTest, EveryVerdictHasItsOwnColourAndAMeaning) {
  std::set<std::string> colours;
  for (int i = 0; i < kVerdictCount; ++i) {
    Verdict v = static_cast<Verdict>(i);
    EXPECT_TRUE(std::regex_match(VerdictColour(v), std::regex("#[0-9a-f]{6}"))) << i;
    EXPECT_GT(std::string(VerdictMeaning(v)).size(), 10u) << VerdictName(v);
    colours.insert(VerdictColour(v));
  }
  EXPECT_EQ(colours.size(), static_cast<std::size_t>(kVerdictCount));
  EXPECT_STREQ(VerdictColour(Verdict::kVerified), "#2e7d32");
  EXPECT_STREQ(VerdictColour(Verdict::kNotTerminated), "#c62828");
  EXPECT_STREQ(VerdictMeaning(Verdict::kUnitError),
               "The claim is about 1,000\u00d7 or 1,000,000\u00d7 a figure in the record.");
}

TEST(VerdictStyleTest, FindsVerdictsByName) {
  for (int i = 0; i < kVerdictCount; ++i) {
    Verdict v = static_cast<Verdict>(i);
    EXPECT_EQ(VerdictNamed(VerdictName(v)), v) << VerdictName(v);
  }
  EXPECT_EQ(VerdictNamed(""), std::nullopt);
  EXPECT_EQ(VerdictNamed("Verified"), std::nullopt);
  EXPECT_EQ(VerdictNamed("verified "), std::nullopt);
}

}  // namespace
}  // namespace receipts
