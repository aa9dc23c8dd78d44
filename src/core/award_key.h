// The USAspending key of the award a claim names, built as USAspending's broker builds its keys
// (records.md §2.7, §3.7; domain.md §1.1):
//   contract  CONT_AWD_{PIID}_{agency}_{parent IDV PIID}_{parent IDV agency}
//   IDV       CONT_IDV_{PIID}_{agency}
//   grant     the ASST_NON_… id of the claim's USAspending link, else ASST_NON_{FAIN}_-NONE-
// upper case, blanks "-NONE-".
#pragma once

#include <string>

#include "core/claim.h"

namespace receipts {

// The key, or "" when the claim names no award (a lease, a contract without a PIID, a grant
// without a FAIN or award id).
std::string AwardKeyForClaim(const Claim& claim);

}  // namespace receipts
