// Links from a claim to the public record: FPDS action pages with the parent IDV filled in,
// USAspending award pages, and the published link only when it is a safe http(s) URL.
#include "report/record_links.h"

#include <gtest/gtest.h>

namespace receipts {
namespace {

constexpr std::string_view kFpds = "https://www.fpds.gov/ezsearch/jsp/viewLinkController.jsp?";

TEST(RecordLinksTest, TheParentIdvComesFromTheAwardKeyWhenTheRecordIsNotAtHand) {
  ParentIdv parent = ParentIdvOfAwardKey("CONT_AWD_70CDCR21FR0000042_7012_70CDCR20A00000001_7012");
  EXPECT_EQ(parent.agency_id, "7012");
  EXPECT_EQ(parent.piid, "70CDCR20A00000001");
  EXPECT_EQ(ParentIdvOfAwardKey("CONT_AWD_93310023P0021_9300_-NONE-_-NONE-").piid, "");
  EXPECT_EQ(ParentIdvOfAwardKey("CONT_IDV_70CMSD22A00000008_7012").piid, "");
  EXPECT_EQ(ParentIdvOfAwardKey("ASST_NON_UM2HD111076_7529").piid, "");
  EXPECT_EQ(ParentIdvOfAwardKey("CONT_AWD_A_B_C").piid, "");  // not the key's shape
}

TEST(RecordLinksTest, EveryFpdsActionLinkCarriesTheParentIdv) {
  const std::vector<RecordRef> evidence = {{"7012", "70CDCR21FR0000042", "P00004", ""},
                                           {"7012", "70CDCR21FR0000042", "P00005", "2"}};
  ClaimLinks links = LinksOfClaim(
      "contract", "CONT_AWD_70CDCR21FR0000042_7012_70CDCR20A00000001_7012", "7012",
      "70CDCR21FR0000042", evidence, "https://www.fpds.gov/ezsearch/search.do?q=70CDCR21FR0000042");
  EXPECT_EQ(links.usaspending_url,
            "https://www.usaspending.gov/award/"
            "CONT_AWD_70CDCR21FR0000042_7012_70CDCR20A00000001_7012");
  ASSERT_EQ(links.fpds_actions.size(), 2u);
  EXPECT_EQ(links.fpds_actions[0].key, "7012/70CDCR21FR0000042/P00004");
  EXPECT_EQ(links.fpds_actions[0].url,
            std::string(kFpds) +
                "agencyID=7012&PIID=70CDCR21FR0000042&modNumber=P00004&idvAgencyID=7012&"
                "idvPIID=70CDCR20A00000001&contractType=AWARD");
  EXPECT_EQ(links.fpds_base.key, "7012/70CDCR21FR0000042/0");
  EXPECT_NE(links.fpds_base.url.find("modNumber=0&idvAgencyID=7012&idvPIID=70CDCR20A00000001"),
            std::string::npos);
  EXPECT_EQ(links.published_url, "https://www.fpds.gov/ezsearch/search.do?q=70CDCR21FR0000042");
  EXPECT_EQ(JoinedFpdsUrls(links), links.fpds_actions[0].url + " " + links.fpds_actions[1].url);
}

TEST(RecordLinksTest, TheRecordsParentIdvWinsAndIdvsAreLinkedAsIdvs) {
  ClaimLinks links = LinksOfClaim(
      "contract", "CONT_IDV_70CMSD22A00000008_7012", "7012", "70CMSD22A00000008",
      {{"7012", "70CMSD22A00000008", "P00001", ""}}, "", ParentIdv{"4732", "GS00F131DA"});
  ASSERT_EQ(links.fpds_actions.size(), 1u);
  EXPECT_NE(links.fpds_actions[0].url.find("idvAgencyID=4732&idvPIID=GS00F131DA&contractType=IDV"),
            std::string::npos)
      << links.fpds_actions[0].url;
}

TEST(RecordLinksTest, GrantsAndLeasesHaveNoFpdsLinks) {
  ClaimLinks grant = LinksOfClaim("grant", "ASST_NON_UM2HD111076_7529", "", "",
                                  {{"HHS", "UM2HD111076", "1", ""}}, "");
  EXPECT_EQ(grant.usaspending_url, "https://www.usaspending.gov/award/ASST_NON_UM2HD111076_7529");
  ASSERT_EQ(grant.fpds_actions.size(), 1u);
  EXPECT_EQ(grant.fpds_actions[0].url, "");
  EXPECT_EQ(grant.fpds_base.url, "");
  ClaimLinks lease = LinksOfClaim("lease", "LID07359", "", "", {}, "");
  EXPECT_EQ(lease.usaspending_url, "");  // a GSA lease number is not a USAspending award
}

TEST(RecordLinksTest, OnlySafeHttpLinksArePublished) {
  EXPECT_EQ(SafeHttpLink("https://doge.gov/savings"), "https://doge.gov/savings");
  EXPECT_EQ(SafeHttpLink("javascript:alert(1)"), "");
  EXPECT_EQ(SafeHttpLink("https://a.example/\"onmouseover=x"), "");
  EXPECT_EQ(SafeHttpLink("https://a.example/ b"), "");
  EXPECT_EQ(UrlEncode("a b/c:d"), "a%20b%2Fc%3Ad");
}

}  // namespace
}  // namespace receipts
