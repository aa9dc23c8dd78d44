#include "serve/charts.h"

#include "report/bar_chart.h"
#include "report/trend_chart.h"

namespace receipts::serve {
namespace {

// The full width of the page, under the two bar charts.
constexpr TrendChartLayout kTrendLayout = {
    .width = 1160, .height = 260, .left = 70, .right = 10, .top = 20, .bottom = 60};

}  // namespace

std::string BarChartSvg(const std::vector<ChartBar>& bars, std::string_view title,
                        std::string_view test_id) {
  return receipts::BarChartSvg(bars, kDashboardBarChartLayout, title, "verified", test_id);
}

std::string TrendChartSvg(const std::vector<SnapshotInfo>& snapshots, std::string_view test_id) {
  return receipts::TrendChartSvg(snapshots, kTrendLayout, test_id);
}

}  // namespace receipts::serve
