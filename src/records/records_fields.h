// Cells of a record CSV turned into values: a required column's lookup, and money, date and count
// cells parsed with errors that name file, line and field. Shared by every record format.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/money.h"
#include "core/status.h"
#include "csv/csv_reader.h"

namespace receipts::records {

// The column called `name`, or "FILE:1: field 'NAME': missing column".
Result<int> RequireColumn(const CsvReader& csv, std::string_view name);

// "FILE:LINE: field 'NAME': what" about the current record's `column`.
Status CellError(const CsvReader& csv, int column, std::string_view what);

// The current record's cell at `column` (-1: absent column), trimmed.
std::string Text(const CsvReader& csv, int column);

// Money as stated: blank (or an absent column) is std::nullopt, not zero.
Status ReadMoney(const CsvReader& csv, int column, std::optional<Cents>* out);
// A per-action change: blank is no change, 0.
Status ReadChange(const CsvReader& csv, int column, Cents* out);
// Blank is std::nullopt.
Status ReadDate(const CsvReader& csv, int column, std::optional<Date>* out);
// A completion or ordering end date. FPDS holds typos such as "2207-06-22" (DOLF069423054's
// ultimateCompletionDate): a well-formed YYYY-MM-DD date whose year is outside 1900..2200 and that
// Date cannot hold is unknown (std::nullopt) rather than an error refusing the whole file.
Status ReadEndDate(const CsvReader& csv, int column, std::optional<Date>* out);
// A non-negative count such as numberOfOffersReceived ("7", "7.0"); blank is std::nullopt.
Status ReadCount(const CsvReader& csv, int column, std::optional<int>* out);

// The same two rules over text, for the readers whose cells are not CSV (ATOM, SAM.gov JSON);
// an error is the message alone, without file, line or field.
Result<std::optional<Date>> ParseEndDateText(std::string_view text);
Result<std::optional<int>> ParseCountText(std::string_view text);

// A USAspending key part: "-none-" / "-NONE-" mean blank.
std::string_view KeyPart(std::string_view part);

}  // namespace receipts::records
