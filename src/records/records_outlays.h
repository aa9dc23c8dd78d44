// USAspending's FederalAccountFunding file (File C, the `*_FederalAccountFunding_*.csv` member of
// a per-award download): what each award's funding accounts report as outlaid.
//
// Outlays are reported fiscal-year-to-date, per account and per submission period, so an award's
// lifetime outlay is, for each fiscal year, the sum over its rows of the latest period reported
// in that year of gross_outlay_amount_FYB_to_period_end plus the USSGL 487200 and 497200
// downward adjustments, added over the years: the rule of USAspending's own total_outlay
// (records.md §3.1, §3.3). Rows of earlier periods in a year are never added.
#pragma once

#include <map>
#include <string>

#include "core/money.h"
#include "core/status.h"
#include "csv/csv_reader.h"

namespace receipts::records {

// True when the header (already read) is a FederalAccountFunding file's.
bool IsFederalAccountFundingHeader(const CsvReader& csv);

// Every award's lifetime outlays, by upper-cased award_unique_key. Reads every row after the
// header; fails naming file, line and field on a missing column or a value that does not read.
Result<std::map<std::string, Cents>> ReadFederalAccountFunding(CsvReader* csv);

}  // namespace receipts::records
