// Inline SVG charts for the dashboard (no script, no external file). Geometry is computed in
// double; the figures shown are exact, from cents.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "ledger/ledger.h"

namespace receipts::serve {

struct ChartBar {
  std::string label;
  Cents claimed = 0;
  Cents verified = 0;
  std::string colour = "#2b5c8a";
};

// Horizontal bars: per row a pale bar for claimed and a solid one for verified, on one scale.
std::string BarChartSvg(const std::vector<ChartBar>& bars, std::string_view title,
                        std::string_view test_id);

// The claimed total of every snapshot, as columns over time (oldest left).
std::string TrendChartSvg(const std::vector<SnapshotInfo>& snapshots, std::string_view test_id);

// "$16.5B", "$980.0M", "$12.3K", "$512": chart labels; exact figures sit in <title>s.
std::string ShortUsd(Cents cents);

}  // namespace receipts::serve
