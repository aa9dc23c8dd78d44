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
  summary.termination_list_grants = run.termination_list_grants;
  summary.lease_inventory_dates = run.lease_inventory_dates;
  TotalsTally tally;
  TotalsTally kind_tallies[std::size(kAllClaimKinds)];
  std::size_t kind_claims[std::size(kAllClaimKinds)] = {};
  std::vector<SavingsGap> gaps;
  gaps.reserve(run.claims.size());
  const ClaimResult missing;
  for (std::size_t i = 0; i < run.claims.size(); ++i) {
    const Claim& claim = run.claims[i];
    const ClaimResult& result = i < run.results.size() ? run.results[i] : missing;
    Cents claimed = claim.claimed_savings.value_or(0);
    Cents verified = result.verified_savings.value_or(0);
    tally.Add(claim.kind, claim.agency, claimed, result.verdict, verified);
    kind_tallies[static_cast<std::size_t>(claim.kind)].Add(claim.kind, claim.agency, claimed,
                                                           result.verdict, verified);
    ++kind_claims[static_cast<std::size_t>(claim.kind)];

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
  for (ClaimKind kind : kAllClaimKinds) {
    const std::size_t k = static_cast<std::size_t>(kind);
    if (kind_claims[k] == 0) continue;
    Totals of_kind = kind_tallies[k].Finish();
    KindTotals kt;
    kt.kind = kind;
    kt.claims = kind_claims[k];
    kt.claimed = of_kind.claimed_total;
    kt.verified = of_kind.verified_total;
    kt.by_verdict = std::move(of_kind.by_verdict);
    kt.records_given = std::find(run.kinds_without_records.begin(), run.kinds_without_records.end(),
                                 kind) == run.kinds_without_records.end();
    summary.by_kind.push_back(std::move(kt));
  }

  // stable: equal gaps keep claim order.
  std::size_t keep = std::min(kLargestGapCount, gaps.size());
  std::stable_sort(gaps.begin(), gaps.end(),
                   [](const SavingsGap& a, const SavingsGap& b) { return a.gap > b.gap; });
  gaps.resize(keep);
  summary.largest_gaps = std::move(gaps);
  summary.lenient = CountLenient(run.claims);
  return summary;
}

std::string NoRecordsSentence(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kContract:
      return "not checked: the records given hold no contracts (pass FPDS or USAspending "
             "contract files with --records)";
    case ClaimKind::kGrant:
      return "not checked: the records given hold no grants (no agency termination list, no "
             "USAspending assistance award)";
    case ClaimKind::kLease:
      return "not checked: the records given hold no GSA lease inventory (IOLP)";
  }
  return "not checked";
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
