#include "vendor/vendor_families.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "real_records.h"
#include "vendor/family_totals.h"

namespace receipts {
namespace {

using testing::ShippedFpdsRecords;

Date Day(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

std::vector<std::string> UeisOf(const VendorFamily& family) {
  std::vector<std::string> out;
  for (const auto& m : family.members) out.push_back(m.uei);
  return out;
}

// Tetra Tech, Inc. (LMRMKLLL3LG5) and the subsidiaries the record files under it: ARD, Management
// Systems International, The Kaizen Company, Tetra Tech EC and ES. Checked by hand with a
// separate script over the same rows (rows whose ultimateParentUEI, or UEI when it is blank, is
// LMRMKLLL3LG5; obligatedAmount summed by agencyID and fiscal year): 516 actions,
// $1,102,297,138.71. The Kaizen Company's 13 rows from before it was recorded under Tetra Tech
// (it was its own parent then) are not Tetra Tech's money.
TEST(VendorFamiliesTest, TetraTechAndItsSubsidiariesByUeiLinks) {
  const RecordSet& records = ShippedFpdsRecords();
  const VendorFamilies families = VendorFamilies::Build(records);
  const VendorFamily* family = families.FindByUei("lmrmklll3lg5");
  ASSERT_NE(family, nullptr);
  EXPECT_EQ(family->parent_uei, "LMRMKLLL3LG5");
  EXPECT_EQ(UeisOf(*family),
            (std::vector<std::string>{"F1QGVDFNHL63", "LMRMKLLL3LG5", "M5NWCBJCKST7",
                                      "MC45KD32KMC7", "NAYBB3MLDS46", "TQGYUPZ2KPL5",
                                      "UJN1EN56WZ66", "VHLHREH8Y7R4", "X38LAAB5HB64"}));
  EXPECT_FALSE(family->masked);
  // A subsidiary finds the same family.
  EXPECT_EQ(families.FindByUei("M5NWCBJCKST7"), family);
  // The link of Management Systems International, with the row that shows it.
  auto msi = std::find_if(family->links.begin(), family->links.end(),
                          [](const FamilyLink& l) { return l.uei == "M5NWCBJCKST7"; });
  ASSERT_NE(msi, family->links.end());
  EXPECT_EQ(msi->parent_uei, "LMRMKLLL3LG5");
  EXPECT_EQ(msi->rows, 72u);
  EXPECT_EQ(msi->record, "7200/7200AA25F00001/0 (2025-03-13_fpds_awards.csv.gz:15534)");

  const FamilyTotals totals = TotalsOf(*family, records, Day(2025, 1, 20), records.as_of);
  EXPECT_EQ(totals.actions, 516u);
  EXPECT_EQ(totals.obligated, 110229713871);
  EXPECT_EQ(family->actions, 516u);  // the same, summed once at Build for the name search
  EXPECT_EQ(family->obligated, 110229713871);
  ASSERT_EQ(totals.by_agency.size(), 3u);
  EXPECT_EQ(totals.by_agency[0].agency_id, "7200");  // USAID
  EXPECT_EQ(totals.by_agency[0].obligated, 110180541036);
  EXPECT_EQ(totals.by_agency[0].award_keys.size(), 83u);
  EXPECT_EQ(totals.by_agency[1].agency_id, "1422");
  EXPECT_EQ(totals.by_agency[1].obligated, 36923545);
  EXPECT_EQ(totals.by_agency[2].agency_id, "6800");
  EXPECT_EQ(totals.by_agency[2].obligated, 12249290);
  ASSERT_EQ(totals.by_fiscal_year.size(), 8u);
  EXPECT_EQ(totals.by_fiscal_year.front().fiscal_year, 2018);
  EXPECT_EQ(totals.by_fiscal_year.front().obligated, 710915300);
  EXPECT_EQ(totals.by_fiscal_year.back().fiscal_year, 2025);
  EXPECT_EQ(totals.by_fiscal_year.back().obligated, 7011123879);
  // The Kaizen Company was its own parent on 13 rows: that family, apart, keeps them.
  auto kaizen = std::find_if(family->members.begin(), family->members.end(),
                             [](const auto& m) { return m.uei == "MC45KD32KMC7"; });
  ASSERT_NE(kaizen, family->members.end());
  EXPECT_EQ(kaizen->other_parents, std::vector<std::string>{"MC45KD32KMC7"});
}

// TESLA LABORATORIES INC. (LKH1DTGEND43), whose Treasury orders DOGE cut, is its own family: a
// name search finds it as a candidate, never merged with anything called Tesla.
TEST(VendorFamiliesTest, TeslaLaboratoriesIsNotTesla) {
  const VendorFamilies families = VendorFamilies::Build(ShippedFpdsRecords());
  const VendorFamily* family = families.FindByUei("LKH1DTGEND43");
  ASSERT_NE(family, nullptr);
  EXPECT_EQ(UeisOf(*family), std::vector<std::string>{"LKH1DTGEND43"});
  EXPECT_EQ(family->members.front().names, std::vector<std::string>{"TESLA LABORATORIES INC."});
  const auto candidates = families.FindByName("tesla");
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates.front(), family);
  EXPECT_TRUE(families.FindByName("tes").empty());  // whole words only
  EXPECT_EQ(families.FindByUei("ZZZZZZZZZZZZ"), nullptr);
}

// FPDS's masked awardees share one UEI; the family says it is not one company.
TEST(VendorFamiliesTest, UndisclosedAwardeesAreMasked) {
  const VendorFamilies families = VendorFamilies::Build(ShippedFpdsRecords());
  const VendorFamily* family = families.FindByUei("KA5HQCLKUVW1");
  ASSERT_NE(family, nullptr);
  EXPECT_TRUE(family->masked);
}

Action Row(std::string uei, std::string parent, std::string name, Cents obligated,
           Date signed_date) {
  Action a;
  a.mod_number = "0";
  a.vendor_uei = std::move(uei);
  a.parent_uei = std::move(parent);
  a.vendor_name = std::move(name);
  a.obligated = obligated;
  a.signed_date = signed_date;
  a.source_file = "fixture.csv";
  a.source_line = 2;
  return a;
}

Award OneAction(std::string piid, Action action) {
  Award award;
  award.agency_id = "9700";
  award.piid = piid;
  award.key = "CONT_AWD_" + piid + "_9700_-NONE-_-NONE-";
  award.actions.push_back(std::move(action));
  return award;
}

// Two vendors with one name and no link stay apart. A vendor sold from one parent to another is
// in both families, each counting only the rows recorded under it: the two groups are never
// merged through it, and its lookup goes to the parent its latest row names.
TEST(VendorFamiliesTest, IdentifiersLinkNamesNeverAndSalesDoNotChain) {
  RecordSet records;
  records.awards.push_back(
      OneAction("A1", Row("AAAAAAAAAAA1", "PPPPPPPPPPP1", "ACME INC", 100, Day(2024, 1, 1))));
  records.awards.push_back(
      OneAction("A2", Row("BBBBBBBBBBB1", "", "ACME INC", 200, Day(2024, 1, 2))));
  records.awards.push_back(
      OneAction("A3", Row("CCCCCCCCCCC1", "PPPPPPPPPPP1", "ACME WEST", 300, Day(2024, 1, 3))));
  records.awards.push_back(
      OneAction("A4", Row("CCCCCCCCCCC1", "PPPPPPPPPPP2", "ACME WEST", 400, Day(2025, 1, 3))));
  records.awards.push_back(
      OneAction("A5", Row("DDDDDDDDDDD1", "PPPPPPPPPPP2", "OTHER CO", 500, Day(2025, 2, 3))));
  const VendorFamilies families = VendorFamilies::Build(records);
  const VendorFamily* first = families.FindByUei("PPPPPPPPPPP1");
  const VendorFamily* second = families.FindByUei("PPPPPPPPPPP2");
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(UeisOf(*first),
            (std::vector<std::string>{"AAAAAAAAAAA1", "CCCCCCCCCCC1", "PPPPPPPPPPP1"}));
  EXPECT_EQ(UeisOf(*second),
            (std::vector<std::string>{"CCCCCCCCCCC1", "DDDDDDDDDDD1", "PPPPPPPPPPP2"}));
  EXPECT_EQ(families.FindByUei("AAAAAAAAAAA1"), first);
  EXPECT_EQ(families.FindByUei("ccccccccccc1"), second);  // its latest parent, any case
  EXPECT_NE(families.FindByUei("BBBBBBBBBBB1"), first);   // same name, no link
  EXPECT_EQ(families.FindByName("acme inc").size(), 2u);
  EXPECT_EQ(TotalsOf(*first, records, Day(2025, 1, 1), Day(2025, 3, 1)).obligated, 400);
  const FamilyTotals later = TotalsOf(*second, records, Day(2025, 1, 1), Day(2025, 3, 1));
  EXPECT_EQ(later.obligated, 900);
  EXPECT_EQ(later.by_fiscal_year.size(), 1u);  // FY2025
  EXPECT_EQ(FiscalYearOf(Day(2024, 10, 1)), 2025);
  EXPECT_EQ(FiscalYearOf(Day(2024, 9, 30)), 2024);
}

}  // namespace
}  // namespace receipts
