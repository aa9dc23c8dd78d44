#include "records/records_outlays.h"

#include <charconv>
#include <optional>
#include <utility>

#include "core/text.h"
#include "records/records_fields.h"

namespace receipts::records {
namespace {

constexpr const char* kOutlay = "gross_outlay_amount_FYB_to_period_end";
constexpr const char* kAdjust487200 =
    "USSGL487200_downward_adj_prior_year_prepaid_undeliv_order_oblig";
constexpr const char* kAdjust497200 =
    "USSGL497200_downward_adj_of_prior_year_paid_deliv_orders_oblig";

// A submission period as (fiscal year, month of the fiscal year 1..12). USAspending writes it
// as "FY2025P06", "FY2025Q2" (a quarter: its last month) or as the period's end date
// "2025-03-31" (fiscal years start in October).
std::optional<std::pair<int, int>> ReadPeriod(std::string_view text) {
  text = Trim(text);
  auto number = [](std::string_view digits) -> std::optional<int> {
    int value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) {
      return std::nullopt;
    }
    return value;
  };
  if (text.size() >= 8 && (text.starts_with("FY") || text.starts_with("fy"))) {
    std::optional<int> year = number(text.substr(2, 4));
    std::optional<int> part = number(text.substr(7));
    if (!year || !part) return std::nullopt;
    char unit = text[6];
    if ((unit == 'P' || unit == 'p') && *part >= 1 && *part <= 12) return std::pair{*year, *part};
    if ((unit == 'Q' || unit == 'q') && *part >= 1 && *part <= 4) {
      return std::pair{*year, *part * 3};
    }
    return std::nullopt;
  }
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    std::optional<int> year = number(text.substr(0, 4));
    std::optional<int> month = number(text.substr(5, 2));
    if (!year || !month || *month < 1 || *month > 12) return std::nullopt;
    return *month >= 10 ? std::pair{*year + 1, *month - 9} : std::pair{*year, *month + 3};
  }
  return std::nullopt;
}

struct YearTotal {
  int period = 0;  // the latest month reported in the year
  Cents outlay = 0;
};

}  // namespace

bool IsFederalAccountFundingHeader(const CsvReader& csv) {
  return csv.Find(kOutlay) >= 0 && csv.Find("award_unique_key") >= 0;
}

Result<std::map<std::string, Cents>> ReadFederalAccountFunding(CsvReader* csv) {
  int key = -1, period = -1, outlay = -1;
  for (auto [name, slot] : {std::pair{"award_unique_key", &key},
                            std::pair{"submission_period", &period}, std::pair{kOutlay, &outlay}}) {
    Result<int> column = RequireColumn(*csv, name);
    if (!column.ok()) return column.status();
    *slot = *column;
  }
  const int adjust_487200 = csv->Find(kAdjust487200);
  const int adjust_497200 = csv->Find(kAdjust497200);
  std::map<std::string, std::map<int, YearTotal>> years;  // award -> fiscal year -> total
  for (;;) {
    Result<bool> more = csv->Next();
    if (!more.ok()) return more.status();
    if (!*more) break;
    std::optional<std::pair<int, int>> when = ReadPeriod(csv->field(period));
    if (!when) {
      return CellError(*csv, period,
                       "'" + std::string(Trim(csv->field(period)).substr(0, 40)) +
                           "' is not a submission period (FY2025P06, FY2025Q2 or a date)");
    }
    Cents sum = 0;
    for (int column : {outlay, adjust_487200, adjust_497200}) {
      if (column < 0) continue;
      Cents change = 0;
      if (Status s = ReadChange(*csv, column, &change); !s.ok()) return s;
      sum += change;
    }
    std::string award = ToUpperAscii(Trim(csv->field(key)));
    if (award.empty()) return CellError(*csv, key, "blank award key");
    YearTotal& year = years[award][when->first];
    if (when->second > year.period) {
      year = YearTotal{when->second, sum};
    } else if (when->second == year.period) {
      year.outlay += sum;  // another account's row of the same period
    }
  }
  std::map<std::string, Cents> out;
  for (const auto& [award, by_year] : years) {
    Cents total = 0;
    for (const auto& [fiscal_year, year] : by_year) total += year.outlay;
    out[award] = total;
  }
  return out;
}

}  // namespace receipts::records
