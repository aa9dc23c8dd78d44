#include "report/vendor_model.h"

#include <string>
#include <vector>

namespace receipts {
namespace {

View Strings(const std::vector<std::string>& list) {
  View out = View::List();
  for (const std::string& s : list) out.Push(s);
  return out;
}

View DateModel(const std::optional<Date>& date) { return date ? View(date->ToIso()) : View(); }

View ActionsModel(const std::vector<FamilyAction>& actions) {
  View out = View::List();
  for (const FamilyAction& a : actions) {
    View& row = out.Push(View::Object());
    row.Set("award_key", a.award_key);
    row.Set("record", a.record);
    row.Set("source", a.source);
    row.Set("signed_date", DateModel(a.signed_date));
    row.Set("obligated", View::Money(a.obligated));
    row.Set("reason_code", a.reason_code);
  }
  return out;
}

View MatterModel(const FamilyMatter& fm) {
  const Matter& m = fm.matter;
  View out = View::Object();
  out.Set("agency_id", m.agency_id);
  out.Set("agency", m.agency);
  out.Set("company", m.company);
  out.Set("named_by", fm.named_by);
  out.Set("matter", m.matter);
  out.Set("opened", DateModel(m.opened));
  out.Set("closed", DateModel(m.closed));
  out.Set("open_at_records_date", fm.open_at_records_date);
  out.Set("agency_pays_family", fm.agency_pays_family);
  out.Set("source_url", m.source_url);
  out.Set("note", m.note);
  out.Set("line", View::Count(m.line));
  return out;
}

// null when neither claims nor matters were given.
View WhereCutsMetModel(const VendorReport& r) {
  if (!r.with_claims && !r.with_matters) return View();
  View out = View::Object();
  out.Set("note", kCoOccurrenceNote);
  View& agencies = out.Set("agencies", View::List());
  for (const AgencyCuts& a : r.context.agencies) {
    View& row = agencies.Push(View::Object());
    row.Set("agency_id", a.agency_id);
    row.Set("agency", a.agency);
    row.Set("family_obligated", View::Money(a.family_obligated));
    row.Set("doge_claims", View::Count(a.claims));
    row.Set("doge_claimed", View::Money(a.claimed));
    row.Set("doge_verified", View::Money(a.verified));
    row.Set("doge_family_claims", View::Count(a.family_claims));
    View& verdicts = row.Set("verdicts", View::Object());
    for (const auto& [verdict, count] : a.verdicts) verdicts.Set(verdict, View::Count(count));
    View& matters = row.Set("matters", View::List());
    for (const FamilyMatter& m : a.matters) matters.Push(MatterModel(m));
  }
  View& matters = out.Set("matters", View::List());
  for (const FamilyMatter& m : r.context.matters) matters.Push(MatterModel(m));
  return out;
}

}  // namespace

View UeisModel(const VendorFamily& family) {
  View out = View::List();
  for (const VendorFamily::Member& m : family.members) {
    View& row = out.Push(View::Object());
    row.Set("uei", m.uei);
    row.Set("names", Strings(m.names));
    std::string text;
    for (const std::string& name : m.names) text += (text.empty() ? "" : "; ") + name;
    row.Set("names_text", text);
    row.Set("other_parents", Strings(m.other_parents));
  }
  return out;
}

View CandidateModel(const VendorFamily& family) {
  View c = View::Object();
  c.Set("parent_uei", family.parent_uei);
  c.Set("name", DisplayName(family));
  c.Set("masked", family.masked);
  c.Set("ueis", UeisModel(family));
  c.Set("obligated", View::Money(family.obligated));
  c.Set("actions", View::Count(family.actions));
  return c;
}

View CandidatesModel(const VendorReport& report) {
  View m = View::Object();
  m.Set("query", report.query);
  View& list = m.Set("candidates", View::List());
  for (const VendorFamily& family : report.candidates) list.Push(CandidateModel(family));
  return m;
}

View VendorModel(const VendorReport& r) {
  const FamilyTotals& t = r.totals;
  View m = View::Object();
  m.Set("query", r.query);
  m.Set("parent_uei", r.family.parent_uei);
  m.Set("parent_name", DisplayName(r.family));
  m.Set("name", DisplayName(r.family));
  m.Set("masked", r.family.masked);
  m.Set("ueis", UeisModel(r.family));
  View& links = m.Set("links", View::List());
  for (const FamilyLink& l : r.family.links) {
    View& link = links.Push(View::Object());
    link.Set("uei", l.uei);
    link.Set("parent_uei", l.parent_uei);
    link.Set("rows", View::Count(l.rows));
    link.Set("first_row", l.record);
  }
  m.Set("records_as_of", DateModel(r.records_as_of));
  m.Set("record_actions", View::Count(r.record_actions));
  m.Set("obligated", View::Money(t.obligated));
  m.Set("actions", View::Count(t.actions));
  View& agencies = m.Set("by_agency", View::List());
  for (const AgencyObligations& a : t.by_agency) {
    View& row = agencies.Push(View::Object());
    row.Set("agency_id", a.agency_id);
    row.Set("obligated", View::Money(a.obligated));
    row.Set("actions", View::Count(a.actions));
    row.Set("awards", View::Count(a.award_keys.size()));
    row.Set("award_keys", Strings(a.award_keys));
  }
  View& years = m.Set("by_fiscal_year", View::List());
  for (const YearObligations& y : t.by_fiscal_year) {
    View& row = years.Push(View::Object());
    row.Set("fiscal_year", View::Int(y.fiscal_year));
    row.Set("obligated", View::Money(y.obligated));
    row.Set("actions", View::Count(y.actions));
  }
  m.Set("since", r.since.ToIso());
  m.Set("deobligated_since", View::Money(t.deobligated_since));
  m.Set("deobligations_since", ActionsModel(t.deobligations_since));
  m.Set("terminations_since", ActionsModel(t.terminations_since));
  m.Set("open_awards", View::Count(t.open_awards));
  m.Set("remaining_ceiling", View::Money(t.remaining_ceiling));
  m.Set("open_idvs", View::Count(t.open_idvs));
  m.Set("open_idv_ceiling", View::Money(t.open_idv_ceiling));
  View& awards = m.Set("awards", View::List());
  for (const FamilyAward& a : t.awards) {
    View& row = awards.Push(View::Object());
    row.Set("award_key", a.key);
    row.Set("agency_id", a.agency_id);
    row.Set("piid", a.piid);
    row.Set("uei", a.uei);
    row.Set("idv", a.idv);
    row.Set("obligated", View::Money(a.obligated));
    row.Set("ceiling", View::Money(a.ceiling));
    row.Set("end", DateModel(a.end));
    row.Set("terminated", a.terminated);
    row.Set("open", a.open);
    row.Set("remaining_ceiling", View::Money(a.remaining_ceiling));
  }
  m.Set("where_cuts_met", WhereCutsMetModel(r));
  View& claims = m.Set("claims", View::List());
  for (const AwardClaim& c : r.claims) {
    View& row = claims.Push(View::Object());
    row.Set("claim_key", c.claim_key);
    row.Set("verdict", c.verdict);
    row.Set("award_key", c.award_key);
    row.Set("agency", c.agency);
    row.Set("claimed_savings", View::Money(c.claimed_savings));
    row.Set("verified_savings", View::Money(c.verified_savings));
    row.Set("listed", c.listed);
  }
  return m;
}

}  // namespace receipts
