#include "serve/verdicts.h"

#include <gtest/gtest.h>

#include "report/verdict_style.h"
#include "serve/assets.h"

namespace receipts::serve {
namespace {

// The dashboard shows verdicts as report.html does: the same table.
TEST(ServeVerdictsTest, SameColoursAndMeaningsAsTheReport) {
  for (int i = 0; i < kVerdictCount; ++i) {
    Verdict v = static_cast<Verdict>(i);
    std::string name = VerdictName(v);
    EXPECT_STREQ(VerdictColourOf(name), VerdictColour(v)) << name;
    EXPECT_STREQ(VerdictMeaningOf(name), VerdictMeaning(v)) << name;
    EXPECT_EQ(VerdictClass(name), "v-" + name);
  }
}

// app.css is a fixed file: its verdict classes must carry the colours of the table.
TEST(ServeVerdictsTest, StylesheetColoursAsTheTable) {
  const Asset* css = FindAsset("/assets/app.css");
  ASSERT_NE(css, nullptr);
  for (int i = 0; i < kVerdictCount; ++i) {
    Verdict v = static_cast<Verdict>(i);
    std::string rule =
        std::string(".v-") + VerdictName(v) + "{background:" + VerdictColour(v) + "}";
    EXPECT_NE(css->body.find(rule), std::string_view::npos) << rule;
  }
}

TEST(ServeVerdictsTest, AnythingElseIsGreyAndUnexplained) {
  EXPECT_STREQ(VerdictColourOf("bogus"), "#a8a8a8");
  EXPECT_STREQ(VerdictMeaningOf("bogus"), "");
  EXPECT_EQ(VerdictClass("bogus"), "v-none");
  EXPECT_EQ(VerdictClass(""), "v-none");
}

}  // namespace
}  // namespace receipts::serve
