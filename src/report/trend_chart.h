// The claimed total of every snapshot as columns over time (oldest left), as inline SVG (no
// script, no external file): the ledger report and the dashboard draw it, each in its own size.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "ledger/ledger.h"

namespace receipts {

// The viewBox and the plot's margins inside it, in SVG user units. The bottom margin holds the
// slanted snapshot dates.
struct TrendChartLayout {
  int width = 0;
  int height = 0;
  int left = 0;  // the tick figures end 6 left of this
  int right = 0;
  int top = 0;
  int bottom = 0;
};

// One column a snapshot, on one scale from $0 to the largest claimed total, with five grid lines
// and their ShortUsd figures, the column's ShortUsd figure above it, its date below and the exact
// FormatUsd total and claim count in its <title>; two or more snapshots are also joined by a
// line. `test_id` (when not empty) is a data-testid. Geometry is computed in double (display
// only); the figures shown come from cents.
std::string TrendChartSvg(const std::vector<SnapshotInfo>& snapshots,
                          const TrendChartLayout& layout, std::string_view test_id);

// The snapshots grouped by kind ("contracts", "grants", …), each group in ledger order, the groups
// in the order their first snapshot appears: lists of different kinds are never drawn on one line.
// The step between `ticks` axis ticks covering 0..max: the smallest 1, 2 or 5 × 10^k cents at
// least max / ticks, so every tick is a round figure.
Cents RoundTickStep(Cents max, int ticks);

std::vector<std::vector<SnapshotInfo>> SnapshotsByKind(const std::vector<SnapshotInfo>& snapshots);

}  // namespace receipts
