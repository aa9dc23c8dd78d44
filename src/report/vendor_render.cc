#include "report/vendor_render.h"

#include <fmt/format.h>

#include <iterator>

#include "core/csv_writer.h"
#include "core/json_writer.h"

namespace receipts {
namespace {

std::string Money(const char* name, Cents cents) {
  return fmt::format("\"{0}\":\"{1}\",\"{0}_cents\":{2}", name, FormatDollars(cents), cents);
}

std::string OptionalMoney(const char* name, const std::optional<Cents>& cents) {
  if (!cents) return fmt::format("\"{0}\":null,\"{0}_cents\":null", name);
  return Money(name, *cents);
}

std::string Strings(const std::vector<std::string>& list) {
  std::string out = "[";
  for (std::size_t i = 0; i < list.size(); ++i) out += (i ? "," : "") + JsonString(list[i]);
  return out + "]";
}

std::string DateJson(const std::optional<Date>& date) {
  return date ? JsonString(date->ToIso()) : "null";
}

std::string UeisJson(const VendorFamily& family) {
  std::string out = "[";
  for (std::size_t i = 0; i < family.members.size(); ++i) {
    const VendorFamily::Member& m = family.members[i];
    out += fmt::format("{}{{\"uei\":{},\"names\":{},\"other_parents\":{}}}", i ? "," : "",
                       JsonString(m.uei), Strings(m.names), Strings(m.other_parents));
  }
  return out + "]";
}

std::string ActionsJson(const std::vector<FamilyAction>& actions) {
  std::string out = "[";
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const FamilyAction& a = actions[i];
    out += fmt::format(
        "{}{{\"award_key\":{},\"record\":{},\"source\":{},\"signed_date\":{},{},"
        "\"reason_code\":{}}}",
        i ? "," : "", JsonString(a.award_key), JsonString(a.record), JsonString(a.source),
        DateJson(a.signed_date), Money("obligated", a.obligated), JsonString(a.reason_code));
  }
  return out + "]";
}

std::string MatterJson(const FamilyMatter& fm) {
  const Matter& m = fm.matter;
  return fmt::format(
      "{{\"agency_id\":{},\"agency\":{},\"company\":{},\"named_by\":{},\"matter\":{},"
      "\"opened\":{},\"closed\":{},\"open_at_records_date\":{},\"agency_pays_family\":{},"
      "\"source_url\":{},\"note\":{},\"line\":{}}}",
      JsonString(m.agency_id), JsonString(m.agency), JsonString(m.company), JsonString(fm.named_by),
      JsonString(m.matter), DateJson(m.opened), DateJson(m.closed),
      fm.open_at_records_date ? "true" : "false", fm.agency_pays_family ? "true" : "false",
      JsonString(m.source_url), JsonString(m.note), m.line);
}

// null when neither claims nor matters were given.
std::string WhereCutsMetJson(const VendorReport& r) {
  if (!r.with_claims && !r.with_matters) return "null";
  std::string out = "{\"note\":" + JsonString(kCoOccurrenceNote) + ",\"agencies\":[";
  for (std::size_t i = 0; i < r.context.agencies.size(); ++i) {
    const AgencyCuts& a = r.context.agencies[i];
    out += fmt::format(
        "{}{{\"agency_id\":{},\"agency\":{},{},\"doge_claims\":{},{},{},"
        "\"doge_family_claims\":{},\"verdicts\":{{",
        i ? "," : "", JsonString(a.agency_id), JsonString(a.agency),
        Money("family_obligated", a.family_obligated), a.claims, Money("doge_claimed", a.claimed),
        Money("doge_verified", a.verified), a.family_claims);
    const char* separator = "";
    for (const auto& [verdict, count] : a.verdicts) {
      out += fmt::format("{}{}:{}", separator, JsonString(verdict), count);
      separator = ",";
    }
    out += "},\"matters\":[";
    for (std::size_t m = 0; m < a.matters.size(); ++m)
      out += (m ? "," : "") + MatterJson(a.matters[m]);
    out += "]}";
  }
  out += "],\"matters\":[";
  for (std::size_t m = 0; m < r.context.matters.size(); ++m) {
    out += (m ? "," : "") + MatterJson(r.context.matters[m]);
  }
  return out + "]}";
}

std::string CandidatesJson(const VendorReport& report) {
  std::string out = "{\"query\":" + JsonString(report.query) + ",\"candidates\":[";
  for (std::size_t i = 0; i < report.candidates.size(); ++i) {
    const VendorFamily& c = report.candidates[i];
    out += fmt::format("{}{{\"parent_uei\":{},\"ueis\":{},{},\"actions\":{}}}", i ? "," : "",
                       JsonString(c.parent_uei), UeisJson(c), Money("obligated", c.obligated),
                       c.actions);
  }
  return out + "]}\n";
}

}  // namespace

std::string RenderVendorJson(const VendorReport& r) {
  if (!r.by_uei) return CandidatesJson(r);
  const FamilyTotals& t = r.totals;
  std::string out;
  auto it = std::back_inserter(out);
  fmt::format_to(it,
                 "{{\"query\":{},\"parent_uei\":{},\"parent_name\":{},"
                 "\"masked\":{},\"ueis\":{},\"links\":[",
                 JsonString(r.query), JsonString(r.family.parent_uei),
                 JsonString(DisplayName(r.family)), r.family.masked ? "true" : "false",
                 UeisJson(r.family));
  for (std::size_t i = 0; i < r.family.links.size(); ++i) {
    const FamilyLink& l = r.family.links[i];
    fmt::format_to(it, "{}{{\"uei\":{},\"parent_uei\":{},\"rows\":{},\"first_row\":{}}}",
                   i ? "," : "", JsonString(l.uei), JsonString(l.parent_uei), l.rows,
                   JsonString(l.record));
  }
  fmt::format_to(
      it, "],\"records_as_of\":{},\"record_actions\":{},{},\"actions\":{},\"by_agency\":[",
      DateJson(r.records_as_of), r.record_actions, Money("obligated", t.obligated), t.actions);
  for (std::size_t i = 0; i < t.by_agency.size(); ++i) {
    const AgencyObligations& a = t.by_agency[i];
    fmt::format_to(it, "{}{{\"agency_id\":{},{},\"actions\":{},\"award_keys\":{}}}", i ? "," : "",
                   JsonString(a.agency_id), Money("obligated", a.obligated), a.actions,
                   Strings(a.award_keys));
  }
  out += "],\"by_fiscal_year\":[";
  for (std::size_t i = 0; i < t.by_fiscal_year.size(); ++i) {
    const YearObligations& y = t.by_fiscal_year[i];
    fmt::format_to(it, "{}{{\"fiscal_year\":{},{},\"actions\":{}}}", i ? "," : "", y.fiscal_year,
                   Money("obligated", y.obligated), y.actions);
  }
  fmt::format_to(it,
                 "],\"since\":{},{},\"deobligations_since\":{},\"terminations_since\":{},"
                 "\"open_awards\":{},{},\"open_idvs\":{},{},\"awards\":[",
                 JsonString(r.since.ToIso()), Money("deobligated_since", t.deobligated_since),
                 ActionsJson(t.deobligations_since), ActionsJson(t.terminations_since),
                 t.open_awards, Money("remaining_ceiling", t.remaining_ceiling), t.open_idvs,
                 Money("open_idv_ceiling", t.open_idv_ceiling));
  for (std::size_t i = 0; i < t.awards.size(); ++i) {
    const FamilyAward& a = t.awards[i];
    fmt::format_to(it,
                   "{}{{\"award_key\":{},\"agency_id\":{},\"piid\":{},\"uei\":{},\"idv\":{},{},{},"
                   "\"end\":{},\"terminated\":{},\"open\":{},{}}}",
                   i ? "," : "", JsonString(a.key), JsonString(a.agency_id), JsonString(a.piid),
                   JsonString(a.uei), a.idv ? "true" : "false", Money("obligated", a.obligated),
                   Money("ceiling", a.ceiling), DateJson(a.end), a.terminated ? "true" : "false",
                   a.open ? "true" : "false", Money("remaining_ceiling", a.remaining_ceiling));
  }
  out += "],\"where_cuts_met\":" + WhereCutsMetJson(r) + ",\"claims\":[";
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    const AwardClaim& c = r.claims[i];
    fmt::format_to(it,
                   "{}{{\"claim_key\":{},\"verdict\":{},\"award_key\":{},\"agency\":{},{},{},"
                   "\"listed\":{}}}",
                   i ? "," : "", JsonString(c.claim_key), JsonString(c.verdict),
                   JsonString(c.award_key), JsonString(c.agency),
                   OptionalMoney("claimed_savings", c.claimed_savings),
                   OptionalMoney("verified_savings", c.verified_savings), JsonString(c.listed));
  }
  out += "]}\n";
  return out;
}

std::string RenderVendorCsv(const VendorReport& r) {
  std::string out;
  if (!r.by_uei) {
    out = "parent_uei,ueis,names,obligated,actions\n";
    for (const VendorFamily& c : r.candidates) {
      std::string ueis, names;
      for (const VendorFamily::Member& m : c.members) {
        ueis += (ueis.empty() ? "" : " ") + m.uei;
        for (const std::string& n : m.names) names += (names.empty() ? "" : "; ") + n;
      }
      const std::string row[] = {c.parent_uei, ueis, names, FormatDollars(c.obligated),
                                 std::to_string(c.actions)};
      AppendCsvRow(row, &out);
    }
    return out;
  }
  out =
      "parent_uei,award_key,agency_id,piid,uei,idv,obligated,ceiling,end,terminated,open,"
      "remaining_ceiling\n";
  for (const FamilyAward& a : r.totals.awards) {
    const std::string row[] = {r.family.parent_uei,
                               a.key,
                               a.agency_id,
                               a.piid,
                               a.uei,
                               a.idv ? "true" : "false",
                               FormatDollars(a.obligated),
                               FormatDollars(a.ceiling),
                               a.end ? a.end->ToIso() : "",
                               a.terminated ? "true" : "false",
                               a.open ? "true" : "false",
                               FormatDollars(a.remaining_ceiling)};
    AppendCsvRow(row, &out);
  }
  return out;
}

std::string RenderVendorText(const VendorReport& r) {
  std::string out;
  auto it = std::back_inserter(out);
  const std::string as_of = r.records_as_of ? r.records_as_of->ToIso() : "an unknown date";
  if (!r.by_uei) {
    fmt::format_to(it,
                   "'{}' is named in {} vendor famil{} (by UEI links, never merged by name). "
                   "Pick one by UEI: receipts vendor UEI …\n",
                   r.query, r.candidates.size(), r.candidates.size() == 1 ? "y" : "ies");
    for (const VendorFamily& c : r.candidates) {
      fmt::format_to(it, "\n{}  {} obligated in {} actions\n", c.parent_uei, FormatUsd(c.obligated),
                     GroupThousands(c.actions));
      for (const VendorFamily::Member& m : c.members) {
        std::string names;
        for (const std::string& n : m.names) names += (names.empty() ? "" : "; ") + n;
        fmt::format_to(it, "  {}  {}\n", m.uei, names.empty() ? "(no name recorded)" : names);
      }
    }
    return out;
  }
  const FamilyTotals& t = r.totals;
  fmt::format_to(it, "Vendor family {} ({}), from {} record actions through {}\n",
                 r.family.parent_uei, DisplayName(r.family), GroupThousands(r.record_actions),
                 as_of);
  if (r.family.masked) {
    out +=
        "FPDS masks this awardee's identity (\"UNDISCLOSED\"): its rows share one UEI but are "
        "not one company.\n";
  }
  fmt::format_to(it, "\n{} UEI{}, linked by the records (vendor UEI -> ultimate parent UEI):\n",
                 r.family.members.size(), r.family.members.size() == 1 ? "" : "s");
  for (const VendorFamily::Member& m : r.family.members) {
    std::string names;
    for (const std::string& n : m.names) names += (names.empty() ? "" : "; ") + n;
    fmt::format_to(it, "  {}  {}\n", m.uei, names.empty() ? "(no name recorded)" : names);
  }
  for (const FamilyLink& l : r.family.links) {
    fmt::format_to(it, "  {} -> {}  {} row{}, first {}\n", l.uei, l.parent_uei, l.rows,
                   l.rows == 1 ? "" : "s", l.record);
  }
  fmt::format_to(it, "\nNet obligations: {} in {} actions on {} awards\n", FormatUsd(t.obligated),
                 GroupThousands(t.actions), GroupThousands(t.awards.size()));
  out += "\nBy awarding agency (FPDS agencyID):\n";
  for (const AgencyObligations& a : t.by_agency) {
    fmt::format_to(it, "  {:<6} {:>22}  {} action{}, {} award{}\n", a.agency_id,
                   FormatUsd(a.obligated), GroupThousands(a.actions), a.actions == 1 ? "" : "s",
                   GroupThousands(a.award_keys.size()), a.award_keys.size() == 1 ? "" : "s");
  }
  out += "\nBy fiscal year:\n";
  for (const YearObligations& y : t.by_fiscal_year) {
    fmt::format_to(it, "  FY{} {:>22}  {} actions\n", y.fiscal_year, FormatUsd(y.obligated),
                   GroupThousands(y.actions));
  }
  fmt::format_to(it,
                 "\nSince {}: {} de-obligated in {} actions; {} termination modification{} "
                 "(E, F, N, X)\n",
                 r.since.ToIso(), FormatUsd(t.deobligated_since), t.deobligations_since.size(),
                 t.terminations_since.size(), t.terminations_since.size() == 1 ? "" : "s");
  for (const FamilyAction& a : t.terminations_since) {
    fmt::format_to(it, "  {} {} {} ({})\n", a.signed_date ? a.signed_date->ToIso() : "",
                   a.reason_code, a.record, a.source);
  }
  fmt::format_to(it,
                 "Open contracts and orders (ending on or after {}): {}, with {} of ceiling left\n"
                 "Open IDVs: {}, with {} of ceiling left: a limit on orders, often shared by "
                 "every holder of the vehicle, not money\n",
                 as_of, t.open_awards, FormatUsd(t.remaining_ceiling), t.open_idvs,
                 FormatUsd(t.open_idv_ceiling));
  if (r.with_claims || r.with_matters) {
    out += "\nWhere the cuts met the vendor: each agency that pays the family";
    out += r.with_claims ? ", every DOGE claim at it" : "";
    out += r.with_matters ? ", and the open matters against the family there" : "";
    out += ".\n";
    for (const AgencyCuts& a : r.context.agencies) {
      fmt::format_to(it, "  {} {}: the family was obligated {}", a.agency_id,
                     a.agency.empty() ? "" : "(" + a.agency + ")", FormatUsd(a.family_obligated));
      if (r.with_claims) {
        fmt::format_to(it,
                       "; DOGE claimed {} in {} claims there ({} on the family's awards), {} "
                       "verified",
                       FormatUsd(a.claimed), GroupThousands(a.claims),
                       GroupThousands(a.family_claims), FormatUsd(a.verified));
      }
      out += "\n";
      for (const FamilyMatter& fm : a.matters) {
        fmt::format_to(it, "    matter: {} ({}; opened {}, {}) source: {}\n", fm.matter.matter,
                       fm.matter.company,
                       fm.matter.opened ? fm.matter.opened->ToIso() : "date unknown",
                       fm.matter.closed ? "closed " + fm.matter.closed->ToIso() : "not closed",
                       fm.matter.source_url);
      }
    }
    if (r.with_matters) {
      fmt::format_to(it, "  Matters against the family in the file: {}\n",
                     r.context.matters.size());
    }
    fmt::format_to(it, "  {}\n", kCoOccurrenceNote);
  }
  fmt::format_to(it, "\nDOGE claims on its awards: {}\n", r.claims.size());
  for (const AwardClaim& c : r.claims) {
    fmt::format_to(it, "  {}  {}  claimed {}, verified {}\n", c.claim_key, c.verdict,
                   c.claimed_savings ? FormatUsd(*c.claimed_savings) : "unknown",
                   c.verified_savings ? FormatUsd(*c.verified_savings) : "unknown");
  }
  return out;
}

}  // namespace receipts
