// Each verdict on a small hand-made award; real rows are pinned in verify_real_data_test.cc.
#include "verify/verifier.h"

#include <gtest/gtest.h>

#include "core/ids.h"

namespace receipts {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

Action Act(std::string mod, Date signed_date, Cents obligated, Cents base_and_all,
           std::optional<Date> completion = std::nullopt) {
  Action a;
  a.mod_number = std::move(mod);
  a.signed_date = signed_date;
  a.obligated = obligated;
  a.base_and_all = base_and_all;
  a.base_and_exercised = obligated;
  a.current_completion_date = completion;
  return a;
}

Award MakeAward(std::string piid, std::vector<Action> actions,
                AwardFamily family = AwardFamily::kContract) {
  Award award;
  award.family = family;
  award.agency_id = "9300";
  award.piid = std::move(piid);
  award.key = family == AwardFamily::kIdv ? IdvAwardKey(award.piid, award.agency_id)
                                          : ContractAwardKey(award.piid, award.agency_id, "", "");
  award.actions = std::move(actions);
  return award;
}

Claim MakeClaim(std::string piid, std::optional<Cents> savings) {
  Claim claim;
  claim.piid = std::move(piid);
  claim.agency_id = "9300";
  claim.claimed_savings = savings;
  return claim;
}

class VerifierTest : public ::testing::Test {
 protected:
  ClaimResult VerifyOne(const Claim& claim) {
    auto results = VerifyClaims({claim}, records_, VerifyOptions{DefaultSince()});
    EXPECT_EQ(results.size(), 1u);
    return results.front();
  }
  void Add(Award award) { records_.awards.push_back(std::move(award)); }
  RecordSet records_;
};

TEST_F(VerifierTest, VerifiedWhenDeobligationMatchesWithinOnePercent) {
  Add(MakeAward("P1", {Act("0", D(2023, 9, 11), 100'000'00, 200'000'00),
                       Act("P00001", D(2025, 2, 11), -50'000'00, -100'000'00)}));
  ClaimResult r = VerifyOne(MakeClaim("P1", 50'400'00));  // $400 off: inside 1% of $50,400
  EXPECT_EQ(VerdictName(r.verdict), std::string("verified"));
  EXPECT_EQ(r.deobligated, 50'000'00);
  EXPECT_EQ(r.verified_savings, 50'000'00);
  EXPECT_EQ(r.ceiling_reduced, 100'000'00);
  EXPECT_EQ(r.ceiling_minus_obligated, 50'000'00);
  EXPECT_NE(r.reason.find("$50,000.00 de-obligated since 2025-01-20 on P00001 (2025-02-11)"),
            std::string::npos)
      << r.reason;
  ASSERT_FALSE(r.evidence.empty());
  EXPECT_EQ(r.evidence.front().ToString(), "9300/P1/P00001");
}

// At most 20 actions are listed, then the modification DOGE linked to; what was left out is
// counted, and written last.
TEST_F(VerifierTest, EvidenceListsTwentyActionsThenTheLinkedModThenHowManyMore) {
  std::vector<Action> actions = {Act("0", D(2023, 9, 11), 100'000'00, 200'000'00)};
  for (int i = 1; i <= 23; ++i) {
    actions.push_back(Act("P" + std::to_string(10000 + i), D(2025, 2, i), -1'000'00, 0));
  }
  actions.back().transaction_number = "2";
  Add(MakeAward("P1", std::move(actions)));
  Claim claim = MakeClaim("P1", 23'000'00);
  claim.mod_number = "0";
  ClaimResult r = VerifyOne(claim);
  ASSERT_EQ(r.evidence.size(), 21u);
  EXPECT_EQ(r.evidence.front(), (RecordRef{"9300", "P1", "P10001", ""}));
  EXPECT_EQ(r.evidence[19].ToString(), "9300/P1/P10020");
  EXPECT_EQ(r.evidence.back().ToString(), "9300/P1/0");
  EXPECT_EQ(r.evidence_left_out, 3u);
  std::vector<std::string> keys = EvidenceKeys(r);
  ASSERT_EQ(keys.size(), 22u);
  EXPECT_EQ(keys.back(), "+3 more");
}

TEST_F(VerifierTest, OverstatedAndUnderstated) {
  Add(MakeAward("P1", {Act("0", D(2023, 9, 11), 100'000'00, 300'000'00),
                       Act("P00001", D(2025, 2, 11), -40'000'00, 0)}));
  ClaimResult over = VerifyOne(MakeClaim("P1", 200'000'00));
  EXPECT_EQ(over.verdict, Verdict::kOverstated);
  EXPECT_NE(over.reason.find("$160,000.00 less than claimed"), std::string::npos) << over.reason;
  // The claim equals ceiling minus obligated ($300,000 − $60,000): said in the reason.
  ClaimResult ceiling = VerifyOne(MakeClaim("P1", 240'000'00));
  EXPECT_EQ(ceiling.verdict, Verdict::kOverstated);
  EXPECT_NE(ceiling.reason.find("unused ceiling"), std::string::npos) << ceiling.reason;
  ClaimResult under = VerifyOne(MakeClaim("P1", 10'000'00));
  EXPECT_EQ(under.verdict, Verdict::kUnderstated);
  EXPECT_EQ(under.verified_savings, 40'000'00);
}

TEST_F(VerifierTest, DeobligationIsNetOfMoneyAddedSince) {
  Add(MakeAward("P1", {Act("0", D(2024, 1, 1), 100'000'00, 100'000'00),
                       Act("P00001", D(2025, 1, 25), 5'000'00, 0),       // settlement cost
                       Act("P00002", D(2025, 2, 25), -30'000'00, 0)}));  // termination
  ClaimResult r = VerifyOne(MakeClaim("P1", 25'000'00));
  EXPECT_EQ(r.deobligated, 25'000'00);
  EXPECT_EQ(r.verdict, Verdict::kVerified);
}

TEST_F(VerifierTest, ActionsBeforeSinceDoNotCount) {
  Add(MakeAward("P1", {Act("0", D(2024, 1, 1), 100'000'00, 100'000'00),
                       Act("P00001", D(2025, 1, 19), -30'000'00, 0)}));  // the day before
  ClaimResult r = VerifyOne(MakeClaim("P1", 30'000'00));
  EXPECT_EQ(r.deobligated, 0);
  EXPECT_EQ(r.verdict, Verdict::kNotTerminated);
}

TEST_F(VerifierTest, OptionsOnlyAlreadyEndedNotTerminated) {
  Add(MakeAward("CUT", {Act("0", D(2024, 1, 1), 10'000'00, 50'000'00, D(2025, 12, 31)),
                        Act("P00001", D(2025, 3, 1), 0, -40'000'00)}));
  Add(MakeAward("OLD", {Act("0", D(2020, 1, 1), 10'000'00, 10'000'00, D(2021, 1, 1))}));
  Add(MakeAward("LIVE", {Act("0", D(2024, 1, 1), 10'000'00, 90'000'00, D(2026, 1, 1))}));
  EXPECT_EQ(VerifyOne(MakeClaim("CUT", 40'000'00)).verdict, Verdict::kOptionsOnly);
  ClaimResult old = VerifyOne(MakeClaim("OLD", 5'000'00));
  EXPECT_EQ(old.verdict, Verdict::kAlreadyEnded);
  EXPECT_NE(old.reason.find("2021-01-01"), std::string::npos) << old.reason;
  EXPECT_EQ(VerifyOne(MakeClaim("LIVE", 80'000'00)).verdict, Verdict::kNotTerminated);
}

// ICE's 70CMSD22A00000008: an $8B ceiling entered for $8M, corrected on P00001. The cut is a
// data correction, not options given up, and must not read as one.
TEST_F(VerifierTest, ACeilingCutByAThousandTimesIsACorrectionNotOptions) {
  Add(MakeAward("ICE",
                {Act("0", D(2022, 9, 26), 0, 8'000'000'000'00),
                 Act("P00001", D(2025, 1, 22), 0, -7'992'000'000'00)},
                AwardFamily::kIdv));
  ClaimResult r = VerifyOne(MakeClaim("ICE", 0));
  EXPECT_EQ(r.verdict, Verdict::kZeroClaim);
  EXPECT_EQ(r.ceiling_reduced, 0);
  EXPECT_EQ(r.reason.find("options that will not be exercised"), std::string::npos) << r.reason;
  EXPECT_NE(r.reason.find("$8B ceiling was corrected to $8M on P00001 (2025-01-22)"),
            std::string::npos)
      << r.reason;
  // A real cut on the same kind of award is still counted: $50 to $10 is 5x, not 1,000x.
  Add(MakeAward("CUT5",
                {Act("0", D(2024, 1, 1), 0, 50'00), Act("P00001", D(2025, 3, 1), 0, -40'00)},
                AwardFamily::kIdv));
  EXPECT_EQ(VerifyOne(MakeClaim("CUT5", 40'00)).ceiling_reduced, 40'00);
  // A million-fold typo corrected, then a real cut after it: only the real cut counts.
  Add(MakeAward("MEGA", {Act("0", D(2024, 1, 1), 0, 3'000'000'000'000'00),
                         Act("P00001", D(2025, 2, 1), 0, -2'999'997'000'000'00),
                         Act("P00002", D(2025, 3, 1), 0, -1'000'000'00)}));
  ClaimResult mega = VerifyOne(MakeClaim("MEGA", 1'000'000'00));
  EXPECT_EQ(mega.ceiling_reduced, 1'000'000'00);
  EXPECT_EQ(mega.verdict, Verdict::kOptionsOnly);
  EXPECT_NE(mega.reason.find("1,000,000x unit correction"), std::string::npos) << mega.reason;
}

TEST_F(VerifierTest, UnitErrorWhenClaimIsAThousandTimesARecordFigure) {
  Add(MakeAward("ICE", {Act("0", D(2022, 1, 1), 0, 8'000'000'00)}, AwardFamily::kIdv));
  ClaimResult r = VerifyOne(MakeClaim("ICE", 8'000'000'000'00));
  EXPECT_EQ(r.verdict, Verdict::kUnitError);
  EXPECT_NE(r.reason.find("1,000 times"), std::string::npos) << r.reason;
}

TEST_F(VerifierTest, IdvCeilingWhenLittleIsObligated) {
  Add(MakeAward("BPA", {Act("0", D(2024, 9, 27), 0, 9'999'999'00)}, AwardFamily::kIdv));
  ClaimResult r = VerifyOne(MakeClaim("BPA", 9'999'999'00));
  EXPECT_EQ(r.verdict, Verdict::kIdvCeiling);
  EXPECT_EQ(r.verified_savings, 0);
}

TEST_F(VerifierTest, ZeroClaimDuplicateNotFoundUnverifiable) {
  Add(MakeAward("P1", {Act("0", D(2024, 1, 1), 10'000'00, 10'000'00, D(2026, 1, 1))}));
  std::vector<Claim> claims = {MakeClaim("P1", 0), MakeClaim("P1", 5'000'00),
                               MakeClaim("NOPE", 1'00), MakeClaim("", 1'00)};
  auto results = VerifyClaims(claims, records_, VerifyOptions{DefaultSince()});
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(results[0].verdict, Verdict::kZeroClaim);
  EXPECT_EQ(results[1].verdict, Verdict::kDuplicate);
  EXPECT_EQ(results[1].verified_savings, 0);
  EXPECT_NE(results[1].reason.find("claim 1"), std::string::npos) << results[1].reason;
  EXPECT_EQ(results[2].verdict, Verdict::kNotFound);
  EXPECT_FALSE(results[2].verified_savings.has_value());
  EXPECT_EQ(results[3].verdict, Verdict::kUnverifiable);
  EXPECT_EQ(results[3].claim_id, 4u);
}

// An award absent from records that end before the claim was listed: the records are too old,
// not the claim made up. The day itself, an undated claim and a matched award are unaffected.
TEST_F(VerifierTest, AfterRecordsWhenListedAfterTheRecordsEnd) {
  Add(MakeAward("P1", {Act("0", D(2024, 1, 1), 10'000'00, 10'000'00, D(2026, 1, 1))}));
  records_.as_of = D(2025, 3, 12);
  auto dated = [](std::string piid, std::optional<Date> date) {
    Claim claim = MakeClaim(std::move(piid), 5'000'00);
    claim.date = date;
    claim.earliest_date = date;
    return claim;
  };
  std::vector<Claim> claims = {dated("LATE", D(2025, 5, 6)), dated("ONDAY", D(2025, 3, 12)),
                               dated("UNDATED", std::nullopt), dated("P1", D(2025, 5, 6)),
                               dated("", D(2025, 5, 6))};
  auto results = VerifyClaims(claims, records_, VerifyOptions{DefaultSince()});
  ASSERT_EQ(results.size(), 5u);

  EXPECT_EQ(results[0].verdict, Verdict::kAfterRecords);
  EXPECT_EQ(VerdictName(results[0].verdict), std::string("after_records"));
  EXPECT_FALSE(results[0].verified_savings.has_value());
  EXPECT_TRUE(results[0].award_key.empty());
  EXPECT_EQ(results[0].reason.rfind("Listed 2025-05-06; the records given end 2025-03-12. ", 0), 0u)
      << results[0].reason;
  EXPECT_NE(results[0].reason.find("PIID LATE"), std::string::npos) << results[0].reason;
  EXPECT_NE(results[0].reason.find("Fetch newer records"), std::string::npos) << results[0].reason;

  EXPECT_EQ(results[1].verdict, Verdict::kNotFound);  // on the as-of date: not after it
  EXPECT_EQ(results[1].reason.find("Listed"), std::string::npos) << results[1].reason;
  EXPECT_EQ(results[2].verdict, Verdict::kNotFound);
  EXPECT_EQ(results[3].verdict, Verdict::kNotTerminated);  // matched: the date does not matter
  EXPECT_EQ(results[4].verdict, Verdict::kUnverifiable);   // no identifier to look for
}

// Records with no dated action say nothing about how fresh they are: not_found stays.
TEST_F(VerifierTest, NotFoundWhenTheRecordsHaveNoDate) {
  Claim claim = MakeClaim("LATE", 5'000'00);
  claim.date = D(2025, 5, 6);
  claim.earliest_date = D(2025, 5, 6);
  EXPECT_EQ(VerifyOne(claim).verdict, Verdict::kNotFound);
}

// The 2025-03-13 grab lists 75S20323F42001 with `date` 2025-09-26 and `update_date` 2025-02-24:
// it was listed before the records end, whatever its `date` says.
TEST_F(VerifierTest, NotFoundWhenAnyDateOfTheRowIsNotAfterTheRecords) {
  records_.as_of = D(2025, 3, 12);
  Claim claim = MakeClaim("LATE", 5'000'00);
  claim.date = D(2025, 9, 26);
  claim.earliest_date = D(2025, 2, 24);
  EXPECT_EQ(VerifyOne(claim).verdict, Verdict::kNotFound);
}

TEST_F(VerifierTest, LeasesWithoutAnInventoryAreNotFoundAndSaySo) {
  Claim lease;
  lease.kind = ClaimKind::kLease;
  lease.location = "MIAMI, FL";
  lease.square_feet = 3076;
  lease.claimed_savings = 7'383'00;
  ClaimResult r = VerifyOne(lease);
  EXPECT_EQ(r.verdict, Verdict::kNotFound);
  EXPECT_NE(r.reason.find("no GSA lease inventory"), std::string::npos) << r.reason;
  lease.square_feet.reset();
  EXPECT_EQ(VerifyOne(lease).verdict, Verdict::kUnverifiable);
}

TEST_F(VerifierTest, CrossChecksTheStatedCumulativeTotal) {
  Action a = Act("0", D(2024, 1, 1), 10'000'00, 10'000'00);
  a.total_obligated = 12'000'00;  // FPDS's own cumulative figure disagrees with the sum
  Add(MakeAward("P1", {a}));
  ClaimResult r = VerifyOne(MakeClaim("P1", 5'000'00));
  EXPECT_NE(r.reason.find("disagrees with the sum"), std::string::npos) << r.reason;
}

TEST_F(VerifierTest, MatchesIdvsAndAwardsApartByTheLinkType) {
  Add(MakeAward("SAME", {Act("0", D(2024, 1, 1), 1'00, 1'00)}, AwardFamily::kContract));
  Add(MakeAward("SAME", {Act("0", D(2024, 1, 1), 0, 5'000'000'00)}, AwardFamily::kIdv));
  Claim claim = MakeClaim("SAME", 5'000'000'00);
  claim.contract_type = "IDV";
  EXPECT_EQ(VerifyOne(claim).award_key, "CONT_IDV_SAME_9300");
  claim.contract_type = "AWARD";
  EXPECT_EQ(VerifyOne(claim).award_key, "CONT_AWD_SAME_9300_-NONE-_-NONE-");
}

}  // namespace
}  // namespace receipts
