// published.csv: verdicts.csv for readers. One row per claim with what a reporter publishes as
// is: the claim as listed (description, status, date), the verdict as a code and as words, the
// measures, and the links to the record rows behind them. verdicts.csv keeps its exact columns
// (a contract); this file carries the rest.
#pragma once

#include <string>

#include "report/text_sink.h"
#include "verify/claim_result.h"

namespace receipts {

// The header row, without its line end.
inline constexpr const char* kPublishedCsvHeader =
    "claim_id,kind,identifier,agency,vendor,description,status,date,claimed_savings,"
    "claimed_value,verdict,verdict_label,verified_savings,ceiling_minus_obligated,deobligated,"
    "ceiling_reduced,obligated_not_outlaid,reason,evidence,usaspending_url,fpds_urls,"
    "published_link";

// The header then one row per claim in input order, money and quoting as in verdicts.csv;
// fpds_urls holds one FPDS link per FPDS row of the evidence, in its order, joined by ' '.
void RenderPublishedCsv(const VerifyRun& run, TextSink* sink);
std::string RenderPublishedCsv(const VerifyRun& run);

}  // namespace receipts
