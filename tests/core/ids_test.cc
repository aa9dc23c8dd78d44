#include "core/ids.h"

#include <gtest/gtest.h>

#include "../expect_each.h"

namespace receipts {
namespace {

TEST(IdsTest, NormalisesPiids) {
  testing::ExpectEach([](const std::string& piid) { return NormalizePiid(piid); },
                      {{" 70cmsd22a00000008 ", "70CMSD22A00000008"},
                       {"GS-00F-170CA", "GS00F170CA"},
                       {"Unavailable", ""},
                       {"Unavailable for legal reasons", ""},
                       {"", ""}});
}

// The evidence key; transaction 0 (a modification's only one) is not written.
TEST(IdsTest, RecordRefsAreWrittenAsEvidenceKeys) {
  EXPECT_EQ((RecordRef{"9700", "W91CRB20C0010", "P00012", "2"}).ToString(),
            "9700/W91CRB20C0010/P00012#2");
  EXPECT_EQ((RecordRef{"9300", "93310023P0021", "A00003", "0"}).ToString(),
            "9300/93310023P0021/A00003");
  EXPECT_EQ((RecordRef{"9300", "93310023P0021", "A00003", ""}).ToString(),
            "9300/93310023P0021/A00003");
}

TEST(IdsTest, ParsesFpdsLinks) {
  auto link = ParseFpdsLink(
      "https://www.fpds.gov/ezsearch/jsp/viewLinkController.jsp?agencyID=9577&PIID=95332A22F00018&"
      "modNumber=P00006&idvAgencyID=&idvPIID=GS00F170CA&contractType=AWARD");
  ASSERT_TRUE(link.has_value());
  EXPECT_EQ(link->agency_id, "9577");
  EXPECT_EQ(link->piid, "95332A22F00018");
  EXPECT_EQ(link->mod_number, "P00006");
  EXPECT_EQ(link->idv_agency_id, "");
  EXPECT_EQ(link->idv_piid, "GS00F170CA");
  EXPECT_EQ(link->contract_type, "AWARD");
  EXPECT_FALSE(ParseFpdsLink("https://fpds.gov").has_value());
}

TEST(IdsTest, ParsesUsaspendingAwardLinks) {
  auto id = ParseUsaspendingAwardId("https://usaspending.gov/award/ASST_NON_23K75IL000001_1605");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(*id, "ASST_NON_23K75IL000001_1605");
  auto parts = ParseAssistanceAwardId(*id);
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->fain_or_uri, "23K75IL000001");
  EXPECT_EQ(parts->subtier, "1605");
  EXPECT_FALSE(parts->aggregate);
  EXPECT_FALSE(ParseUsaspendingAwardId("").has_value());
}

TEST(IdsTest, BuildsUsaspendingKeys) {
  EXPECT_EQ(ContractAwardKey("DAAA1202P0018", "9700", "", ""),
            "CONT_AWD_DAAA1202P0018_9700_-NONE-_-NONE-");
  EXPECT_EQ(IdvAwardKey("70CMSD22A00000008", "7012"), "CONT_IDV_70CMSD22A00000008_7012");
}

}  // namespace
}  // namespace receipts
