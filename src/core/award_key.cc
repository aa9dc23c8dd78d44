#include "core/award_key.h"

#include "core/text.h"

namespace receipts {
namespace {

std::string Part(const std::string& text) {
  std::string upper = ToUpperAscii(Trim(text));
  return upper.empty() ? "-NONE-" : upper;
}

bool IsIdv(const Claim& claim) { return ToUpperAscii(claim.contract_type) == "IDV"; }

}  // namespace

std::string AwardKeyForClaim(const Claim& claim) {
  switch (claim.kind) {
    case ClaimKind::kContract:
      if (Trim(claim.piid).empty()) return "";
      if (IsIdv(claim)) return "CONT_IDV_" + Part(claim.piid) + "_" + Part(claim.agency_id);
      return "CONT_AWD_" + Part(claim.piid) + "_" + Part(claim.agency_id) + "_" +
             Part(claim.idv_piid) + "_" + Part(claim.idv_agency_id);
    case ClaimKind::kGrant: {
      std::string id = ToUpperAscii(Trim(claim.award_id));
      if (id.starts_with("ASST_")) return id;
      if (!Trim(claim.fain).empty()) return "ASST_NON_" + Part(claim.fain) + "_-NONE-";
      if (!Trim(claim.uri).empty()) return "ASST_AGG_" + Part(claim.uri) + "_-NONE-";
      return "";
    }
    case ClaimKind::kLease:
      return "";
  }
  return "";
}

}  // namespace receipts
