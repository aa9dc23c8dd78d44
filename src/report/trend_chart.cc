#include "report/trend_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "core/money.h"
#include "report/html_escape.h"

namespace receipts {

Cents RoundTickStep(Cents max, int ticks) {
  const Cents raw = std::max<Cents>(1, (max + ticks - 1) / ticks);
  Cents magnitude = 1;
  while (magnitude <= raw / 10) magnitude *= 10;
  for (Cents factor : {1, 2, 5, 10}) {
    if (magnitude * factor >= raw) return magnitude * factor;
  }
  return magnitude * 10;
}

std::string TrendChartSvg(const std::vector<SnapshotInfo>& snapshots,
                          const TrendChartLayout& layout, std::string_view test_id) {
  const int plot_w = layout.width - layout.left - layout.right;
  const int plot_h = layout.height - layout.top - layout.bottom;
  const int baseline = layout.top + plot_h;
  Cents largest = 1;
  for (const SnapshotInfo& s : snapshots) largest = std::max(largest, s.claimed_total);
  // Ticks on round figures ($5B, $10B, $15B…), the axis's top the first one at or above the
  // largest column: never a tick on $15.3B.
  const Cents step = RoundTickStep(largest, 4);
  const Cents max = step * 4;
  std::string out;
  auto it = std::back_inserter(out);
  out += "<svg class=\"chart\"";
  if (!test_id.empty()) fmt::format_to(it, " data-testid=\"{}\"", HtmlEscape(test_id));
  fmt::format_to(it,
                 " viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"Claimed total per snapshot\">",
                 layout.width, layout.height);
  for (int tick = 0; tick <= 4; ++tick) {
    double y = baseline - plot_h * tick / 4.0;
    fmt::format_to(it,
                   "<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#dde2e6\"/>"
                   "<text class=\"v\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>",
                   layout.left, layout.width - layout.right, y, y, layout.left - 6, y + 4,
                   ShortUsd(step * tick));
  }
  const std::size_t n = std::max<std::size_t>(snapshots.size(), 1);
  const double slot = static_cast<double>(plot_w) / static_cast<double>(n);
  const double bar = std::max(4.0, std::min(48.0, slot * 0.7));
  std::string points;
  for (std::size_t i = 0; i < snapshots.size(); ++i) {
    const SnapshotInfo& s = snapshots[i];
    // A column of at least 1 unit for any positive total, so that a small one is still seen.
    double h = s.claimed_total <= 0 ? 0.0
                                    : std::max(1.0, plot_h * static_cast<double>(s.claimed_total) /
                                                        static_cast<double>(max));
    double x = layout.left + slot * static_cast<double>(i) + (slot - bar) / 2;
    double y = baseline - h;
    double middle = x + bar / 2;
    points += fmt::format("{:.1f},{:.1f} ", middle, y);
    fmt::format_to(it,
                   "<g><title>snapshot {} ({}): {} claims, {} claimed</title>"
                   "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                   "fill=\"#2b5c8a\" opacity=\"0.75\"/>"
                   "<text class=\"v\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>"
                   "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"end\" "
                   "transform=\"rotate(-45 {:.1f} {})\">{}</text></g>",
                   s.id, HtmlEscape(s.as_of), s.claim_count, FormatUsd(s.claimed_total), x, y, bar,
                   h, middle, y - 4, ShortUsd(s.claimed_total), middle, baseline + 14, middle,
                   baseline + 14, HtmlEscape(s.as_of.substr(0, 10)));
  }
  if (snapshots.size() > 1) {
    fmt::format_to(it,
                   "<polyline points=\"{}\" fill=\"none\" stroke=\"#d81b78\" "
                   "stroke-width=\"1.5\"/>",
                   points);
  }
  out += "</svg>";
  return out;
}

std::vector<std::vector<SnapshotInfo>> SnapshotsByKind(const std::vector<SnapshotInfo>& snapshots) {
  std::vector<std::vector<SnapshotInfo>> groups;
  for (const SnapshotInfo& s : snapshots) {
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&s](const auto& g) { return g.front().kind == s.kind; });
    if (group == groups.end()) {
      groups.push_back({s});
    } else {
      group->push_back(s);
    }
  }
  return groups;
}

}  // namespace receipts
