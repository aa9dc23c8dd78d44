#include "records/lease_inventory.h"

#include <fmt/format.h>

#include <charconv>
#include <filesystem>
#include <functional>
#include <optional>
#include <regex>

#include "core/text.h"
#include "csv/csv_reader.h"
#include "records/xlsx_workbook.h"

namespace receipts::records {
namespace {

constexpr std::string_view kLeaseNumber = "Lease Number";
constexpr std::string_view kCity = "City";
constexpr std::string_view kState = "State";
constexpr std::string_view kRentableSquareFeet = "Building Rentable Square Feet";
constexpr std::string_view kEffective = "Lease Effective Date";
constexpr std::string_view kExpiration = "Lease Expiration Date";
constexpr std::string_view kLocationCode = "Location Code";
constexpr std::string_view kAssetName = "Real Property Asset Name";
constexpr std::string_view kStreetAddress = "Street Address";

// The columns of a leases header, by position; -1 when absent.
struct LeaseColumns {
  int lease_number = -1, city = -1, state = -1, rsf = -1, effective = -1, expiration = -1;
  int location_code = -1, asset_name = -1, street_address = -1;

  static LeaseColumns Of(const std::vector<std::string>& header) {
    LeaseColumns c;
    auto find = [&](std::string_view name) {
      for (std::size_t i = 0; i < header.size(); ++i) {
        if (Trim(header[i]) == name) return static_cast<int>(i);
      }
      return -1;
    };
    c.lease_number = find(kLeaseNumber);
    c.city = find(kCity);
    c.state = find(kState);
    c.rsf = find(kRentableSquareFeet);
    c.effective = find(kEffective);
    c.expiration = find(kExpiration);
    c.location_code = find(kLocationCode);
    c.asset_name = find(kAssetName);
    c.street_address = find(kStreetAddress);
    return c;
  }
  bool IsLeases() const {
    return lease_number >= 0 && city >= 0 && state >= 0 && rsf >= 0 && expiration >= 0;
  }
};

// Where a bad cell is: "FILE:ROW: field 'NAME' (sheet S): what".
using CellErrorFn = std::function<Status(std::string_view field, std::string_view what)>;
using DateFn = std::function<Result<std::optional<Date>>(std::string_view)>;

// Whole square feet, rounded half up on the decimal digits: IOLP holds fractions of a foot (some
// with float noise, "35546.900000000001"), DOGE lists whole feet.
Result<std::optional<long long>> SquareFeet(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::optional<long long>();
  std::size_t dot = text.find('.');
  std::string_view digits = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  long long value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || value < 0 || digits.empty() ||
      fraction.find_first_not_of("0123456789") != std::string_view::npos ||
      (dot != std::string_view::npos && fraction.empty())) {
    return Status::InvalidInput(QuotedPrefix(text, " is not square feet"));
  }
  if (!fraction.empty() && fraction.front() >= '5') ++value;
  return std::optional<long long>(value);
}

// One data row into a Lease; `cell(i)` is the row's cell at column i ("" past its end).
Status ReadLease(const LeaseColumns& c, const std::function<std::string_view(int)>& cell,
                 const DateFn& date, const CellErrorFn& error, Lease* lease) {
  lease->lease_number = ToUpperAscii(Trim(cell(c.lease_number)));
  if (lease->lease_number.empty()) return error(kLeaseNumber, "blank: every lease has a number");
  lease->city = ToUpperAscii(CollapseSpaces(cell(c.city)));
  lease->state = ToUpperAscii(Trim(cell(c.state)));
  lease->location_code = std::string(Trim(cell(c.location_code)));
  lease->asset_name = CollapseSpaces(cell(c.asset_name));
  lease->street_address = CollapseSpaces(cell(c.street_address));
  auto rsf = SquareFeet(cell(c.rsf));
  if (!rsf.ok()) return error(kRentableSquareFeet, rsf.status().message());
  lease->rentable_square_feet = *rsf;
  auto effective = date(cell(c.effective));
  if (!effective.ok()) return error(kEffective, effective.status().message());
  lease->effective = *effective;
  auto expiration = date(cell(c.expiration));
  if (!expiration.ok()) return error(kExpiration, expiration.status().message());
  lease->expiration = *expiration;
  return Status::Ok();
}

Status StartInventory(const std::string& name, LeaseInventory* out) {
  std::optional<Date> published = InventoryDateFromName(name);
  if (!published) {
    return Status::BadInput(name, 0, "",
                            "a lease inventory's publication date is read from its name, and "
                            "this name has none: name it as GSA does (2025-5-23-iolp-leases.xlsx) "
                            "or YYYY-MM-DD_iolp_leases.xlsx");
  }
  out->source_file = name;
  out->published = *published;
  out->leases.clear();
  return Status::Ok();
}

Result<std::optional<Date>> TextDate(std::string_view text) { return ParseDate(text); }

}  // namespace

bool LooksLikeLeaseInventoryCsv(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string_view line = bytes.substr(0, bytes.find('\n'));
  return line.find(kLeaseNumber) != std::string_view::npos &&
         line.find(kRentableSquareFeet) != std::string_view::npos &&
         line.find(kExpiration) != std::string_view::npos;
}

std::optional<Date> InventoryDateFromName(std::string_view path) {
  const std::string base = std::filesystem::path(std::string(path)).filename().string();
  static const std::regex kDate(R"((20\d\d)-(\d{1,2})-(\d{1,2})[-_])");
  std::smatch m;
  if (!std::regex_search(base, m, kDate)) return std::nullopt;
  Result<Date> date =
      Date::FromYmd(std::stoi(m[1].str()), std::stoi(m[2].str()), std::stoi(m[3].str()));
  if (!date.ok()) return std::nullopt;
  return *date;
}

Status ReadLeaseWorkbook(const std::string& name, const std::vector<InputPart>& parts,
                         LeaseInventory* out) {
  Result<std::vector<XlsxSheet>> sheets = ReadXlsxWorkbook(name, parts);
  if (!sheets.ok()) return sheets.status();
  for (const XlsxSheet& sheet : *sheets) {
    if (sheet.rows.empty()) continue;
    const LeaseColumns columns = LeaseColumns::Of(sheet.rows.front());
    if (!columns.IsLeases()) continue;
    LeaseInventory inventory;
    if (Status s = StartInventory(name, &inventory); !s.ok()) return s;
    inventory.leases.reserve(sheet.rows.size());
    for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
      const std::vector<std::string>& row = sheet.rows[r];
      const std::size_t row_number = sheet.row_numbers[r];
      auto cell = [&](int i) {
        return i < 0 || static_cast<std::size_t>(i) >= row.size()
                   ? std::string_view()
                   : std::string_view(row[static_cast<std::size_t>(i)]);
      };
      auto error = [&](std::string_view field, std::string_view what) {
        return Status::BadInput(name, row_number,
                                fmt::format("{}' in sheet '{}", field, sheet.name), what);
      };
      Lease lease;
      lease.source_row = row_number;
      if (Status s = ReadLease(columns, cell, DateFromExcelSerial, error, &lease); !s.ok())
        return s;
      inventory.leases.push_back(std::move(lease));
    }
    *out = std::move(inventory);
    return Status::Ok();
  }
  return Status::BadInput(
      name, 0, "",
      fmt::format("no leases sheet: no sheet of the workbook has the IOLP "
                  "leases header ({}, {}, {}, {}, {})",
                  kLeaseNumber, kCity, kState, kRentableSquareFeet, kExpiration));
}

Status ReadLeaseCsv(const std::string& name, std::string_view bytes, LeaseInventory* out) {
  CsvReader csv(name, bytes);
  if (Status s = csv.ReadHeader(); !s.ok()) return s;
  const LeaseColumns columns = LeaseColumns::Of(csv.header());
  if (!columns.IsLeases()) {
    return Status::BadInput(name, 1, "", "not an IOLP leases header");
  }
  LeaseInventory inventory;
  if (Status s = StartInventory(name, &inventory); !s.ok()) return s;
  // GSA's CSV export writes dates as text; a serial day number is read as the workbook's.
  auto date = [](std::string_view text) -> Result<std::optional<Date>> {
    std::string_view t = Trim(text);
    if (!t.empty() && t.find_first_not_of("0123456789.") == std::string_view::npos) {
      return DateFromExcelSerial(t);
    }
    return TextDate(t);
  };
  while (true) {
    Result<bool> more = csv.Next();
    if (!more.ok()) return more.status();
    if (!*more) break;
    auto cell = [&](int i) { return csv.field(i); };
    auto error = [&](std::string_view field, std::string_view what) {
      return Status::BadInput(name, csv.line(), field, what);
    };
    Lease lease;
    lease.source_row = csv.line();
    if (Status s = ReadLease(columns, cell, date, error, &lease); !s.ok()) return s;
    inventory.leases.push_back(std::move(lease));
  }
  *out = std::move(inventory);
  return Status::Ok();
}

}  // namespace receipts::records
