// `receipts report --ledger L --out DIR`: DIR/report.html, one self-contained page (inline CSS
// and SVG, nothing loaded from the network) showing the claimed total per snapshot over time,
// what each snapshot added, removed and changed, and the claims taken down or revised.
#pragma once

#include <string>

#include "core/status.h"
#include "ledger/ledger.h"
#include "ledger/timeline.h"

namespace receipts {

// At most this many removed (and revised) claims are listed; the totals cover all of them.
inline constexpr std::size_t kReportClaimRows = 500;

// `checkpoint`: the transparency log's checkpoint note (LogCheckpointNote), shown whole so a
// reader can keep it and check proofs and the ledger against it later.
std::string RenderLedgerReportHtml(const LedgerTimeline& timeline, const std::string& ledger_name,
                                   const std::string& checkpoint);

// Builds the timeline and writes DIR/report.html atomically.
Status WriteLedgerReport(Ledger* ledger, const std::string& dir);

}  // namespace receipts
