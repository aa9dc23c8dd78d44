#include "vendor/where_cuts_met.h"

#include <set>

#include "core/text.h"

namespace receipts {

WhereCutsMet FindWhereCutsMet(const VendorFamily& family, const FamilyTotals& totals,
                              const std::vector<AwardClaim>& claims,
                              const std::vector<Matter>& matters, std::optional<Date> as_of) {
  WhereCutsMet out;
  std::set<std::string> family_awards;
  for (const FamilyAward& award : totals.awards) family_awards.insert(award.key);
  std::map<std::string, std::size_t> index;
  for (const AgencyObligations& a : totals.by_agency) {
    index[a.agency_id] = out.agencies.size();
    AgencyCuts cuts;
    cuts.agency_id = a.agency_id;
    cuts.family_obligated = a.obligated;
    out.agencies.push_back(std::move(cuts));
  }
  for (const AwardClaim& claim : claims) {
    auto it = index.find(ToUpperAscii(Trim(claim.agency_id)));
    if (it == index.end()) continue;
    AgencyCuts& cuts = out.agencies[it->second];
    if (cuts.agency.empty()) cuts.agency = claim.agency;
    ++cuts.claims;
    cuts.claimed += claim.claimed_savings.value_or(0);
    cuts.verified += claim.verified_savings.value_or(0);
    ++cuts.verdicts[claim.verdict];
    cuts.family_claims += family_awards.count(claim.award_key);
  }
  for (const Matter& matter : matters) {
    const std::string named_by = MatterNamesFamily(matter, family);
    if (named_by.empty()) continue;
    FamilyMatter fm{matter, named_by, false, as_of && MatterOpenOn(matter, *as_of)};
    auto it = index.find(matter.agency_id);
    if (!matter.agency_id.empty() && it != index.end()) {
      fm.agency_pays_family = true;
      out.agencies[it->second].matters.push_back(fm);
    }
    out.matters.push_back(std::move(fm));
  }
  return out;
}

}  // namespace receipts
