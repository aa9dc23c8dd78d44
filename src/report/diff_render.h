// A snapshot diff for readers: CSV for tools and text for people (`receipts diff`, the API).
#pragma once

#include <string>
#include <vector>

#include "ledger/diff.h"

namespace receipts {

// The header of RenderDiffCsv, without its line end.
inline constexpr const char* kDiffCsvHeader = "change,kind,claim_key,field,old,new";

// The header, then for a changed claim one row per changed field; for an added or removed claim
// one row with `field` empty and the claimed savings in `new` (added) or `old` (removed). RFC
// 4180 quoting; every line ends with "\n".
std::string RenderDiffCsv(const SnapshotDiff& diff);

// For people: the counts and totals, then one block per changed, added or removed claim.
// `before_label` and `after_label` name the snapshots.
std::string RenderDiffText(const std::string& before_label, const std::string& after_label,
                           const SnapshotDiff& diff);

}  // namespace receipts
