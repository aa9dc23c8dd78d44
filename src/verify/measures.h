// The named savings measures of one award, computed from its per-action changes. FPDS's
// cumulative total* fields are inconsistent on real rows, so they are only cross-checked here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/award.h"
#include "core/date.h"
#include "core/ids.h"
#include "core/money.h"

namespace receipts {

// A ceiling cut that divides the ceiling in force by 1,000 or 1,000,000 (within 1%): a data
// correction of a unit typo ($8B entered for $8M), not options given up. ICE's
// 70CMSD22A00000008 is the case reporters debunked: $8,000,000,000 cut to $8,000,000 on P00001.
struct CeilingCorrection {
  const Action* action = nullptr;
  Cents before = 0;      // the ceiling in force before the action
  Cents after = 0;       // the ceiling the action left
  long long factor = 0;  // 1000 or 1000000
};

struct AwardMeasures {
  Cents obligated = 0;                // Σ obligated, all actions
  Cents ceiling = 0;                  // Σ base-and-all-options changes, all actions
  Cents base_and_exercised = 0;       // Σ base-and-exercised changes, all actions
  Cents ceiling_minus_obligated = 0;  // ceiling − obligated: DOGE's own formula
  Cents obligated_since = 0;          // Σ obligated on actions signed on or after `since`
  Cents deobligated = 0;              // max(0, −obligated_since)
  Cents ceiling_reduced = 0;  // max(0, −Σ base-and-all changes since), corrections left out
  std::vector<CeilingCorrection> ceiling_corrections;  // since `since`, in action order
  std::optional<Cents> obligated_not_outlaid;  // obligated − outlays, when outlays are known
  std::optional<Date> end_before_since;        // completion date in force before `since`
  std::vector<const Action*> actions_since;    // actions signed on or after `since` that move money
  const Action* largest_deobligation = nullptr;  // the most negative obligation since, if any
  const Action* latest = nullptr;                // the last action of the award
  // Set when the latest action's stated cumulative total disagrees with the sum of changes.
  std::optional<Cents> stated_total_obligated;
};

// `award` must outlive the result (it points at its actions).
AwardMeasures MeasureAward(const Award& award, Date since);

// The reference of one action of `award` ("9300/93310023P0021/A00003").
RecordRef ActionRef(const Award& award, const Action& action);

}  // namespace receipts
