// Inline SVG charts for the dashboard (no script, no external file). Geometry is computed in
// double; the figures shown are exact, from cents.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "ledger/ledger.h"
#include "report/bar_chart.h"

namespace receipts::serve {

using receipts::ChartBar;

// Horizontal bars (report/bar_chart.h) in the dashboard's layout: per row a pale bar for claimed
// and a solid one for verified, on one scale.
std::string BarChartSvg(const std::vector<ChartBar>& bars, std::string_view title,
                        std::string_view test_id);

// The claimed total of every snapshot, as columns over time (oldest left).
std::string TrendChartSvg(const std::vector<SnapshotInfo>& snapshots, std::string_view test_id);

}  // namespace receipts::serve
