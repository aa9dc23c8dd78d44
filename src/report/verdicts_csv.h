// verdicts.csv: one row per claim with its verdict, the measures behind it and the evidence.
#pragma once

#include <string>

#include "report/text_sink.h"
#include "verify/claim_result.h"

namespace receipts {

// The header row, without its line end.
inline constexpr const char* kVerdictsCsvHeader =
    "claim_id,kind,piid,agency,vendor,claimed_savings,claimed_value,award_key,verdict,"
    "ceiling_minus_obligated,deobligated,ceiling_reduced,obligated_not_outlaid,verified_savings,"
    "reason,evidence";

// The header then one row per claim in input order (results[i] belongs to claims[i]; a claim
// without a result is written as unverifiable with claim_id i + 1). Money is FormatDollars, an
// empty cell when unknown; evidence is joined with ';'; fields are quoted as CsvField does; every
// line ends with "\n".
std::string RenderVerdictsCsv(const VerifyRun& run);

// The same text, into `sink` as it is made (a drained sink never holds it whole).
void RenderVerdictsCsv(const VerifyRun& run, TextSink* sink);

}  // namespace receipts
