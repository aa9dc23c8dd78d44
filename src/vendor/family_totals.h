// What the record says a vendor family was paid and what it still holds: net obligations by
// awarding agency and by fiscal year, de-obligations and terminations since a date, and the
// awards still open with the ceiling left on them. Every figure keeps the record keys it sums.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/award.h"
#include "core/award_claim.h"
#include "core/date.h"
#include "core/money.h"
#include "vendor/vendor_families.h"

namespace receipts {

// One action of the family, as evidence: "9300/93310023P0021/A00003" and its file:line.
struct FamilyAction {
  std::string award_key;
  std::string record;  // ActionRef
  std::string source;  // file name:line
  std::optional<Date> signed_date;
  Cents obligated = 0;
  std::string reason_code;
};

struct FamilyAward {
  std::string key;
  std::string agency_id;
  std::string piid;
  std::string uei;  // of its latest action
  bool idv = false;
  Cents obligated = 0;          // Σ obligated, all actions
  Cents ceiling = 0;            // Σ base-and-all-options changes, all actions
  std::optional<Date> end;      // the completion date in force after its latest action
  bool terminated = false;      // an E, F, N or X modification
  bool open = false;            // not terminated and ending on or after the records' date
  Cents remaining_ceiling = 0;  // max(0, ceiling − obligated) when open
};

struct AgencyObligations {
  std::string agency_id;
  Cents obligated = 0;
  std::size_t actions = 0;
  std::vector<std::string> award_keys;
};

struct YearObligations {
  int fiscal_year = 0;  // October to September, named by the year it ends
  Cents obligated = 0;
  std::size_t actions = 0;
};

struct FamilyTotals {
  Cents obligated = 0;  // net: de-obligations counted
  std::size_t actions = 0;
  std::vector<FamilyAward> awards;                // by key
  std::vector<AgencyObligations> by_agency;       // most obligated first
  std::vector<YearObligations> by_fiscal_year;    // oldest first
  Cents deobligated_since = 0;                    // Σ of negative obligations since (positive)
  std::vector<FamilyAction> deobligations_since;  // oldest first
  std::vector<FamilyAction> terminations_since;   // E, F, N, X modifications since
  Cents remaining_ceiling = 0;                    // Σ over open contracts and orders (not IDVs)
  std::size_t open_awards = 0;                    // contracts and orders
  // An IDV's ceiling limits the orders under it and is often shared by every holder of a
  // multiple-award vehicle: never money, so counted apart.
  Cents open_idv_ceiling = 0;
  std::size_t open_idvs = 0;
};

// The totals of `family` in `records`, counting each action recorded under its parent. `since`
// bounds the de-obligations and terminations; `as_of` (the records' date) tells which awards are
// still open.
FamilyTotals TotalsOf(const VendorFamily& family, const RecordSet& records, Date since,
                      std::optional<Date> as_of);

// The claims of `claims` on the family's awards (totals.awards), by claim key.
std::vector<AwardClaim> ClaimsOnFamily(const FamilyTotals& totals,
                                       const std::vector<AwardClaim>& claims);

// The fiscal year of `date`: 2025 for 2024-10-01 … 2025-09-30.
int FiscalYearOf(Date date);

// Whether a modification's reason code terminates or cancels the award (E, F, N, X).
bool IsTerminationReason(std::string_view code);

}  // namespace receipts
