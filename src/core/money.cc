#include "core/money.h"

#include <cstdlib>
#include <iterator>

#include "core/text.h"

namespace receipts {
namespace {

constexpr Cents kMaxCents = 100'000'000'000'000'000;  // 10^15 dollars

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

Status Bad(std::string_view text, std::string_view why) {
  return Status::InvalidInput(QuotedPrefix(text, " is not money: ").append(why));
}

// |cents|, defined for every value (the most negative too).
std::uint64_t Magnitude(Cents cents) {
  return cents < 0 ? 0ULL - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
}

}  // namespace

Result<std::optional<Cents>> ParseMoney(std::string_view original) {
  std::string_view s = TrimSpaces(original);
  if (s.empty()) return std::optional<Cents>();
  bool negative = false;
  if (s.front() == '(' && s.back() == ')') {
    negative = true;
    s = TrimSpaces(s.substr(1, s.size() - 2));
  }
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = negative != (s.front() == '-');
    s.remove_prefix(1);
  }
  if (!s.empty() && s.front() == '$') s.remove_prefix(1);
  if (!s.empty() && s.front() == '-' && !negative) {  // "$-12.00"
    negative = true;
    s.remove_prefix(1);
  }
  if (s.empty()) return Bad(original, "no digits");

  // Collect the decimal digits and where the point sits, then apply any exponent exactly.
  std::string digits;
  int point = -1;
  // Thousands separators must group by three from the point ("1,234,567"): "1,2,3" or
  // "12,34.00" is a typo or another convention, and guessing what was meant is not ours to do.
  bool grouped = false;
  std::size_t group = 0;  // digits since the last comma (or the start)
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      ++group;
    } else if (c == ',') {
      if (point >= 0) return Bad(original, "comma after the decimal point");
      if (group == 0 || group > 3 || (grouped && group != 3)) {
        return Bad(original, "misplaced thousands separator");
      }
      grouped = true;
      group = 0;
    } else if (c == '.') {
      if (point >= 0) return Bad(original, "two decimal points");
      if (grouped && group != 3) return Bad(original, "misplaced thousands separator");
      point = static_cast<int>(digits.size());
    } else {
      break;
    }
  }
  if (grouped && point < 0 && group != 3) return Bad(original, "misplaced thousands separator");
  if (digits.empty()) return Bad(original, "no digits");
  int exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) exp_negative = s[i++] == '-';
    if (i >= s.size()) return Bad(original, "empty exponent");
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      exponent = exponent * 10 + (s[i] - '0');
      if (exponent > 40) return Bad(original, "exponent out of range");
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != s.size()) return Bad(original, "unexpected character");

  int integer_digits = (point < 0 ? static_cast<int>(digits.size()) : point) + exponent;
  // Cents = the digits up to two places after the point. A third decimal is refused, not
  // rounded: no real list or record has one in a money field, so one is a sign of a shifted
  // point or a unit other than dollars.
  int keep = integer_digits + 2;
  if (static_cast<int>(digits.size()) > keep) return Bad(original, "more than two decimals");
  Cents value = 0;
  for (int k = 0; k < keep; ++k) {
    int digit = (k >= 0 && k < static_cast<int>(digits.size())) ? digits[k] - '0' : 0;
    if (value > (kMaxCents - digit) / 10) return Bad(original, "too large");
    value = value * 10 + digit;
  }
  if (value > kMaxCents) return Bad(original, "too large");
  return std::optional<Cents>(negative ? -value : value);
}

std::string FormatDollars(Cents cents) {
  std::string out = cents < 0 ? "-" : "";
  std::uint64_t magnitude = Magnitude(cents);
  out += std::to_string(magnitude / 100);
  out.push_back('.');
  out.push_back(static_cast<char>('0' + magnitude % 100 / 10));
  out.push_back(static_cast<char>('0' + magnitude % 10));
  return out;
}

std::string FormatDollars(const std::optional<Cents>& cents) {
  return cents ? FormatDollars(*cents) : std::string();
}

std::string FormatUsd(Cents cents) {
  std::string plain = FormatDollars(cents);  // "-1234.56"
  return (cents < 0 ? "-$" : "$") + GroupThousands(Magnitude(cents) / 100) +
         plain.substr(plain.size() - 3);
}

std::string ShortUsd(Cents cents) {
  const std::string sign = cents < 0 ? "-" : "";
  const std::uint64_t magnitude = Magnitude(cents);
  // From the smallest unit up: the largest unit not above the figure, unless rounding makes it
  // 1,000 of that unit ($999,999.99 reads "$1M", never "$1000.0K" or "$1,000K").
  static constexpr std::uint64_t kUnits[] = {100, 100'000, 100'000'000, 100'000'000'000};
  static constexpr const char* kSuffixes[] = {"", "K", "M", "B"};
  constexpr std::size_t kTop = std::size(kUnits) - 1;
  std::size_t unit = kTop;
  while (unit > 0 && magnitude < kUnits[unit]) --unit;
  const bool whole = unit == 0;
  auto rounded = [&](std::size_t u) {  // in tenths of unit u, or whole dollars for u == 0
    const std::uint64_t step = whole && u == 0 ? kUnits[0] : kUnits[u] / 10;
    return magnitude / step + (magnitude % step >= step - step / 2 ? 1 : 0);
  };
  std::uint64_t value = rounded(unit);
  if (unit < kTop && value >= (whole ? 1000u : 10000u)) {
    ++unit;
    value = rounded(unit);
  }
  std::string out = sign;
  out += '$';
  if (unit == 0) return out.append(std::to_string(value));
  out += GroupThousands(value / 10);
  if (value % 10 != 0) {
    out += '.';
    out += std::to_string(value % 10);
  }
  return out + kSuffixes[unit];
}

std::string GroupThousands(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace receipts
