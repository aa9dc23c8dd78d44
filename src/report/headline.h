// The few lines `receipts verify` prints: what was checked and what the record supports.
#pragma once

#include <string>

#include "report/summary.h"

namespace receipts {

// "5,356 claims … claimed $X, verified $Y (Z%) … verdicts … report: DIR/report.html".
std::string RenderHeadline(const Summary& summary, std::size_t record_actions,
                           const std::string& out_dir);

}  // namespace receipts
