// published.csv: the verdicts with what a reporter publishes as is (words, links, the claim as
// listed), beside verdicts.csv's exact columns.
#include "report/published_csv.h"

#include <gtest/gtest.h>

#include "report/verdicts_csv.h"
#include "test_run.h"

namespace receipts {
namespace {

TEST(PublishedCsvTest, HeaderThenOneRowPerClaimWithLinksAndWords) {
  VerifyRun run = testing::MakeTestRun();
  run.claims[0].description = "PROGRAM SUPPORT, \"ODCR\"";
  run.claims[0].link = "https://www.fpds.gov/ezsearch/search.do?q=70CMSD22A0008";
  std::string csv = RenderPublishedCsv(run);
  EXPECT_EQ(csv.rfind(std::string(kPublishedCsvHeader) + "\n", 0), 0u);
  EXPECT_NE(csv.find("\"PROGRAM SUPPORT, \"\"ODCR\"\"\""), std::string::npos);
  EXPECT_NE(csv.find("https://www.fpds.gov/ezsearch/jsp/viewLinkController.jsp?agencyID=7022&"
                     "PIID=70CMSD22A0008&modNumber=P00003"),
            std::string::npos);
  EXPECT_NE(csv.find(",https://www.fpds.gov/ezsearch/search.do?q=70CMSD22A0008\n"),
            std::string::npos);
  EXPECT_NE(csv.find(std::string(",") + VerdictName(run.results[0].verdict) + ","),
            std::string::npos);
  // verdicts.csv keeps its exact header (a contract), whatever this file adds.
  EXPECT_EQ(RenderVerdictsCsv(run).rfind(std::string(kVerdictsCsvHeader) + "\n", 0), 0u);
}

}  // namespace
}  // namespace receipts
