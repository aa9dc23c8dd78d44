// One grant on an agency's own list of terminated grants (HHS's TAGGS list, NSF's export): what
// the agency says it terminated and, for HHS, what had been spent and was left at termination.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/money.h"

namespace receipts {

struct GrantTermination {
  std::string list;                // "HHS" or "NSF": whose list
  std::string fain;                // upper-cased: HHS `fain`, NSF `Award ID`
  std::string office;              // HHS `awarding_office` (NIH, CDC, …), NSF `Directorate`
  std::string recipient;           // as listed
  std::optional<Date> terminated;  // HHS `date_terminated`; NSF's list gives none per award
  std::optional<Date> list_date;   // NSF's "Date of export"; HHS's list gives none
  // Summed over the list's rows for this FAIN (HHS lists each budget period of a grant on its own
  // row, `award_num`). A figure blank on any of its rows is unknown for the grant (HHS leaves
  // some cells blank), never read as zero.
  std::optional<Cents> obligated;
  std::optional<Cents> expended;      // HHS `amt_expended`; NSF gives none
  std::optional<Cents> unliquidated;  // HHS `amt_unliquidated`: obligated and not spent
  // The list rows behind the figures: agency id "HHS" or "NSF", the FAIN, and the row's own
  // award number (HHS `award_num`) or line.
  std::vector<RecordRef> rows;
  std::string source_file;
  std::size_t source_line = 0;  // the first row's
};

}  // namespace receipts
