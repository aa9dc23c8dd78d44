// DOGE's last contracts list (2025-10-21, API era) against the FPDS pull of 2025-03-13, whose
// latest action is signed 2025-03-12: most claims were listed after the records end. Each pinned
// claim was checked by hand against the raw list row (its deleted_date) and the FPDS files.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "claims/claims_reader.h"
#include "demo_verify_test.h"
#include "records/records_reader.h"
#include "verify/verifier.h"

namespace receipts {
namespace {

class AfterRecordsRealDataTest : public testing::DemoVerifyTest {
 protected:
  static void SetUpTestSuite() { VerifyDemo("claims/2025-10-21_contracts_api.csv.gz"); }
};

// Of the 7,039 claims ($41,802,734,395.81) with no award in the records, 6,836 were listed
// (deleted_date) from 2025-03-13 to 2025-10-03; the other 203 on or before 2025-03-12 (89 of them
// on that very day).
TEST_F(AfterRecordsRealDataTest, WholeListFigures) {
  ASSERT_EQ(claims_->size(), 13'440u);
  ASSERT_TRUE(records_->as_of.has_value());
  EXPECT_EQ(records_->as_of->ToIso(), "2025-03-12");
  std::map<Verdict, int> counts;
  std::map<Verdict, Cents> claimed;
  Cents total = 0;
  Cents after_verified = 0;
  for (std::size_t i = 0; i < claims_->size(); ++i) {
    const ClaimResult& r = (*results_)[i];
    ++counts[r.verdict];
    claimed[r.verdict] += (*claims_)[i].claimed_savings.value_or(0);
    total += (*claims_)[i].claimed_savings.value_or(0);
    if (r.verdict == Verdict::kAfterRecords) after_verified += r.verified_savings.value_or(0);
  }
  EXPECT_EQ(total, 6'102'094'826'068);  // $61,020,948,260.68
  EXPECT_EQ(counts[Verdict::kAfterRecords], 6'836);
  EXPECT_EQ(claimed[Verdict::kAfterRecords], 4'128'817'630'651);  // $41,288,176,306.51
  EXPECT_EQ(after_verified, 0);
  EXPECT_EQ(counts[Verdict::kNotFound], 203);
  EXPECT_EQ(claimed[Verdict::kNotFound], 51'455'808'930);  // $514,558,089.30
  EXPECT_EQ(counts[Verdict::kUnverifiable], 3'506);
}

// The list's first row: Navy N0016423F3004, deleted_date 10/3/2025, absent from both FPDS files.
TEST_F(AfterRecordsRealDataTest, AfterRecords_N0016423F3004) {
  const ClaimResult& r = For("N0016423F3004");
  EXPECT_EQ(r.verdict, Verdict::kAfterRecords);
  EXPECT_FALSE(r.verified_savings.has_value());
  EXPECT_EQ(r.reason.rfind("Listed 2025-10-03; the records given end 2025-03-12. PIID "
                           "N0016423F3004 (agency 9700) is not in the records given",
                           0),
            0u)
      << r.reason;
}

// 75D30122F00002 (deleted_date 9/17/2025): FPDS holds 9 orders with this PIID, none to the listed
// TANAQ SUPPORT SERVICES, LLC; the reason keeps the vendors.
TEST_F(AfterRecordsRealDataTest, AfterRecordsKeepsTheSharedPiidDetail_75D30122F00002) {
  const ClaimResult& r = For("75D30122F00002");
  EXPECT_EQ(r.verdict, Verdict::kAfterRecords);
  EXPECT_NE(r.reason.find("9 different awards in the record share PIID 75D30122F00002"),
            std::string::npos)
      << r.reason;
  EXPECT_NE(r.reason.find("Fetch newer records"), std::string::npos) << r.reason;
}

// 36C10X22N0053 (VA, deleted_date 3/12/2025, the records' last day) is absent from FPDS: listed
// on, not after, the as-of date, so the records should hold it.
TEST_F(AfterRecordsRealDataTest, NotFoundOnTheAsOfDate_36C10X22N0053) {
  const ClaimResult& r = For("36C10X22N0053");
  EXPECT_EQ(r.verdict, Verdict::kNotFound);
  EXPECT_EQ(r.reason.find("Listed"), std::string::npos) << r.reason;
}

// 75S20323F42001 (deleted_date 2/24/2025): ten orders share the PIID, none to LPE ASSOCIATES.
TEST_F(AfterRecordsRealDataTest, NotFoundListedBefore_75S20323F42001) {
  EXPECT_EQ(For("75S20323F42001").verdict, Verdict::kNotFound);
}

// 75D30124F00009 (TANAQ, deleted_date 9/8/2025) is in FPDS: P00001 (2025-02-24) cut the ceiling by
// 410,912.04 and obligated nothing. A late date does not touch a matched award.
TEST_F(AfterRecordsRealDataTest, MatchedLateClaimIsJudged_75D30124F00009) {
  const ClaimResult& r = For("75D30124F00009");
  EXPECT_EQ(r.verdict, Verdict::kOptionsOnly);
  EXPECT_EQ(r.ceiling_reduced, 41'091'204);
}

}  // namespace
}  // namespace receipts
