#include "core/date.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <chrono>

#include "core/text.h"

namespace receipts {
namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day Ymd(int days) { return year_month_day(sys_days(std::chrono::days(days))); }

Status Bad(std::string_view text, std::string_view why) {
  return Status::InvalidInput(QuotedPrefix(text, " is not a date: ").append(why));
}

// Reads an unsigned number of 1..max_digits digits at text[pos], advancing pos.
std::optional<int> ReadNumber(std::string_view text, std::size_t& pos, std::size_t max_digits) {
  std::size_t start = pos;
  int value = 0;
  while (pos < text.size() && pos - start < max_digits &&
         std::isdigit(static_cast<unsigned char>(text[pos]))) {
    value = value * 10 + (text[pos++] - '0');
  }
  if (pos == start) return std::nullopt;
  return value;
}

std::optional<int> MonthFromAbbreviation(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (text.size() != 3) return std::nullopt;
  std::string lower;
  for (char c : text)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (lower == kNames[i]) return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

}  // namespace

Result<Date> Date::FromYmd(int y, int m, int d) {
  year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                     std::chrono::day(static_cast<unsigned>(d))};
  if (y < 1000 || y > 9999 || !ymd.ok()) {
    return Status::InvalidInput(fmt::format("{:04}-{:02}-{:02} is not a valid date", y, m, d));
  }
  return Date(static_cast<int>(sys_days(ymd).time_since_epoch().count()));
}

int Date::year() const { return static_cast<int>(Ymd(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(Ymd(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(Ymd(days_).day())); }

std::string Date::ToIso() const { return fmt::format("{:04}-{:02}-{:02}", year(), month(), day()); }

Result<std::optional<Date>> ParseDate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  if (text.empty()) return std::optional<Date>();

  std::size_t pos = 0;
  int y = 0, m = 0, d = 0;
  auto first = ReadNumber(text, pos, 4);
  if (!first) return Bad(text, "expected digits");
  if (pos < text.size() && text[pos] == '-' && pos == 4) {  // ISO: YYYY-MM-DD[ T...]
    ++pos;
    auto mm = ReadNumber(text, pos, 2);
    if (!mm || pos >= text.size() || text[pos] != '-') return Bad(text, "expected YYYY-MM-DD");
    ++pos;
    auto dd = ReadNumber(text, pos, 2);
    if (!dd) return Bad(text, "expected YYYY-MM-DD");
    if (pos < text.size() && text[pos] != ' ' && text[pos] != 'T')
      return Bad(text, "trailing text");
    y = *first, m = *mm, d = *dd;
  } else if (pos < text.size() && text[pos] == '/') {  // US: M/D/YYYY or M/D/YY
    ++pos;
    auto dd = ReadNumber(text, pos, 2);
    if (!dd || pos >= text.size() || text[pos] != '/') return Bad(text, "expected M/D/YYYY");
    ++pos;
    std::size_t year_start = pos;
    auto yy = ReadNumber(text, pos, 4);
    if (!yy) return Bad(text, "expected M/D/YYYY");
    if (pos < text.size() && text[pos] != ' ') return Bad(text, "trailing text");
    y = pos - year_start == 2 ? 2000 + *yy : *yy;
    m = *first, d = *dd;
  } else if (pos <= 2 && pos + 3 < text.size() &&
             std::isalpha(static_cast<unsigned char>(text[pos]))) {
    auto mm = MonthFromAbbreviation(text.substr(pos, 3));  // Stata: 24mar2025
    if (!mm) return Bad(text, "unknown month");
    pos += 3;
    auto yy = ReadNumber(text, pos, 4);
    if (!yy || pos != text.size()) return Bad(text, "expected DDmonYYYY");
    y = *yy, m = *mm, d = *first;
  } else {
    return Bad(text, "unrecognised form");
  }
  auto date = Date::FromYmd(y, m, d);
  if (!date.ok()) return Bad(text, "no such day");
  return std::optional<Date>(*date);
}

}  // namespace receipts
