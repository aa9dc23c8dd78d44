#include "records/records_fields.h"

#include <algorithm>
#include <charconv>

#include "core/text.h"

namespace receipts::records {

Status CellError(const CsvReader& csv, int column, std::string_view what) {
  // The header's own name, held by the reader (not a temporary).
  std::string_view field;
  if (column >= 0 && static_cast<std::size_t>(column) < csv.header().size()) {
    field = csv.header()[static_cast<std::size_t>(column)];
  }
  return Status::BadInput(csv.name(), csv.line(), field, what);
}

Result<int> RequireColumn(const CsvReader& csv, std::string_view name) {
  int column = csv.Find(name);
  if (column < 0) return Status::BadInput(csv.name(), 1, name, "missing column");
  return column;
}

std::string Text(const CsvReader& csv, int column) { return std::string(Trim(csv.field(column))); }

Status ReadMoney(const CsvReader& csv, int column, std::optional<Cents>* out) {
  Result<std::optional<Cents>> money = ParseMoney(csv.field(column));
  if (!money.ok()) return CellError(csv, column, money.status().message());
  *out = *money;
  return Status::Ok();
}

Status ReadChange(const CsvReader& csv, int column, Cents* out) {
  std::optional<Cents> money;
  Status s = ReadMoney(csv, column, &money);
  if (!s.ok()) return s;
  *out = money.value_or(0);
  return Status::Ok();
}

Status ReadDate(const CsvReader& csv, int column, std::optional<Date>* out) {
  Result<std::optional<Date>> date = ParseDate(csv.field(column));
  if (!date.ok()) return CellError(csv, column, date.status().message());
  *out = *date;
  return Status::Ok();
}

Result<std::optional<Date>> ParseEndDateText(std::string_view text) {
  Result<std::optional<Date>> date = ParseDate(text);
  if (date.ok()) return date;
  text = Trim(text);
  int year = 0;
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + std::min<std::size_t>(4, text.size()), year);
  bool year_first = ec == std::errc() && end == text.data() + 4 && text.size() >= 10 &&
                    text[4] == '-' && text[7] == '-';
  if (year_first && (year < 1900 || year > 2200)) return std::optional<Date>();
  return date.status();
}

Result<std::optional<int>> ParseCountText(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::optional<int>();
  // Some exports write counts as floats ("7.0"): accept a zero fraction only.
  std::size_t dot = text.find('.');
  std::string_view digits = text.substr(0, dot);
  bool zero_fraction = dot == std::string_view::npos ||
                       text.substr(dot + 1).find_first_not_of('0') == std::string_view::npos;
  int value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || value < 0 || !zero_fraction ||
      digits.empty()) {
    return Status::InvalidInput(QuotedPrefix(text, " is not a count"));
  }
  return std::optional<int>(value);
}

Status ReadEndDate(const CsvReader& csv, int column, std::optional<Date>* out) {
  Result<std::optional<Date>> date = ParseEndDateText(csv.field(column));
  if (!date.ok()) return CellError(csv, column, date.status().message());
  *out = *date;
  return Status::Ok();
}

Status ReadCount(const CsvReader& csv, int column, std::optional<int>* out) {
  Result<std::optional<int>> count = ParseCountText(csv.field(column));
  if (!count.ok()) return CellError(csv, column, count.status().message());
  *out = *count;
  return Status::Ok();
}

std::string_view KeyPart(std::string_view part) {
  part = Trim(part);
  if (part == "-none-" || part == "-NONE-") return {};
  return part;
}

}  // namespace receipts::records
