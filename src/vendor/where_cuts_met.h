// Where the cuts met the vendors: for each agency that pays a family, what DOGE claimed to cut
// at that agency (every claim there, counts and dollars by verdict), and the open matters against
// the family, from a user's sourced file. Context with its sources, never evidence of intent.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/award_claim.h"
#include "core/date.h"
#include "core/money.h"
#include "vendor/family_totals.h"
#include "vendor/matters.h"
#include "vendor/vendor_families.h"

namespace receipts {

inline constexpr const char* kCoOccurrenceNote =
    "Money, cuts and open matters at the same agency are set side by side as context, each with "
    "its source. Co-occurrence is not evidence of intent, of influence or of wrongdoing.";

struct FamilyMatter {
  Matter matter;
  std::string named_by;  // "uei" or "name" (MatterNamesFamily)
  bool agency_pays_family = false;
  bool open_at_records_date = false;
};

struct AgencyCuts {
  std::string agency_id;
  std::string agency;  // as DOGE's list names it, when a claim there does
  Cents family_obligated = 0;
  std::size_t claims = 0;  // every DOGE claim at the agency, not only the family's
  Cents claimed = 0;
  Cents verified = 0;
  std::map<std::string, std::size_t> verdicts;  // verdict name → claims
  std::size_t family_claims = 0;                // of those, on the family's awards
  std::vector<FamilyMatter> matters;            // against the family at this agency
};

struct WhereCutsMet {
  std::vector<AgencyCuts> agencies;   // the agencies that pay the family, most paid first
  std::vector<FamilyMatter> matters;  // every matter against the family, file order
};

// `claims`: every claim of the list or ledger given (ClaimsBeside::WithVerdicts); `as_of`: the
// records' date, when matters are judged open.
WhereCutsMet FindWhereCutsMet(const VendorFamily& family, const FamilyTotals& totals,
                              const std::vector<AwardClaim>& claims,
                              const std::vector<Matter>& matters, std::optional<Date> as_of);

}  // namespace receipts
