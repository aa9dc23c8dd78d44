// Claim identity across snapshots. DOGE publishes no stable id, so a claim's key is built from
// its published identifiers (doc/methodology.md, "Claim identity"):
//   contract  "contract:<agency id>:<PIID>"      (agency id from the FPDS link or agencyID column,
//                                                 else the agency name, upper-cased)
//   grant     "grant:<USAspending award id>"     (else "grant:fain:<FAIN>", "grant:uri:<URI>")
//   lease     "lease:<AGENCY>:<LOCATION>"        (upper-cased, spaces collapsed)
//   fallback  "<kind>:row:<16 hex>"              (SHA-256 of kind, agency, vendor, description
//                                                 and claimed value; rows with no identifier)
// The same key a second, third … time in one snapshot gets "#2", "#3" … in list order.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/claim.h"

namespace receipts {

// The key of one claim, before duplicates within its list are numbered.
std::string BaseClaimKey(const Claim& claim);

// One key per claim, in order, duplicates numbered "#2", "#3" … in list order.
std::vector<std::string> AssignClaimKeys(const std::vector<Claim>& claims);

// AssignClaimKeys one claim at a time, for a list read as a stream: remembers the base keys seen.
class ClaimKeyAssigner {
 public:
  // The key of the next claim of the list.
  std::string Next(const Claim& claim);

 private:
  std::unordered_map<std::string, int> seen_;
};

}  // namespace receipts
