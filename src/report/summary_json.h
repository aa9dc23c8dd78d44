// summary.json: the Summary for machines. Money is a string of dollars ("1234.56") so that no
// float parser ever touches it, with the exact integer cents alongside where totals are given.
#pragma once

#include <string>

#include "report/summary.h"

namespace receipts {

// {"claims": N, "claimed_total": "D.DD", "claimed_total_cents": N, "verified_total": "D.DD",
//  "verified_total_cents": N,
//  "by_verdict": {"<verdict>": {"count", "claimed", "verified", "claimed_cents",
//  "verified_cents"}, ... every verdict in enum order},
//  "by_agency": [{"agency", "count", "claimed", "verified"}, ...],
//  "records_as_of": "YYYY-MM-DD" | null, "since": "YYYY-MM-DD"}
// Ends with "\n".
std::string RenderSummaryJson(const Summary& summary);

}  // namespace receipts
