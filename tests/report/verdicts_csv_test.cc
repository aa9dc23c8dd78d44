#include "report/verdicts_csv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../expect_each.h"
#include "core/csv_writer.h"
#include "test_run.h"

namespace receipts {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TEST(ReportCsvFieldTest, QuotesOnlyWhenNeeded) {
  testing::ExpectEach([](const std::string& field) { return CsvField(field); },
                      {{"", ""},
                       {"plain text; with semicolons", "plain text; with semicolons"},
                       {"Café", "Café"},
                       {"a,b", "\"a,b\""},
                       {"say \"hi\"", "\"say \"\"hi\"\"\""},
                       {"two\nlines", "\"two\nlines\""},
                       {"cr\r", "\"cr\r\""},
                       {"\"", "\"\"\"\""}});
}

TEST(VerdictsCsvTest, HeaderIsExact) {
  std::string csv = RenderVerdictsCsv(testing::MakeTestRun());
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "claim_id,kind,piid,agency,vendor,claimed_savings,claimed_value,award_key,verdict,"
            "ceiling_minus_obligated,deobligated,ceiling_reduced,obligated_not_outlaid,"
            "verified_savings,reason,evidence");
}

TEST(VerdictsCsvTest, RowsAreExact) {
  std::string csv = RenderVerdictsCsv(testing::MakeTestRun());
  ASSERT_EQ(csv.back(), '\n');
  std::string rows = csv.substr(csv.find('\n') + 1);
  EXPECT_EQ(
      rows,
      "1,contract,70CMSD22A0008,Department of Homeland Security,Acme Corp,1000.00,2500.00,"
      "CONT_AWD_70CMSD22A0008_7022_-NONE-_-NONE-,verified,,1000.00,,,1000.00,"
      "\"De-obligated $1,000.00.\","
      "7022/70CMSD22A0008/P00003;7022/70CMSD22A0008/P00004\n"
      "2,contract,47QTCA19D00AB,General Services Administration,\"Café Ünïcode, LLC\","
      "10000000.00,,CONT_AWD_47QTCA19D00AB_4732_-NONE-_-NONE-,overstated,-0.05,250.50,,,"
      "250.50,\"Claimed $10M, \"\"removed\"\" $250.50,\nless than claimed\","
      "4732/47QTCA19D00AB/P00001\n"
      "3,grant,FAIN-1,  HHS | ACF ,Grantee,,,,not_found,,,,,,FAIN-1 is not in the records.,\n"
      "4,contract,,Department of Homeland Security,<script>alert(1)</script>,50000.00,,,"
      "unverifiable,,,,,,No PIID & no link.,\n"
      "5,lease,,Small Business Administration,\"WASHINGTON, DC\",0.00,,,zero_claim,,,,,0.00,$0 "
      "claimed.,\n");
}

TEST(VerdictsCsvTest, GrantWithoutFainUsesTheAwardId) {
  VerifyRun run = testing::MakeTestRun();
  run.claims[2].fain.clear();
  std::vector<std::string> lines = Lines(RenderVerdictsCsv(run));
  ASSERT_GE(lines.size(), 5u);
  EXPECT_EQ(lines[4].substr(0, 29), "3,grant,ASST_NON_FAIN-1_7590,");
}

TEST(VerdictsCsvTest, EveryRowHasSixteenFields) {
  VerifyRun run = testing::MakeTestRun();
  run.results[1].reason = "no tricky characters here";  // so splitting on commas is fair
  run.claims[1].vendor = "Cafe";
  run.results[0].reason = "plain";
  run.claims[4].location = "WASHINGTON DC";  // a lease's vendor column is its location
  for (const std::string& line : Lines(RenderVerdictsCsv(run))) {
    EXPECT_EQ(std::count(line.begin(), line.end(), ','), 15) << line;
  }
}

TEST(VerdictsCsvTest, EmptyRunIsTheHeaderAlone) {
  EXPECT_EQ(RenderVerdictsCsv(VerifyRun()), std::string(kVerdictsCsvHeader) + "\n");
}

}  // namespace
}  // namespace receipts
