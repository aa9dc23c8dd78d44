// The few lines `receipts verify` prints: what was checked and what the record supports.
#pragma once

#include <string>

#include "report/summary.h"

namespace receipts {

// "N claims ($X claimed) were listed after the records end (YYYY-MM-DD): fetch newer records to
// check them", without a full stop; "" when no claim is after_records.
std::string AfterRecordsNote(const Summary& summary);

// "read leniently: N unreadable values left unknown (FILE: date 3, update_date 1; FILE2: …)",
// without a full stop; "" when every value was read.
std::string LenientNote(const Summary& summary);

// "records also: 3,739 grants on agencies' termination lists; 3 GSA lease inventories
// (2025-05-23, …)": what the records held besides actions; "" when nothing.
std::string OtherRecordsNote(const Summary& summary);

// "grants: 15,887 claims, claimed $X, verified $Y (Z%); verdicts: …", or "…, claimed $X, not
// checked: the records given hold no grants (…)" when none were given.
std::string KindHeadline(const KindTotals& kind);

// "5,356 claims … claimed $X, verified $Y (Z%) … verdicts … report: DIR/report.html"; when some
// claims are after_records, a line before the report's says how many were listed after the
// records end, so they are not read as unverified; another says how many values were read
// leniently (LenientNote), when any were. A run of several kinds adds a KindHeadline per kind; a
// run of one kind whose records were not given says "verified  not checked: …".
std::string RenderHeadline(const Summary& summary, std::size_t record_actions,
                           const std::string& out_dir);

}  // namespace receipts
