#include "report/vendor_render.h"

#include <fmt/format.h>

#include <iterator>

#include "core/csv_writer.h"
#include "core/json_writer.h"
#include "report/vendor_model.h"

namespace receipts {

std::string RenderVendorJson(const VendorReport& r) {
  return ViewJson(r.by_uei ? VendorModel(r) : CandidatesModel(r)) + "\n";
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
