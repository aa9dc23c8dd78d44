// `receipts vendor`: a vendor family by UEI (or the candidate families a name finds), what the
// records say it was paid and still holds, and the DOGE claims on its awards.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "jobs/award_claims.h"
#include "vendor/vendor_report.h"

namespace receipts {

struct VendorJob {
  std::string query;  // a UEI, a parent UEI or a name
  std::vector<std::string> record_inputs;
  std::string claims_file;   // optional: verified against the records
  std::string ledger;        // optional: its stored verdicts
  std::string matters_file;  // optional: open matters (vendor/matters.h)
  Date since;
};

// Reads every award of the inputs and answers the query. Errors: a UEI no row names, a name no
// vendor has, or the readers' own (file, line, field).
Result<VendorReport> RunVendorJob(const VendorJob& job);

}  // namespace receipts
