#include "serve/charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "report/html_escape.h"

namespace receipts::serve {
namespace {

std::string Truncate(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars == max_chars) return std::string(text.substr(0, i)) + "…";
    ++chars;
  }
  return std::string(text);
}

}  // namespace

std::string ShortUsd(Cents cents) {
  const char* sign = cents < 0 ? "-" : "";
  unsigned long long magnitude = cents < 0 ? 0ULL - static_cast<unsigned long long>(cents)
                                           : static_cast<unsigned long long>(cents);
  struct Unit {
    unsigned long long cents;
    const char* suffix;
  };
  static constexpr Unit kUnits[] = {
      {100'000'000'000ULL, "B"}, {100'000'000ULL, "M"}, {100'000ULL, "K"}};
  for (const Unit& unit : kUnits) {
    if (magnitude >= unit.cents) {
      unsigned long long tenths = (magnitude * 10 + unit.cents / 2) / unit.cents;
      return fmt::format("{}${}.{}{}", sign, tenths / 10, tenths % 10, unit.suffix);
    }
  }
  return fmt::format("{}${}", sign, (magnitude + 50) / 100);
}

std::string BarChartSvg(const std::vector<ChartBar>& bars, std::string_view title,
                        std::string_view test_id) {
  constexpr int kLabelWidth = 210, kBarsWidth = 290, kWidth = 580, kRow = 32, kTop = 24;
  Cents max = 1;
  for (const ChartBar& bar : bars) max = std::max({max, bar.claimed, bar.verified});
  auto width = [&](Cents cents) {
    return cents <= 0
               ? 0.0
               : std::max(1.0, kBarsWidth * static_cast<double>(cents) / static_cast<double>(max));
  };
  int height = kTop + kRow * static_cast<int>(bars.size()) + 4;
  std::string out;
  auto it = std::back_inserter(out);
  fmt::format_to(it,
                 "<svg class=\"chart\" data-testid=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" "
                 "aria-label=\"{}\"><rect x=\"{}\" y=\"6\" width=\"12\" height=\"10\" "
                 "fill=\"#2b5c8a\" opacity=\"0.3\"/><text x=\"{}\" y=\"15\">claimed</text>"
                 "<rect x=\"{}\" y=\"6\" width=\"12\" height=\"10\" fill=\"#2b5c8a\"/>"
                 "<text x=\"{}\" y=\"15\">verified</text>",
                 HtmlEscape(test_id), kWidth, height, HtmlEscape(title), kLabelWidth,
                 kLabelWidth + 16, kLabelWidth + 80, kLabelWidth + 96);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& bar = bars[i];
    int y = kTop + kRow * static_cast<int>(i);
    double cw = width(bar.claimed), vw = width(bar.verified);
    fmt::format_to(it,
                   "<g><title>{}: {} claimed, {} verified</title>"
                   "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>"
                   "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"12\" fill=\"{}\" "
                   "opacity=\"0.3\"/><text class=\"v\" x=\"{:.1f}\" y=\"{}\">{}</text>"
                   "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"12\" fill=\"{}\"/>"
                   "<text class=\"v\" x=\"{:.1f}\" y=\"{}\">{}</text></g>",
                   HtmlEscape(bar.label), FormatUsd(bar.claimed), FormatUsd(bar.verified),
                   kLabelWidth - 8, y + 18, HtmlEscape(Truncate(bar.label, 26)), kLabelWidth, y, cw,
                   HtmlEscape(bar.colour), kLabelWidth + cw + 5, y + 10, ShortUsd(bar.claimed),
                   kLabelWidth, y + 14, vw, HtmlEscape(bar.colour), kLabelWidth + vw + 5, y + 25,
                   ShortUsd(bar.verified));
  }
  out += "</svg>";
  return out;
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
