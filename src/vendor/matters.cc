#include "vendor/matters.h"

#include <cctype>

#include "core/input_open.h"
#include "core/text.h"
#include "csv/csv_reader.h"

namespace receipts {
namespace {

// "2024-05-01", or "2024-05" for the first (`end`: the last) day of the month.
Result<std::optional<Date>> ParseMatterDate(std::string_view text, bool end) {
  text = Trim(text);
  if (text.empty()) return std::optional<Date>();
  if (text.size() == 7 && text[4] == '-') {
    auto first = ParseDate(std::string(text) + "-01");
    if (!first.ok() || !first->has_value()) return Status::InvalidInput("not a date");
    if (!end) return *first;
    // The month's last day: the first of 31, 30, 29, 28 that the month has.
    const Date first_day = **first;
    for (int day = 31; day >= 28; --day) {
      auto last = Date::FromYmd(first_day.year(), first_day.month(), day);
      if (last.ok()) return std::optional<Date>(*last);
    }
    return Status::InvalidInput("not a date");
  }
  auto date = ParseDate(text);
  if (!date.ok() || !date->has_value() || text.size() != 10) {
    return Status::InvalidInput("not a date (YYYY-MM-DD or YYYY-MM)");
  }
  return *date;
}

std::string Normalized(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      if (space && !out.empty()) out += ' ';
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      space = false;
    } else {
      space = true;
    }
  }
  return out;
}

}  // namespace

Result<std::vector<Matter>> ReadMatters(const std::string& path) {
  // A matters file is a researcher's list: 64 MiB is far more than one holds.
  auto bytes = ReadWholeFile(path, "a matters file", 64 << 20);
  if (!bytes.ok()) return bytes.status();
  return ParseMatters(path, *bytes);
}

Result<std::vector<Matter>> ParseMatters(const std::string& path, std::string_view bytes) {
  CsvReader csv(path, bytes);
  if (Status s = csv.ReadHeader(); !s.ok()) return s;
  struct Column {
    const char* name;
    int index;
  };
  Column columns[] = {{"agency_id", -1}, {"agency", -1}, {"company", -1},   {"matter", -1},
                      {"opened", -1},    {"closed", -1}, {"source_url", -1}};
  for (Column& c : columns) {
    c.index = csv.Find(c.name);
    if (c.index < 0) {
      return Status::InvalidInput(path + ": no column '" + c.name +
                                  "' (agency_id,agency,company,matter,opened,closed,source_url"
                                  "[,note]: doc/formats.md, \"Open matters\")");
    }
  }
  const int note = csv.Find("note");
  std::vector<Matter> out;
  while (true) {
    auto more = csv.Next();
    if (!more.ok()) return more.status();
    if (!*more) break;
    Matter m;
    m.agency_id = ToUpperAscii(Trim(csv.field(columns[0].index)));
    m.agency = std::string(Trim(csv.field(columns[1].index)));
    m.company = std::string(Trim(csv.field(columns[2].index)));
    m.matter = std::string(Trim(csv.field(columns[3].index)));
    m.source_url = std::string(Trim(csv.field(columns[6].index)));
    m.note = std::string(Trim(csv.field(note)));
    m.line = csv.line();
    if (m.company.empty())
      return csv.FieldError(columns[2].index, "a company UEI or name is needed");
    if (m.matter.empty()) return csv.FieldError(columns[3].index, "the matter is empty");
    if (m.agency.empty() && m.agency_id.empty()) {
      return csv.FieldError(columns[1].index, "an agency (name or agency_id) is needed");
    }
    if (m.source_url.rfind("https://", 0) != 0 && m.source_url.rfind("http://", 0) != 0) {
      return csv.FieldError(columns[6].index, "every matter needs its source, an http(s) URL");
    }
    auto opened = ParseMatterDate(csv.field(columns[4].index), false);
    if (!opened.ok()) return csv.FieldError(columns[4].index, opened.status().message());
    auto closed = ParseMatterDate(csv.field(columns[5].index), true);
    if (!closed.ok()) return csv.FieldError(columns[5].index, closed.status().message());
    m.opened = *opened;
    m.closed = *closed;
    if (m.opened && m.closed && *m.closed < *m.opened) {
      return csv.FieldError(columns[5].index, "closed before it opened");
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::string MatterNamesFamily(const Matter& matter, const VendorFamily& family) {
  const std::string company = ToUpperAscii(Trim(matter.company));
  for (const VendorFamily::Member& m : family.members) {
    if (m.uei == company) return "uei";
  }
  const std::string name = Normalized(matter.company);
  if (name.empty()) return "";
  for (const VendorFamily::Member& m : family.members) {
    for (const std::string& recorded : m.names) {
      if (Normalized(recorded) == name) return "name";
    }
  }
  return "";
}

bool MatterOpenOn(const Matter& matter, Date day) {
  if (matter.opened && day < *matter.opened) return false;
  return !matter.closed || !(*matter.closed < day);
}

}  // namespace receipts
