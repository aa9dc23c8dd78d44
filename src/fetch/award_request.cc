#include "fetch/award_request.h"

#include <unordered_map>

#include "core/award_key.h"
#include "core/text.h"

namespace receipts {
namespace {

bool IsIdv(const Claim& claim) { return ToUpperAscii(claim.contract_type) == "IDV"; }

}  // namespace

std::vector<AwardRequest> AwardRequestsForClaims(const std::vector<Claim>& claims,
                                                 const std::vector<std::string>& claim_keys) {
  std::vector<AwardRequest> out;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& claim = claims[i];
    std::string key = AwardKeyForClaim(claim);
    if (key.empty()) continue;
    auto [it, inserted] = index.try_emplace(key, out.size());
    if (inserted) {
      AwardRequest request;
      request.key = key;
      if (claim.kind == ClaimKind::kGrant) {
        request.family = AwardFamily::kAssistance;
        request.id = ToUpperAscii(Trim(!claim.fain.empty() ? claim.fain : claim.uri));
        if (request.id.empty()) {
          // ASST_NON_{FAIN}_{agency}: the FAIN is the third part.
          std::string_view rest = std::string_view(key).substr(9);
          request.id = std::string(rest.substr(0, rest.rfind('_')));
        }
      } else {
        request.family = IsIdv(claim) ? AwardFamily::kIdv : AwardFamily::kContract;
        request.id = ToUpperAscii(Trim(claim.piid));
        request.agency = ToUpperAscii(Trim(claim.agency_id));
        request.idv_piid = ToUpperAscii(Trim(claim.idv_piid));
      }
      out.push_back(std::move(request));
    }
    if (i < claim_keys.size()) out[it->second].claims.push_back(claim_keys[i]);
  }
  return out;
}

}  // namespace receipts
