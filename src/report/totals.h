// Claim totals by verdict and by agency, added one claim at a time: the one place where the
// summary outputs (JSON, Markdown, report.html) and the dashboard total a list of claims.
#pragma once

#include <cstddef>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "verify/claim_result.h"

namespace receipts {

// Claims with one verdict. claimed sums the known claimed savings, verified the known verified
// savings; unknown figures add nothing.
struct VerdictTotals {
  Verdict verdict = Verdict::kUnverifiable;
  std::size_t count = 0;
  Cents claimed = 0;
  Cents verified = 0;
};

// Claims of one agency, named as published (trimmed; "" when the claim names none).
struct AgencyTotals {
  std::string agency;
  std::size_t count = 0;
  Cents claimed = 0;
  Cents verified = 0;
};

struct Totals {
  Cents claimed_total = 0;   // sum of the known claimed savings
  Cents verified_total = 0;  // sum of the known verified savings
  // In enum order: every verdict that applies to a kind of the claims added (contracts' when none
  // was added), even with no claims, and any other verdict a claim has.
  std::vector<VerdictTotals> by_verdict;
  std::vector<AgencyTotals> by_agency;  // claimed desc, then count desc, then name
};

class TotalsTally {
 public:
  // Adds one claim. `agency` is trimmed here. A claim with no `verdict` (not judged) counts in
  // the overall and agency totals only.
  void Add(ClaimKind kind, std::string_view agency, Cents claimed, std::optional<Verdict> verdict,
           Cents verified);

  // The totals of every claim added so far.
  Totals Finish() const;

 private:
  Totals totals_;
  VerdictTotals by_verdict_[kVerdictCount] = {};
  bool kinds_seen_[std::size(kAllClaimKinds)] = {};
  std::map<std::string, AgencyTotals, std::less<>> by_agency_;
};

}  // namespace receipts
