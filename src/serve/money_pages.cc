#include "serve/money_pages.h"

#include <algorithm>
#include <set>

#include "core/text.h"
#include "report/vendor_model.h"
#include "serve/page_layout.h"
#include "serve/url.h"
#include "serve/verdicts.h"
#include "vendor/family_totals.h"
#include "vendor/vendor_report.h"

namespace receipts::serve {
namespace {

std::string VendorPath(const std::string& uei) { return "/vendors/" + UrlEncode(uei); }

}  // namespace

View LeadModel(const Lead& lead) {
  View m = View::Object();
  m.Set("rule", lead.rule);
  m.Set("award_key", lead.award_key);
  m.Set("agency_id", lead.agency_id);
  m.Set("piid", lead.piid);
  m.Set("vendor_uei", lead.vendor_uei);
  m.Set("vendor_name", lead.vendor_name);
  m.Set("obligated", View::Money(lead.obligated));
  m.Set("sentence", lead.sentence);
  View& evidence = m.Set("evidence", View::List());
  for (const std::string& e : lead.evidence) evidence.Push(e);
  m.Set("vendor_href", lead.vendor_uei.empty() ? View() : View(VendorPath(lead.vendor_uei)));
  return m;
}

View VendorLinkOf(const RecordCheck& records, const Award& award) {
  if (award.actions.empty()) return View();
  const std::string uei = ToUpperAscii(Trim(award.actions.back().vendor_uei));
  const VendorFamily* family = records.families().FindByUei(uei);
  if (family == nullptr) return View();
  View m = View::Object();
  m.Set("parent_uei", family->parent_uei);
  m.Set("name", DisplayName(*family));
  m.Set("uei", uei);
  m.Set("href", VendorPath(family->parent_uei));
  m.Set("ueis", View::Count(family->members.size()));
  return m;
}

// One family in a list of candidates: the CLI's, with its page.
View LinkedCandidate(const VendorFamily& family) {
  View c = CandidateModel(family);
  c.Set("href", VendorPath(family.parent_uei));
  return c;
}

View VendorCandidatesModel(const RecordCheck& records, const std::string& query) {
  View m = View::Object();
  m.Set("query", query);
  // Most obligated first; at most kMaxCandidates, the count of all said.
  const std::vector<const VendorFamily*> found = records.families().FindByName(query);
  m.Set("total_candidates", View::Count(found.size()));
  View& list = m.Set("candidates", View::List());
  for (std::size_t i = 0; i < found.size() && i < kMaxCandidates; ++i) {
    list.Push(LinkedCandidate(*found[i]));
  }
  m.Set("more_candidates", found.size() > kMaxCandidates);
  return m;
}

View VendorIndexModel(const std::vector<const VendorFamily*>& families) {
  View m = View::Object();
  m.Set("query", "");
  m.Set("searched", true);
  m.Set("listing", true);
  m.Set("total_candidates", View::Count(families.size()));
  View& list = m.Set("candidates", View::List());
  for (const VendorFamily* family : families) list.Push(LinkedCandidate(*family));
  m.Set("more_candidates", false);
  return m;
}

View VendorModel(const RecordCheck& records, const VendorFamily& family,
                 const std::vector<AwardClaim>& claims) {
  VendorReport report;
  report.query = family.parent_uei;
  report.by_uei = true;
  report.family = family;
  report.records_as_of = records.records().as_of;
  report.since = records.since();
  report.record_actions = records.records().action_count;
  report.totals = TotalsOf(family, records.records(), report.since, report.records_as_of);
  report.claims = ClaimsOnFamily(report.totals, claims);
  report.with_claims = true;
  report.context = FindWhereCutsMet(family, report.totals, claims, {}, report.records_as_of);
  // The model `receipts vendor --format json` prints, with the dashboard's links and words.
  View m = receipts::VendorModel(report);
  for (View& agency : m.Find("by_agency")->items()) {
    agency.Set("leads_href",
               "/leads" + QueryString({{"agency", agency.Find("agency_id")->text()}}));
  }
  for (View& claim : m.Find("claims")->items()) {
    const std::string verdict = claim.Find("verdict")->text();
    claim.Set("label", VerdictWords(verdict));
    claim.Set("meaning", VerdictMeaningOf(verdict));
    claim.Set("href", ClaimPath(claim.Find("claim_key")->text()));
  }
  std::set<std::string> award_keys;
  for (const FamilyAward& a : report.totals.awards) award_keys.insert(a.key);
  View& leads = m.Set("leads", View::List());
  for (const Lead& lead : records.leads().leads) {
    if (award_keys.count(lead.award_key)) leads.Push(LeadModel(lead));
  }
  return m;
}

View LeadsModel(const RecordCheck& records, const LeadsFilter& filter) {
  View m = View::Object();
  View& coverage = m.Set("coverage", View::List());
  for (const RuleCoverage& c : records.leads().coverage) {
    View& row = coverage.Push(View::Object());
    row.Set("rule", c.rule);
    row.Set("title", c.title);
    row.Set("fields", c.fields);
    row.Set("enabled", c.enabled);
    row.Set("applicable", View::Count(c.applicable));
    row.Set("blank", View::Count(c.blank));
    row.Set("flagged", View::Count(c.flagged));
    row.Set("href", "/leads" + QueryString({{"rule", c.rule}}));
  }
  std::vector<const Lead*> selected;
  for (const Lead& lead : records.leads().leads) {
    if (!filter.rule.empty() && lead.rule != filter.rule) continue;
    if (!filter.agency.empty() && lead.agency_id != filter.agency) continue;
    selected.push_back(&lead);
  }
  const std::int64_t total = static_cast<std::int64_t>(selected.size());
  const std::int64_t pages = std::max<std::int64_t>(1, (total + kLeadsPerPage - 1) / kLeadsPerPage);
  m.Set("rule", filter.rule);
  m.Set("agency", filter.agency);
  m.Set("total", View::Count(selected.size()));
  m.Set("page", View::Int(filter.page));
  m.Set("per_page", View::Int(kLeadsPerPage));
  m.Set("pages", View::Int(pages));
  View& leads = m.Set("leads", View::List());
  for (std::int64_t i = (filter.page - 1) * kLeadsPerPage;
       i < std::min(total, filter.page * kLeadsPerPage); ++i) {
    leads.Push(LeadModel(*selected[static_cast<std::size_t>(i)]));
  }
  return m;
}

void AddMoneyOfClaim(const RecordCheck& records, const ClaimDetail& detail, View* model) {
  const std::string award_key = AwardKeyOfDetail(detail);
  if (award_key.empty()) return;
  if (const Award* award = records.FindAward(award_key)) {
    model->Set("vendor", VendorLinkOf(records, *award));
  }
  View& leads = model->Set("leads", View::List());
  for (const Lead* lead : records.LeadsOn(award_key)) leads.Push(LeadModel(*lead));
  model->Set("has_money", true);
}

}  // namespace receipts::serve
