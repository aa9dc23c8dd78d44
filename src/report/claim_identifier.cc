#include "report/claim_identifier.h"

namespace receipts {

std::string ClaimIdentifier(const Claim& claim) {
  switch (claim.kind) {
    case ClaimKind::kContract:
      return claim.piid;
    case ClaimKind::kGrant:
      return claim.fain.empty() ? claim.award_id : claim.fain;
    case ClaimKind::kLease:
      return "";
  }
  return "";
}

}  // namespace receipts
