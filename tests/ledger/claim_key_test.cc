// Claim identity: the keys doc/methodology.md ("Claim identity") promises, per kind.
#include "ledger/claim_key.h"

#include <gtest/gtest.h>

#include "claims/claims_reader.h"

namespace receipts {
namespace {

Claim Contract(std::string piid, std::string agency_id, std::string agency) {
  Claim c;
  c.kind = ClaimKind::kContract;
  c.piid = std::move(piid);
  c.agency_id = std::move(agency_id);
  c.agency = std::move(agency);
  return c;
}

TEST(ClaimKeyTest, ContractIsAgencyIdAndPiid) {
  EXPECT_EQ(BaseClaimKey(Contract("93310023P0021", "9300", "Bureau of Land Management")),
            "contract:9300:93310023P0021");
  // No agency id: the agency name, upper-cased, spaces collapsed.
  EXPECT_EQ(BaseClaimKey(Contract("X1", "", "  Bureau of  Land Management ")),
            "contract:BUREAU OF LAND MANAGEMENT:X1");
}

TEST(ClaimKeyTest, ContractPiidComesFromTheLinkWhenTheColumnIsMissing) {
  auto claims = ParseClaims(
      "wall.csv",
      "AGENCY,DESCRIPTION,UPLOADED ON,LINK,VALUE\n"
      "BUREAU OF LAND MANAGEMENT,EEO DEIA SUPPORT,2/13/25,https://www.fpds.gov/ezsearch/jsp/"
      "viewLinkController.jsp?agencyID=9300&PIID=93310023P0021&modNumber=A00002&idvAgencyID=&"
      "idvPIID=&contractType=AWARD,\"$440,000 \"\n",
      std::nullopt);
  ASSERT_TRUE(claims.ok()) << claims.status().message();
  EXPECT_EQ(AssignClaimKeys(*claims), std::vector<std::string>{"contract:9300:93310023P0021"});
}

TEST(ClaimKeyTest, GrantIsTheUsaspendingAwardIdElseFain) {
  Claim g;
  g.kind = ClaimKind::kGrant;
  g.award_id = "ASST_NON_23K75IL000001_1605";
  g.fain = "23K75IL000001";
  EXPECT_EQ(BaseClaimKey(g), "grant:ASST_NON_23K75IL000001_1605");
  g.award_id.clear();
  EXPECT_EQ(BaseClaimKey(g), "grant:fain:23K75IL000001");
}

TEST(ClaimKeyTest, LeaseIsAgencyAndLocation) {
  Claim l;
  l.kind = ClaimKind::kLease;
  l.agency = "Social Security Administration";
  l.location = "Peoria,  IL";
  l.square_feet = 3076;
  EXPECT_EQ(BaseClaimKey(l), "lease:SOCIAL SECURITY ADMINISTRATION:PEORIA, IL");
  l.square_feet = 4000;  // a corrected area is a change to the same lease, not a new one
  EXPECT_EQ(BaseClaimKey(l), "lease:SOCIAL SECURITY ADMINISTRATION:PEORIA, IL");
}

TEST(ClaimKeyTest, RowsWithoutIdentifierHashTheirContent) {
  Claim g;
  g.kind = ClaimKind::kGrant;
  g.agency = "Department of Education";
  g.claimed_value = 100'00;
  std::string key = BaseClaimKey(g);
  EXPECT_EQ(key.rfind("grant:row:", 0), 0u) << key;
  EXPECT_EQ(key.size(), std::string("grant:row:").size() + 16);
  EXPECT_EQ(BaseClaimKey(g), key);  // deterministic
  g.claimed_savings = 5'00;         // savings are not identity
  EXPECT_EQ(BaseClaimKey(g), key);
  g.claimed_value = 200'00;
  EXPECT_NE(BaseClaimKey(g), key);
}

TEST(ClaimKeyTest, RepeatsAreNumberedInListOrder) {
  std::vector<Claim> claims = {Contract("A1", "9700", ""), Contract("B2", "9700", ""),
                               Contract("A1", "9700", ""), Contract("A1", "9700", "")};
  EXPECT_EQ(AssignClaimKeys(claims),
            (std::vector<std::string>{"contract:9700:A1", "contract:9700:B2", "contract:9700:A1#2",
                                      "contract:9700:A1#3"}));
}

}  // namespace
}  // namespace receipts
