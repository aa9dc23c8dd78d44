#include "match/award_index.h"

#include <gtest/gtest.h>

#include "core/ids.h"

namespace receipts {
namespace {

Award MakeAward(AwardFamily family, std::string agency, std::string piid) {
  Award award;
  award.family = family;
  award.agency_id = std::move(agency);
  award.piid = std::move(piid);
  award.key = family == AwardFamily::kIdv ? IdvAwardKey(award.piid, award.agency_id)
                                          : ContractAwardKey(award.piid, award.agency_id, "", "");
  return award;
}

Claim Contract(std::string agency, std::string piid, std::string type = "") {
  Claim claim;
  claim.agency_id = std::move(agency);
  claim.piid = std::move(piid);
  claim.contract_type = std::move(type);
  return claim;
}

TEST(AwardIndexTest, AgencyAndPiidFirstThenPiidAlone) {
  RecordSet records;
  records.awards.push_back(MakeAward(AwardFamily::kContract, "9700", "SHARED"));
  records.awards.push_back(MakeAward(AwardFamily::kContract, "1500", "SHARED"));
  AwardIndex index(records);
  AwardMatch exact = index.Match(Contract("1500", "SHARED"));
  ASSERT_NE(exact.award, nullptr);
  EXPECT_EQ(exact.award->agency_id, "1500");
  EXPECT_NE(exact.method.find("agency id 1500 and PIID"), std::string::npos);
  // Without an agency id, two awards share the PIID: the listed vendor decides, or nothing does.
  records.awards[0].vendor_name = "ACME CORPORATION";
  records.awards[1].vendor_name = "OTHER LLC";
  Claim by_vendor = Contract("", "SHARED");
  by_vendor.vendor = "Acme Corp.";
  AwardMatch loose = index.Match(by_vendor);
  ASSERT_NE(loose.award, nullptr);
  EXPECT_EQ(loose.award->agency_id, "9700");
  EXPECT_NE(loose.method.find("PIID alone"), std::string::npos);
  EXPECT_NE(loose.method.find("vendor ACME CORPORATION among 2 awards"), std::string::npos)
      << loose.method;
  Claim stranger = Contract("", "SHARED");
  stranger.vendor = "NOBODY INC";
  AwardMatch none = index.Match(stranger);
  EXPECT_EQ(none.award, nullptr);
  EXPECT_TRUE(none.has_identifier);
  EXPECT_NE(none.why_not.find("2 different awards in the record share PIID SHARED"),
            std::string::npos)
      << none.why_not;
}

TEST(AwardIndexTest, IdvLinksLookAtIdvsFirst) {
  RecordSet records;
  records.awards.push_back(MakeAward(AwardFamily::kContract, "7012", "70CMSD22A00000008"));
  records.awards.push_back(MakeAward(AwardFamily::kIdv, "7012", "70CMSD22A00000008"));
  AwardIndex index(records);
  EXPECT_EQ(index.Match(Contract("7012", "70CMSD22A00000008", "IDV")).award->family,
            AwardFamily::kIdv);
  EXPECT_EQ(index.Match(Contract("7012", "70CMSD22A00000008", "AWARD")).award->family,
            AwardFamily::kContract);
}

TEST(AwardIndexTest, SaysWhyWhenItCannotMatch) {
  RecordSet records;
  AwardIndex index(records);
  AwardMatch none = index.Match(Contract("", ""));
  EXPECT_FALSE(none.has_identifier);
  EXPECT_NE(none.why_not.find("no PIID"), std::string::npos);
  AwardMatch missing = index.Match(Contract("9300", "NOTTHERE"));
  EXPECT_TRUE(missing.has_identifier);
  EXPECT_EQ(missing.award, nullptr);
  EXPECT_NE(missing.why_not.find("NOTTHERE"), std::string::npos);
  Claim grant;
  grant.kind = ClaimKind::kGrant;
  EXPECT_NE(index.Match(grant).why_not.find("no FAIN"), std::string::npos);
}

TEST(AwardIndexTest, GrantsMatchByFain) {
  RecordSet records;
  records.awards.push_back(MakeAward(AwardFamily::kAssistance, "1605", "23K75IL000001"));
  AwardIndex index(records);
  Claim grant;
  grant.kind = ClaimKind::kGrant;
  grant.fain = "23K75IL000001";
  AwardMatch match = index.Match(grant);
  ASSERT_NE(match.award, nullptr);
  EXPECT_NE(match.method.find("FAIN 23K75IL000001"), std::string::npos);
}

}  // namespace
}  // namespace receipts
