// Finds the award a claim names: contracts by (agency id, PIID), else by PIID alone, keeping
// awards and IDVs (BPAs, IDIQs) apart; grants by FAIN or URI. A claim that cannot be matched says
// why.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/award.h"
#include "core/claim.h"

namespace receipts {

struct AwardMatch {
  const Award* award = nullptr;  // null when not matched
  bool has_identifier = false;   // false: the claim carries nothing to match on
  std::string method;            // how it matched, e.g. "agency id and PIID"
  std::string why_not;           // when not matched: a plain sentence
};

class AwardIndex {
 public:
  // `records` must outlive the index and stay unchanged.
  explicit AwardIndex(const RecordSet& records);

  AwardMatch Match(const Claim& claim) const;

 private:
  AwardMatch MatchContract(const Claim& claim) const;
  AwardMatch MatchGrant(const Claim& claim) const;
  // Several awards share the claim's PIID: the one to the listed vendor, else no match.
  AwardMatch MatchAmongSharedPiid(const Claim& claim, const std::vector<const Award*>& candidates,
                                  const std::string& how) const;
  // Awards of `family` with this PIID (or FAIN/URI), in record order.
  const std::vector<const Award*>* Find(AwardFamily family, std::string_view id) const;

  const RecordSet& records_;
  std::unordered_map<std::string, std::vector<const Award*>> by_family_and_id_;
};

}  // namespace receipts
