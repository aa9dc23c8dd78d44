// Verification: for every claim, the named measures, one verdict (precedence fixed in
// doc/methodology.md), a plain sentence with the figures, and the record keys behind them.
#pragma once

#include <vector>

#include "core/award.h"
#include "core/claim.h"
#include "core/date.h"
#include "verify/claim_result.h"

namespace receipts {

struct VerifyOptions {
  Date since;  // start of the period whose removals count (default 2025-01-20)
};

// The default --since: 2025-01-20, the day DOGE was established.
Date DefaultSince();

// One result per claim, in claim order. `records` must have been finished (FinishRecords).
std::vector<ClaimResult> VerifyClaims(const std::vector<Claim>& claims, const RecordSet& records,
                                      const VerifyOptions& options);

// The kinds of `claims` that `records` hold nothing to check against: contracts with no contract
// or IDV award read (nor skipped by a scan), grants with no assistance award and no termination
// list, leases with no lease inventory.
std::vector<ClaimKind> KindsWithoutRecords(const std::vector<Claim>& claims,
                                           const RecordSet& records);

}  // namespace receipts
