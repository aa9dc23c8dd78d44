#include "report/summary.h"

#include <algorithm>

#include "core/text.h"
#include "report/claim_identifier.h"

namespace receipts {
namespace {

std::vector<LenientCount> CountLenient(const std::vector<Claim>& claims) {
  std::vector<LenientCount> out;
  for (const Claim& claim : claims) {
    for (const std::string& field : claim.lenient_fields) {
      auto it = std::find_if(out.begin(), out.end(), [&](const LenientCount& c) {
        return c.input == claim.source_file && c.field == field;
      });
      if (it == out.end()) it = out.insert(out.end(), LenientCount{claim.source_file, field, 0});
      ++it->count;
    }
  }
  return out;
}

}  // namespace

Summary Summarize(const VerifyRun& run) {
  Summary summary;
  summary.claims = run.claims.size();
  summary.records_as_of = run.records_as_of;
  summary.since = run.since;
  TotalsTally tally;
  std::vector<SavingsGap> gaps;
  gaps.reserve(run.claims.size());
  const ClaimResult missing;
  for (std::size_t i = 0; i < run.claims.size(); ++i) {
    const Claim& claim = run.claims[i];
    const ClaimResult& result = i < run.results.size() ? run.results[i] : missing;
    Cents claimed = claim.claimed_savings.value_or(0);
    Cents verified = result.verified_savings.value_or(0);
    tally.Add(claim.agency, claimed, result.verdict, verified);

    if (result.verdict == Verdict::kAfterRecords) continue;
    SavingsGap gap;
    gap.claim_id = i < run.results.size() ? result.claim_id : i + 1;
    gap.identifier = ClaimIdentifier(claim);
    gap.agency = std::string(Trim(claim.agency));
    gap.claimed = claim.claimed_savings;
    gap.verified = result.verified_savings;
    gap.verdict = result.verdict;
    gap.gap = claimed - verified;
    gaps.push_back(std::move(gap));
  }

  Totals totals = tally.Finish();
  summary.claimed_total = totals.claimed_total;
  summary.verified_total = totals.verified_total;
  summary.by_verdict = std::move(totals.by_verdict);
  summary.by_agency = std::move(totals.by_agency);

  // stable: equal gaps keep claim order.
  std::size_t keep = std::min(kLargestGapCount, gaps.size());
  std::stable_sort(gaps.begin(), gaps.end(),
                   [](const SavingsGap& a, const SavingsGap& b) { return a.gap > b.gap; });
  gaps.resize(keep);
  summary.largest_gaps = std::move(gaps);
  summary.lenient = CountLenient(run.claims);
  return summary;
}

VerdictTotals TotalsOf(const Summary& summary, Verdict verdict) {
  for (const VerdictTotals& v : summary.by_verdict) {
    if (v.verdict == verdict) return v;
  }
  VerdictTotals none;
  none.verdict = verdict;
  return none;
}

}  // namespace receipts
