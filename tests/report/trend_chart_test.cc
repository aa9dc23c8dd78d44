#include "report/trend_chart.h"

#include <gtest/gtest.h>

#include <string>

namespace receipts {
namespace {

constexpr TrendChartLayout kLayout = {
    .width = 200, .height = 120, .left = 40, .right = 0, .top = 10, .bottom = 30};

SnapshotInfo Snapshot(std::int64_t id, const char* as_of, std::int64_t count, Cents total) {
  SnapshotInfo s;
  s.id = id;
  s.as_of = as_of;
  s.claim_count = count;
  s.claimed_total = total;
  return s;
}

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST(TrendChartTest, OneColumnPerSnapshotOnOneScale) {
  std::string svg = TrendChartSvg({Snapshot(1, "2025-02-18T00:00:00Z", 3, 800'000'000'000),
                                   Snapshot(2, "2025-02-19T00:00:00Z", 4, 200'000'000'000)},
                                  kLayout, "chart-t");
  EXPECT_EQ(svg.rfind("<svg class=\"chart\" data-testid=\"chart-t\" viewBox=\"0 0 200 120\"", 0),
            0u);
  EXPECT_EQ(Count(svg, "<rect "), 2u);
  EXPECT_EQ(Count(svg, "<line "), 5u);
  // plot 80 tall, slots 80 wide, columns 48 wide (the cap): the largest fills the plot, the other
  // a quarter of it.
  EXPECT_NE(svg.find("<title>snapshot 1 (2025-02-18T00:00:00Z): 3 claims, $8,000,000,000.00 "
                     "claimed</title><rect x=\"56.0\" y=\"10.0\" width=\"48.0\" height=\"80.0\""),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("<rect x=\"136.0\" y=\"70.0\" width=\"48.0\" height=\"20.0\""),
            std::string::npos);
  EXPECT_NE(svg.find(">2025-02-19</text>"), std::string::npos);
  EXPECT_NE(svg.find("<polyline points=\"80.0,10.0 160.0,70.0 \""), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
}

TEST(TrendChartTest, ATinyTotalIsStillSeenAndZeroIsNot) {
  std::string svg =
      TrendChartSvg({Snapshot(1, "2025-01-01", 1, 100'000'000'000), Snapshot(2, "2025-01-02", 1, 1),
                     Snapshot(3, "2025-01-03", 0, 0)},
                    kLayout, "");
  EXPECT_EQ(svg.find("data-testid"), std::string::npos);
  EXPECT_NE(svg.find("height=\"1.0\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("height=\"0.0\""), std::string::npos);
}

TEST(TrendChartTest, NoSnapshotsIsAnEmptyGrid) {
  std::string svg = TrendChartSvg({}, kLayout, "t");
  EXPECT_EQ(Count(svg, "<rect "), 0u);
  EXPECT_EQ(Count(svg, "<line "), 5u);
  EXPECT_EQ(svg.find("<polyline"), std::string::npos);
}

}  // namespace
}  // namespace receipts

namespace receipts {
namespace {

TEST(RoundTickStepTest, TicksFallOnRoundFigures) {
  EXPECT_EQ(RoundTickStep(1'530'000'000'000, 4), 500'000'000'000);  // $15.3B: ticks of $5B
  EXPECT_EQ(RoundTickStep(1'648'956'830'500, 4), 500'000'000'000);
  EXPECT_EQ(RoundTickStep(400'000'000'000, 4), 100'000'000'000);  // exactly $4B: $1B
  EXPECT_EQ(RoundTickStep(410'000'000'000, 4), 200'000'000'000);
  EXPECT_EQ(RoundTickStep(7'000, 4), 2'000);
  EXPECT_EQ(RoundTickStep(1, 4), 1);
}

}  // namespace
}  // namespace receipts
