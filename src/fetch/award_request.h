// What a record fetcher asks for: one award per distinct key (core/award_key.h), with the claims
// that name it. A key the source does not know is searched for by PIID or FAIN.
#pragma once

#include <string>
#include <vector>

#include "core/award.h"
#include "core/claim.h"

namespace receipts {

struct AwardRequest {
  std::string key;  // as built from the claim
  AwardFamily family = AwardFamily::kContract;
  std::string id;                   // the PIID or FAIN, for a search when the key is unknown
  std::string agency;               // the claim's agency id ("" when unknown): picks among results
  std::string idv_piid;             // the parent IDV's PIID, for SAM.gov's referencedIdvPiid
  std::vector<std::string> claims;  // the claim keys it serves, in list order
};

// One request per distinct key, in the order of the first claim that names it. `claim_keys`
// holds the claims' ledger keys, parallel to `claims`. Claims that name no award are left out.
std::vector<AwardRequest> AwardRequestsForClaims(const std::vector<Claim>& claims,
                                                 const std::vector<std::string>& claim_keys);

}  // namespace receipts
