// report.html: one self-contained page for readers of a run, opening offline from a file.
#pragma once

#include <string>

#include "report/claims_money.h"
#include "report/summary.h"
#include "report/text_sink.h"
#include "report/verdict_style.h"  // VerdictMeaning: the page's legend
#include "verify/claim_result.h"

namespace receipts {

inline constexpr std::size_t kHtmlChartAgencies = 15;

// The whole page: headline totals, the verdicts with their meanings, inline-SVG bar charts by
// verdict and by the top kHtmlChartAgencies agencies, the largest gaps, and a table of every
// claim (plain rows, readable without JS; a little inline JS filters and sorts it). Loads nothing:
// no external URL, no font, CSS and JS inline, and a Content-Security-Policy that forbids loads.
// Every datum is HTML-escaped. `summary` must be Summarize(run).
std::string RenderReportHtml(const VerifyRun& run, const Summary& summary);

// The same page, into `sink` as it is made (a drained sink never holds it whole).
// With `money` (may be null), a "Follow the money" section before the claims.
void RenderReportHtml(const VerifyRun& run, const Summary& summary, TextSink* sink,
                      const ClaimsMoney* money = nullptr);

}  // namespace receipts
