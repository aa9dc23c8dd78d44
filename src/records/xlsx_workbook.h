// An Office Open XML workbook (.xlsx) read as tables: every worksheet's cells as text, row by
// row, with no formatting, formulas or styles. GSA's Inventory of Owned and Leased Properties
// (IOLP) publishes its lease list this way; the reader knows nothing of leases.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "io/input_file.h"

namespace receipts::records {

struct XlsxSheet {
  std::string name;  // the sheet's name from xl/workbook.xml
  // Cell text per row, padded with "" to the row's last cell, by the cell reference's column
  // letters (A, B, …, AA): rows[i][0] is column A. A row holds at least one non-empty cell.
  std::vector<std::vector<std::string>> rows;
  // The sheet's own 1-based row number (the `r` attribute) of each row in `rows`, increasing.
  std::vector<std::size_t> row_numbers;
};

// True when `parts` (a decoded zip: InputPart names are "ARCHIVE:MEMBER", see io/input_file.h)
// hold a member named xl/workbook.xml (compared without regard to ASCII case, as OPC names are).
bool IsXlsxWorkbook(const std::vector<InputPart>& parts);

// Every worksheet in workbook order (workbook.xml <sheet name r:id> resolved through
// xl/_rels/workbook.xml.rels to its member, usually xl/worksheets/sheetN.xml; chart and dialog
// sheets are skipped), cells resolved: t="s" through xl/sharedStrings.xml (<si> with <t> or
// rich-text runs <r><t>, concatenated; phonetic runs <rPh> left out), t="inlineStr" (<is><t>),
// t="str"/"b"/"e"/"d" and numbers as their <v> text verbatim (a date is its serial number: see
// DateFromExcelSerial). Empty rows are kept out.
//
// Fails with Status::BadInput(name, 0 or row number, "sheet NAME cell REF" or member name, what)
// on: a missing workbook/sheet/sharedStrings member that is referenced, malformed XML (expat's
// error text, line and column) or a DTD, a shared-string index out of range, a bad cell
// reference, cells or rows out of order, more than 16384 columns or 1048576 rows (Excel's
// limits), and on inputs that would take far more memory than their bytes: more than 4 million
// shared strings, more than 256 MiB of cell text, or more blank cells padding gaps than 4 per
// cell written plus 4 million. `name` is the file name used in errors.
Result<std::vector<XlsxSheet>> ReadXlsxWorkbook(const std::string& name,
                                                const std::vector<InputPart>& parts);

// An Excel serial day number ("45800", "45800.5": the fraction is the time of day, dropped) as a
// date in the 1900 date system: serial 1 is 1900-01-01, 60 is Excel's fictitious 1900-02-29 and
// from 61 (1900-03-01) on serials are real days, so 45800 is 2025-05-23 and 2958465, Excel's
// last, 9999-12-31. Blank text is nullopt. Fails with Status::InvalidInput on anything else that
// is not a decimal number from 1 to 2958465, and on 60, which is no day.
Result<std::optional<Date>> DateFromExcelSerial(std::string_view text);

}  // namespace receipts::records
