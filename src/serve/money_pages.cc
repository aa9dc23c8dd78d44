#include "serve/money_pages.h"

#include <algorithm>
#include <set>

#include "core/text.h"
#include "serve/page_layout.h"
#include "serve/url.h"
#include "serve/verdicts.h"
#include "vendor/family_totals.h"

namespace receipts::serve {
namespace {

std::string VendorPath(const std::string& uei) { return "/vendors/" + UrlEncode(uei); }

View UeisModel(const VendorFamily& family) {
  View list = View::List();
  for (const VendorFamily::Member& m : family.members) {
    View& u = list.Push(View::Object());
    u.Set("uei", m.uei);
    View& names = u.Set("names", View::List());
    for (const std::string& name : m.names) names.Push(name);
    u.Set("names_text", Join(m.names, "; "));
    View& others = u.Set("other_parents", View::List());
    for (const std::string& other : m.other_parents) {
      View& o = others.Push(View::Object());
      o.Set("uei", other);
      o.Set("href", VendorPath(other));
    }
  }
  return list;
}

View ActionsModel(const std::vector<FamilyAction>& actions) {
  View list = View::List();
  for (const FamilyAction& a : actions) {
    View& m = list.Push(View::Object());
    m.Set("award_key", a.award_key);
    m.Set("record", a.record);
    m.Set("source", a.source);
    m.Set("signed_date", a.signed_date ? View(a.signed_date->ToIso()) : View());
    m.Set("obligated", View::Money(a.obligated));
    m.Set("reason_code", a.reason_code);
  }
  return list;
}

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

// One family in a list of candidates.
View CandidateModel(const VendorFamily& family) {
  View c = View::Object();
  c.Set("parent_uei", family.parent_uei);
  c.Set("name", DisplayName(family));
  c.Set("ueis", UeisModel(family));
  c.Set("obligated", View::Money(family.obligated));
  c.Set("actions", View::Count(family.actions));
  c.Set("masked", family.masked);
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
    list.Push(CandidateModel(*found[i]));
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
  for (const VendorFamily* family : families) list.Push(CandidateModel(*family));
  m.Set("more_candidates", false);
  return m;
}

View VendorModel(const RecordCheck& records, const VendorFamily& family,
                 const std::vector<AwardClaim>& claims) {
  const FamilyTotals t =
      TotalsOf(family, records.records(), records.since(), records.records().as_of);
  View m = View::Object();
  m.Set("parent_uei", family.parent_uei);
  m.Set("name", DisplayName(family));
  m.Set("masked", family.masked);
  m.Set("ueis", UeisModel(family));
  View& links = m.Set("links", View::List());
  for (const FamilyLink& l : family.links) {
    View& link = links.Push(View::Object());
    link.Set("uei", l.uei);
    link.Set("parent_uei", l.parent_uei);
    link.Set("rows", View::Count(l.rows));
    link.Set("first_row", l.record);
  }
  m.Set("records_as_of", records.records().as_of ? View(records.records().as_of->ToIso()) : View());
  m.Set("obligated", View::Money(t.obligated));
  m.Set("actions", View::Count(t.actions));
  View& agencies = m.Set("by_agency", View::List());
  for (const AgencyObligations& a : t.by_agency) {
    View& row = agencies.Push(View::Object());
    row.Set("agency_id", a.agency_id);
    row.Set("obligated", View::Money(a.obligated));
    row.Set("actions", View::Count(a.actions));
    row.Set("awards", View::Count(a.award_keys.size()));
    row.Set("leads_href", "/leads" + QueryString({{"agency", a.agency_id}}));
  }
  View& years = m.Set("by_fiscal_year", View::List());
  for (const YearObligations& y : t.by_fiscal_year) {
    View& row = years.Push(View::Object());
    row.Set("fiscal_year", View::Int(y.fiscal_year));
    row.Set("obligated", View::Money(y.obligated));
    row.Set("actions", View::Count(y.actions));
  }
  m.Set("since", records.since().ToIso());
  m.Set("deobligated_since", View::Money(t.deobligated_since));
  m.Set("deobligations_since", ActionsModel(t.deobligations_since));
  m.Set("terminations_since", ActionsModel(t.terminations_since));
  m.Set("open_awards", View::Count(t.open_awards));
  m.Set("remaining_ceiling", View::Money(t.remaining_ceiling));
  m.Set("open_idvs", View::Count(t.open_idvs));
  m.Set("open_idv_ceiling", View::Money(t.open_idv_ceiling));
  std::set<std::string> award_keys;
  View& awards = m.Set("awards", View::List());
  for (const FamilyAward& a : t.awards) {
    award_keys.insert(a.key);
    View& row = awards.Push(View::Object());
    row.Set("award_key", a.key);
    row.Set("agency_id", a.agency_id);
    row.Set("piid", a.piid);
    row.Set("uei", a.uei);
    row.Set("idv", a.idv);
    row.Set("obligated", View::Money(a.obligated));
    row.Set("ceiling", View::Money(a.ceiling));
    row.Set("end", a.end ? View(a.end->ToIso()) : View());
    row.Set("terminated", a.terminated);
    row.Set("open", a.open);
    row.Set("remaining_ceiling", View::Money(a.remaining_ceiling));
  }
  View& on_awards = m.Set("claims", View::List());
  for (const AwardClaim& c : ClaimsOnFamily(t, claims)) {
    View& row = on_awards.Push(View::Object());
    row.Set("claim_key", c.claim_key);
    row.Set("verdict", c.verdict);
    row.Set("label", VerdictWords(c.verdict));
    row.Set("meaning", VerdictMeaningOf(c.verdict));
    row.Set("award_key", c.award_key);
    row.Set("agency", c.agency);
    row.Set("claimed_savings", View::Money(c.claimed_savings));
    row.Set("verified_savings", View::Money(c.verified_savings));
    row.Set("listed", c.listed);
    row.Set("href", ClaimPath(c.claim_key));
  }
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
