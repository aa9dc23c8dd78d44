#include "report/summary.h"

#include <gtest/gtest.h>

#include "test_run.h"

namespace receipts {
namespace {

TEST(SummaryTest, Totals) {
  Summary s = Summarize(testing::MakeTestRun());
  EXPECT_EQ(s.claims, 5u);
  EXPECT_EQ(s.claimed_total, 100'000 + 1'000'000'000 + 5'000'000);  // unknown adds nothing
  EXPECT_EQ(s.verified_total, 100'000 + 25'050);
  ASSERT_TRUE(s.records_as_of.has_value());
  EXPECT_EQ(s.records_as_of->ToIso(), "2025-05-01");
  EXPECT_EQ(s.since.ToIso(), "2025-01-20");
}

TEST(SummaryTest, EveryVerdictInEnumOrder) {
  Summary s = Summarize(testing::MakeTestRun());
  ASSERT_EQ(s.by_verdict.size(), static_cast<std::size_t>(kVerdictCount));
  for (int v = 0; v < kVerdictCount; ++v) EXPECT_EQ(s.by_verdict[v].verdict, Verdict(v));
  auto at = [&](Verdict v) { return s.by_verdict[static_cast<int>(v)]; };
  EXPECT_EQ(at(Verdict::kVerified).count, 1u);
  EXPECT_EQ(at(Verdict::kVerified).claimed, 100'000);
  EXPECT_EQ(at(Verdict::kVerified).verified, 100'000);
  EXPECT_EQ(at(Verdict::kOverstated).count, 1u);
  EXPECT_EQ(at(Verdict::kOverstated).claimed, 1'000'000'000);
  EXPECT_EQ(at(Verdict::kOverstated).verified, 25'050);
  EXPECT_EQ(at(Verdict::kNotFound).count, 1u);
  EXPECT_EQ(at(Verdict::kNotFound).claimed, 0);
  EXPECT_EQ(at(Verdict::kUnverifiable).count, 1u);
  EXPECT_EQ(at(Verdict::kZeroClaim).count, 1u);
  EXPECT_EQ(at(Verdict::kNotTerminated).count, 0u);
  std::size_t total = 0;
  for (const VerdictTotals& v : s.by_verdict) total += v.count;
  EXPECT_EQ(total, 5u);
}

TEST(SummaryTest, AgenciesTrimmedAndSortedByClaimed) {
  Summary s = Summarize(testing::MakeTestRun());
  ASSERT_EQ(s.by_agency.size(), 4u);
  EXPECT_EQ(s.by_agency[0].agency, "General Services Administration");
  EXPECT_EQ(s.by_agency[1].agency, "Department of Homeland Security");
  EXPECT_EQ(s.by_agency[1].count, 2u);
  EXPECT_EQ(s.by_agency[1].claimed, 5'100'000);
  EXPECT_EQ(s.by_agency[1].verified, 100'000);
  // Both $0: the tie goes by count, then name.
  EXPECT_EQ(s.by_agency[2].agency, "HHS | ACF");
  EXPECT_EQ(s.by_agency[3].agency, "Small Business Administration");
}

TEST(SummaryTest, LargestGapsFirst) {
  Summary s = Summarize(testing::MakeTestRun());
  ASSERT_EQ(s.largest_gaps.size(), 5u);
  EXPECT_EQ(s.largest_gaps[0].claim_id, 2u);
  EXPECT_EQ(s.largest_gaps[0].gap, 1'000'000'000 - 25'050);
  EXPECT_EQ(s.largest_gaps[0].identifier, "47QTCA19D00AB");
  EXPECT_EQ(s.largest_gaps[1].claim_id, 4u);  // unknown verified counts as 0
  EXPECT_EQ(s.largest_gaps[1].gap, 5'000'000);
  EXPECT_FALSE(s.largest_gaps[1].verified.has_value());
  EXPECT_EQ(s.largest_gaps[2].claim_id, 1u);  // the zero gaps keep claim order
  EXPECT_EQ(s.largest_gaps[3].claim_id, 3u);
  EXPECT_EQ(s.largest_gaps[3].identifier, "FAIN-1");
  EXPECT_EQ(s.largest_gaps[3].agency, "HHS | ACF");
}

TEST(SummaryTest, KeepsTwentyFiveGaps) {
  VerifyRun run;
  for (int i = 0; i < 40; ++i) {
    Claim claim;
    claim.claimed_savings = (i + 1) * 100;
    ClaimResult result;
    result.claim_id = static_cast<std::size_t>(i + 1);
    run.claims.push_back(claim);
    run.results.push_back(result);
  }
  Summary s = Summarize(run);
  ASSERT_EQ(s.largest_gaps.size(), kLargestGapCount);
  EXPECT_EQ(s.largest_gaps.front().claim_id, 40u);
  EXPECT_EQ(s.largest_gaps.back().claim_id, 16u);
}

TEST(SummaryTest, EmptyRun) {
  Summary s = Summarize(VerifyRun());
  EXPECT_EQ(s.claims, 0u);
  EXPECT_EQ(s.claimed_total, 0);
  // No kind: the contracts' verdicts, as before grants and leases had their own.
  EXPECT_EQ(s.by_verdict.size(), 13u);
  EXPECT_TRUE(s.by_agency.empty());
  EXPECT_TRUE(s.largest_gaps.empty());
  EXPECT_FALSE(s.records_as_of.has_value());
}

}  // namespace
}  // namespace receipts
