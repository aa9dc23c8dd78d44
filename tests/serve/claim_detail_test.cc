#include "serve/claim_detail.h"

#include <gtest/gtest.h>

#include "serve/page_layout.h"

namespace receipts::serve {
namespace {

ClaimVersionView Version(std::int64_t id, const std::string& as_of, std::optional<Cents> claimed,
                         const std::string& verdict = "") {
  ClaimVersionView view;
  view.snapshot.id = id;
  view.snapshot.as_of = as_of;
  view.claim = LedgerClaim{};
  view.claim->claimed_savings = claimed;
  if (!verdict.empty()) view.verdict = ClaimVerdict{verdict, "", {}, ""};
  return view;
}

ClaimVersionView Gone(std::int64_t id, const std::string& as_of) {
  ClaimVersionView view;
  view.snapshot.id = id;
  view.snapshot.as_of = as_of;
  return view;
}

// The ICE claim's life as the shipped snapshots record it: $8B, then $8M, then $0.
TEST(LifeOfClaimTest, ANewStepOnlyWhenTheClaimedFigureChangesOrTheClaimLeaves) {
  std::vector<ClaimVersionView> versions = {
      Version(1, "2025-02-18", 8'000'000'000'00, "unit_error"),
      Version(2, "2025-02-19", 8'000'000'00, "unit_error"),
      Version(3, "2025-02-20", 8'000'000'00),  // the same figure again: no new step
      Version(4, "2025-03-13", 0, "zero_claim"),
      Gone(5, "2025-04-08"),
      Gone(6, "2025-04-09"),
      Version(7, "2025-05-01", 0),
  };
  std::vector<LifeStep> steps = LifeOfClaim(versions);
  ASSERT_EQ(steps.size(), 5u);
  EXPECT_EQ(steps[0].snapshot.id, 1);
  EXPECT_EQ(steps[1].snapshot.id, 2);
  EXPECT_EQ(steps[2].snapshot.id, 4);
  EXPECT_TRUE(steps[3].gone);
  EXPECT_EQ(steps[4].snapshot.id, 7);
  EXPECT_EQ(
      LifeSentence(steps),
      "First claimed $8,000,000,000.00 on 2025-02-18 (Unit error); $8,000,000.00 from "
      "2025-02-19 (Unit error); $0.00 from 2025-03-13 (Zero claimed); gone from the list from "
      "2025-04-08; $0.00 from 2025-05-01.");
}

TEST(LifeOfClaimTest, TimesReadAsAReaderWritesThem) {
  EXPECT_EQ(AsOfText("2025-02-18T18:25:00Z"), "2025-02-18 18:25 UTC");
  EXPECT_EQ(AsOfText("2025-03-13T00:00:00Z"), "2025-03-13");  // a list dated by its day
  EXPECT_EQ(AsOfText("2025-03-13"), "2025-03-13");
  std::vector<LifeStep> steps = LifeOfClaim(
      {Version(1, "2025-02-18T18:25:00Z", 8'00), Version(2, "2025-03-13T00:00:00Z", 0)});
  EXPECT_EQ(LifeSentence(steps),
            "First claimed $8.00 on 2025-02-18 18:25 UTC; $0.00 from 2025-03-13.");
}

TEST(LifeOfClaimTest, AClaimWithoutAFigureSaysSo) {
  std::vector<LifeStep> steps = LifeOfClaim({Version(1, "2025-02-18", std::nullopt)});
  EXPECT_EQ(LifeSentence(steps), "First listed with no savings figure on 2025-02-18.");
  EXPECT_EQ(LifeSentence({}), "");
}

}  // namespace
}  // namespace receipts::serve
