// How a verdict is shown to readers, in report.html and on the dashboard alike: its colour and
// what it means. One table for both, so the page and the dashboard never disagree.
#pragma once

#include <optional>
#include <string_view>

#include "verify/claim_result.h"

namespace receipts {

// "#2e7d32" (verified) …: the verdict's colour, for swatches and chart bars.
const char* VerdictColour(Verdict verdict);

// What each verdict means, in one short sentence (the legend of report.html and the dashboard).
const char* VerdictMeaning(Verdict verdict);

// "Not in the records", "Options cut only" …: the verdict as a reader reads it, in sentence
// case; pages show it and keep VerdictName in data attributes and exports.
const char* VerdictLabel(Verdict verdict);

}  // namespace receipts
