// `receipts vendor`: a vendor family by UEI (or the candidate families a name finds), what the
// records say it was paid and still holds, and the DOGE claims on its awards.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "jobs/award_claims.h"
#include "jobs/record_inputs.h"
#include "vendor/vendor_report.h"

namespace receipts {

struct VendorJob {
  std::string query;  // a UEI, a parent UEI or a name
  std::vector<std::string> record_inputs;
  std::string claims_file;   // optional: verified against the records
  std::string ledger;        // optional: its stored verdicts
  std::string matters_file;  // optional: open matters (vendor/matters.h)
  Date since;
  // A name is looked for in parts of about this much CSV text (record_inputs.h PartsFor).
  std::uint64_t part_bytes = kPartBytes;
};

// Answers the query while streaming the records: memory follows the family (or the candidate
// families), not the files. A UEI takes three scans: its rows (which name its family's parent),
// the rows under that parent (which name the family's UEIs), then every row of those UEIs and
// the whole of the family's awards (and of the awards a claims list names). A name is looked for
// part by part, then its candidate families are read as a UEI's is. Errors: a UEI no row names,
// a name no vendor has, or the readers' own (file, line, field).
Result<VendorReport> RunVendorJob(const VendorJob& job);

}  // namespace receipts
