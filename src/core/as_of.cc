#include "core/as_of.h"

#include <fmt/format.h>

#include <chrono>

#include "core/date.h"

namespace receipts {
namespace {

bool Digits(std::string_view text, std::size_t at, std::size_t count, int* out) {
  if (at + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  *out = value;
  return true;
}

std::string Format(int days, int seconds_of_day) {
  // Days since 1970-01-01 -> civil date (H. Hinnant's days_from_civil, inverted).
  int z = days + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = yoe + era * 400;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, d, seconds_of_day / 3600,
                     seconds_of_day / 60 % 60, seconds_of_day % 60);
}

// Parses "YYYY-MM-DD" at `at`, then an optional "THH:MM[:SS]" ('-' may separate the parts).
// Strict (--as-of): a space may replace 'T', a zone may follow, and nothing else. Loose (file
// names): whatever follows is ignored.
std::optional<std::string> ParseAt(std::string_view text, std::size_t at, bool loose) {
  int year = 0, month = 0, day = 0;
  if (!Digits(text, at, 4, &year) || text.size() < at + 10 || text[at + 4] != '-' ||
      !Digits(text, at + 5, 2, &month) || text[at + 7] != '-' || !Digits(text, at + 8, 2, &day)) {
    return std::nullopt;
  }
  Result<Date> date = Date::FromYmd(year, month, day);
  if (!date.ok()) return std::nullopt;
  std::size_t i = at + 10;
  int hour = 0, minute = 0, second = 0, offset_minutes = 0;
  if (i < text.size() && (text[i] == 'T' || (!loose && text[i] == ' '))) {
    std::size_t t = i + 1;
    auto separator = [&](std::size_t pos) {
      return pos < text.size() && (text[pos] == ':' || text[pos] == '-');
    };
    if (Digits(text, t, 2, &hour) && separator(t + 2) && Digits(text, t + 3, 2, &minute)) {
      i = t + 5;
      if (separator(i) && Digits(text, i + 1, 2, &second)) i += 3;
      if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    } else if (!loose) {
      return std::nullopt;
    }
  }
  if (!loose) {
    if (i < text.size() && text[i] == 'Z') {
      ++i;
    } else if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      int oh = 0, om = 0;
      if (!Digits(text, i + 1, 2, &oh) || i + 3 >= text.size() || text[i + 3] != ':' ||
          !Digits(text, i + 4, 2, &om) || oh > 23 || om > 59) {
        return std::nullopt;
      }
      offset_minutes = (oh * 60 + om) * (text[i] == '+' ? 1 : -1);
      i += 6;
    }
    if (i != text.size()) return std::nullopt;
  }
  long long total = static_cast<long long>(date->days_since_epoch()) * 86400 + hour * 3600 +
                    minute * 60 + second - offset_minutes * 60;
  long long days = total >= 0 ? total / 86400 : (total - 86399) / 86400;
  return Format(static_cast<int>(days), static_cast<int>(total - days * 86400));
}

}  // namespace

Result<std::string> ParseAsOf(std::string_view text) {
  std::optional<std::string> out = ParseAt(text, 0, /*loose=*/false);
  if (!out) {
    return Status::Usage("--as-of: '" + std::string(text) +
                         "' is not a time (YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM])");
  }
  return *out;
}

std::optional<std::string> AsOfFromFileName(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::size_t i = 0; i + 10 <= name.size(); ++i) {
    if (i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9') continue;
    std::optional<std::string> out = ParseAt(name, i, /*loose=*/true);
    if (out) return out;
  }
  return std::nullopt;
}

std::string NowUtc() {
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count();
  long long days = seconds / 86400;
  return Format(static_cast<int>(days), static_cast<int>(seconds - days * 86400));
}

}  // namespace receipts
