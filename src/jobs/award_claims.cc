#include "jobs/award_claims.h"

#include <filesystem>

#include "claims/claims_reader.h"
#include "jobs/claims_input.h"
#include "ledger/claim_key.h"
#include "ledger/ledger.h"
#include "ledger/verdict_reads.h"
#include "verify/verifier.h"

namespace receipts {
namespace {

Result<std::vector<AwardClaim>> VerifiedClaims(const std::string& path,
                                               const std::vector<Claim>& claims,
                                               const RecordSet& records, Date since) {
  const std::vector<ClaimResult> results = VerifyClaims(claims, records, VerifyOptions{since});
  const std::vector<std::string> keys = AssignClaimKeys(claims);
  const std::string name = std::filesystem::path(path).filename().string();
  std::vector<AwardClaim> out;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const ClaimResult& r = results[i];
    out.push_back({keys[i], VerdictName(r.verdict), r.award_key, claims[i].agency_id,
                   claims[i].agency, claims[i].claimed_savings, r.verified_savings, name});
  }
  return out;
}

Result<std::vector<AwardClaim>> FromLedger(const std::string& path) {
  auto ledger = Ledger::OpenReadOnly(path);
  if (!ledger.ok()) return ledger.status();
  return ClaimsOfLedger(ledger->get());
}

}  // namespace

Result<std::vector<AwardClaim>> ClaimsOfLedger(Ledger* ledger) {
  auto verified = VerifiedSnapshotIds(ledger->db());
  if (!verified.ok()) return verified.status();
  auto snapshots = ledger->Snapshots();
  if (!snapshots.ok()) return snapshots.status();
  // Latest verified snapshot first: a claim keeps the verdict of the latest one listing it.
  std::map<std::string, AwardClaim> by_claim;
  for (auto id = verified->rbegin(); id != verified->rend(); ++id) {
    auto verdicts = VerdictsOfSnapshot(ledger, *id);
    if (!verdicts.ok()) return verdicts.status();
    auto claims = ledger->Claims(*id, /*with_raw=*/false);
    if (!claims.ok()) return claims.status();
    std::string listed = "snapshot " + std::to_string(*id);
    for (const SnapshotInfo& s : *snapshots) {
      if (s.id == *id) listed += " (" + s.as_of + ")";
    }
    for (const LedgerClaim& c : *claims) {
      auto v = verdicts->find(c.seq);
      if (v == verdicts->end() || by_claim.count(c.key)) continue;
      by_claim.emplace(
          c.key, AwardClaim{c.key, v->second.verdict, v->second.award_key, c.agency_id, c.agency,
                            c.claimed_savings, v->second.verified_savings, listed});
    }
  }
  std::vector<AwardClaim> out;
  for (auto& [key, claim] : by_claim) out.push_back(std::move(claim));
  return out;
}

Result<ClaimsBeside> ClaimsBeside::Open(const std::string& claims_file, const std::string& ledger) {
  if (!claims_file.empty() && !ledger.empty()) {
    return Status::Usage("give --claims or --ledger, not both");
  }
  ClaimsBeside beside;
  beside.claims_file_ = claims_file;
  beside.ledger_ = ledger;
  if (claims_file.empty()) return beside;
  if (Status s = CheckClaimsFile(claims_file); !s.ok()) return s;
  Status read = StreamClaimsFile(claims_file, std::nullopt, [&beside](Claim&& claim) {
    beside.claims_.push_back(std::move(claim));
    return Status::Ok();
  });
  if (!read.ok()) return read;
  beside.wanted_ = RecordFilter::ForClaims(beside.claims_);
  return beside;
}

Result<std::vector<AwardClaim>> ClaimsBeside::WithVerdicts(const RecordSet& records,
                                                           Date since) const {
  if (!claims_file_.empty()) return VerifiedClaims(claims_file_, claims_, records, since);
  if (!ledger_.empty()) return FromLedger(ledger_);
  return std::vector<AwardClaim>{};
}

std::map<std::string, std::vector<AwardClaim>> ClaimsByAward(
    const std::vector<AwardClaim>& claims) {
  std::map<std::string, std::vector<AwardClaim>> out;
  for (const AwardClaim& claim : claims) {
    if (!claim.award_key.empty()) out[claim.award_key].push_back(claim);
  }
  return out;
}

}  // namespace receipts
