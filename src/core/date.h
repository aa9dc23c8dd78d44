// A calendar date (no time of day, no zone): FPDS signs actions by date, and DOGE lists dates only.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace receipts {

class Date {
 public:
  Date() = default;
  // Fails on an impossible date such as 2025-02-30.
  static Result<Date> FromYmd(int year, int month, int day);

  int year() const;
  int month() const;
  int day() const;
  int days_since_epoch() const { return days_; }
  // "2025-01-20".
  std::string ToIso() const;

  auto operator<=>(const Date&) const = default;

 private:
  explicit Date(int days) : days_(days) {}
  int days_ = 0;  // days since 1970-01-01
};

// Parses the date forms seen in the claims and records: "2025-01-21", "2025-01-21 00:00:00",
// "2025-01-21T12:00:00Z", "1/21/2025", "2/13/25" (20xx), "24mar2025". Blank is std::nullopt.
Result<std::optional<Date>> ParseDate(std::string_view text);

}  // namespace receipts
