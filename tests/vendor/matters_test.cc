#include "vendor/matters.h"

#include <gtest/gtest.h>

#include <fstream>

#include "../test_files.h"
#include "real_records.h"
#include "vendor/family_totals.h"
#include "vendor/where_cuts_met.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;

const std::string kHeader = "agency_id,agency,company,matter,opened,closed,source_url,note\n";

std::string Write(const fs::path& dir, const std::string& text) {
  const fs::path path = dir / "matters.csv";
  std::ofstream(path) << text;
  return path.string();
}

TEST(MattersTest, TheShippedSourcedExampleReads) {
  auto matters = ReadMatters(std::string(RECEIPTS_SOURCE_DIR) +
                             "/demo/matters/2025_musk_companies_open_matters.csv");
  ASSERT_TRUE(matters.ok()) << matters.status().ToString();
  ASSERT_EQ(matters->size(), 7u);
  const Matter& starlink = matters->front();
  EXPECT_EQ(starlink.agency_id, "7200");
  EXPECT_EQ(starlink.opened->ToIso(), "2024-05-01");  // "2024-05": the month's first day
  EXPECT_FALSE(starlink.closed.has_value());
  EXPECT_EQ(starlink.line, 2u);
  const Matter& refugees = matters->back();
  EXPECT_EQ(refugees.closed->ToIso(), "2025-02-28");  // "2025-02": the month's last day
  EXPECT_FALSE(MatterOpenOn(refugees, *Date::FromYmd(2025, 3, 12)));
  EXPECT_TRUE(MatterOpenOn(refugees, *Date::FromYmd(2025, 1, 20)));
}

TEST(MattersTest, BadRowsNameFileLineAndField) {
  const fs::path dir = testing::MakeTestDir("receipts_matters_");
  const std::pair<std::string, std::string> cases[] = {
      {"agency,company,matter\n", "no column 'agency_id'"},
      {kHeader + "7200,USAID,,probe,,,https://example.org/a,\n", ":2: field 'company'"},
      {kHeader + "7200,USAID,ACME,probe,,,example.org,\n", ":2: field 'source_url'"},
      {kHeader + "7200,USAID,ACME,probe,2025-13-01,,https://example.org/a,\n",
       ":2: field 'opened'"},
      {kHeader + "7200,USAID,ACME,probe,2025-03-01,2025-02,https://example.org/a,\n",
       ":2: field 'closed': closed before it opened"},
      {kHeader + "7200,USAID,ACME,,,,https://example.org/a,\n", ":2: field 'matter'"},
  };
  for (const auto& [text, message] : cases) {
    const std::string path = Write(dir, text);
    auto matters = ReadMatters(path);
    ASSERT_FALSE(matters.ok()) << text;
    EXPECT_NE(matters.status().message().find(message), std::string::npos)
        << text << " -> " << matters.status().message();
    EXPECT_NE(matters.status().message().find(path), std::string::npos);
  }
  fs::remove_all(dir);
}

// "Tesla, Inc." is a name the records never give TESLA LABORATORIES INC.; a matter naming a UEI
// of the family, or a name letter for letter, does name it.
TEST(MattersTest, AMatterNamesAFamilyByUeiOrByItsExactName) {
  const RecordSet& records = testing::ShippedFpdsRecords();
  const VendorFamilies families = VendorFamilies::Build(records);
  const VendorFamily& tesla_labs = *families.FindByUei("LKH1DTGEND43");
  const VendorFamily& tetra_tech = *families.FindByUei("LMRMKLLL3LG5");
  Matter m;
  m.company = "Tesla, Inc.";
  EXPECT_EQ(MatterNamesFamily(m, tesla_labs), "");
  m.company = "Tesla Laboratories, Inc.";
  EXPECT_EQ(MatterNamesFamily(m, tesla_labs), "name");
  m.company = "m5nwcbjckst7";
  EXPECT_EQ(MatterNamesFamily(m, tetra_tech), "uei");
  m.company = "Tetra Tech";
  EXPECT_EQ(MatterNamesFamily(m, tetra_tech), "");  // no recorded name is exactly that

  // A hand-made matter (a fixture, not a real one) at USAID beside the family's money there.
  m.company = "Management Systems International, Inc.";
  m.agency_id = "7200";
  m.matter = "fixture";
  m.opened = *Date::FromYmd(2024, 1, 1);
  AwardClaim at_usaid{"contract:7200:X", "not_terminated", "", "7200", "USAID", 100, 0, "list"};
  AwardClaim elsewhere{"contract:9700:Y", "verified", "", "9700", "DoD", 50, 50, "list"};
  const FamilyTotals totals =
      TotalsOf(tetra_tech, records, *Date::FromYmd(2025, 1, 20), records.as_of);
  const WhereCutsMet met =
      FindWhereCutsMet(tetra_tech, totals, {at_usaid, elsewhere}, {m}, records.as_of);
  ASSERT_EQ(met.agencies.size(), 3u);
  EXPECT_EQ(met.agencies[0].agency_id, "7200");
  EXPECT_EQ(met.agencies[0].claims, 1u);
  EXPECT_EQ(met.agencies[0].claimed, 100);
  EXPECT_EQ(met.agencies[0].verdicts.at("not_terminated"), 1u);
  ASSERT_EQ(met.agencies[0].matters.size(), 1u);
  EXPECT_EQ(met.agencies[0].matters[0].named_by, "name");
  EXPECT_TRUE(met.agencies[0].matters[0].open_at_records_date);
  ASSERT_EQ(met.matters.size(), 1u);
}

}  // namespace
}  // namespace receipts
