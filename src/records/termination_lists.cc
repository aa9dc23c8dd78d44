#include "records/termination_lists.h"

#include <fmt/format.h>

#include <map>
#include <optional>

#include "core/text.h"
#include "csv/csv_reader.h"
#include "records/records_fields.h"

namespace receipts::records {
namespace {

constexpr std::string_view kNsfExportPrefix = "Date of export:";

std::string_view FirstLine(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  return bytes.substr(0, bytes.find('\n'));
}

bool IsHhsHeader(std::string_view line) {
  return line.find("fain") != std::string_view::npos &&
         line.find("amt_unliquidated") != std::string_view::npos &&
         line.find("date_terminated") != std::string_view::npos;
}

bool IsNsfHeader(std::string_view line) {
  return line.starts_with("Award ID,") && line.find("Obligated") != std::string_view::npos;
}

// Rows of one list, gathered per FAIN in first-seen order.
class ListBuilder {
 public:
  explicit ListBuilder(std::string list) : list_(std::move(list)) {}

  GrantTermination* Row(const CsvReader& csv, const std::string& fain) {
    auto [it, inserted] = index_.try_emplace(fain, entries_.size());
    if (inserted) {
      GrantTermination entry;
      entry.list = list_;
      entry.fain = fain;
      entry.source_file = csv.name();
      entry.source_line = csv.line();
      entries_.push_back(std::move(entry));
    }
    return &entries_[it->second];
  }

  void MoveInto(std::vector<GrantTermination>* out) {
    for (GrantTermination& entry : entries_) out->push_back(std::move(entry));
  }

 private:
  std::string list_;
  std::map<std::string, std::size_t> index_;
  std::vector<GrantTermination> entries_;
};

Status RequireFain(const CsvReader& csv, int column, std::string* fain) {
  *fain = ToUpperAscii(Text(csv, column));
  if (fain->empty()) return CellError(csv, column, "blank: every listed grant needs its FAIN");
  return Status::Ok();
}

// HHS's export wrote its figures through binary floating point, so 90 of its cells carry the
// noise of it ("84565.53999999999", "91085.99000000001"). Such a cell is rounded to the nearest
// cent on its decimal digits (never through a double); anything else is read as strictly as all
// money.
Result<std::optional<Cents>> ListMoney(std::string_view text) {
  text = Trim(text);
  std::size_t dot = text.find('.');
  if (dot == std::string_view::npos || text.size() - dot - 1 <= 2) return ParseMoney(text);
  std::string_view extra = text.substr(dot + 3);
  if (extra.find_first_not_of("0123456789") != std::string_view::npos) return ParseMoney(text);
  Result<std::optional<Cents>> cents = ParseMoney(text.substr(0, dot + 3));
  if (!cents.ok() || !*cents) return cents;
  if (extra.front() >= '5') **cents += text.front() == '-' ? -1 : 1;
  return cents;
}

// Adds a row's figure to a grant's: blank on any row makes the grant's figure unknown.
Status AddMoney(const CsvReader& csv, int column, bool first_row, std::optional<Cents>* sum) {
  Result<std::optional<Cents>> read = ListMoney(csv.field(column));
  if (!read.ok()) return CellError(csv, column, read.status().message());
  std::optional<Cents> money = *read;
  if (first_row) {
    *sum = money;
  } else if (*sum && money) {
    **sum += *money;
  } else {
    sum->reset();
  }
  return Status::Ok();
}

Status ReadHhs(CsvReader* csv, std::vector<GrantTermination>* out) {
  auto fain = RequireColumn(*csv, "fain");
  auto award_num = RequireColumn(*csv, "award_num");
  auto terminated = RequireColumn(*csv, "date_terminated");
  auto obligated = RequireColumn(*csv, "amt_obligated");
  auto expended = RequireColumn(*csv, "amt_expended");
  auto unliquidated = RequireColumn(*csv, "amt_unliquidated");
  for (const auto* column :
       {&fain, &award_num, &terminated, &obligated, &expended, &unliquidated}) {
    if (!column->ok()) return column->status();
  }
  const int office = csv->Find("awarding_office");
  const int recipient = csv->FindAny({"recipient_name", "recip_name_standardized"});
  ListBuilder list("HHS");
  while (true) {
    Result<bool> more = csv->Next();
    if (!more.ok()) return more.status();
    if (!*more) break;
    std::string id;
    if (Status s = RequireFain(*csv, *fain, &id); !s.ok()) return s;
    std::optional<Date> date;
    if (Status s = ReadDate(*csv, *terminated, &date); !s.ok()) return s;
    GrantTermination* entry = list.Row(*csv, id);
    const bool first_row = entry->rows.empty();
    if (Status s = AddMoney(*csv, *obligated, first_row, &entry->obligated); !s.ok()) return s;
    if (Status s = AddMoney(*csv, *expended, first_row, &entry->expended); !s.ok()) return s;
    if (Status s = AddMoney(*csv, *unliquidated, first_row, &entry->unliquidated); !s.ok())
      return s;
    if (entry->office.empty()) entry->office = Text(*csv, office);
    if (entry->recipient.empty()) entry->recipient = Text(*csv, recipient);
    // A grant terminated in several budget periods on different days: the earliest counts.
    if (date && (!entry->terminated || *date < *entry->terminated)) entry->terminated = date;
    entry->rows.push_back(RecordRef{"HHS", id, Text(*csv, *award_num), ""});
  }
  list.MoveInto(out);
  return Status::Ok();
}

// NSF's header row carries the export date in a cell of its own: "Date of export: 6/5/2025".
Result<std::optional<Date>> NsfExportDate(const CsvReader& csv) {
  for (const std::string& cell : csv.header()) {
    std::string_view text = Trim(cell);
    if (!text.starts_with(kNsfExportPrefix)) continue;
    Result<std::optional<Date>> date = ParseDate(text.substr(kNsfExportPrefix.size()));
    if (!date.ok()) return Status::BadInput(csv.name(), 1, cell, date.status().message());
    return date;
  }
  return std::optional<Date>();
}

Status ReadNsf(CsvReader* csv, std::vector<GrantTermination>* out) {
  auto award_id = RequireColumn(*csv, "Award ID");
  auto obligated = RequireColumn(*csv, "Obligated");
  if (!award_id.ok()) return award_id.status();
  if (!obligated.ok()) return obligated.status();
  Result<std::optional<Date>> exported = NsfExportDate(*csv);
  if (!exported.ok()) return exported.status();
  const int directorate = csv->Find("Directorate");
  const int recipient = csv->Find("Recipient");
  ListBuilder list("NSF");
  while (true) {
    Result<bool> more = csv->Next();
    if (!more.ok()) return more.status();
    if (!*more) break;
    std::string id;
    if (Status s = RequireFain(*csv, *award_id, &id); !s.ok()) return s;
    GrantTermination* entry = list.Row(*csv, id);
    if (Status s = AddMoney(*csv, *obligated, entry->rows.empty(), &entry->obligated); !s.ok())
      return s;
    if (entry->office.empty()) entry->office = Text(*csv, directorate);
    if (entry->recipient.empty()) entry->recipient = Text(*csv, recipient);
    entry->list_date = *exported;
    entry->rows.push_back(RecordRef{"NSF", id, fmt::format("L{}", csv->line()), ""});
  }
  list.MoveInto(out);
  return Status::Ok();
}

}  // namespace

bool LooksLikeTerminationList(std::string_view bytes) {
  std::string_view line = FirstLine(bytes);
  return IsHhsHeader(line) || IsNsfHeader(line);
}

Status ReadTerminationList(const std::string& name, std::string_view bytes,
                           std::vector<GrantTermination>* out) {
  std::string converted;
  if (!IsValidUtf8(bytes)) {
    converted = Windows1252ToUtf8(bytes);
    bytes = converted;
  }
  const bool nsf = IsNsfHeader(FirstLine(bytes));
  CsvReader csv(name, bytes);
  // NSF's header has blank cells around its export date.
  if (Status s = csv.ReadHeader({""}); !s.ok()) return s;
  std::vector<GrantTermination> read;
  Status s = nsf ? ReadNsf(&csv, &read) : ReadHhs(&csv, &read);
  if (!s.ok()) return s;
  for (GrantTermination& entry : read) out->push_back(std::move(entry));
  return Status::Ok();
}

}  // namespace receipts::records
