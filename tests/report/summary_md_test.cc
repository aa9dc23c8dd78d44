#include "report/summary_md.h"

#include <gtest/gtest.h>

#include <string>

#include "report/percent.h"
#include "test_run.h"

namespace receipts {
namespace {

TEST(SummaryMdTest, SaysWhichClaimsTheRecordsEndBefore) {
  std::string md = RenderSummaryMd(Summarize(testing::MakeTestRunWithAfterRecords(2)));
  EXPECT_NE(md.find("Records as of 2025-05-01; savings counted since 2025-01-20.\n\n2 claims "
                    "($300,000.00 claimed) were listed after the records end (2025-05-01): "
                    "fetch newer records to check them.\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| after_records | 2 | $300,000.00 | $0.00 |"), std::string::npos) << md;
  EXPECT_EQ(RenderSummaryMd(Summarize(testing::MakeTestRun())).find("listed after"),
            std::string::npos);
}

// summary.md and report.html left out what the headline and summary.json say: how many
// unreadable values were left unknown.
TEST(SummaryMdTest, SaysHowManyValuesWereReadLeniently) {
  VerifyRun run = testing::MakeTestRun();
  run.claims[0].source_file = "a.csv";
  run.claims[0].lenient_fields = {"date"};
  std::string md = RenderSummaryMd(Summarize(run));
  EXPECT_NE(md.find("\n\nread leniently: 1 unreadable value left unknown (a.csv: date 1).\n\n"),
            std::string::npos)
      << md;
  EXPECT_EQ(RenderSummaryMd(Summarize(testing::MakeTestRun())).find("leniently"),
            std::string::npos);
}

TEST(SummaryMdTest, HeadlineTablesAndDates) {
  std::string md = RenderSummaryMd(Summarize(testing::MakeTestRun()));
  EXPECT_NE(md.find("**5 claims** claim **$10,051,000.00** in savings; **$1,250.50** of it is "
                    "verified in the record (**<0.1%**)."),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| overstated | 1 | $10,000,000.00 | $250.50 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| not_terminated | 0 | $0.00 | $0.00 |"), std::string::npos) << md;
  EXPECT_NE(md.find("Records as of 2025-05-01; savings counted since 2025-01-20."),
            std::string::npos);
  // '|' inside a cell is escaped so the table keeps its columns.
  EXPECT_NE(md.find("| HHS \\| ACF | 1 | $0.00 | $0.00 | n/a |"), std::string::npos) << md;
  EXPECT_NE(md.find("| 2 | 47QTCA19D00AB | General Services Administration | $10,000,000.00 | "
                    "$250.50 | overstated |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| 3 | FAIN-1 | HHS \\| ACF | unknown | unknown | not_found |"),
            std::string::npos)
      << md;
}

TEST(SummaryMdTest, PercentageOfClaimed) {
  VerifyRun run = testing::MakeTestRun();
  run.results[1].verified_savings = 500'000'000;  // half of claim 2
  std::string md = RenderSummaryMd(Summarize(run));
  EXPECT_NE(md.find("(**49.8%**)"), std::string::npos) << md;
}

TEST(ReportPercentTest, Display) {
  EXPECT_EQ(PercentOf(1, 3), "33.3%");
  EXPECT_EQ(PercentOf(0, 3), "0.0%");
  EXPECT_EQ(PercentOf(1, 1'000'000), "<0.1%");
  EXPECT_EQ(PercentOf(5, 0), "n/a");
  EXPECT_EQ(PercentOf(300, 100), "300.0%");
}

TEST(SummaryMdTest, CellsStayOnOneLine) {
  VerifyRun run = testing::MakeTestRun();
  run.claims[0].agency = "Multi\nLine|Agency";
  std::string md = RenderSummaryMd(Summarize(run));
  EXPECT_NE(md.find("| Multi Line\\|Agency |"), std::string::npos) << md;
}

TEST(SummaryMdTest, UnknownRecordsDate) {
  VerifyRun run = testing::MakeTestRun();
  run.records_as_of.reset();
  std::string md = RenderSummaryMd(Summarize(run));
  EXPECT_NE(md.find("Records as of an unknown date; savings counted since 2025-01-20."),
            std::string::npos);
}

}  // namespace
}  // namespace receipts
