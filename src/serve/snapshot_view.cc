#include "serve/snapshot_view.h"

#include "core/text.h"
#include "jobs/award_claims.h"
#include "verify/claim_result.h"

namespace receipts::serve {

Result<SnapshotView> LoadSnapshotView(Ledger* ledger, const SnapshotInfo& snapshot) {
  SnapshotView view;
  view.snapshot = snapshot;
  auto claims = ledger->Claims(snapshot.id, /*with_raw=*/false);
  if (!claims.ok()) return claims.status();
  view.rows.reserve(claims->size());
  for (LedgerClaim& claim : *claims) view.rows.push_back({std::move(claim), std::nullopt, ""});

  auto ran_at = VerificationTime(ledger, snapshot.id);
  if (!ran_at.ok()) return ran_at.status();
  if (ran_at->has_value()) {
    view.verified = true;
    view.verified_at = **ran_at;
  }
  auto verdicts = VerdictsOfSnapshot(ledger, snapshot.id);
  if (!verdicts.ok()) return verdicts.status();
  for (auto& [seq, verdict] : *verdicts) {
    if (seq < 1 || seq > static_cast<std::int64_t>(view.rows.size())) continue;
    view.rows[seq - 1].verdict = std::move(verdict);
  }

  for (ClaimRow& row : view.rows) {
    const LedgerClaim& c = row.claim;
    row.search_text =
        ToLowerAscii(c.key + "\n" + c.piid + "\n" + c.award_id + "\n" + c.fain + "\n" + c.agency +
                     "\n" + c.vendor + "\n" + c.description + "\n" + c.location + "\n" + c.status);
    if (row.verdict) {
      row.search_text += ToLowerAscii("\n" + row.verdict->verdict + "\n" + row.verdict->reason +
                                      "\n" + row.verdict->award_key);
    }
  }

  TotalsTally tally;
  for (const ClaimRow& row : view.rows) {
    std::optional<Verdict> verdict;
    if (row.verdict) verdict = VerdictNamed(row.verdict->verdict);
    tally.Add(ClaimKindNamed(row.claim.kind).value_or(ClaimKind::kContract), row.claim.agency,
              row.claim.claimed_savings.value_or(0), verdict,
              row.verdict ? row.verdict->verified_savings.value_or(0) : 0);
  }
  Totals totals = tally.Finish();
  view.claimed_total = totals.claimed_total;
  if (view.verified) {
    view.verified_total = totals.verified_total;
    view.by_verdict = std::move(totals.by_verdict);
  }
  view.by_agency = std::move(totals.by_agency);
  return view;
}

Result<std::shared_ptr<const SnapshotView>> ViewCache::Get(Ledger* ledger,
                                                           const SnapshotInfo& snapshot,
                                                           const std::string& version) {
  {
    std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->id == snapshot.id && it->version == version) {
        entries_.splice(entries_.begin(), entries_, it);
        return entries_.front().view;
      }
    }
  }
  // Built outside the lock: two threads may build the same view once each; both are correct.
  auto view = LoadSnapshotView(ledger, snapshot);
  if (!view.ok()) return view.status();
  auto shared = std::make_shared<const SnapshotView>(std::move(*view));
  std::lock_guard lock(mutex_);
  entries_.push_front({snapshot.id, version, shared});
  while (entries_.size() > capacity_) entries_.pop_back();
  return std::shared_ptr<const SnapshotView>(shared);
}

Result<std::shared_ptr<const std::vector<AwardClaim>>> StoredClaimsCache::Get(
    Ledger* ledger, const std::string& version) {
  {
    std::lock_guard lock(mutex_);
    if (claims_ && version_ == version) return claims_;
  }
  // Read outside the lock, as a view is built.
  auto claims = ClaimsOfLedger(ledger);
  if (!claims.ok()) return claims.status();
  auto shared = std::make_shared<const std::vector<AwardClaim>>(std::move(*claims));
  std::lock_guard lock(mutex_);
  version_ = version;
  claims_ = shared;
  return std::shared_ptr<const std::vector<AwardClaim>>(shared);
}

}  // namespace receipts::serve
