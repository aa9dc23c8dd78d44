// Grants: a claim's FAIN against the agencies' own termination lists (HHS's gives what was left
// unspent at termination; NSF's what was obligated) and USAspending assistance records
// (obligations, de-obligations, outlays). The precedence of its verdicts is in
// doc/methodology.md §5.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/award.h"
#include "core/claim.h"
#include "core/date.h"
#include "match/award_index.h"
#include "verify/claim_result.h"

namespace receipts {

class GrantVerifier {
 public:
  // `records` and `index` must outlive the verifier.
  GrantVerifier(const RecordSet& records, const AwardIndex& index, Date since);

  // Judges one grant claim into `r` and returns true; returns false, with `*match` saying why,
  // when the claim names no grant in the records (the caller tells not_found from after_records).
  bool Verify(const Claim& claim, ClaimResult* r, AwardMatch* match);

  // True when the records hold a USAspending assistance award (their dates then say how fresh
  // the grant records are). Found once, not per claim.
  bool has_assistance() const { return has_assistance_; }

 private:
  const RecordSet& records_;
  const AwardIndex& index_;
  Date since_;
  bool has_assistance_ = false;
  std::unordered_map<std::string, std::vector<const GrantTermination*>> by_fain_;
  std::map<std::string, std::size_t> lists_;  // list name → grants on it
  std::map<std::string, std::size_t> first_claim_of_grant_;
};

}  // namespace receipts
