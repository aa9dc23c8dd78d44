#include "serve/charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "report/bar_chart.h"
#include "report/html_escape.h"

namespace receipts::serve {
namespace {

// Narrower than report.html's: the dashboard sets two charts side by side.
constexpr BarChartLayout kBarLayout = {.width = 580,
                                       .label_width = 210,
                                       .bars_width = 290,
                                       .row = 32,
                                       .bar_height = 12,
                                       .verified_value_y = 25,
                                       .legend_gap = 80,
                                       .label_chars = 26};

}  // namespace

std::string BarChartSvg(const std::vector<ChartBar>& bars, std::string_view title,
                        std::string_view test_id) {
  return receipts::BarChartSvg(bars, kBarLayout, title, "verified", test_id);
}

std::string TrendChartSvg(const std::vector<SnapshotInfo>& snapshots, std::string_view test_id) {
  constexpr int kWidth = 1160, kHeight = 260, kLeft = 70, kRight = 10, kTop = 20, kBottom = 60;
  const int plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  Cents max = 1;
  for (const SnapshotInfo& s : snapshots) max = std::max(max, s.claimed_total);
  std::string out;
  auto it = std::back_inserter(out);
  fmt::format_to(it,
                 "<svg class=\"chart\" data-testid=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" "
                 "aria-label=\"Claimed total per snapshot\">",
                 HtmlEscape(test_id), kWidth, kHeight);
  for (int tick = 0; tick <= 4; ++tick) {
    double y = kTop + plot_h - plot_h * tick / 4.0;
    Cents value = max / 4 * tick;
    fmt::format_to(it,
                   "<line class=\"axis\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>"
                   "<text class=\"v\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>",
                   kLeft, kWidth - kRight, y, y, kLeft - 6, y + 4, ShortUsd(value));
  }
  const std::size_t n = std::max<std::size_t>(1, snapshots.size());
  const double slot = static_cast<double>(plot_w) / static_cast<double>(n);
  const double bar_w = std::max(4.0, slot * 0.6);
  for (std::size_t i = 0; i < snapshots.size(); ++i) {
    const SnapshotInfo& s = snapshots[i];
    double h = s.claimed_total <= 0 ? 0.0
                                    : std::max(1.0, plot_h * static_cast<double>(s.claimed_total) /
                                                        static_cast<double>(max));
    double x = kLeft + slot * static_cast<double>(i) + (slot - bar_w) / 2;
    double y = kTop + plot_h - h;
    std::string date = s.as_of.substr(0, 10);
    fmt::format_to(it,
                   "<g><title>snapshot {} ({}): {} claims, {} claimed</title>"
                   "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                   "fill=\"#2b5c8a\"/><text class=\"v\" x=\"{:.1f}\" y=\"{:.1f}\" "
                   "text-anchor=\"middle\">{}</text>"
                   "<text class=\"v\" transform=\"translate({:.1f},{}) rotate(-35)\" "
                   "text-anchor=\"end\">{}</text></g>",
                   s.id, HtmlEscape(s.as_of), s.claim_count, FormatUsd(s.claimed_total), x, y,
                   bar_w, h, x + bar_w / 2, y - 4, ShortUsd(s.claimed_total), x + bar_w / 2,
                   kTop + plot_h + 14, HtmlEscape(date));
  }
  out += "</svg>";
  return out;
}

}  // namespace receipts::serve
