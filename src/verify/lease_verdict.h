// Leases: a listing ("CITY, ST", square feet, annual value, savings) against GSA's lease
// inventories (IOLP). The record shows whether the lease exists, how much term was left, whether
// it was expiring anyway and whether it later left the inventory; it has no rent, so the rent
// bound uses the listing's own annual value. Precedence in doc/methodology.md §6.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/award.h"
#include "core/claim.h"
#include "core/date.h"
#include "verify/claim_result.h"

namespace receipts {

// A termination DOGE listed takes effect about this long after the listing (GSA's notices set
// effective dates of June 30 – Sep 30 2025 for listings of Feb–Mar 2025; DOGE's own savings count
// from about six months out: grants-and-leases.md §1.3).
inline constexpr int kLeaseTerminationEffectMonths = 6;
// A lease due to expire within this many months of the claim was ending on its own schedule.
inline constexpr int kLeaseExpiringMonths = 12;

// "HAINES CITY, FL" → {"HAINES CITY", "FL"}: the last comma splits; both upper-cased. Empty
// when the text has no comma.
std::pair<std::string, std::string> SplitLeaseLocation(std::string_view location);

// Whole months from `from` to `to` (0 when `to` is not after `from`).
int MonthsBetween(Date from, Date to);

class LeaseVerifier {
 public:
  // `records` must outlive the verifier.
  explicit LeaseVerifier(const RecordSet& records);

  // Judges one lease claim into `r`.
  void Verify(const Claim& claim, ClaimResult* r);

 private:
  struct Presence {
    std::vector<const Lease*> by_inventory;  // one per inventory, null where absent
  };
  const RecordSet& records_;
  std::unordered_map<std::string, std::vector<std::string>> numbers_by_place_;  // city|st|rsf
  std::map<std::string, Presence> presence_;  // lease number → where it is listed
  std::map<std::string, std::size_t> first_claim_of_lease_;
};

}  // namespace receipts
