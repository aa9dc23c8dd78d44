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
#include "records/record_filter.h"

namespace receipts {

// The claims a job sets beside the record: a claims list, read before the records so that only
// the awards it names need be read for its verdicts, or a ledger's stored verdicts.
class ClaimsBeside {
 public:
  // Exactly one of `claims_file` and `ledger` may be non-empty; both empty gives no claims. A
  // claims list is read and checked here (its errors name file, line and field).
  static Result<ClaimsBeside> Open(const std::string& claims_file, const std::string& ledger);

  bool any() const { return !claims_file_.empty() || !ledger_.empty(); }
  // Whether WithVerdicts reads the records (a claims list does; a ledger's verdicts are stored).
  bool reads_records() const { return !claims_file_.empty(); }
  // The awards a claims list names (nothing for a ledger, whose verdicts are stored): what
  // WithVerdicts needs of the records besides what the job reads for itself.
  const RecordFilter& wanted() const { return wanted_; }

  // Every claim with its verdict, in list order (a ledger's: by claim key). A claims list is
  // verified against `records`, which must hold every award wanted() names; a ledger gives each
  // claim's verdict from the latest verified snapshot that lists it.
  Result<std::vector<AwardClaim>> WithVerdicts(const RecordSet& records, Date since) const;

 private:
  std::string claims_file_;
  std::string ledger_;
  std::vector<Claim> claims_;
  RecordFilter wanted_;
};

// Every claim of `ledger`'s verified snapshots with the verdict of the latest verified snapshot
// listing it, by claim key.
Result<std::vector<AwardClaim>> ClaimsOfLedger(Ledger* ledger);

// The claims that matched an award, by award key.
std::map<std::string, std::vector<AwardClaim>> ClaimsByAward(const std::vector<AwardClaim>& claims);

}  // namespace receipts
