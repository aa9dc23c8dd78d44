// `receipts vendor`'s answer as text (for a terminal), CSV (the family's awards, or the
// candidates) and JSON (doc/formats.md, "Vendor families"). Money in JSON is a dollar string
// with two decimals and a *_cents twin; every figure names the record rows it sums.
#pragma once

#include <string>

#include "vendor/vendor_report.h"

namespace receipts {

std::string RenderVendorText(const VendorReport& report);
std::string RenderVendorCsv(const VendorReport& report);
std::string RenderVendorJson(const VendorReport& report);

}  // namespace receipts
