// Money is integer cents end to end. Nothing in receipts holds a dollar figure in a double.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace receipts {

using Cents = std::int64_t;

// Parses money text as published: "440000", "4232999.76", "$440,000 ", "-1,234.5", "($12.00)",
// "9999999.0", "1.5E7". Surrounding spaces are ignored. Blank text is "unknown": the result holds
// std::nullopt (blank is not zero). Fails, with `what` set, on anything else: thousands
// separators not grouping by three ("1,2,3", "12,34.00", "1,0000"), more than two decimals
// ("1.005", never rounded), or a figure beyond +/- 10^15 dollars.
Result<std::optional<Cents>> ParseMoney(std::string_view text);

// "1234.56", "-0.05": dollars with two decimals, no separators (the CSV form).
std::string FormatDollars(Cents cents);

// "$1,234.56", "-$0.05": the form used in sentences and reports.
std::string FormatUsd(Cents cents);

// FormatDollars, or "" when unknown.
std::string FormatDollars(const std::optional<Cents>& cents);

// "$16.5B", "$980M", "$12.3K", "$512", "-$1.2K": a rounded figure for chart labels only. Tenths
// of the unit (whole dollars below $1,000), rounded half up, a trailing ".0" dropped; the unit is
// chosen after rounding, so $999,999.99 reads "$1M", never "$1000K". Exact figures go through
// FormatUsd.
std::string ShortUsd(Cents cents);

// "5,356", "1,234,567", "0": a whole number with commas between groups of three digits.
std::string GroupThousands(std::uint64_t n);

}  // namespace receipts
