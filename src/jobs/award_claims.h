// The DOGE claims on a set of awards, each with its verdict: from a claims list verified here
// against the same records, or from a ledger's stored verifications. What `vendor` and `leads`
// set beside the record, so a family's or a lead's award shows what was claimed on it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/award.h"
#include "core/award_claim.h"
#include "core/date.h"
#include "core/money.h"
#include "core/status.h"
#include "ledger/ledger.h"

namespace receipts {

// Every claim with its verdict, in list order (a ledger's: by claim key). Exactly one of
// `claims_file` and `ledger` may be non-empty; both empty gives none. A claims list is verified
// against `records` (which must hold every award, read with RecordFilter::All); a ledger gives
// each claim's verdict from the latest verified snapshot that lists it.
Result<std::vector<AwardClaim>> ClaimsWithVerdicts(const std::string& claims_file,
                                                   const std::string& ledger,
                                                   const RecordSet& records, Date since);

// Every claim of `ledger`'s verified snapshots with the verdict of the latest verified snapshot
// listing it, by claim key.
Result<std::vector<AwardClaim>> ClaimsOfLedger(Ledger* ledger);

// The claims that matched an award, by award key.
std::map<std::string, std::vector<AwardClaim>> ClaimsByAward(const std::vector<AwardClaim>& claims);

}  // namespace receipts
