#include "report/report_html.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "test_run.h"

namespace receipts {
namespace {

std::string Render(const VerifyRun& run) { return RenderReportHtml(run, Summarize(run)); }

TEST(HtmlReportTest, IsOneSelfContainedPage) {
  std::string html = Render(testing::MakeTestRun());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<title>receipts — claims checked against the record</title>"),
            std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("//cdn"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  // Nothing is loaded from outside (no src= at all), and every href either stays inside the
  // page or is a link out to the public record, which a reader follows by choice.
  EXPECT_EQ(html.find("src="), std::string::npos);
  std::regex link(R"(href\s*=\s*["']?([^"'\s>]*))", std::regex::icase);
  std::size_t record_links = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator();
       ++it) {
    std::string target = (*it)[1];
    bool record = target.rfind("https://www.fpds.gov/", 0) == 0 ||
                  target.rfind("https://www.usaspending.gov/award/", 0) == 0;
    record_links += record;
    EXPECT_TRUE(record || (!target.empty() && target[0] == '#')) << target;
  }
  EXPECT_GT(record_links, 0u);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

TEST(HtmlReportTest, ExternalLinksInDataAreNotLoaded) {
  VerifyRun run = testing::MakeTestRun();
  run.claims[0].link = "https://www.fpds.gov/ezsearch/search.do?q=70CMSD22A0008";
  run.claims[0].vendor = "<img src=\"https://evil.example/x.png\">";
  std::string html = Render(run);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("src=\"https://"), std::string::npos);
}

TEST(HtmlReportTest, EveryClaimHasARow) {
  VerifyRun run = testing::MakeTestRun();
  std::string html = Render(run);
  for (const ClaimResult& result : run.results) {
    std::string row = "<tr id=\"c" + std::to_string(result.claim_id) +
                      "\"><td data-label=\"Claim\">" + std::to_string(result.claim_id) + "</td>";
    EXPECT_NE(html.find(row), std::string::npos) << row;
  }
  EXPECT_NE(html.find("<code>WASHINGTON, DC</code>"), std::string::npos);  // the lease's place
}

TEST(HtmlReportTest, EscapesData) {
  VerifyRun run = testing::MakeTestRun();
  run.claims[1].agency = "A & B's \"agency\"";
  std::string html = Render(run);
  EXPECT_EQ(html.find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("A &amp; B&#39;s &quot;agency&quot;"), std::string::npos);
  EXPECT_NE(html.find("No PIID &amp; no link."), std::string::npos);
  EXPECT_NE(html.find("Café Ünïcode, LLC"), std::string::npos);
  // Only the page's own script tag.
  std::size_t first = html.find("<script");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(html.find("<script", first + 1), std::string::npos);
}

TEST(HtmlReportTest, MoneyCellsCarryCents) {
  std::string html = Render(testing::MakeTestRun());
  EXPECT_NE(html.find("<td class=\"m\" data-value=\"1000000000\">$10,000,000.00</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<td class=\"m\" data-value=\"25050\">$250.50</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"m\" data-value=\"\"></td>"), std::string::npos);  // unknown
  EXPECT_NE(html.find("<th class=\"m\" data-type=\"money\">Claimed</th>"), std::string::npos);
}

TEST(HtmlReportTest, HeadlineLegendAndFooter) {
  std::string html = Render(testing::MakeTestRun());
  EXPECT_NE(html.find("$10,051,000.00"), std::string::npos);
  EXPECT_NE(html.find("$1,250.50"), std::string::npos);
  for (int v = 0; v < kVerdictCount; ++v) {
    EXPECT_NE(html.find(VerdictName(Verdict(v))), std::string::npos);
    EXPECT_NE(html.find(VerdictMeaning(Verdict(v))), std::string::npos) << VerdictName(Verdict(v));
  }
  EXPECT_NE(html.find("Records as of 2025-05-01; savings counted since 2025-01-20."),
            std::string::npos);
  EXPECT_NE(html.find("claims/doge-2025-05.json"), std::string::npos);
  EXPECT_NE(html.find("records/usaspending.zip"), std::string::npos);
  EXPECT_NE(html.find("Every figure is traceable to the record rows named in the evidence column, "
                      "each linked to its FPDS page"),
            std::string::npos);
  EXPECT_NE(html.find("type=\"search\""), std::string::npos);
}

TEST(HtmlReportTest, SaysWhichClaimsTheRecordsEndBefore) {
  std::string html = Render(testing::MakeTestRunWithAfterRecords(1));
  EXPECT_NE(html.find("<p class=\"sub\" data-testid=\"after-records\">1 claim ($150,000.00 "
                      "claimed) was listed after the records end (2025-05-01): fetch newer "
                      "records to check it.</p>"),
            std::string::npos);
  EXPECT_EQ(Render(testing::MakeTestRun()).find("after-records"), std::string::npos);
}

TEST(HtmlReportTest, ThirteenThousandRows) {
  VerifyRun base = testing::MakeTestRun();
  VerifyRun run = base;
  run.claims.clear();
  run.results.clear();
  for (std::size_t i = 0; i < 13'000; ++i) {
    run.claims.push_back(base.claims[i % base.claims.size()]);
    run.results.push_back(base.results[i % base.results.size()]);
    run.results.back().claim_id = i + 1;
  }
  std::string html = Render(run);
  EXPECT_NE(html.find("<tr id=\"c13000\">"), std::string::npos);
  EXPECT_LT(html.size(), 13'000u * 1'000u);
}

TEST(HtmlReportTest, SaysHowManyValuesWereReadLeniently) {
  VerifyRun run = testing::MakeTestRun();
  run.claims[1].source_file = "list<1>.csv";
  run.claims[1].lenient_fields = {"date", "date"};
  std::string html = Render(run);
  EXPECT_NE(html.find("<p class=\"sub\" data-testid=\"lenient\">read leniently: 2 unreadable "
                      "values left unknown (list&lt;1&gt;.csv: date 2).</p>"),
            std::string::npos);
  EXPECT_EQ(Render(testing::MakeTestRun()).find("data-testid=\"lenient\""), std::string::npos);
}

}  // namespace
}  // namespace receipts
