#include "report/bar_chart.h"

#include <gtest/gtest.h>

#include <string>

namespace receipts {
namespace {

// Any layout will do; report.html's and the dashboard's are pinned by their own outputs.
constexpr BarChartLayout kLayout{400, 120, 200, 30, 10, 22, 70, 10};

TEST(BarChartTest, OneBarExactly) {
  EXPECT_EQ(
      BarChartSvg({{"Dept & Co", 20'000, 5'000, "#2e7d32"}}, kLayout, "T", "verified", "chart-x"),
      "<svg class=\"chart\" data-testid=\"chart-x\" viewBox=\"0 0 400 58\" role=\"img\" "
      "aria-label=\"T\"><rect x=\"120\" y=\"6\" width=\"12\" height=\"10\" fill=\"#2b5c8a\" "
      "opacity=\"0.3\"/><text x=\"136\" y=\"15\">claimed</text><rect x=\"190\" y=\"6\" "
      "width=\"12\" height=\"10\" fill=\"#2b5c8a\"/><text x=\"206\" y=\"15\">verified</text>"
      "<g><title>Dept &amp; Co: $200.00 claimed, $50.00 verified</title><text x=\"112\" "
      "y=\"40\" text-anchor=\"end\">Dept &amp; Co</text><rect x=\"120\" y=\"24\" "
      "width=\"200.0\" height=\"10\" fill=\"#2e7d32\" opacity=\"0.3\"/><text class=\"v\" "
      "x=\"325.0\" y=\"32\">$200</text><rect x=\"120\" y=\"36\" width=\"50.0\" height=\"10\" "
      "fill=\"#2e7d32\"/><text class=\"v\" x=\"175.0\" y=\"46\">$50</text></g></svg>");
}

TEST(BarChartTest, NoTestIdWhenNoneIsGiven) {
  std::string svg = BarChartSvg({}, kLayout, "T", "verified");
  EXPECT_EQ(svg.rfind("<svg class=\"chart\" viewBox=\"0 0 400 28\"", 0), 0u) << svg;
  EXPECT_EQ(svg.find("data-testid"), std::string::npos);
}

TEST(BarChartTest, CutsLongLabelsByCodePointAndEscapesEverything) {
  std::string svg = BarChartSvg({{"Ünïcödé <label> that is long", 100, 0, "\"red\""}}, kLayout,
                                "A \"t\"", "v <x>", "a&b");
  // Cut at the end of a word, counted in code points.
  EXPECT_NE(svg.find(">Ünïcödé…</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("<title>Ünïcödé &lt;label&gt; that is long: $1.00 claimed"),
            std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"A &quot;t&quot;\""), std::string::npos);
  EXPECT_NE(svg.find(">v &lt;x&gt;</text>"), std::string::npos);
  EXPECT_NE(svg.find("data-testid=\"a&amp;b\""), std::string::npos);
  EXPECT_NE(svg.find("fill=\"&quot;red&quot;\""), std::string::npos);
}

TEST(BarChartTest, TinyBarsShowAndNothingIsNoBar) {
  std::string svg = BarChartSvg({{"a", 1'000'000'000, 1, "#000"}, {"b", 0, -5, "#000"}}, kLayout,
                                "T", "verified");
  EXPECT_NE(svg.find("width=\"200.0\" height=\"10\""), std::string::npos);           // the longest
  EXPECT_NE(svg.find("width=\"1.0\" height=\"10\""), std::string::npos);             // one cent
  EXPECT_NE(svg.find("<rect x=\"120\" y=\"54\" width=\"0.0\""), std::string::npos);  // $0
  EXPECT_NE(svg.find("<rect x=\"120\" y=\"66\" width=\"0.0\""), std::string::npos);  // negative
}

}  // namespace
}  // namespace receipts
