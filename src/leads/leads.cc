#include "leads/leads.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include "core/text.h"
#include "verify/measures.h"

namespace receipts {
namespace {

const char* ExtentMeaning(std::string_view code) {
  static const std::map<std::string_view, const char*> kMeanings = {
      {"A", "full and open competition"},
      {"B", "not available for competition"},
      {"C", "not competed"},
      {"D", "full and open competition after exclusion of sources"},
      {"E", "follow-on to a competed action"},
      {"F", "competed under simplified acquisition"},
      {"G", "not competed under simplified acquisition"},
      {"CDO", "competitive delivery order"},
      {"NDO", "non-competitive delivery order"}};
  auto it = kMeanings.find(code);
  return it == kMeanings.end() ? "as coded" : it->second;
}

const char* PricingMeaning(std::string_view code) {
  static const std::map<std::string_view, const char*> kMeanings = {
      {"Y", "time and materials"},
      {"Z", "labor hours"},
      {"R", "cost plus award fee"},
      {"S", "cost, no fee"},
      {"T", "cost sharing"},
      {"U", "cost plus fixed fee"},
      {"V", "cost plus incentive fee"},
      {"J", "firm fixed price"}};
  auto it = kMeanings.find(code);
  return it == kMeanings.end() ? "as coded" : it->second;
}

const char* UndefinitizedMeaning(std::string_view code) {
  return code == "A" ? "letter contract" : code == "B" ? "other undefinitized action" : "as coded";
}

std::string Code(std::string_view text) { return ToUpperAscii(Trim(text)); }

Cents Dollars(const LeadRules& rules, std::string_view id, std::string_view name) {
  return rules.Number(id, name) * 100;
}

// The award's base action: modification 0, else its first action.
const Action& BaseAction(const Award& award) {
  for (const Action& a : award.actions) {
    if (Trim(a.mod_number) == "0") return a;
  }
  return award.actions.front();
}

std::string Evidence(const Award& award, const Action& a) {
  return fmt::format("{} ({}:{})", ActionRef(award, a).ToString(),
                     std::filesystem::path(a.source_file).filename().string(), a.source_line);
}

std::string Day(const Action& a) { return a.signed_date ? a.signed_date->ToIso() : "no date"; }

// "P00003"; the base award for modification 0 (or none).
std::string ModName(const Action& a) {
  const std::string_view mod = Trim(a.mod_number);
  return mod.empty() || mod == "0" ? std::string("the base award") : std::string(mod);
}

std::string Capitalized(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

// One award as the rules see it.
struct AwardFacts {
  const Award* award = nullptr;
  Cents obligated = 0;
  Cents ceiling = 0;
};

// What a lead on `f` says of its award, before the rule fills in its reason.
Lead LeadOn(const AwardFacts& f) {
  const Action& latest = f.award->actions.back();
  return Lead{"",
              f.award->key,
              f.award->agency_id,
              f.award->piid,
              Code(latest.vendor_uei),
              std::string(Trim(latest.vendor_name)),
              f.obligated,
              "",
              {}};
}

// Coverage and leads of one rule, gathered as awards are judged. A rule switched off counts and
// flags nothing, whatever calls it (W1 and W2 are judged together).
class RuleRun {
 public:
  RuleRun(const LeadRule& rule, LeadsRun* run) : run_(run) {
    coverage_.rule = rule.id;
    coverage_.title = rule.title;
    coverage_.fields = rule.fields;
    coverage_.enabled = rule.enabled;
  }
  void Applicable() { coverage_.applicable += coverage_.enabled; }
  void Blank() { coverage_.blank += coverage_.enabled; }
  void Flag(const AwardFacts& f, std::string sentence, std::vector<std::string> evidence) {
    Flag(LeadOn(f), std::move(sentence), std::move(evidence));
  }
  void Flag(Lead lead, std::string sentence, std::vector<std::string> evidence) {
    if (!coverage_.enabled) return;
    ++coverage_.flagged;
    lead.rule = coverage_.rule;
    lead.sentence = std::move(sentence);
    lead.evidence = std::move(evidence);
    run_->leads.push_back(std::move(lead));
  }
  RuleCoverage Done() { return coverage_; }

 private:
  LeadsRun* run_;
  RuleCoverage coverage_;
};

// W1 and W2: the base action's competition.
void Competition(const LeadRules& rules, const AwardFacts& f, RuleRun* one_offer,
                 RuleRun* not_competed) {
  const Action& base = BaseAction(*f.award);
  const std::string extent = Code(base.extent_competed);
  one_offer->Applicable();
  not_competed->Applicable();
  if (extent.empty()) {
    one_offer->Blank();
    not_competed->Blank();
    return;
  }
  if (rules.Has(extent, "W1", "competed_codes")) {
    if (!base.offers_received) {
      one_offer->Blank();
    } else if (*base.offers_received <= rules.Number("W1", "max_offers") &&
               f.obligated >= Dollars(rules, "W1", "min_obligated_dollars")) {
      one_offer->Flag(f,
                      fmt::format("Competed ({}: {}) with {} offer{} received; {} obligated.",
                                  extent, ExtentMeaning(extent), *base.offers_received,
                                  *base.offers_received == 1 ? "" : "s", FormatUsd(f.obligated)),
                      {Evidence(*f.award, base)});
    }
  }
  if (rules.Has(extent, "W2", "not_competed_codes") &&
      f.obligated >= Dollars(rules, "W2", "min_obligated_dollars")) {
    not_competed->Flag(f,
                       fmt::format("Not competed ({}: {}); {} obligated.", extent,
                                   ExtentMeaning(extent), FormatUsd(f.obligated)),
                       {Evidence(*f.award, base)});
  }
}

// W4: any undefinitized action.
void Undefinitized(const LeadRules& rules, const AwardFacts& f, RuleRun* run) {
  run->Applicable();
  bool any_recorded = false;
  for (const Action& a : f.award->actions) {
    const std::string code = Code(a.undefinitized);
    any_recorded |= !code.empty();
    if (!rules.Has(code, "W4", "undefinitized_codes")) continue;
    if (f.obligated < Dollars(rules, "W4", "min_obligated_dollars")) return;
    run->Flag(
        f,
        fmt::format("Undefinitized action ({}: {}) on {} ({}); {} obligated on the award.", code,
                    UndefinitizedMeaning(code), ModName(a), Day(a), FormatUsd(f.obligated)),
        {Evidence(*f.award, a)});
    return;
  }
  if (!any_recorded) run->Blank();
}

// W6: money obligated in the last days of September, fiscal year by fiscal year (the years
// are never added together).
void YearEnd(const LeadRules& rules, const AwardFacts& f, RuleRun* run) {
  run->Applicable();
  const std::int64_t days = rules.Number("W6", "last_days_of_september");
  const Cents threshold = std::max<Cents>(1, Dollars(rules, "W6", "min_obligated_dollars"));
  bool dated = false;
  struct YearEnd {
    Cents obligated = 0;
    std::vector<std::string> evidence;
    const Action* last = nullptr;
  };
  std::map<int, YearEnd> years;
  for (const Action& a : f.award->actions) {
    if (!a.signed_date) continue;
    dated = true;
    const Date d = *a.signed_date;
    if (d.month() != 9 || d.day() <= 30 - days || a.obligated <= 0) continue;
    YearEnd& y = years[d.year()];
    y.obligated += a.obligated;
    y.evidence.push_back(Evidence(*f.award, a));
    y.last = &a;
  }
  if (!dated) {
    run->Blank();
    return;
  }
  for (auto& [year, y] : years) {
    if (y.obligated < threshold) continue;
    const std::size_t count = y.evidence.size();
    std::string sentence =
        fmt::format("{} obligated in the last {} days of September {} ({} action{}, last on {}).",
                    FormatUsd(y.obligated), days, year, count, count == 1 ? "" : "s", Day(*y.last));
    run->Flag(f, std::move(sentence), std::move(y.evidence));
    return;  // one lead an award: its first such year
  }
}

// W7: obligations above the ceiling, or outlays above obligations.
void OverCeiling(const LeadRules& rules, const AwardFacts& f, RuleRun* run) {
  if (f.award->family == AwardFamily::kIdv) return;  // an IDV's orders obligate, not the IDV
  run->Applicable();
  if (f.ceiling <= 0) {
    run->Blank();
    return;
  }
  // In 128 bits: a ceiling near the int64 range times a tolerance must not wrap.
  const __int128 allowed =
      static_cast<__int128>(f.ceiling) +
      static_cast<__int128>(f.ceiling) * rules.Number("W7", "tolerance_percent") / 100;
  const Action& latest = f.award->actions.back();
  if (f.obligated > allowed) {
    run->Flag(f,
              fmt::format("Obligated {} against a ceiling (base and all options) of {}: {} over.",
                          FormatUsd(f.obligated), FormatUsd(f.ceiling),
                          FormatUsd(f.obligated - f.ceiling)),
              {Evidence(*f.award, latest)});
  } else if (f.award->total_outlayed && *f.award->total_outlayed > f.obligated) {
    run->Flag(f,
              fmt::format("Outlays of {} exceed the {} obligated.",
                          FormatUsd(*f.award->total_outlayed), FormatUsd(f.obligated)),
              {Evidence(*f.award, latest)});
  }
}

// W8: money obligated after a termination.
void AfterTermination(const LeadRules& rules, const AwardFacts& f, RuleRun* run) {
  run->Applicable();
  const Action* termination = nullptr;
  for (const Action& a : f.award->actions) {
    if (termination == nullptr) {
      // A base award is not a termination, whatever its reason cell holds (the scraped FPDS
      // CSV fills it on 3,473 of 4,878 base rows).
      const std::string_view mod = Trim(a.mod_number);
      if (!mod.empty() && mod != "0" && rules.Has(a.reason_code, "W8", "termination_codes")) {
        termination = &a;
      }
      continue;
    }
    if (a.obligated < Dollars(rules, "W8", "min_obligated_dollars") || a.obligated <= 0) continue;
    if (!a.signed_date || !termination->signed_date ||
        *a.signed_date <= *termination->signed_date) {
      continue;
    }
    run->Flag(f,
              fmt::format("{} obligated on {} ({}) after the termination ({}) on {} ({}).",
                          FormatUsd(a.obligated), ModName(a), Day(a),
                          Code(termination->reason_code), ModName(*termination), Day(*termination)),
              {Evidence(*f.award, *termination), Evidence(*f.award, a)});
    return;
  }
}

// W9: the same amount obligated twice on one day by different modifications.
void Duplicates(const LeadRules& rules, const AwardFacts& f, RuleRun* run) {
  run->Applicable();
  std::map<std::pair<Date, Cents>, const Action*> seen;
  for (const Action& a : f.award->actions) {
    if (!a.signed_date || a.obligated < Dollars(rules, "W9", "min_obligated_dollars") ||
        a.obligated == 0) {
      continue;
    }
    auto [it, added] = seen.emplace(std::make_pair(*a.signed_date, a.obligated), &a);
    if (added || Trim(it->second->mod_number) == Trim(a.mod_number)) continue;
    run->Flag(f,
              fmt::format("{} and {} both obligate {} on {}.", Capitalized(ModName(*it->second)),
                          ModName(a), FormatUsd(a.obligated), Day(a)),
              {Evidence(*f.award, *it->second), Evidence(*f.award, a)});
    return;
  }
}

// W11: the base action's pricing.
void Pricing(const LeadRules& rules, const AwardFacts& f, RuleRun* run) {
  run->Applicable();
  const Action& base = BaseAction(*f.award);
  const std::string code = Code(base.pricing_type);
  if (code.empty()) {
    run->Blank();
    return;
  }
  if (!rules.Has(code, "W11", "pricing_codes") ||
      f.obligated < Dollars(rules, "W11", "min_obligated_dollars")) {
    return;
  }
  run->Flag(f,
            fmt::format("Priced as {} ({}); {} obligated. Context, not a finding: GAO found no "
                        "clear link between contract type and outcome.",
                        PricingMeaning(code), code, FormatUsd(f.obligated)),
            {Evidence(*f.award, base)});
}

// Quartiles by linear interpolation of sorted values.
double Quantile(const std::vector<double>& sorted, double q) {
  const double at = q * static_cast<double>(sorted.size() - 1);
  const std::size_t below = static_cast<std::size_t>(at);
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - static_cast<double>(below));
}

// W3: ceiling growth far above awards of the same PSC. Every award's ratio is kept for its
// group's quartiles, but only an award whose growth passes the rule's floor can be flagged (the
// fence is never below it), so only those keep their lead: memory follows the leads, not the
// awards. Ratios are for ranking only; the sentence gives the exact figures.
class CeilingGrowth {
 public:
  explicit CeilingGrowth(const LeadRules& rules)
      : rules_(rules),
        min_growth_(static_cast<double>(rules.Number("W3", "min_growth_percent")) / 100.0) {}

  void Add(const AwardFacts& f, RuleRun* run) {
    run->Applicable();
    // The growth is from the ceiling at award: only a real modification 0 states it (a first
    // action of a partial download is a change, not the ceiling).
    const Action& base = BaseAction(*f.award);
    const std::string psc = Code(base.psc);
    if (Trim(base.mod_number) != "0" || psc.empty() || base.base_and_all <= 0) {
      run->Blank();
      return;
    }
    const double ratio = static_cast<double>(f.ceiling) / static_cast<double>(base.base_and_all);
    Group& group = by_psc_[psc];
    group.ratios.push_back(ratio);
    if (ratio <= min_growth_) return;
    group.candidates.push_back(
        {LeadOn(f),
         base.base_and_all,
         f.ceiling,
         ratio,
         {Evidence(*f.award, base), Evidence(*f.award, f.award->actions.back())}});
  }

  void Finish(RuleRun* run) {
    const double k = static_cast<double>(rules_.Number("W3", "fence_iqr_tenths")) / 10.0;
    const auto min_group = static_cast<std::size_t>(rules_.Number("W3", "min_group_awards"));
    for (auto& [psc, group] : by_psc_) {
      if (group.ratios.size() < min_group) continue;
      std::sort(group.ratios.begin(), group.ratios.end());
      const double q1 = Quantile(group.ratios, 0.25), q3 = Quantile(group.ratios, 0.75);
      const double fence = std::max(q3 + k * (q3 - q1), min_growth_);
      for (Candidate& c : group.candidates) {
        if (c.ratio <= fence) continue;
        run->Flag(std::move(c.lead),
                  fmt::format("Ceiling grew from {} at award to {} ({:.1f}x), above the {:.1f}x "
                              "fence of the {} awards with PSC {}.",
                              FormatUsd(c.base), FormatUsd(c.ceiling), c.ratio, fence,
                              GroupThousands(group.ratios.size()), psc),
                  std::move(c.evidence));
      }
    }
  }

 private:
  struct Candidate {
    Lead lead;
    Cents base = 0;
    Cents ceiling = 0;
    double ratio = 0;
    std::vector<std::string> evidence;
  };
  struct Group {
    std::vector<double> ratios;
    std::vector<Candidate> candidates;
  };
  const LeadRules& rules_;
  double min_growth_;
  std::map<std::string, Group> by_psc_;
};

// W12: an IDV whose orders in the records use little of its ceiling. Orders are summed by the
// IDV they name; IDVs large enough to judge keep their lead until every order is read.
class IdvUse {
 public:
  explicit IdvUse(const LeadRules& rules) : rules_(rules) {}

  void Add(const AwardFacts& f, RuleRun* run) {
    if (!f.award->idv_piid.empty()) {
      auto& o = orders_[{f.award->idv_agency_id, f.award->idv_piid}];
      o.first += f.obligated;
      ++o.second;
    }
    if (f.award->family != AwardFamily::kIdv) return;
    run->Applicable();
    if (f.ceiling <= 0) {
      run->Blank();
      return;
    }
    if (f.ceiling < Dollars(rules_, "W12", "min_ceiling_dollars")) return;
    idvs_.push_back({LeadOn(f),
                     f.ceiling,
                     {f.award->agency_id, f.award->piid},
                     Evidence(*f.award, f.award->actions.back())});
  }

  void Finish(RuleRun* run) {
    for (Idv& idv : idvs_) {
      auto it = orders_.find(idv.key);
      const Cents used = it == orders_.end() ? 0 : it->second.first;
      const std::size_t count = it == orders_.end() ? 0 : it->second.second;
      if (static_cast<__int128>(used) * 100 >
          static_cast<__int128>(idv.ceiling) * rules_.Number("W12", "max_use_percent")) {
        continue;
      }
      run->Flag(std::move(idv.lead),
                fmt::format("IDV ceiling {}; the {} order{} under it in these records obligate {}. "
                            "Orders outside these records are not counted.",
                            FormatUsd(idv.ceiling), count, count == 1 ? "" : "s", FormatUsd(used)),
                {std::move(idv.evidence)});
    }
  }

 private:
  using IdvKey = std::pair<std::string, std::string>;  // agency, PIID
  struct Idv {
    Lead lead;
    Cents ceiling = 0;
    IdvKey key;
    std::string evidence;
  };
  const LeadRules& rules_;
  std::map<IdvKey, std::pair<Cents, std::size_t>> orders_;  // Σ obligated, orders
  std::vector<Idv> idvs_;
};

}  // namespace

struct LeadsFinder::State {
  explicit State(LeadRules r) : rules(std::move(r)), growth(rules), idv_use(rules) {
    for (const LeadRule& rule : rules.rules()) runs.emplace(rule.id, RuleRun(rule, &run));
  }
  LeadRules rules;
  LeadsRun run;
  std::map<std::string, RuleRun> runs;
  CeilingGrowth growth;
  IdvUse idv_use;
};

LeadsFinder::LeadsFinder(LeadRules rules) : state_(std::make_unique<State>(std::move(rules))) {}

LeadsFinder::~LeadsFinder() = default;

void LeadsFinder::Add(const RecordSet& records) {
  const LeadRules& rules = state_->rules;
  auto& runs = state_->runs;
  auto on = [&](const char* id) { return rules.Rule(id).enabled; };
  for (const Award& award : records.awards) {
    if (award.family == AwardFamily::kAssistance || award.actions.empty()) continue;
    AwardFacts f{&award, 0, 0};
    for (const Action& a : award.actions) {
      f.obligated += a.obligated;
      f.ceiling += a.base_and_all;
    }
    if (on("W1") || on("W2")) Competition(rules, f, &runs.at("W1"), &runs.at("W2"));
    if (on("W4")) Undefinitized(rules, f, &runs.at("W4"));
    if (on("W6")) YearEnd(rules, f, &runs.at("W6"));
    if (on("W7")) OverCeiling(rules, f, &runs.at("W7"));
    if (on("W8")) AfterTermination(rules, f, &runs.at("W8"));
    if (on("W9")) Duplicates(rules, f, &runs.at("W9"));
    if (on("W11")) Pricing(rules, f, &runs.at("W11"));
    if (on("W3")) state_->growth.Add(f, &runs.at("W3"));
    if (on("W12")) state_->idv_use.Add(f, &runs.at("W12"));
  }
}

LeadsRun LeadsFinder::Finish() {
  const LeadRules& rules = state_->rules;
  auto& runs = state_->runs;
  if (rules.Rule("W3").enabled) state_->growth.Finish(&runs.at("W3"));
  if (rules.Rule("W12").enabled) state_->idv_use.Finish(&runs.at("W12"));
  LeadsRun run = std::move(state_->run);
  std::map<std::string, std::size_t> order;
  for (const LeadRule& rule : rules.rules()) {
    order.emplace(rule.id, order.size());
    run.coverage.push_back(runs.at(rule.id).Done());
  }
  std::stable_sort(run.leads.begin(), run.leads.end(), [&](const Lead& a, const Lead& b) {
    return std::tie(order.at(a.rule), a.award_key) < std::tie(order.at(b.rule), b.award_key);
  });
  state_ = std::make_unique<State>(rules);
  return run;
}

LeadsRun FindLeads(const RecordSet& records, const LeadRules& rules) {
  LeadsFinder finder(rules);
  finder.Add(records);
  return finder.Finish();
}

}  // namespace receipts
