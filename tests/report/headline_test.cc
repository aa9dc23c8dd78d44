#include "report/headline.h"

#include <gtest/gtest.h>

#include "test_run.h"

namespace receipts {
namespace {

VerifyRun WithAfterRecords(int count) { return testing::MakeTestRunWithAfterRecords(count); }

// Scripts parse these lines: their shape stays exactly as it was. A run of several kinds adds one
// line per kind before the report's.
TEST(HeadlineTest, WithoutAfterRecordsLinesAreUnchanged) {
  EXPECT_EQ(RenderHeadline(Summarize(testing::MakeTestRun()), 42, "out/x"),
            "receipts verify: 5 claims checked against 42 record actions (records as of "
            "2025-05-01; removals counted since 2025-01-20)\n"
            "  claimed   $10,051,000.00\n"
            "  verified  $1,250.50 (<0.1% of claimed)\n"
            "  verdicts: unverifiable 1, not_found 1, zero_claim 1, verified 1, overstated 1\n"
            "  contracts: 3 claims, claimed $10,051,000.00, verified $1,250.50 (<0.1%); verdicts: "
            "unverifiable 1, verified 1, overstated 1\n"
            "  grants: 1 claim, claimed $0.00, verified $0.00 (n/a); verdicts: not_found 1\n"
            "  leases: 1 claim, claimed $0.00, verified $0.00 (n/a); verdicts: zero_claim 1\n"
            "  report:   out/x/report.html\n");
}

TEST(HeadlineTest, OneKindHasNoKindLines) {
  VerifyRun run = testing::MakeTestRun();
  for (int i : {4, 2}) {  // leave the three contracts
    run.claims.erase(run.claims.begin() + i);
    run.results.erase(run.results.begin() + i);
  }
  const std::string out = RenderHeadline(Summarize(run), 42, "out/x");
  EXPECT_EQ(out.find("contracts:"), std::string::npos) << out;
}

TEST(HeadlineTest, AKindWithoutRecordsIsNotCheckedRatherThanVerifiedZero) {
  VerifyRun run = testing::MakeTestRun();
  run.claims.erase(run.claims.begin(), run.claims.begin() + 2);
  run.results.erase(run.results.begin(), run.results.begin() + 2);
  run.claims.resize(1);  // a grant
  run.results.resize(1);
  ASSERT_EQ(run.claims[0].kind, ClaimKind::kGrant);
  run.kinds_without_records = {ClaimKind::kGrant};
  const std::string out = RenderHeadline(Summarize(run), 42, "out/x");
  EXPECT_NE(out.find("  verified  not checked: the records given hold no grants"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("0.0%"), std::string::npos) << out;
}

TEST(HeadlineTest, AfterRecordsCountedApart) {
  std::string out = RenderHeadline(Summarize(WithAfterRecords(2)), 42, "out/x");
  EXPECT_NE(out.find("  verdicts: unverifiable 1, not_found 1, after_records 2, zero_claim 1, "
                     "verified 1, overstated 1\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("  2 claims ($300,000.00 claimed) were listed after the records end "
                     "(2025-05-01): fetch newer records to check them\n"
                     "  report:   out/x/report.html\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("  claimed   $10,351,000.00\n"), std::string::npos) << out;
}

TEST(HeadlineTest, OneAfterRecordsClaimInTheSingular) {
  EXPECT_EQ(AfterRecordsNote(Summarize(WithAfterRecords(1))),
            "1 claim ($150,000.00 claimed) was listed after the records end (2025-05-01): fetch "
            "newer records to check it");
  EXPECT_EQ(AfterRecordsNote(Summarize(WithAfterRecords(0))), "");
}

// Unmeasured gaps do not crowd the largest-gaps table; they still count in every total.
TEST(HeadlineTest, AfterRecordsLeftOutOfLargestGapsOnly) {
  Summary s = Summarize(WithAfterRecords(3));
  EXPECT_EQ(s.claims, 8u);
  EXPECT_EQ(TotalsOf(s, Verdict::kAfterRecords).count, 3u);
  EXPECT_EQ(TotalsOf(s, Verdict::kAfterRecords).claimed, 450'000'00);
  EXPECT_EQ(TotalsOf(s, Verdict::kAfterRecords).verified, 0);
  EXPECT_EQ(s.largest_gaps.size(), 5u);
  for (const SavingsGap& gap : s.largest_gaps) EXPECT_NE(gap.verdict, Verdict::kAfterRecords);
}

// Unreadable dates were left unknown without a word: the run now says how many, per input
// and field, on a line of its own (the other lines keep their shape).
TEST(HeadlineTest, LenientValuesCountedPerInputAndField) {
  VerifyRun run = testing::MakeTestRun();
  run.claims[0].source_file = "a.csv";
  run.claims[0].lenient_fields = {"date", "update_date"};
  run.claims[1].source_file = "a.csv";
  run.claims[1].lenient_fields = {"date"};
  run.claims[2].source_file = "b.json";
  run.claims[2].lenient_fields = {"deleted_date"};
  std::string out = RenderHeadline(Summarize(run), 42, "out/x");
  EXPECT_NE(out.find("  read leniently: 4 unreadable values left unknown (a.csv: date 2, "
                     "update_date 1; b.json: deleted_date 1)\n"
                     "  report:   out/x/report.html\n"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace receipts
