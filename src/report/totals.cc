#include "report/totals.h"

#include <algorithm>

#include "core/text.h"

namespace receipts {

void TotalsTally::Add(ClaimKind kind, std::string_view agency, Cents claimed,
                      std::optional<Verdict> verdict, Cents verified) {
  kinds_seen_[static_cast<std::size_t>(kind)] = true;
  totals_.claimed_total += claimed;
  totals_.verified_total += verified;
  if (verdict) {
    VerdictTotals& v = by_verdict_[static_cast<int>(*verdict)];
    ++v.count;
    v.claimed += claimed;
    v.verified += verified;
  }
  std::string_view name = Trim(agency);
  auto it = by_agency_.find(name);
  if (it == by_agency_.end()) {
    it = by_agency_.emplace(std::string(name), AgencyTotals{std::string(name), 0, 0, 0}).first;
  }
  ++it->second.count;
  it->second.claimed += claimed;
  it->second.verified += verified;
}

Totals TotalsTally::Finish() const {
  Totals out = totals_;
  bool any_kind = false;
  for (bool seen : kinds_seen_) any_kind = any_kind || seen;
  for (int v = 0; v < kVerdictCount; ++v) {
    const Verdict verdict = static_cast<Verdict>(v);
    bool listed = by_verdict_[v].count > 0;
    for (ClaimKind kind : kAllClaimKinds) {
      const bool seen =
          any_kind ? kinds_seen_[static_cast<std::size_t>(kind)] : kind == ClaimKind::kContract;
      listed = listed || (seen && VerdictAppliesTo(verdict, kind));
    }
    if (!listed) continue;
    VerdictTotals totals = by_verdict_[v];
    totals.verdict = verdict;
    out.by_verdict.push_back(totals);
  }
  for (const auto& [name, agency] : by_agency_) out.by_agency.push_back(agency);
  // stable: equal figures keep the map's ascending names.
  std::stable_sort(out.by_agency.begin(), out.by_agency.end(),
                   [](const AgencyTotals& a, const AgencyTotals& b) {
                     if (a.claimed != b.claimed) return a.claimed > b.claimed;
                     return a.count > b.count;
                   });
  return out;
}

}  // namespace receipts
