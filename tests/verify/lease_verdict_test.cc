// Each lease verdict on hand-made inventories; the real IOLP rows are pinned in
// grants_leases_real_data_test.cc.
#include "verify/lease_verdict.h"

#include <gtest/gtest.h>

#include "verify/verifier.h"

namespace receipts {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

Lease MakeLease(std::string number, std::string city, long long rsf, Date expiration) {
  Lease lease;
  lease.lease_number = std::move(number);
  lease.city = std::move(city);
  lease.state = "ID";
  lease.rentable_square_feet = rsf;
  lease.expiration = expiration;
  lease.source_row = 2;
  return lease;
}

Claim MakeLeaseClaim(std::string location, long long sq_ft, Date date, Cents value, Cents savings) {
  Claim claim;
  claim.kind = ClaimKind::kLease;
  claim.location = std::move(location);
  claim.square_feet = sq_ft;
  claim.date = date;
  claim.claimed_value = value;
  claim.claimed_savings = savings;
  return claim;
}

class LeaseVerdictTest : public ::testing::Test {
 protected:
  // Inventories of 2025-05-23, 2025-06-20 and 2026-02-20; `gone_by_2026` leaves the lease out of
  // the last.
  void Inventories(const Lease& lease, bool gone_by_2026) {
    for (Date published : {D(2025, 5, 23), D(2025, 6, 20), D(2026, 2, 20)}) {
      LeaseInventory inventory;
      inventory.published = published;
      inventory.source_file = published.ToIso() + "_iolp_leases.xlsx";
      if (!(gone_by_2026 && published == D(2026, 2, 20))) inventory.leases.push_back(lease);
      records_.lease_inventories.push_back(std::move(inventory));
    }
  }
  ClaimResult VerifyOne(const Claim& claim) {
    return VerifyClaims({claim}, records_, VerifyOptions{DefaultSince()}).front();
  }
  RecordSet records_;
};

TEST(LeaseLocationTest, SplitsAtTheLastComma) {
  EXPECT_EQ(SplitLeaseLocation("Haines  City, fl"),
            (std::pair<std::string, std::string>{"HAINES CITY", "FL"}));
  EXPECT_EQ(SplitLeaseLocation("NOWHERE"), (std::pair<std::string, std::string>{}));
  EXPECT_EQ(MonthsBetween(D(2025, 2, 25), D(2032, 8, 31)), 90);
  EXPECT_EQ(MonthsBetween(D(2025, 2, 25), D(2025, 3, 24)), 0);
  EXPECT_EQ(MonthsBetween(D(2025, 3, 1), D(2025, 2, 1)), 0);
}

TEST_F(LeaseVerdictTest, StillLeasedLongAfterTheTerminationIsVerifiedZero) {
  // IDAHO FALLS, ID, 13,681 sf, LID07359, expiring 2032-08-31, listed 2025-02-25 (real figures).
  Inventories(MakeLease("LID07359", "IDAHO FALLS", 13681, D(2032, 8, 31)), false);
  ClaimResult r =
      VerifyOne(MakeLeaseClaim("IDAHO FALLS, ID", 13681, D(2025, 2, 25), 69'756'00, 488'672'00));
  EXPECT_EQ(r.verdict, Verdict::kStillLeased) << r.reason;
  EXPECT_EQ(r.verified_savings, 0);
  ASSERT_TRUE(r.lease);
  EXPECT_EQ(r.lease->months_remaining, 90);
  EXPECT_EQ(r.lease->rent_bound, 69'756'00 * 90 / 12);  // $523,170
  EXPECT_EQ(r.lease->last_present, D(2026, 2, 20));
  EXPECT_FALSE(r.lease->first_absent);
  EXPECT_EQ(r.award_key, "LID07359");
  ASSERT_EQ(r.evidence.size(), 3u);
  EXPECT_EQ(r.evidence[0].ToString(), "GSA-IOLP/LID07359/2025-05-23#2");
}

TEST_F(LeaseVerdictTest, EndedLeaseCountsUpToTheRentBound) {
  Inventories(MakeLease("L1", "BOISE", 1000, D(2029, 10, 16)), true);
  ClaimResult r = VerifyOne(MakeLeaseClaim("BOISE, ID", 1000, D(2025, 3, 1), 12'000'00, 40'000'00));
  EXPECT_EQ(r.verdict, Verdict::kLeaseEnded) << r.reason;
  EXPECT_EQ(r.verified_savings, 40'000'00);
  EXPECT_EQ(r.lease->first_absent, D(2026, 2, 20));
}

TEST_F(LeaseVerdictTest, ClaimAboveTheRentBoundIsOverstated) {
  Inventories(MakeLease("L1", "BOISE", 1000, D(2027, 3, 1)), true);  // 24 months left
  ClaimResult r =
      VerifyOne(MakeLeaseClaim("BOISE, ID", 1000, D(2025, 3, 1), 12'000'00, 100'000'00));
  EXPECT_EQ(r.verdict, Verdict::kOverstated) << r.reason;
  EXPECT_EQ(r.lease->rent_bound, 24'000'00);
  EXPECT_EQ(r.verified_savings, 24'000'00);  // ended: what the term left could save
}

TEST_F(LeaseVerdictTest, ExpiringWithinTwelveMonthsEndedOnItsOwn) {
  Inventories(MakeLease("L1", "BOISE", 1000, D(2025, 10, 31)), true);
  ClaimResult r =
      VerifyOne(MakeLeaseClaim("BOISE, ID", 1000, D(2025, 3, 1), 116'130'00, 19'408'00));
  EXPECT_EQ(r.verdict, Verdict::kExpiring) << r.reason;
  EXPECT_EQ(r.verified_savings, 0);
}

TEST_F(LeaseVerdictTest, SeveralLeasesOfTheSameSizeAreAmbiguousAndNamed) {
  Inventories(MakeLease("L1", "BOISE", 1000, D(2030, 1, 1)), false);
  records_.lease_inventories[0].leases.push_back(MakeLease("L2", "BOISE", 1000, D(2030, 1, 1)));
  ClaimResult r = VerifyOne(MakeLeaseClaim("BOISE, ID", 1000, D(2025, 3, 1), 1'00, 1'00));
  EXPECT_EQ(r.verdict, Verdict::kAmbiguous);
  EXPECT_NE(r.reason.find("L1, L2"), std::string::npos) << r.reason;
}

TEST_F(LeaseVerdictTest, NoMatchSaysAgencyDirectLeasesAreNotInIolp) {
  Inventories(MakeLease("L1", "BOISE", 1000, D(2030, 1, 1)), false);
  Claim claim = MakeLeaseClaim("BOISE, ID", 999, D(2025, 3, 1), 1'00, 1'00);
  claim.description = "True Termination- Agency Direct Lease";
  ClaimResult r = VerifyOne(claim);
  EXPECT_EQ(r.verdict, Verdict::kNotFound);
  EXPECT_NE(r.reason.find("agency direct lease"), std::string::npos) << r.reason;
}

TEST_F(LeaseVerdictTest, StillListedBeforeTheTerminationTakesEffectAwaitsALaterInventory) {
  Inventories(MakeLease("L1", "BOISE", 1000, D(2030, 1, 1)), false);
  ClaimResult r = VerifyOne(MakeLeaseClaim("BOISE, ID", 1000, D(2025, 10, 1), 1'000'00, 1'000'00));
  EXPECT_EQ(r.verdict, Verdict::kAfterRecords) << r.reason;
}

TEST_F(LeaseVerdictTest, TheSameLeaseTwiceIsADuplicate) {
  Inventories(MakeLease("L1", "BOISE", 1000, D(2030, 1, 1)), true);
  Claim claim = MakeLeaseClaim("BOISE, ID", 1000, D(2025, 3, 1), 1'000'00, 1'000'00);
  auto results = VerifyClaims({claim, claim}, records_, VerifyOptions{DefaultSince()});
  EXPECT_EQ(results[1].verdict, Verdict::kDuplicate);
  EXPECT_EQ(results[1].verified_savings, 0);
}

}  // namespace
}  // namespace receipts
