// `receipts history` for people: every version of a claim, one line per snapshot.
#pragma once

#include <string>
#include <vector>

#include "ledger/history.h"

namespace receipts {

// Per claim: its key, then one line per snapshot ("listed" with every non-blank field the first
// time, "changed" with each changed field as "old -> new", "unchanged", "gone", "back"), where
// absences after the first "gone" are not repeated.
std::string RenderHistories(const std::vector<ClaimHistory>& histories);

}  // namespace receipts
