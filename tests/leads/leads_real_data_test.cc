// Each rule on the shipped FPDS records: one real award it flags and one it must not, each
// checked by hand against the rows (demo/records/2025-03-13_fpds_awards.csv.gz).
#include <gtest/gtest.h>

#include "../vendor/real_records.h"
#include "leads/leads.h"

namespace receipts {
namespace {

const LeadsRun& Run() {
  static const LeadsRun* run =
      new LeadsRun(FindLeads(testing::ShippedFpdsRecords(), LeadRules::Defaults()));
  return *run;
}

const Lead* Find(const std::string& rule, const std::string& agency, const std::string& piid) {
  for (const Lead& lead : Run().leads) {
    if (lead.rule == rule && lead.agency_id == agency && lead.piid == piid) return &lead;
  }
  return nullptr;
}

const RuleCoverage& Coverage(const std::string& rule) {
  for (const RuleCoverage& c : Run().coverage) {
    if (c.rule == rule) return c;
  }
  static const RuleCoverage kNone;
  ADD_FAILURE() << "no coverage for " << rule;
  return kNone;
}

// Base row: extentCompeted A, numberOfOffersReceived 1; three actions obligate $250,601.46.
TEST(LeadsRealDataTest, W1OneOfferOnACompetedAward) {
  const Lead* lead = Find("W1", "0559", "05GA0A22P0013");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->sentence,
            "Competed (A: full and open competition) with 1 offer received; $250,601.46 "
            "obligated.");
  EXPECT_EQ(lead->evidence,
            std::vector<std::string>{"0559/05GA0A22P0013/0 (2025-03-13_fpds_awards.csv.gz:9810)"});
  EXPECT_EQ(lead->vendor_name, "POLITICO, LLC");
  // Competed (A) with 3 offers: no lead.
  EXPECT_EQ(Find("W1", "2036", "20343022F00009"), nullptr);
  EXPECT_EQ(Coverage("W1").applicable, 6030u);
  EXPECT_EQ(Coverage("W1").blank, 1021u);  // no extentCompeted, or competed with offers blank
  EXPECT_EQ(Coverage("W1").flagged, 1121u);
}

TEST(LeadsRealDataTest, W2NotCompeted) {
  const Lead* lead = Find("W2", "1100", "11316022P0006OAS");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->sentence, "Not competed (C: not competed); $376,400.00 obligated.");
  EXPECT_EQ(Find("W2", "0559", "05GA0A22P0013"), nullptr);  // competed (A)
  EXPECT_EQ(Coverage("W2").flagged, 1197u);
}

// PSC R499: the ceiling went from $689,423.50 (base) to $2,398,237.50 with P00003's
// $1,708,814.00, 3.5 times, above the 2.0x floor of the fence among 1,257 R499 awards.
TEST(LeadsRealDataTest, W3CeilingGrowthAboveItsPscFence) {
  const Lead* lead = Find("W3", "1205", "12314424F0066");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->sentence,
            "Ceiling grew from $689,423.50 at award to $2,398,237.50 (3.5x), above the 2.0x fence "
            "of the 1,257 awards with PSC R499.");
  EXPECT_EQ(Find("W3", "9300", "93310023P0021"), nullptr);
}

TEST(LeadsRealDataTest, W4UndefinitizedAction) {
  const Lead* lead = Find("W4", "12C2", "12318722F0406");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->sentence,
            "Undefinitized action (A: letter contract) on the base award (2022-07-27); "
            "$26,215.05 obligated on the award.");
  EXPECT_EQ(Find("W4", "9300", "93310023P0021"), nullptr);  // every action X
}

// The base award, 2023-09-29, obligated $1,241,300.00; P00007 on 2024-09-23 is a day early.
TEST(LeadsRealDataTest, W6YearEndMoney) {
  const Lead* lead = Find("W6", "1205", "12314423C0108");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->sentence,
            "$1,241,300.00 obligated in the last 7 days of September 2023 (1 action, last on "
            "2023-09-29).");
  // Late-September money under the $1,000,000 threshold.
  EXPECT_EQ(Find("W6", "9507", "9523ZY23C0032"), nullptr);
}

// No shipped award obligates more than its ceiling (a script over every award agrees: 0), so
// W7 is pinned by hand-made awards in leads_test.cc; here, its coverage.
TEST(LeadsRealDataTest, W7NothingOverItsCeiling) {
  EXPECT_EQ(Coverage("W7").applicable, 5555u);  // contracts, not IDVs
  EXPECT_EQ(Coverage("W7").flagged, 0u);
}

// P00001 (F, 2025-03-07) de-obligated $1,145,711.93; P00002 (2025-03-11) obligated $78,562.25.
TEST(LeadsRealDataTest, W8MoneyAfterATermination) {
  const Lead* lead = Find("W8", "3600", "36C24624N0989");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->sentence,
            "$78,562.25 obligated on P00002 (2025-03-11) after the termination (F) on P00001 "
            "(2025-03-07).");
  EXPECT_EQ(lead->evidence.size(), 2u);
  // Its base row's reason cell says F, but a base award is no termination; P00003's money is
  // on the first termination itself.
  EXPECT_EQ(Find("W8", "1900", "19AQMM25F0078"), nullptr);
}

TEST(LeadsRealDataTest, W9SameAmountTwiceOnOneDay) {
  const Lead* lead = Find("W9", "4732", "47QDCB23F0009");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->sentence, "The base award and P00001 both obligate $7,584.00 on 2023-09-14.");
  EXPECT_EQ(Find("W9", "7504", "75040124F46059"), nullptr);
  EXPECT_EQ(Coverage("W9").flagged, 1u);
}

TEST(LeadsRealDataTest, W11PricingIsContext) {
  const Lead* lead = Find("W11", "1205", "12314422F0637");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->sentence.rfind("Priced as labor hours (Z); $608,906.80 obligated.", 0), 0u);
  EXPECT_EQ(Find("W11", "9518", "95044124P0006"), nullptr);  // firm fixed price (J)
}

TEST(LeadsRealDataTest, W12IdvWithLittleUse) {
  const Lead* lead = Find("W12", "12F2", "12319823A0003");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->sentence,
            "IDV ceiling $25,000,000.00; the 0 orders under it in these records obligate $0.00. "
            "Orders outside these records are not counted.");
  EXPECT_EQ(Coverage("W12").applicable, 475u);  // IDVs only
}

}  // namespace
}  // namespace receipts
