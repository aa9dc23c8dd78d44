#include "verify/grant_verdict.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "core/text.h"
#include "verify/measures.h"

namespace receipts {
namespace {

constexpr std::size_t kMaxEvidence = 20;

Cents Abs(Cents c) { return c < 0 ? -c : c; }
// As for contracts: a claim "equals" a record figure within max($1, 1% of the claim).
bool Near(Cents claimed, Cents figure) {
  return Abs(claimed - figure) <= std::max<Cents>(100, Abs(claimed) / 100);
}

std::string UsdOrUnknown(const std::optional<Cents>& cents) {
  return cents ? FormatUsd(*cents) : "an unknown amount (blank on the list)";
}

std::string ListsText(const std::map<std::string, std::size_t>& lists) {
  std::vector<std::string> parts;
  for (const auto& [list, count] : lists) {
    parts.push_back(fmt::format("{}'s list of {}", list, GroupThousands(count)));
  }
  return parts.empty() ? "no termination list" : Join(parts, " and ");
}

// What the record shows of one grant, gathered from every source that has it.
struct GrantFacts {
  const GrantTermination* hhs = nullptr;
  const GrantTermination* nsf = nullptr;
  const Award* award = nullptr;
  std::optional<AwardMeasures> measures;
  std::string award_method;

  const GrantTermination* listed() const { return hhs != nullptr ? hhs : nsf; }
  // What was left unspent: HHS's unliquidated amount at termination, else USAspending's
  // obligation less outlays (unknown when no outlay is reported).
  std::optional<Cents> left() const {
    if (hhs != nullptr && hhs->unliquidated) return hhs->unliquidated;
    if (hhs != nullptr && hhs->obligated && hhs->expended) return *hhs->obligated - *hhs->expended;
    if (measures) return measures->obligated_not_outlaid;
    return std::nullopt;
  }
  std::optional<Cents> obligated() const {
    if (listed() != nullptr && listed()->obligated) return listed()->obligated;
    if (measures) return measures->obligated;
    return std::nullopt;
  }
  Cents deobligated() const { return measures ? measures->deobligated : 0; }
};

std::string ListedText(const GrantTermination& t) {
  std::string when = t.terminated  ? " terminated " + t.terminated->ToIso()
                     : t.list_date ? " (list exported " + t.list_date->ToIso() + ")"
                                   : "";
  if (t.list == "HHS") {
    return fmt::format("HHS's own list shows it{}: {} obligated, {} spent, {} left unspent", when,
                       UsdOrUnknown(t.obligated), UsdOrUnknown(t.expended),
                       t.unliquidated || !t.obligated || !t.expended
                           ? UsdOrUnknown(t.unliquidated)
                           : FormatUsd(*t.obligated - *t.expended) +
                                 " (obligated less spent: the list leaves it blank)");
  }
  return fmt::format("{}'s own list shows it terminated{}, with {} obligated", t.list, when,
                     UsdOrUnknown(t.obligated));
}

// The sentence of the record's figures: the lists first, then USAspending.
std::string FactsText(const GrantFacts& f, Date since) {
  std::vector<std::string> parts;
  if (f.hhs != nullptr) parts.push_back(ListedText(*f.hhs));
  if (f.nsf != nullptr) parts.push_back(ListedText(*f.nsf));
  if (f.measures) {
    const AwardMeasures& m = *f.measures;
    std::string outlay =
        m.obligated_not_outlaid
            ? fmt::format(", {} outlaid", FormatUsd(m.obligated - *m.obligated_not_outlaid))
            : ", no outlays reported";
    parts.push_back(fmt::format("USAspending shows {} obligated{} and {} de-obligated since {}",
                                FormatUsd(m.obligated), outlay, FormatUsd(m.deobligated),
                                since.ToIso()));
  }
  return Join(parts, "; ");
}

void SetGrantEvidence(const GrantFacts& f, ClaimResult* r) {
  for (const GrantTermination* t : {f.hhs, f.nsf}) {
    if (t == nullptr) continue;
    for (const RecordRef& row : t->rows) {
      if (r->evidence.size() == kMaxEvidence) {
        ++r->evidence_left_out;
        continue;
      }
      r->evidence.push_back(row);
    }
  }
  if (f.award == nullptr) return;
  const AwardMeasures& m = *f.measures;
  std::size_t listed = 0;
  for (const Action* action : m.actions_since) {
    if (r->evidence.size() == kMaxEvidence) break;
    r->evidence.push_back(ActionRef(*f.award, *action));
    ++listed;
  }
  r->evidence_left_out += m.actions_since.size() - listed;
  if (m.actions_since.empty() && m.latest != nullptr && r->evidence.size() < kMaxEvidence) {
    r->evidence.push_back(ActionRef(*f.award, *m.latest));
  }
}

// Compares the claim with `figure` (what the record shows left or removed).
void Compare(Cents claimed, Cents figure, const std::string& what, ClaimResult* r) {
  if (Near(claimed, figure)) {
    r->verdict = Verdict::kVerified;
    r->reason = fmt::format("matching the claim's {}", what);
  } else if (figure > claimed) {
    r->verdict = Verdict::kUnderstated;
    r->reason = fmt::format("{} more than claimed", FormatUsd(figure - claimed));
  } else {
    r->verdict = Verdict::kOverstated;
    r->reason = fmt::format("{} less than claimed", FormatUsd(claimed - figure));
  }
}

void Judge(const Claim& claim, const GrantFacts& f, Date since, ClaimResult* r) {
  const Cents claimed = claim.claimed_savings.value_or(0);
  const std::string facts = FactsText(f, since);
  const std::string claimed_text = "Claimed " + FormatUsd(claimed);
  const std::optional<Cents> left = f.left();
  const std::optional<Cents> obligated = f.obligated();
  const std::string above_value =
      obligated && claimed > *obligated && !Near(claimed, *obligated)
          ? fmt::format(" The claim is more than the grant's whole obligation ({}).",
                        FormatUsd(*obligated))
          : "";
  r->verified_savings = 0;
  if (claimed == 0) {
    r->verdict = Verdict::kZeroClaim;
    r->reason = fmt::format("Claimed $0.00; {}.", facts);
    return;
  }
  if (left && *left <= 0) {
    r->verdict = Verdict::kAlreadyPaid;
    r->reason = fmt::format("{}, but the grant was already paid out: {}. Nothing was left to save.",
                            claimed_text, facts);
    return;
  }
  const bool terminated = f.listed() != nullptr;
  if (terminated && left) {
    // Terminated by the agency's own account: what was left unspent is what the termination
    // removed.
    Compare(claimed, *left, "unspent balance", r);
    r->verified_savings = *left;
    r->reason = fmt::format("{}; {}: {}.{}", claimed_text, facts, r->reason, above_value);
    return;
  }
  if (f.deobligated() > 0) {
    const Cents removed = left ? std::min(f.deobligated(), *left) : f.deobligated();
    Compare(claimed, removed, "de-obligation", r);
    r->verified_savings = removed;
    r->reason = fmt::format("{}; {}: {}.{}", claimed_text, facts, r->reason, above_value);
    return;
  }
  if (!terminated) {
    r->verdict = Verdict::kNotTerminated;
    r->reason = fmt::format(
        "{}, but the grant is on no termination list given and the record shows nothing "
        "de-obligated since {}: {}.",
        claimed_text, since.ToIso(), facts);
    return;
  }
  if (!above_value.empty()) {
    r->verdict = Verdict::kOverstated;
    r->reason = fmt::format("{}; {}.{} What was spent is not in the records given.", claimed_text,
                            facts, above_value);
    return;
  }
  r->verdict = Verdict::kUnverifiable;
  r->reason = fmt::format(
      "{}; {}. The list confirms the termination but not what was spent, so the saving cannot be "
      "checked: add the grant's USAspending assistance records (with File C outlays).",
      claimed_text, facts);
}

}  // namespace

GrantVerifier::GrantVerifier(const RecordSet& records, const AwardIndex& index, Date since)
    : records_(records),
      index_(index),
      since_(since),
      has_assistance_(std::any_of(records.awards.begin(), records.awards.end(), [](const Award& a) {
        return a.family == AwardFamily::kAssistance;
      })) {
  for (const GrantTermination& t : records_.grant_terminations) {
    by_fain_[t.fain].push_back(&t);
    ++lists_[t.list];
  }
}

bool GrantVerifier::Verify(const Claim& claim, ClaimResult* r, AwardMatch* match) {
  const std::string fain = !claim.fain.empty() ? claim.fain : claim.uri;
  *match = index_.Match(claim);
  GrantFacts f;
  if (match->award != nullptr) {
    f.award = match->award;
    f.measures = MeasureAward(*f.award, since_);
    f.award_method = match->method;
  }
  if (!claim.fain.empty()) {
    auto it = by_fain_.find(claim.fain);
    if (it != by_fain_.end()) {
      for (const GrantTermination* t : it->second) (t->list == "HHS" ? f.hhs : f.nsf) = t;
    }
  }
  if (f.award == nullptr && f.listed() == nullptr) {
    if (match->has_identifier) {
      const bool no_grants = records_.grant_terminations.empty() && !has_assistance_;
      match->why_not = no_grants
                           ? fmt::format(
                                 "Grant {} cannot be looked up: the records given hold no "
                                 "grants (no termination list, no USAspending assistance award).",
                                 fain)
                           : fmt::format(
                                 "Grant {} is on {} given and the records hold no USAspending "
                                 "assistance award for it.",
                                 fain, ListsText(lists_));
    }
    return false;
  }
  r->award_key = f.award != nullptr ? f.award->key : claim.award_id;
  if (f.hhs != nullptr && f.hhs->unliquidated) r->obligated_not_outlaid = f.hhs->unliquidated;
  if (f.measures) {
    r->deobligated = f.measures->deobligated;
    if (!r->obligated_not_outlaid) r->obligated_not_outlaid = f.measures->obligated_not_outlaid;
  }
  SetGrantEvidence(f, r);
  // Per list: two lists given together (two snapshots) each count their own claim of a grant.
  auto [it, first] = first_claim_of_grant_.emplace(claim.source_file + "\n" + fain, r->claim_id);
  if (!first) {
    r->verdict = Verdict::kDuplicate;
    r->verified_savings = 0;
    r->reason = fmt::format(
        "Same grant ({}) as claim {} earlier in the list; its savings are counted once, there.",
        fain, it->second);
    return true;
  }
  Judge(claim, f, since_, r);
  std::vector<std::string> how;
  if (f.hhs != nullptr) how.push_back("FAIN on HHS's termination list");
  if (f.nsf != nullptr) how.push_back(fmt::format("FAIN on {}'s termination list", f.nsf->list));
  if (f.award != nullptr) how.push_back(f.award_method);
  r->reason += " Matched: " + Join(how, "; ") + ".";
  return true;
}

}  // namespace receipts
