#include "report/claims_money.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "core/text.h"
#include "report/html_escape.h"
#include "vendor/vendor_families.h"

namespace receipts {
namespace {

constexpr std::size_t kFamiliesShown = 50;
constexpr std::size_t kLeadsShown = 300;

std::string ClaimLinks(const std::vector<std::size_t>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < 20; ++i) {
    out += fmt::format("{}<a href=\"#c{}\">{}</a>", i ? " " : "", ids[i], ids[i]);
  }
  if (ids.size() > 20) out += fmt::format(" and {} more", ids.size() - 20);
  return out;
}

}  // namespace

ClaimsMoney MoneyOfClaims(const VerifyRun& run, const RecordSet& records) {
  ClaimsMoney money;
  std::map<std::string, const Award*, std::less<>> awards;
  for (const Award& award : records.awards) awards.emplace(award.key, &award);
  const VendorFamilies families = VendorFamilies::Build(records);
  std::map<std::string, ClaimsMoney::Family> by_parent;
  std::map<std::string, std::set<std::string>> awards_of_parent;
  std::map<std::string, std::vector<std::size_t>> claims_of_award;
  for (std::size_t i = 0; i < run.results.size() && i < run.claims.size(); ++i) {
    const ClaimResult& result = run.results[i];
    auto award = awards.find(result.award_key);
    if (result.award_key.empty() || award == awards.end() || award->second->actions.empty()) {
      continue;
    }
    claims_of_award[result.award_key].push_back(result.claim_id);
    // In every family some row of the award is recorded under, as `receipts vendor` counts it
    // (an award sold with its vendor is in both groups, each with its own rows' money).
    std::map<std::string, Cents> under;
    for (const Action& a : award->second->actions) {
      if (Trim(a.vendor_uei).empty()) continue;
      under[ParentOfAction(a)] += a.obligated;
    }
    money.claims_with_family += !under.empty();
    for (const auto& [parent, obligated] : under) {
      const VendorFamily* family = families.FindByUei(parent);
      if (family == nullptr) continue;
      ClaimsMoney::Family& row = by_parent[parent];
      row.parent_uei = parent;
      row.name = DisplayName(*family);
      row.masked = family->masked;
      ++row.claims;
      row.claimed += run.claims[i].claimed_savings.value_or(0);
      row.verified += result.verified_savings.value_or(0);
      row.claim_ids.push_back(result.claim_id);
      if (!awards_of_parent[parent].insert(result.award_key).second) continue;
      ++row.awards;
      row.obligated += obligated;
    }
  }
  for (auto& [parent, row] : by_parent) money.families.push_back(std::move(row));
  std::stable_sort(money.families.begin(), money.families.end(),
                   [](const ClaimsMoney::Family& a, const ClaimsMoney::Family& b) {
                     return a.claimed > b.claimed;
                   });
  // The per-award rules only: W3 and W12 compare an award with others the run did not read.
  auto rules = LeadRules::FromJson(R"({"W3":{"enabled":false},"W12":{"enabled":false}})",
                                   "the report's rules");
  money.leads = FindLeads(records, rules.ok() ? *rules : LeadRules::Defaults());
  for (const Lead& lead : money.leads.leads) {
    auto claims = claims_of_award.find(lead.award_key);
    money.lead_claims.push_back(claims == claims_of_award.end() ? std::vector<std::size_t>{}
                                                                : claims->second);
  }
  return money;
}

void RenderClaimsMoneyHtml(const ClaimsMoney& money, TextSink* sink) {
  std::string& out = sink->out();
  auto it = std::back_inserter(out);
  fmt::format_to(it,
                 "<section data-testid=\"money\">\n<h2>Follow the money</h2>\n"
                 "<p class=\"muted\">The vendor families (every UEI the records link to one "
                 "ultimate parent UEI, never by name) of the {} claims whose award is in the "
                 "records: {} families. A claim is in every family some row of its award is "
                 "recorded under (an award sold with its vendor is in both), as <code>receipts "
                 "vendor UEI</code> counts it, so the rows do not add up to the whole; obligated "
                 "is what the claimed awards' rows under the parent record.</p>\n",
                 money.claims_with_family, money.families.size());
  out +=
      "<div class=\"scroll\"><table data-testid=\"money-families\" tabindex=\"0\" "
      "aria-label=\"vendor families of the claimed awards\">\n<thead><tr><th>Parent UEI</th>"
      "<th>Family</th><th class=\"m\">Claims</th><th class=\"m\">Claimed</th>"
      "<th class=\"m\">Verified</th><th class=\"m\">Awards</th><th class=\"m\">Obligated on "
      "them</th><th>Claims</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < money.families.size() && i < kFamiliesShown; ++i) {
    const ClaimsMoney::Family& f = money.families[i];
    fmt::format_to(it,
                   "<tr><td><code>{}</code></td><td>{}</td><td class=\"m\">{}</td>"
                   "<td class=\"m\">{}</td><td class=\"m\">{}</td><td class=\"m\">{}</td>"
                   "<td class=\"m\">{}</td><td>{}</td></tr>\n",
                   HtmlEscape(f.parent_uei),
                   HtmlEscape(f.name) + (f.masked ? " <span class=\"muted\">(masked by FPDS: not "
                                                    "one company)</span>"
                                                  : ""),
                   f.claims, FormatUsd(f.claimed), FormatUsd(f.verified), f.awards,
                   FormatUsd(f.obligated), ClaimLinks(f.claim_ids));
  }
  out += "</tbody>\n</table></div>\n";
  if (money.families.size() > kFamiliesShown) {
    fmt::format_to(it, "<p class=\"muted\">The {} most claimed of {} families are shown.</p>\n",
                   kFamiliesShown, money.families.size());
  }
  out +=
      "<h3>Leads on the claimed awards</h3>\n<p class=\"muted\">Reasons to look, each with its "
      "figures and record rows; never a finding or an accusation. The rules that compare an "
      "award with others (W3, W12) need every award: <code>receipts leads</code>.</p>\n"
      "<table data-testid=\"money-coverage\">\n<thead><tr><th>Rule</th><th>What it flags</th>"
      "<th class=\"m\">Applicable</th><th class=\"m\">Blank</th><th class=\"m\">Flagged</th>"
      "</tr></thead>\n<tbody>\n";
  for (const RuleCoverage& c : money.leads.coverage) {
    if (!c.enabled) continue;
    fmt::format_to(it,
                   "<tr><td>{}</td><td>{}</td><td class=\"m\">{}</td><td class=\"m\">{}</td>"
                   "<td class=\"m\">{}</td></tr>\n",
                   HtmlEscape(c.rule), HtmlEscape(c.title), c.applicable, c.blank, c.flagged);
  }
  out +=
      "</tbody>\n</table>\n<div class=\"scroll\"><table data-testid=\"money-leads\" "
      "tabindex=\"0\" aria-label=\"leads on the claimed awards\">\n<thead><tr><th>Rule</th>"
      "<th>Award</th><th>Lead</th><th>Evidence</th><th>Claims</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < money.leads.leads.size() && i < kLeadsShown; ++i) {
    const Lead& l = money.leads.leads[i];
    fmt::format_to(it,
                   "<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td class=\"ev\">{}</td>"
                   "<td>{}</td></tr>\n",
                   HtmlEscape(l.rule), HtmlEscape(l.award_key), HtmlEscape(l.sentence),
                   HtmlEscape(Join(l.evidence, "; ")), ClaimLinks(money.lead_claims[i]));
    sink->Spill();
  }
  out += "</tbody>\n</table></div>\n";
  if (money.leads.leads.size() > kLeadsShown) {
    fmt::format_to(it,
                   "<p class=\"muted\">The first {} of {} leads are shown (by rule, then award); "
                   "<code>receipts leads --out DIR</code> writes them all.</p>\n",
                   kLeadsShown, money.leads.leads.size());
  }
  out += "</section>\n";
}

}  // namespace receipts
