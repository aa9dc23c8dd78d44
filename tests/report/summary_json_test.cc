#include "report/summary_json.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>

#include "../expect_each.h"
#include "core/json_writer.h"
#include "test_run.h"

namespace receipts {
namespace {

TEST(ReportJsonStringTest, Escapes) {
  testing::ExpectEach([](const std::string& text) { return JsonString(text); },
                      {{"plain", "\"plain\""},
                       {"a \"q\" \\ b", "\"a \\\"q\\\" \\\\ b\""},
                       {"line\nnext\ttab\x01", "\"line\\u000anext\\u0009tab\\u0001\""},
                       {"Café Ünïcode — 東京 😀", "\"Café Ünïcode — 東京 😀\""},
                       {"bad \xff byte", "\"bad \\ufffd byte\""},
                       {"cut \xe2\x80", "\"cut \\ufffd\\ufffd\""},
                       {"surrogate \xed\xa0\x80", "\"surrogate \\ufffd\\ufffd\\ufffd\""}});
  EXPECT_EQ(JsonString(std::string("nul\0x", 5)), "\"nul\\u0000x\"");
}

TEST(SummaryJsonTest, ParsesAndCarriesTheFigures) {
  VerifyRun run = testing::MakeTestRun();
  run.claims[0].agency = "Dept \"of\"\nControl\x02 Ünïcode";
  std::string json = RenderSummaryJson(Summarize(run));
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;

  EXPECT_EQ(int64_t(doc["claims"]), 5);
  EXPECT_EQ(std::string_view(doc["claimed_total"]), "10051000.00");
  EXPECT_EQ(int64_t(doc["claimed_total_cents"]), 1'005'100'000);
  EXPECT_EQ(std::string_view(doc["verified_total"]), "1250.50");
  EXPECT_EQ(int64_t(doc["verified_total_cents"]), 125'050);
  EXPECT_EQ(std::string_view(doc["records_as_of"]), "2025-05-01");
  EXPECT_EQ(std::string_view(doc["since"]), "2025-01-20");

  simdjson::dom::object by_verdict = doc["by_verdict"];
  EXPECT_EQ(by_verdict.size(), static_cast<std::size_t>(kVerdictCount));
  std::string_view first_key = (*by_verdict.begin()).key;
  EXPECT_EQ(first_key, "unverifiable");
  simdjson::dom::element overstated = by_verdict["overstated"];
  EXPECT_EQ(int64_t(overstated["count"]), 1);
  EXPECT_EQ(std::string_view(overstated["claimed"]), "10000000.00");
  EXPECT_EQ(std::string_view(overstated["verified"]), "250.50");
  EXPECT_EQ(int64_t(overstated["claimed_cents"]), 1'000'000'000);
  EXPECT_EQ(int64_t(overstated["verified_cents"]), 25'050);
  EXPECT_EQ(int64_t(by_verdict["not_terminated"]["count"]), 0);

  simdjson::dom::array by_agency = doc["by_agency"];
  ASSERT_EQ(by_agency.size(), 5u);
  simdjson::dom::object gsa = by_agency.at(0);
  std::vector<std::string_view> keys;
  for (auto field : gsa) keys.push_back(field.key);
  EXPECT_EQ(keys, (std::vector<std::string_view>{"agency", "count", "claimed", "verified"}));
  EXPECT_EQ(std::string_view(gsa["agency"]), "General Services Administration");
  bool found = false;
  for (simdjson::dom::element agency : by_agency) {
    if (std::string_view(agency["agency"]) == "Dept \"of\"\nControl\x02 Ünïcode") found = true;
  }
  EXPECT_TRUE(found) << json;
}

TEST(SummaryJsonTest, UnknownRecordsDateIsNull) {
  VerifyRun run = testing::MakeTestRun();
  run.records_as_of.reset();
  std::string json = RenderSummaryJson(Summarize(run));
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;
  EXPECT_TRUE(doc["records_as_of"].is_null());
}

TEST(SummaryJsonTest, EmptyRunIsValid) {
  std::string json = RenderSummaryJson(Summarize(VerifyRun()));
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;
  EXPECT_EQ(std::string_view(doc["claimed_total"]), "0.00");
  EXPECT_EQ(simdjson::dom::array(doc["by_agency"]).size(), 0u);
}

TEST(SummaryJsonTest, LenientValuesCountedPerInputAndField) {
  VerifyRun run = testing::MakeTestRun();
  run.claims[0].source_file = "a.csv";
  run.claims[0].lenient_fields = {"date"};
  run.claims[3].source_file = "a.csv";
  run.claims[3].lenient_fields = {"date"};
  std::string json = RenderSummaryJson(Summarize(run));
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;
  simdjson::dom::array lenient = doc["lenient_values"];
  ASSERT_EQ(lenient.size(), 1u) << json;
  EXPECT_EQ(std::string_view(lenient.at(0)["input"]), "a.csv");
  EXPECT_EQ(std::string_view(lenient.at(0)["field"]), "date");
  EXPECT_EQ(int64_t(lenient.at(0)["count"]), 2);
  simdjson::dom::array none =
      parser.parse(RenderSummaryJson(Summarize(testing::MakeTestRun()))).value()["lenient_values"];
  EXPECT_EQ(none.size(), 0u);
}

}  // namespace
}  // namespace receipts
