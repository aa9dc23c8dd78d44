// The agencies' own lists of terminated grants, detected by their header:
//   - HHS (TAGGS `HHS_Grants_Terminated`): fain, award_num, date_terminated ("24mar2025"),
//     amt_obligated, amt_expended, amt_unliquidated, one row per budget period of a grant;
//   - NSF (`NSF-Terminated-Awards.csv`): Award ID, Directorate, Recipient, Title, Obligated
//     ("$44,434,393 "), Windows-1252 encoded, the header ending with "Date of export: 6/5/2025".
// Each list becomes one GrantTermination per FAIN, its rows summed and kept as references.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/grant_termination.h"
#include "core/status.h"

namespace receipts::records {

// True when `bytes` begin with the header of HHS's or NSF's list.
bool LooksLikeTerminationList(std::string_view bytes);

// Appends the list in `bytes` (read whole; Windows-1252 is read as such when the bytes are not
// UTF-8) to `out`. Fails naming file, line and field on a missing column, a blank FAIN or money
// or a date that does not read; `out` is then unchanged.
Status ReadTerminationList(const std::string& name, std::string_view bytes,
                           std::vector<GrantTermination>* out);

}  // namespace receipts::records
