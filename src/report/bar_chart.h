// The horizontal bar chart of claimed against verified savings, as inline SVG (no script, no
// external file): report.html and the dashboard draw it, each with its own layout.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"

namespace receipts {

struct ChartBar {
  std::string label;
  Cents claimed = 0;
  Cents verified = 0;
  std::string colour = "#2b5c8a";
};

// Where things go, in SVG user units. A row's bars start at `label_width`, right of its label;
// the claimed bar is `bar_height` tall at the row's top, the verified bar 2 below it.
struct BarChartLayout {
  int width = 0;        // of the viewBox
  int label_width = 0;  // labels end 8 left of this
  int bars_width = 0;   // the longest bar
  int row = 0;          // the height of a row
  int bar_height = 0;
  int verified_value_y = 0;     // the baseline of the verified figure, from the row's top
  int legend_gap = 0;           // from the "claimed" legend swatch to the verified one
  std::size_t label_chars = 0;  // longer labels are cut, with "…" (the full one is in <title>)
};

// The layouts in use, one line each, fields in the order above.
// report.html's: wide, for longer labels.
inline constexpr BarChartLayout kReportBarChartLayout{820, 250, 440, 34, 13, 26, 90, 34};
// The dashboard's: narrower, as it sets two charts side by side.
inline constexpr BarChartLayout kDashboardBarChartLayout{580, 210, 290, 32, 12, 25, 80, 26};

// Per row a pale bar for claimed and a solid one for verified in the bar's colour, on one scale,
// each with a ShortUsd figure beside it and the exact FormatUsd figures in the row's <title>.
// `title` is the aria-label, `verified_legend` the legend's text for the solid bars, `test_id`
// (when not empty) a data-testid. Every text is HTML-escaped. Geometry is computed in double
// (display only); the figures shown come from cents.
std::string BarChartSvg(const std::vector<ChartBar>& bars, const BarChartLayout& layout,
                        std::string_view title, std::string_view verified_legend,
                        std::string_view test_id = "");

}  // namespace receipts
