// The shape every CSV of a verification run shares: the header line, then one row per claim
// with its result, each drained to the file as it is made.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "report/text_sink.h"
#include "verify/claim_result.h"

namespace receipts {

// The fields of one claim's row; empty to leave the claim out (leases.csv has leases only).
using RunCsvRow = std::function<std::vector<std::string>(const Claim&, const ClaimResult&)>;

// Writes `header`, then `row` of every claim of `run` in order. A claim with no result (a run cut
// short) is given an empty result carrying its 1-based id. `row_bytes` sizes the buffer.
void RenderRunCsv(const VerifyRun& run, std::string_view header, std::size_t row_bytes,
                  const RunCsvRow& row, TextSink* sink);

}  // namespace receipts
