// leases.csv: one row per lease claim with the lease-only measures (doc/formats.md).
#pragma once

#include <string>

#include "report/text_sink.h"
#include "verify/claim_result.h"

namespace receipts {

// The header row, without its line end.
inline constexpr const char* kLeasesCsvHeader =
    "claim_id,location,square_feet,claimed_savings,claimed_value,verdict,lease_numbers,"
    "match_rule,expiration,months_remaining,rent_bound,last_present,first_absent,"
    "verified_savings";

// The header then one row per lease claim of `run`, in input order. lease_numbers are joined
// with ';'; dates are ISO; money FormatDollars; unknown cells are empty. Written (header only)
// when the run has no leases, so an output directory always has the same files.
void RenderLeasesCsv(const VerifyRun& run, TextSink* sink);
std::string RenderLeasesCsv(const VerifyRun& run);

}  // namespace receipts
