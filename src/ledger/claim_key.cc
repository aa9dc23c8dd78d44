#include "ledger/claim_key.h"

#include <unordered_map>

#include "core/sha256.h"
#include "core/text.h"
#include "ledger/canonical.h"

namespace receipts {
namespace {

std::string NameKey(std::string_view name) { return ToUpperAscii(CollapseSpaces(name)); }

std::string FallbackKey(const Claim& claim) {
  std::string bytes;
  AppendNetstring(&bytes, ClaimKindName(claim.kind));
  AppendNetstring(&bytes, NameKey(claim.agency));
  AppendNetstring(&bytes, NameKey(claim.vendor));
  AppendNetstring(&bytes, CollapseSpaces(claim.description));
  AppendNetstring(&bytes, FormatDollars(claim.claimed_value));
  return std::string(ClaimKindName(claim.kind)) + ":row:" + Sha256Hex(bytes).substr(0, 16);
}

}  // namespace

std::string BaseClaimKey(const Claim& claim) {
  switch (claim.kind) {
    case ClaimKind::kContract:
      if (!claim.piid.empty()) {
        std::string agency = !claim.agency_id.empty() ? claim.agency_id : NameKey(claim.agency);
        return "contract:" + agency + ":" + claim.piid;
      }
      break;
    case ClaimKind::kGrant:
      if (!claim.award_id.empty()) return "grant:" + claim.award_id;
      if (!claim.fain.empty()) return "grant:fain:" + claim.fain;
      if (!claim.uri.empty()) return "grant:uri:" + claim.uri;
      break;
    case ClaimKind::kLease:
      if (!claim.location.empty()) {
        return "lease:" + NameKey(claim.agency) + ":" + NameKey(claim.location);
      }
      break;
  }
  return FallbackKey(claim);
}

std::vector<std::string> AssignClaimKeys(const std::vector<Claim>& claims) {
  std::vector<std::string> keys;
  keys.reserve(claims.size());
  ClaimKeyAssigner assigner;
  for (const Claim& claim : claims) keys.push_back(assigner.Next(claim));
  return keys;
}

std::string ClaimKeyAssigner::Next(const Claim& claim) {
  std::string key = BaseClaimKey(claim);
  int n = ++seen_[key];
  if (n > 1) key += "#" + std::to_string(n);
  return key;
}

}  // namespace receipts
