// What `receipts vendor` answers: one family with its totals and the claims on its awards, or the
// candidate families a name found (report/vendor_render.h writes it as text, CSV or JSON).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/award_claim.h"
#include "core/date.h"
#include "vendor/family_totals.h"
#include "vendor/vendor_families.h"
#include "vendor/where_cuts_met.h"

namespace receipts {

struct VendorReport {
  std::string query;
  bool by_uei = false;  // a family; else `candidates`
  VendorFamily family;
  FamilyTotals totals;
  std::vector<AwardClaim> claims;  // on the family's awards, by claim key
  // With --claims or --ledger and/or --matters: the family's agencies beside DOGE's cuts there
  // and the open matters against it.
  bool with_claims = false;
  bool with_matters = false;
  WhereCutsMet context;
  std::vector<VendorFamily> candidates;  // most obligated first
  std::optional<Date> records_as_of;
  Date since;
  std::size_t record_actions = 0;
};

}  // namespace receipts
