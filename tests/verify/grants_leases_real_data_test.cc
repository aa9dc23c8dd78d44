// Verdicts on real DOGE grant and lease claims against the agencies' own lists and GSA's lease
// inventories, shipped in demo/. Every figure below was checked by hand against the raw rows
// (hhs_terminated_grants.csv, NSF-Terminated-Awards.csv, the three iolp-leases.xlsx files).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "demo_verify_test.h"

namespace receipts {
namespace {

std::map<Verdict, int> Counts(const std::vector<ClaimResult>& results) {
  std::map<Verdict, int> counts;
  for (const ClaimResult& r : results) ++counts[r.verdict];
  return counts;
}

class GrantsRealDataTest : public testing::DemoVerifyTest {
 protected:
  static void SetUpTestSuite() {
    VerifyDemo("claims/grants/2025-10-21_grants_api.csv.gz",
               {"records/hhs_terminated_grants.csv.gz",
                "records/2025-06-05_nsf_terminated_awards.csv.gz"});
  }
};

TEST_F(GrantsRealDataTest, ListsAreReadPerFain) {
  std::map<std::string, int> per_list;
  for (const GrantTermination& t : records_->grant_terminations) ++per_list[t.list];
  EXPECT_EQ(per_list["HHS"], 2'072);  // 2,339 rows, some FAINs over several budget periods
  EXPECT_EQ(per_list["NSF"], 1'667);
}

TEST_F(GrantsRealDataTest, WholeListFigures) {
  ASSERT_EQ(claims_->size(), 15'887u);
  std::map<Verdict, int> counts = Counts(*results_);
  EXPECT_EQ(counts[Verdict::kUnverifiable], 4'872);  // 3,510 without a link, 1,356 NSF, 6 HHS
  EXPECT_EQ(counts[Verdict::kVerified], 276);
  EXPECT_EQ(counts[Verdict::kAlreadyPaid], 2);
  EXPECT_EQ(counts[Verdict::kOverstated], 18);
  EXPECT_EQ(counts[Verdict::kUnderstated], 5);
  EXPECT_EQ(counts[Verdict::kAfterRecords], 0);  // lists, not dated actions
}

// HHS lists UM2HD111076 (Westat) terminated 2025-03-21: obligated 24,596,695, expended
// 16,050,382.52, unliquidated 8,546,312.48. DOGE claimed 10,317,272.50.
TEST_F(GrantsRealDataTest, Overstated_UM2HD111076) {
  const ClaimResult& r = ForFain("UM2HD111076");
  EXPECT_EQ(r.verdict, Verdict::kOverstated) << r.reason;
  EXPECT_EQ(r.verified_savings, 854'631'248);
  EXPECT_EQ(r.obligated_not_outlaid, 854'631'248);
  EXPECT_NE(r.reason.find("$1,770,960.02 less than claimed"), std::string::npos) << r.reason;
}

// R25GM060566 (Spelman College): HHS obligated = expended = 2,392,381.24, unliquidated blank.
// DOGE claimed 4,854,705.39 saved.
TEST_F(GrantsRealDataTest, AlreadyPaid_R25GM060566) {
  const ClaimResult& r = ForFain("R25GM060566");
  EXPECT_EQ(r.verdict, Verdict::kAlreadyPaid) << r.reason;
  EXPECT_EQ(r.verified_savings, 0);
  EXPECT_EQ(r.award_key, "ASST_NON_R25GM060566_7529");
}

// OT2OD036428 (UC Irvine): HHS unliquidated 1,491,452.93; DOGE claimed exactly that.
TEST_F(GrantsRealDataTest, Verified_OT2OD036428) {
  const ClaimResult& r = ForFain("OT2OD036428");
  EXPECT_EQ(r.verdict, Verdict::kVerified) << r.reason;
  EXPECT_EQ(r.verified_savings, 149'145'293);
  ASSERT_EQ(r.evidence.size(), 1u);
  EXPECT_EQ(r.evidence[0].ToString(), "HHS/OT2OD036428/1OT2OD036428-01");
}

// NSF 1432910 (University of Idaho): NSF's list gives $1,257,442 obligated and nothing spent;
// DOGE claimed 349,881.75. NSF's list is Windows-1252; the recipient reads as UTF-8.
TEST_F(GrantsRealDataTest, NsfAloneIsUnverifiable_1432910) {
  const ClaimResult& r = ForFain("1432910");
  EXPECT_EQ(r.verdict, Verdict::kUnverifiable) << r.reason;
  EXPECT_NE(r.reason.find("$1,257,442.00 obligated"), std::string::npos) << r.reason;
  EXPECT_EQ(r.evidence.at(0).piid, "1432910");
}

class LeasesRealDataTest : public testing::DemoVerifyTest {
 protected:
  static void SetUpTestSuite() {
    VerifyDemo("claims/leases/2025-04-12_leases_api.json.gz",
               {"records/2025-05-23_iolp_leases.xlsx", "records/2025-06-20_iolp_leases.xlsx",
                "records/2026-02-20_iolp_leases.xlsx"});
  }
};

TEST_F(LeasesRealDataTest, InventoriesInDateOrder) {
  ASSERT_EQ(records_->lease_inventories.size(), 3u);
  EXPECT_EQ(records_->lease_inventories[0].published.ToIso(), "2025-05-23");
  EXPECT_EQ(records_->lease_inventories[0].leases.size(), 7'523u);
  EXPECT_EQ(records_->lease_inventories[1].leases.size(), 7'512u);
  EXPECT_EQ(records_->lease_inventories[2].leases.size(), 7'382u);
}

TEST_F(LeasesRealDataTest, WholeListFigures) {
  ASSERT_EQ(claims_->size(), 676u);
  std::map<Verdict, int> counts = Counts(*results_);
  EXPECT_EQ(counts[Verdict::kNotFound], 215);
  EXPECT_EQ(counts[Verdict::kAmbiguous], 7);
  EXPECT_EQ(counts[Verdict::kStillLeased], 310);
  EXPECT_EQ(counts[Verdict::kLeaseEnded], 79);
  EXPECT_EQ(counts[Verdict::kExpiring], 20);
}

// IDAHO FALLS, ID, 13,681 sf: LID07359 expires 2032-08-31 and is in all three inventories; the
// claim of 2025-02-25 (value 69,756, savings 488,672) leaves 90 months: bound 523,170.
TEST_F(LeasesRealDataTest, StillLeased_LID07359) {
  const ClaimResult& r = ForLease("IDAHO FALLS, ID", 13681);
  EXPECT_EQ(r.verdict, Verdict::kStillLeased) << r.reason;
  ASSERT_TRUE(r.lease);
  EXPECT_EQ(r.award_key, "LID07359");
  EXPECT_EQ(r.lease->expiration->ToIso(), "2032-08-31");
  EXPECT_EQ(r.lease->months_remaining, 90);
  EXPECT_EQ(r.lease->rent_bound, 52'317'000);
  EXPECT_EQ(r.verified_savings, 0);
}

// MELBOURNE, FL, 1,415 sf (SSA): LFL46010 expires 2029-10-16, gone from the 2026-02-20
// inventory. Claim of 2025-02-20: 55 months left at 59,697 a year = 273,611.25; savings 263,973.
TEST_F(LeasesRealDataTest, Ended_LFL46010) {
  const ClaimResult& r = ForLease("MELBOURNE, FL", 1415);
  EXPECT_EQ(r.verdict, Verdict::kLeaseEnded) << r.reason;
  EXPECT_EQ(r.lease->first_absent->ToIso(), "2026-02-20");
  EXPECT_EQ(r.lease->rent_bound, 27'361'125);
  EXPECT_EQ(r.verified_savings, 26'397'300);
}

// SAN ANTONIO, TX, 4,775 sf (OPM): LTX17448 expired 2025-10-31, 8 months after the 2025-02-25
// claim of 19,408: ending on its own schedule.
TEST_F(LeasesRealDataTest, Expiring_LTX17448) {
  const ClaimResult& r = ForLease("SAN ANTONIO, TX", 4775);
  EXPECT_EQ(r.verdict, Verdict::kExpiring) << r.reason;
  EXPECT_EQ(r.lease->months_remaining, 8);
  EXPECT_EQ(r.verified_savings, 0);
}

}  // namespace
}  // namespace receipts
