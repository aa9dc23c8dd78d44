#include "report/bar_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "report/html_escape.h"

namespace receipts {
namespace {

constexpr int kTop = 24;  // room for the legend

// At most `max_chars` code points of UTF-8 `text`, with "…" when cut; cut at a word's end when
// one is in the second half ("Department of Health and…", never "Department of Heal…").
std::string Truncate(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  std::size_t last_space = std::string_view::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars == max_chars) {
      std::size_t cut = last_space != std::string_view::npos && last_space > 0 ? last_space : i;
      std::string_view kept = text.substr(0, cut);
      while (!kept.empty() && (kept.back() == ' ' || kept.back() == ',')) kept.remove_suffix(1);
      return std::string(kept) + "…";
    }
    if (text[i] == ' ' && chars >= max_chars / 2) last_space = i;
    ++chars;
  }
  return std::string(text);
}

}  // namespace

std::string BarChartSvg(const std::vector<ChartBar>& bars, const BarChartLayout& layout,
                        std::string_view title, std::string_view verified_legend,
                        std::string_view test_id) {
  const int label_width = layout.label_width, bar_height = layout.bar_height;
  Cents max = 1;
  for (const ChartBar& bar : bars) max = std::max({max, bar.claimed, bar.verified});
  auto width = [&](Cents cents) {
    return cents <= 0 ? 0.0
                      : std::max(1.0, layout.bars_width * static_cast<double>(cents) /
                                          static_cast<double>(max));
  };
  int height = kTop + layout.row * static_cast<int>(bars.size()) + 4;
  std::string out;
  auto it = std::back_inserter(out);
  out += "<svg class=\"chart\"";
  if (!test_id.empty()) fmt::format_to(it, " data-testid=\"{}\"", HtmlEscape(test_id));
  fmt::format_to(it,
                 " viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">"
                 "<rect x=\"{}\" y=\"6\" width=\"12\" height=\"10\" fill=\"#2b5c8a\" "
                 "opacity=\"0.3\"/><text x=\"{}\" y=\"15\">claimed</text>"
                 "<rect x=\"{}\" y=\"6\" width=\"12\" height=\"10\" fill=\"#2b5c8a\"/>"
                 "<text x=\"{}\" y=\"15\">{}</text>",
                 layout.width, height, HtmlEscape(title), label_width, label_width + 16,
                 label_width + layout.legend_gap, label_width + layout.legend_gap + 16,
                 HtmlEscape(verified_legend));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& bar = bars[i];
    int y = kTop + layout.row * static_cast<int>(i);
    double claimed_width = width(bar.claimed), verified_width = width(bar.verified);
    std::string colour = HtmlEscape(bar.colour);
    fmt::format_to(
        it,
        "<g><title>{}: {} claimed, {} verified</title>"
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>"
        "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\" "
        "opacity=\"0.3\"/>"
        "<text class=\"v\" x=\"{:.1f}\" y=\"{}\">{}</text>"
        "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>"
        "<text class=\"v\" x=\"{:.1f}\" y=\"{}\">{}</text></g>",
        HtmlEscape(bar.label), FormatUsd(bar.claimed), FormatUsd(bar.verified), label_width - 8,
        y + bar_height + 6, HtmlEscape(Truncate(bar.label, layout.label_chars)), label_width, y,
        claimed_width, bar_height, colour, label_width + claimed_width + 5, y + bar_height - 2,
        ShortUsd(bar.claimed), label_width, y + bar_height + 2, verified_width, bar_height, colour,
        label_width + verified_width + 5, y + layout.verified_value_y, ShortUsd(bar.verified));
  }
  out += "</svg>";
  return out;
}

}  // namespace receipts
