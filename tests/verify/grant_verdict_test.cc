// Each grant verdict on hand-made termination lists and assistance awards; the agencies' real
// rows are pinned in grants_leases_real_data_test.cc.
#include "verify/grant_verdict.h"

#include <gtest/gtest.h>

#include "core/award_key.h"
#include "verify/verifier.h"

namespace receipts {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

GrantTermination Hhs(std::string fain, Cents obligated, std::optional<Cents> expended,
                     std::optional<Cents> unliquidated) {
  GrantTermination t;
  t.list = "HHS";
  t.fain = fain;
  t.terminated = D(2025, 3, 21);
  t.obligated = obligated;
  t.expended = expended;
  t.unliquidated = unliquidated;
  t.rows.push_back(RecordRef{"HHS", fain, "1" + fain + "-01", ""});
  return t;
}

Claim MakeGrant(std::string fain, Cents savings) {
  Claim claim;
  claim.kind = ClaimKind::kGrant;
  claim.fain = fain;
  claim.award_id = "ASST_NON_" + fain + "_7529";
  claim.claimed_savings = savings;
  return claim;
}

class GrantVerdictTest : public ::testing::Test {
 protected:
  ClaimResult VerifyOne(const Claim& claim) {
    return VerifyClaims({claim}, records_, VerifyOptions{DefaultSince()}).front();
  }
  RecordSet records_;
};

TEST_F(GrantVerdictTest, UnspentBalanceOnHhsListIsWhatWasSaved) {
  // UM2HD111076 (Westat), as HHS lists it: claimed $10,317,272.50, left $8,546,312.48.
  records_.grant_terminations.push_back(
      Hhs("UM2HD111076", 24'596'695'00, 16'050'382'52, 8'546'312'48));
  ClaimResult r = VerifyOne(MakeGrant("UM2HD111076", 10'317'272'50));
  EXPECT_EQ(r.verdict, Verdict::kOverstated) << r.reason;
  EXPECT_EQ(r.verified_savings, 8'546'312'48);
  EXPECT_EQ(r.obligated_not_outlaid, 8'546'312'48);
  EXPECT_EQ(r.award_key, "ASST_NON_UM2HD111076_7529");
  ASSERT_EQ(r.evidence.size(), 1u);
  EXPECT_EQ(r.evidence[0].ToString(), "HHS/UM2HD111076/1UM2HD111076-01");
  EXPECT_EQ(VerifyOne(MakeGrant("UM2HD111076", 8'546'312'48)).verdict, Verdict::kVerified);
  EXPECT_EQ(VerifyOne(MakeGrant("UM2HD111076", 1'000'00)).verdict, Verdict::kUnderstated);
}

TEST_F(GrantVerdictTest, FullySpentGrantIsAlreadyPaid) {
  // R25GM060566 (Spelman College): obligated = expended, unliquidated blank on the list.
  records_.grant_terminations.push_back(
      Hhs("R25GM060566", 2'392'381'24, 2'392'381'24, std::nullopt));
  ClaimResult r = VerifyOne(MakeGrant("R25GM060566", 4'854'705'39));
  EXPECT_EQ(r.verdict, Verdict::kAlreadyPaid) << r.reason;
  EXPECT_EQ(r.verified_savings, 0);
  EXPECT_NE(r.reason.find("obligated less spent"), std::string::npos) << r.reason;
}

TEST_F(GrantVerdictTest, NsfListAloneConfirmsTheTerminationButNotTheSpending) {
  GrantTermination nsf;
  nsf.list = "NSF";
  nsf.fain = "1231319";
  nsf.obligated = 44'434'393'00;
  records_.grant_terminations.push_back(nsf);
  EXPECT_EQ(VerifyOne(MakeGrant("1231319", 1'000'00)).verdict, Verdict::kUnverifiable);
  ClaimResult above = VerifyOne(MakeGrant("1231319", 50'000'000'00));
  EXPECT_EQ(above.verdict, Verdict::kOverstated) << above.reason;
  EXPECT_EQ(above.verified_savings, 0);
}

TEST_F(GrantVerdictTest, AssistanceAwardWithoutTerminationOrDeobligationIsNotTerminated) {
  Award award;
  award.family = AwardFamily::kAssistance;
  award.piid = "FAIN9";
  award.agency_id = "7529";
  award.key = "ASST_NON_FAIN9_7529";
  Action action;
  action.mod_number = "0";
  action.signed_date = D(2024, 1, 1);
  action.obligated = 100'00;
  award.actions.push_back(action);
  award.total_outlayed = 40'00;
  records_.awards.push_back(award);
  ClaimResult r = VerifyOne(MakeGrant("FAIN9", 60'00));
  EXPECT_EQ(r.verdict, Verdict::kNotTerminated) << r.reason;
  EXPECT_EQ(r.obligated_not_outlaid, 60'00);
  // A de-obligation since DOGE began: compared with the claim.
  action.mod_number = "1";
  action.signed_date = D(2025, 3, 1);
  action.obligated = -60'00;
  records_.awards[0].actions.push_back(action);
  records_.awards[0].total_outlayed = 40'00;
  EXPECT_EQ(VerifyOne(MakeGrant("FAIN9", 60'00)).verdict, Verdict::kAlreadyPaid);
  records_.awards[0].total_outlayed.reset();
  ClaimResult removed = VerifyOne(MakeGrant("FAIN9", 60'00));
  EXPECT_EQ(removed.verdict, Verdict::kVerified) << removed.reason;
  EXPECT_EQ(removed.verified_savings, 60'00);
}

TEST_F(GrantVerdictTest, GrantsWithoutAnyGrantRecordsSayWhy) {
  ClaimResult r = VerifyOne(MakeGrant("NOWHERE1", 5'00));
  EXPECT_EQ(r.verdict, Verdict::kNotFound);
  EXPECT_NE(r.reason.find("hold no grants"), std::string::npos) << r.reason;
  records_.grant_terminations.push_back(Hhs("OTHER", 1'00, 1'00, 0));
  r = VerifyOne(MakeGrant("NOWHERE1", 5'00));
  EXPECT_NE(r.reason.find("HHS's list of 1"), std::string::npos) << r.reason;
}

TEST_F(GrantVerdictTest, TheSameGrantTwiceIsADuplicate) {
  records_.grant_terminations.push_back(Hhs("F1", 10'00, 5'00, 5'00));
  auto results = VerifyClaims({MakeGrant("F1", 5'00), MakeGrant("F1", 5'00)}, records_,
                              VerifyOptions{DefaultSince()});
  EXPECT_EQ(results[0].verdict, Verdict::kVerified);
  EXPECT_EQ(results[1].verdict, Verdict::kDuplicate);
}

}  // namespace
}  // namespace receipts
