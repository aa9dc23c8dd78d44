#include "verify/measures.h"

#include <algorithm>

namespace receipts {

RecordRef ActionRef(const Award& award, const Action& action) {
  // Transaction 0 is a modification's only one, and not written.
  std::string transaction = action.transaction_number == "0" ? "" : action.transaction_number;
  return RecordRef{award.agency_id, award.piid, action.mod_number, std::move(transaction)};
}

AwardMeasures MeasureAward(const Award& award, Date since) {
  AwardMeasures m;
  Cents ceiling_since = 0;
  for (const Action& action : award.actions) {
    m.obligated += action.obligated;
    m.ceiling += action.base_and_all;
    m.base_and_exercised += action.base_and_exercised;
    bool after = action.signed_date && *action.signed_date >= since;
    if (after) {
      m.obligated_since += action.obligated;
      ceiling_since += action.base_and_all;
      if (action.obligated != 0 || action.base_and_all != 0 || action.base_and_exercised != 0) {
        m.actions_since.push_back(&action);
      }
      if (action.obligated < 0 && (m.largest_deobligation == nullptr ||
                                   action.obligated < m.largest_deobligation->obligated)) {
        m.largest_deobligation = &action;
      }
    } else if (action.current_completion_date) {
      m.end_before_since = action.current_completion_date;
    }
  }
  m.ceiling_minus_obligated = m.ceiling - m.obligated;
  m.deobligated = std::max<Cents>(0, -m.obligated_since);
  m.ceiling_reduced = std::max<Cents>(0, -ceiling_since);
  if (award.total_outlayed) m.obligated_not_outlaid = m.obligated - *award.total_outlayed;
  if (!award.actions.empty()) {
    m.latest = &award.actions.back();
    if (m.latest->total_obligated && *m.latest->total_obligated != m.obligated &&
        (*m.latest->total_obligated - m.obligated > 100 ||
         m.obligated - *m.latest->total_obligated > 100)) {
      m.stated_total_obligated = m.latest->total_obligated;
    }
  }
  return m;
}

}  // namespace receipts
