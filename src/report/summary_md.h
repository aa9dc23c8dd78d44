// summary.md: the Summary for people, as Markdown that reads well raw or rendered.
#pragma once

#include <string>

#include "report/summary.h"

namespace receipts {

inline constexpr std::size_t kMarkdownTopAgencies = 20;

// A headline (claims, claimed and verified totals in FormatUsd, verified as a share of claimed),
// a table by verdict, the top kMarkdownTopAgencies agencies by claimed savings, the largest gaps
// and the records-as-of and since dates. '|' in a cell is written "\|", line breaks as spaces.
std::string RenderSummaryMd(const Summary& summary);

}  // namespace receipts
