// The one identifier a report shows for a claim, whatever its kind.
#pragma once

#include <string>

#include "core/claim.h"

namespace receipts {

// Contracts: the PIID. Grants: the FAIN, else the USAspending award id. Leases: "" (a lease is
// identified by its location, which reports show elsewhere).
std::string ClaimIdentifier(const Claim& claim);

}  // namespace receipts
