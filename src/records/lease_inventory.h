// GSA's Inventory of Owned and Leased Properties (IOLP), leases sheet, as GSA publishes it: an
// XLSX workbook (records/xlsx_workbook.h) or a CSV export, with the 19 columns of
// `Location Code … Lease Number, Lease Effective Date, Lease Expiration Date, Real Property Asset
// type`, found by header name. Dates are Excel serial days in the workbook, text in a CSV.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/lease.h"
#include "core/status.h"
#include "io/input_file.h"

namespace receipts::records {

// True when `bytes` (a CSV) begin with an IOLP leases header.
bool LooksLikeLeaseInventoryCsv(std::string_view bytes);

// The publication date a file's name carries: GSA's "2025-5-23-iolp-leases.xlsx", or
// "2025-05-23_iolp_leases.xlsx"; nullopt when the name has none.
std::optional<Date> InventoryDateFromName(std::string_view path);

// Reads the leases sheet of a workbook (`parts` are its zip members) into `out`. `name` is the
// file, whose name gives the publication date. Fails naming file, sheet, row and field: no sheet
// with the leases header, no date in the name, a lease number missing, a square-foot figure or a
// date that does not read.
Status ReadLeaseWorkbook(const std::string& name, const std::vector<InputPart>& parts,
                         LeaseInventory* out);

// The same for a CSV export (plain bytes).
Status ReadLeaseCsv(const std::string& name, std::string_view bytes, LeaseInventory* out);

}  // namespace receipts::records
