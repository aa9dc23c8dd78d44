#include "verify/measures.h"

#include <algorithm>

namespace receipts {

RecordRef ActionRef(const Award& award, const Action& action) {
  // Transaction 0 is a modification's only one, and not written.
  std::string transaction = action.transaction_number == "0" ? "" : action.transaction_number;
  return RecordRef{award.agency_id, award.piid, action.mod_number, std::move(transaction)};
}

// The correction `change` makes of a ceiling of `before`, if it is one: the ceiling left is
// `before` divided by 1,000 or 1,000,000, within 1% of what is left.
std::optional<CeilingCorrection> AsCorrection(Cents before, Cents change) {
  const Cents after = before + change;
  if (change >= 0 || after <= 0) return std::nullopt;
  for (long long factor : {1000LL, 1000000LL}) {
    if (before / factor < after / 2) continue;  // far from this factor: skip before multiplying
    const Cents scaled = after * factor;
    const Cents gap = scaled > before ? scaled - before : before - scaled;
    if (gap <= scaled / 100) return CeilingCorrection{nullptr, before, after, factor};
  }
  return std::nullopt;
}

AwardMeasures MeasureAward(const Award& award, Date since) {
  AwardMeasures m;
  Cents ceiling_since = 0;
  for (const Action& action : award.actions) {
    m.obligated += action.obligated;
    const Cents ceiling_before = m.ceiling;
    m.ceiling += action.base_and_all;
    m.base_and_exercised += action.base_and_exercised;
    bool after = action.signed_date && *action.signed_date >= since;
    if (after) {
      m.obligated_since += action.obligated;
      if (auto correction = AsCorrection(ceiling_before, action.base_and_all)) {
        correction->action = &action;
        m.ceiling_corrections.push_back(*correction);
      } else {
        ceiling_since += action.base_and_all;
      }
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
