#include "vendor/family_totals.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/text.h"
#include "verify/measures.h"

namespace receipts {

std::vector<AwardClaim> ClaimsOnFamily(const FamilyTotals& totals,
                                       const std::vector<AwardClaim>& claims) {
  std::set<std::string, std::less<>> keys;
  for (const FamilyAward& award : totals.awards) keys.insert(award.key);
  std::vector<AwardClaim> out;
  for (const AwardClaim& claim : claims) {
    if (keys.count(claim.award_key)) out.push_back(claim);
  }
  std::stable_sort(out.begin(), out.end(), [](const AwardClaim& a, const AwardClaim& b) {
    return a.claim_key < b.claim_key;
  });
  return out;
}

int FiscalYearOf(Date date) { return date.month() >= 10 ? date.year() + 1 : date.year(); }

bool IsTerminationReason(std::string_view code) {
  const std::string c = ToUpperAscii(Trim(code));
  return c == "E" || c == "F" || c == "N" || c == "X";
}

FamilyTotals TotalsOf(const VendorFamily& family, const RecordSet& records, Date since,
                      std::optional<Date> as_of) {
  FamilyTotals t;
  std::map<std::string, AgencyObligations> agencies;
  std::map<int, YearObligations> years;
  for (const Award& award : records.awards) {
    bool any = false;
    FamilyAward fa;
    for (const Action& a : award.actions) {
      // The rows recorded under the family's parent: never another group's, before or after a
      // sale.
      if (ToUpperAscii(Trim(a.vendor_uei)).empty() || ParentOfAction(a) != family.parent_uei) {
        continue;
      }
      any = true;
      fa.obligated += a.obligated;
      fa.ceiling += a.base_and_all;
      fa.uei = ToUpperAscii(Trim(a.vendor_uei));
      if (a.current_completion_date) fa.end = a.current_completion_date;
      fa.terminated |= IsTerminationReason(a.reason_code);
      t.obligated += a.obligated;
      ++t.actions;
      AgencyObligations& agency = agencies[award.agency_id];
      agency.agency_id = award.agency_id;
      agency.obligated += a.obligated;
      ++agency.actions;
      if (agency.award_keys.empty() || agency.award_keys.back() != award.key) {
        agency.award_keys.push_back(award.key);
      }
      if (a.signed_date) {
        YearObligations& year = years[FiscalYearOf(*a.signed_date)];
        year.fiscal_year = FiscalYearOf(*a.signed_date);
        year.obligated += a.obligated;
        ++year.actions;
      }
      const bool recent = a.signed_date && *a.signed_date >= since;
      if (!recent) continue;
      FamilyAction ref{award.key,
                       ActionRef(award, a).ToString(),
                       std::filesystem::path(a.source_file).filename().string() + ":" +
                           std::to_string(a.source_line),
                       a.signed_date,
                       a.obligated,
                       a.reason_code};
      if (a.obligated < 0) {
        t.deobligated_since -= a.obligated;
        t.deobligations_since.push_back(ref);
      }
      if (IsTerminationReason(a.reason_code)) t.terminations_since.push_back(std::move(ref));
    }
    if (!any) continue;
    fa.key = award.key;
    fa.agency_id = award.agency_id;
    fa.piid = award.piid;
    fa.idv = award.family == AwardFamily::kIdv;
    fa.open = !fa.terminated && fa.end && as_of && *fa.end >= *as_of;
    if (fa.open) {
      fa.remaining_ceiling = std::max<Cents>(0, fa.ceiling - fa.obligated);
      if (fa.idv) {
        t.open_idv_ceiling += fa.remaining_ceiling;
        ++t.open_idvs;
      } else {
        t.remaining_ceiling += fa.remaining_ceiling;
        ++t.open_awards;
      }
    }
    t.awards.push_back(std::move(fa));
  }
  std::sort(t.awards.begin(), t.awards.end(),
            [](const FamilyAward& a, const FamilyAward& b) { return a.key < b.key; });
  for (auto& [id, agency] : agencies) t.by_agency.push_back(std::move(agency));
  std::stable_sort(t.by_agency.begin(), t.by_agency.end(),
                   [](const AgencyObligations& a, const AgencyObligations& b) {
                     return a.obligated > b.obligated;
                   });
  for (auto& [year, totals] : years) t.by_fiscal_year.push_back(totals);
  auto by_date = [](const FamilyAction& a, const FamilyAction& b) {
    return a.signed_date < b.signed_date;
  };
  std::stable_sort(t.deobligations_since.begin(), t.deobligations_since.end(), by_date);
  std::stable_sort(t.terminations_since.begin(), t.terminations_since.end(), by_date);
  return t;
}

}  // namespace receipts
