#include "report/percent.h"

#include <fmt/format.h>

namespace receipts {

std::string PercentOf(Cents part, Cents whole) {
  if (whole <= 0) return "n/a";
  double percent = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  // Some money verified must not read as none.
  if (part > 0 && percent < 0.05) return "<0.1%";
  return fmt::format("{:.1f}%", percent);
}

}  // namespace receipts
