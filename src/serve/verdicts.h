// Verdicts by name, for display: what each means and the colour the dashboard gives it (the
// table in report/verdict_style.h, which report.html uses too).
#pragma once

#include <string>
#include <string_view>

namespace receipts::serve {

// VerdictMeaning for a verdict name; "" for anything else.
const char* VerdictMeaningOf(std::string_view name);

// VerdictLabel for a verdict name ("Not in the records"); "" for anything else.
const char* VerdictLabelOf(std::string_view name);

// VerdictLabelOf for a verdict name, or the name itself when it is none of ours.
std::string VerdictWords(std::string_view name);

// The CSS class of a verdict's colour swatch ("v-not_found"); "v-none" for anything else.
std::string VerdictClass(std::string_view name);

// "#2e7d32" …: a verdict's colour, for SVG fills; grey for anything else.
const char* VerdictColourOf(std::string_view name);

}  // namespace receipts::serve
