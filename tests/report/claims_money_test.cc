// The verify report's "Follow the money" on real rows: the 2025-03-13 contracts list against the
// shipped FPDS records. Tetra Tech's figures agree with `receipts vendor LMRMKLLL3LG5 --claims`
// (85 claims on its awards, $736,852,354.68 claimed, none verified; its whole $1,102,297,138.71
// because every award of the family is claimed, checked in tests/vendor).
#include "report/claims_money.h"

#include <gtest/gtest.h>

#include <string>

#include "claims/claims_reader.h"
#include "jobs/verify_job.h"

namespace receipts {
namespace {

const std::string kSource = RECEIPTS_SOURCE_DIR;

struct Checked {
  VerifyRun run;
  ClaimsMoney money;
};

const Checked& RealRun() {
  static const Checked* checked = [] {
    auto* out = new Checked;
    Status read = StreamClaimsFile(kSource + "/demo/claims/2025-03-13_contracts_grab.csv.gz",
                                   std::nullopt, [out](Claim&& claim) {
                                     out->run.claims.push_back(std::move(claim));
                                     return Status::Ok();
                                   });
    EXPECT_TRUE(read.ok()) << read.ToString();
    out->run.since = *Date::FromYmd(2025, 1, 20);
    Status s = VerifyAgainstRecords({kSource + "/demo/records/2025-03-13_fpds_awards.csv.gz",
                                     kSource + "/demo/records/2025-03-13_fpds_idvs.csv.gz"},
                                    false, &out->run, nullptr, &out->money);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }();
  return *checked;
}

const ClaimsMoney::Family* FamilyOf(const std::string& parent) {
  for (const ClaimsMoney::Family& f : RealRun().money.families) {
    if (f.parent_uei == parent) return &f;
  }
  return nullptr;
}

TEST(ClaimsMoneyTest, TetraTechsClaimsAsReceiptsVendorCountsThem) {
  EXPECT_EQ(RealRun().money.claims_with_family, 5'326u);
  EXPECT_EQ(RealRun().money.families.size(), 2'435u);
  const ClaimsMoney::Family* tt = FamilyOf("LMRMKLLL3LG5");
  ASSERT_NE(tt, nullptr);
  EXPECT_EQ(tt->claims, 85u);
  EXPECT_EQ(tt->awards, 85u);
  EXPECT_EQ(tt->claimed, 73'685'235'468);
  EXPECT_EQ(tt->verified, 0);
  EXPECT_EQ(tt->obligated, 110'229'713'871);
  // Most claimed first.
  for (std::size_t i = 1; i < RealRun().money.families.size(); ++i) {
    EXPECT_GE(RealRun().money.families[i - 1].claimed, RealRun().money.families[i].claimed);
  }
}

TEST(ClaimsMoneyTest, TeslaLaboratoriesIsItsOwnFamilyAndMaskedAwardeesAreSaidSo) {
  const ClaimsMoney::Family* tesla_labs = FamilyOf("LKH1DTGEND43");
  ASSERT_NE(tesla_labs, nullptr);
  EXPECT_NE(tesla_labs->name.find("TESLA LABORATORIES"), std::string::npos);
  for (const ClaimsMoney::Family& f : RealRun().money.families) {
    if (f.parent_uei != "LKH1DTGEND43") {
      EXPECT_EQ(f.name.find("TESLA LAB"), std::string::npos) << f.parent_uei;
    }
  }
  const ClaimsMoney::Family* masked = FamilyOf("KA5HQCLKUVW1");
  ASSERT_NE(masked, nullptr);
  EXPECT_TRUE(masked->masked);
}

TEST(ClaimsMoneyTest, LeadsAreThePerAwardRulesOnly) {
  const ClaimsMoney& money = RealRun().money;
  for (const RuleCoverage& c : money.leads.coverage) {
    if (c.rule == "W3" || c.rule == "W12") {
      EXPECT_FALSE(c.enabled) << c.rule;
      EXPECT_EQ(c.flagged, 0u);
    }
    // The claimed awards are every shipped award: the per-award rules flag as `receipts leads`
    // does (tests/leads).
    if (c.rule == "W1") {
      EXPECT_EQ(c.flagged, 1'121u);
    }
    if (c.rule == "W2") {
      EXPECT_EQ(c.flagged, 1'197u);
    }
  }
  ASSERT_EQ(money.lead_claims.size(), money.leads.leads.size());
  std::size_t with_claims = 0;
  for (const auto& ids : money.lead_claims) with_claims += !ids.empty();
  EXPECT_GT(with_claims, money.leads.leads.size() / 2);
}

TEST(ClaimsMoneyTest, TheSectionLinksEachClaimToItsRowAndEscapesNames) {
  ClaimsMoney money;
  money.claims_with_family = 1;
  money.families.push_back(
      {"LKH1DTGEND43", "<script>TESLA LABORATORIES</script>", false, 1, 100, 0, 1, 100, {7}});
  TextSink sink;
  RenderClaimsMoneyHtml(money, &sink);
  const std::string html = sink.out();
  EXPECT_NE(html.find("<a href=\"#c7\">7</a>"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;TESLA LABORATORIES"), std::string::npos);
}

}  // namespace
}  // namespace receipts
