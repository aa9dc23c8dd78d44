#include "verify/verifier.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "core/award_key.h"
#include "match/award_index.h"
#include "verify/grant_verdict.h"
#include "verify/lease_verdict.h"
#include "verify/measures.h"

namespace receipts {
namespace {

constexpr std::size_t kMaxEvidence = 20;

Cents Abs(Cents c) { return c < 0 ? -c : c; }

// The tolerance within which a claim "equals" a record figure: max($1, 1% of the claim).
Cents Tolerance(Cents claimed) { return std::max<Cents>(100, Abs(claimed) / 100); }

bool Near(Cents a, Cents b) { return Abs(a - b) <= Tolerance(a); }

std::string DateText(const std::optional<Date>& date) { return date ? date->ToIso() : "undated"; }

std::string ActionText(const Action& action) {
  return fmt::format("{} ({})", action.mod_number, DateText(action.signed_date));
}

// The record figure the claim is a unit error of, if any: claim ≈ 10^3 or 10^6 × figure, while
// the claim itself matches no record figure.
struct UnitError {
  long long factor = 0;
  Cents figure = 0;
  const char* name = "";
};
std::optional<UnitError> FindUnitError(Cents claimed, const AwardMeasures& m) {
  if (claimed <= 0) return std::nullopt;
  const std::pair<Cents, const char*> figures[] = {
      {m.ceiling, "ceiling (base and all options)"},
      {m.obligated, "obligated total"},
      {m.base_and_exercised, "base and exercised options"},
      {m.ceiling_minus_obligated, "unused ceiling"},
      {m.deobligated, "de-obligated amount"},
  };
  for (const auto& [figure, name] : figures) {
    if (figure > 0 && Near(claimed, figure)) return std::nullopt;
  }
  for (long long factor : {1000LL, 1000000LL}) {
    for (const auto& [figure, name] : figures) {
      if (figure <= 0 || figure > claimed / (factor / 2)) continue;
      Cents scaled = figure * factor;
      if (Abs(claimed - scaled) <= claimed / 50) return UnitError{factor, figure, name};
    }
  }
  return std::nullopt;
}

// Sets r's evidence: the actions since that moved money (at most kMaxEvidence, the rest counted),
// else the latest action; and the modification DOGE linked to, when it is in the record.
void SetEvidence(const Award& award, const AwardMeasures& m, const Claim& claim, ClaimResult* r) {
  std::vector<RecordRef>& refs = r->evidence;
  refs.clear();
  for (const Action* action : m.actions_since) {
    if (refs.size() == kMaxEvidence) break;
    refs.push_back(ActionRef(award, *action));
  }
  r->evidence_left_out = m.actions_since.size() - refs.size();
  if (refs.empty() && m.latest != nullptr) refs.push_back(ActionRef(award, *m.latest));
  if (!claim.mod_number.empty()) {
    for (const Action& action : award.actions) {
      if (action.mod_number != claim.mod_number) continue;
      RecordRef ref = ActionRef(award, action);
      if (std::find(refs.begin(), refs.end(), ref) == refs.end()) refs.push_back(std::move(ref));
      break;
    }
  }
}

// Sentences that add context whatever the verdict.
std::string Context(const Award& award, const AwardMeasures& m, const Claim& claim, Date since) {
  std::string out;
  if (!claim.mod_number.empty()) {
    const Action* linked = nullptr;
    for (const Action& action : award.actions) {
      if (action.mod_number == claim.mod_number) linked = &action;
    }
    if (linked == nullptr) {
      out += fmt::format(" The linked modification {} is not in the record.", claim.mod_number);
    } else if (linked->signed_date && *linked->signed_date < since) {
      out += fmt::format(" The linked modification {} was signed {}, before {}.", claim.mod_number,
                         linked->signed_date->ToIso(), since.ToIso());
    }
  }
  for (const CeilingCorrection& c : m.ceiling_corrections) {
    out += fmt::format(
        " The record's {} ceiling was corrected to {} on {}: a {}x unit correction, not options "
        "given up, so it is not counted as a ceiling cut.",
        ShortUsd(c.before), ShortUsd(c.after), ActionText(*c.action),
        c.factor == 1000 ? "1,000" : "1,000,000");
  }
  if (award.conflicting_duplicates > 0) {
    out += fmt::format(
        " The record holds {} conflicting repeat(s) of this award's modifications (orders under "
        "different IDVs may share the PIID); the later rows were used.",
        award.conflicting_duplicates);
  }
  if (m.stated_total_obligated) {
    out += fmt::format(
        " FPDS's cumulative total obligated on the latest action ({}) disagrees with the sum of "
        "the actions ({}); the sum is used.",
        FormatUsd(*m.stated_total_obligated), FormatUsd(m.obligated));
  }
  return out;
}

std::string DeobligationText(const AwardMeasures& m) {
  if (m.largest_deobligation == nullptr) return "";
  if (m.actions_since.size() == 1) return " on " + ActionText(*m.largest_deobligation);
  return " (largest on " + ActionText(*m.largest_deobligation) + ")";
}

void Judge(const Claim& claim, const Award& award, const AwardMeasures& m, Date since,
           ClaimResult* r) {
  const Cents claimed = claim.claimed_savings.value_or(0);
  const std::string claimed_text =
      claim.claimed_savings ? "Claimed " + FormatUsd(claimed) : "No savings figure was published";
  const std::string since_text = since.ToIso();
  const Cents d = m.deobligated;
  const bool is_idv = award.family == AwardFamily::kIdv;
  const bool equals_unused_ceiling =
      claimed > 0 && m.ceiling_minus_obligated > 0 && Near(claimed, m.ceiling_minus_obligated);
  const std::string ceiling_note =
      equals_unused_ceiling ? " The claim equals the unused ceiling, not money returned." : "";

  if (claimed == 0 && d == 0) {
    r->verdict = Verdict::kZeroClaim;
    r->reason = fmt::format("{}; the record shows nothing de-obligated since {} either.",
                            claim.claimed_savings ? "Claimed $0.00" : claimed_text, since_text);
    if (m.ceiling_reduced > 0) {
      r->reason += fmt::format(" The ceiling was cut by {} (options that will not be exercised).",
                               FormatUsd(m.ceiling_reduced));
    }
    return;
  }
  if (auto unit = FindUnitError(claimed, m)) {
    r->verdict = Verdict::kUnitError;
    r->reason = fmt::format(
        "Claimed {}, about {} times the record's {} of {}: likely a unit error ({} listed as {}).",
        FormatUsd(claimed), unit->factor == 1000 ? "1,000" : "1,000,000", unit->name,
        FormatUsd(unit->figure), FormatUsd(unit->figure), FormatUsd(claimed));
    if (d > 0)
      r->reason +=
          fmt::format(" The record shows {} de-obligated since {}.", FormatUsd(d), since_text);
    return;
  }
  if (is_idv && claimed > 0 && d == 0 && m.obligated <= claimed / 10) {
    r->verdict = Verdict::kIdvCeiling;
    r->reason = fmt::format(
        "{} on an IDV (BPA or IDIQ) {} whose ceiling is {} but with {} obligated on it: an IDV "
        "ceiling is a limit on future orders, not money; orders placed under it are separate "
        "awards.",
        claimed_text, award.piid, FormatUsd(m.ceiling), FormatUsd(m.obligated));
    return;
  }
  if (d > 0) {
    const Cents tol = Tolerance(claimed);
    if (Abs(d - claimed) <= tol) {
      r->verdict = Verdict::kVerified;
      r->reason =
          fmt::format("{}; the record shows {} de-obligated since {}{}, matching the claim.",
                      claimed_text, FormatUsd(d), since_text, DeobligationText(m));
    } else if (d > claimed) {
      r->verdict = Verdict::kUnderstated;
      r->reason = fmt::format("{}; the record shows more, {} de-obligated since {}{}.",
                              claimed_text, FormatUsd(d), since_text, DeobligationText(m));
    } else {
      r->verdict = Verdict::kOverstated;
      r->reason = fmt::format(
          "{}; the record shows {} de-obligated since {}{}, {} less than claimed.{}", claimed_text,
          FormatUsd(d), since_text, DeobligationText(m), FormatUsd(claimed - d), ceiling_note);
    }
    return;
  }
  if (m.ceiling_reduced > 0) {
    r->verdict = Verdict::kOptionsOnly;
    r->reason = fmt::format(
        "{}; no obligated money was removed since {}, but the ceiling was cut by {} (options "
        "that will not be exercised).{}",
        claimed_text, since_text, FormatUsd(m.ceiling_reduced), ceiling_note);
    return;
  }
  if (m.end_before_since && *m.end_before_since < since) {
    r->verdict = Verdict::kAlreadyEnded;
    r->reason = fmt::format(
        "{}, but the contract's performance period had ended on {}, before {}, and nothing was "
        "removed since (no de-obligation, no option cut).{}",
        claimed_text, m.end_before_since->ToIso(), since_text, ceiling_note);
    return;
  }
  r->verdict = Verdict::kNotTerminated;
  std::string latest =
      m.latest == nullptr ? "" : " The latest action is " + ActionText(*m.latest) + ".";
  r->reason =
      fmt::format("{}, but the record shows no de-obligation and no option cut since {}.{}{}",
                  claimed_text, since_text, latest, ceiling_note);
}

// True when the claim was listed strictly after the latest action in the records: its award's
// absence then says the records are too old, not that the award does not exist. Every date the
// row gives must be after the records' end (Claim::earliest_date): one of them may be a planned
// end date rather than the listing. Undated claims, and records with no dated action, give no
// such evidence and stay not_found.
bool ListedAfterRecords(const Claim& claim, const RecordSet& records) {
  return claim.earliest_date && records.as_of && *records.as_of < *claim.earliest_date;
}

// The matcher's own sentence stays: it says which identifier was looked for (and, for a shared
// PIID, which vendors hold it), which still matters once newer records are fetched.
std::string AfterRecordsReason(Date listed, Date records_end, const std::string& why_not) {
  std::string out =
      fmt::format("Listed {}; the records given end {}.", listed.ToIso(), records_end.ToIso());
  if (!why_not.empty()) out += " " + why_not;
  out +=
      " Fetch newer records: receipts fetch usaspending --ledger L --out DIR, then verify with "
      "--records DIR.";
  return out;
}

}  // namespace

Date DefaultSince() { return *Date::FromYmd(2025, 1, 20); }

namespace {

// A claim whose identifier names nothing in the records: unverifiable without an identifier,
// else not_found or after_records by the claim's date and what a record store was told.
void JudgeUnmatched(const Claim& claim, const RecordSet& records, const AwardMatch& match,
                    ClaimResult* r) {
  auto absent = records.absent_awards.find(AwardKeyForClaim(claim));
  // A record store asked the source for this award, on or after the claim was listed, and
  // was told it has none: that is an answer. Asked before the listing, it is only old.
  const bool asked_after_listing =
      absent != records.absent_awards.end() && (!claim.earliest_date || !absent->second.asked ||
                                                *claim.earliest_date <= *absent->second.asked);
  if (!match.has_identifier) {
    r->verdict = Verdict::kUnverifiable;
    r->reason = match.why_not;
  } else if (asked_after_listing) {
    r->verdict = Verdict::kNotFound;
    r->reason = absent->second.sentence;
  } else if (ListedAfterRecords(claim, records)) {
    r->verdict = Verdict::kAfterRecords;
    r->reason = AfterRecordsReason(*claim.earliest_date, *records.as_of, match.why_not);
  } else {
    r->verdict = Verdict::kNotFound;
    r->reason = match.why_not;
  }
}

// A contract claim: its award's measures and verdict.
class ContractVerifier {
 public:
  ContractVerifier(const RecordSet& records, const AwardIndex& index, Date since)
      : records_(records), index_(index), since_(since) {}

  void Verify(const Claim& claim, ClaimResult* r) {
    AwardMatch match = index_.Match(claim);
    if (match.award == nullptr) {
      JudgeUnmatched(claim, records_, match, r);
      return;
    }
    const Award& award = *match.award;
    AwardMeasures m = MeasureAward(award, since_);
    r->award_key = award.key;
    r->parent_idv_agency_id = award.idv_agency_id;
    r->parent_idv_piid = award.idv_piid;
    r->ceiling_minus_obligated = m.ceiling_minus_obligated;
    r->deobligated = m.deobligated;
    r->ceiling_reduced = m.ceiling_reduced;
    r->obligated_not_outlaid = m.obligated_not_outlaid;
    SetEvidence(award, m, claim, r);
    auto [it, first] = first_claim_of_award_.emplace(&award, r->claim_id);
    if (!first) {
      r->verdict = Verdict::kDuplicate;
      r->verified_savings = 0;
      r->reason = fmt::format(
          "Same award ({}) as claim {} earlier in the list; its savings are counted once, there.",
          award.key, it->second);
    } else {
      Judge(claim, award, m, since_, r);
      r->verified_savings = m.deobligated;
      r->reason += Context(award, m, claim, since_);
    }
    r->reason += " Matched: " + match.method + ".";
  }

 private:
  const RecordSet& records_;
  const AwardIndex& index_;
  Date since_;
  std::map<const Award*, std::size_t> first_claim_of_award_;
};

}  // namespace

std::vector<ClaimResult> VerifyClaims(const std::vector<Claim>& claims, const RecordSet& records,
                                      const VerifyOptions& options) {
  AwardIndex index(records);
  ContractVerifier contracts(records, index, options.since);
  GrantVerifier grants(records, index, options.since);
  LeaseVerifier leases(records);
  std::vector<ClaimResult> results;
  results.reserve(claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& claim = claims[i];
    ClaimResult r;
    r.claim_id = i + 1;
    switch (claim.kind) {
      case ClaimKind::kContract:
        contracts.Verify(claim, &r);
        break;
      case ClaimKind::kGrant: {
        AwardMatch match;
        if (grants.Verify(claim, &r, &match)) break;
        if (grants.has_assistance()) {
          JudgeUnmatched(claim, records, match, &r);
        } else {
          // How fresh contract records are says nothing of grants: without assistance awards
          // an unmatched grant is not after_records.
          r.verdict = match.has_identifier ? Verdict::kNotFound : Verdict::kUnverifiable;
          r.reason = match.why_not;
        }
        break;
      }
      case ClaimKind::kLease:
        leases.Verify(claim, &r);
        break;
    }
    results.push_back(std::move(r));
  }
  return results;
}

std::vector<ClaimKind> KindsWithoutRecords(const std::vector<Claim>& claims,
                                           const RecordSet& records) {
  bool contracts = records.skipped_awards > 0, assistance = !records.grant_terminations.empty();
  for (const Award& award : records.awards) {
    (award.family == AwardFamily::kAssistance ? assistance : contracts) = true;
  }
  const bool leases = !records.lease_inventories.empty();
  std::vector<ClaimKind> out;
  for (ClaimKind kind : kAllClaimKinds) {
    const bool has_records = kind == ClaimKind::kContract ? contracts
                             : kind == ClaimKind::kGrant  ? assistance
                                                          : leases;
    if (has_records) continue;
    if (std::any_of(claims.begin(), claims.end(),
                    [kind](const Claim& claim) { return claim.kind == kind; })) {
      out.push_back(kind);
    }
  }
  return out;
}

}  // namespace receipts
