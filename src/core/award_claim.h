// A DOGE claim on an award, with the verdict it was given: what `vendor` and `leads` set beside
// the record (jobs/award_claims.h gathers them).
#pragma once

#include <optional>
#include <string>

#include "core/money.h"

namespace receipts {

struct AwardClaim {
  std::string claim_key;  // ledger/claim_key.h
  std::string verdict;    // VerdictName
  std::string award_key;  // "" when no award matched
  std::string agency_id;  // FPDS agencyID of the claim (its link or column); "" when unknown
  std::string agency;     // as the list names it
  std::optional<Cents> claimed_savings;
  std::optional<Cents> verified_savings;
  std::string listed;  // "snapshot 4 (2025-02-19T10:50:00Z)" or the claims file's name
};

}  // namespace receipts
