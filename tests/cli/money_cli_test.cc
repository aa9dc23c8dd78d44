// `receipts vendor` and `receipts leads` as a user runs them: the JSON contract of vendor (checked
// by scripts outside the repo), candidates for a name, the files leads writes, and clear errors.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>

#include "../test_files.h"
#include "run_binary.h"

namespace receipts::testing {
namespace {

namespace fs = std::filesystem;

const std::string kRecords = " --records " + kSource +
                             "/demo/records/2025-03-13_fpds_awards.csv.gz " + kSource +
                             "/demo/records/2025-03-13_fpds_idvs.csv.gz";

TEST(MoneyCliTest, VendorJsonByUeiKeepsTheContract) {
  const fs::path dir = MakeTestDir("receipts_vendor_");
  Ran ran = RunBinary(dir, "vendor M5NWCBJCKST7 --format json" + kRecords + " --claims " + kSource +
                               "/demo/claims/2025-03-13_contracts_grab.csv.gz");
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(ran.out).get(doc), simdjson::SUCCESS) << ran.out.substr(0, 500);
  EXPECT_EQ(std::string_view(doc["parent_uei"].get_string().value()), "LMRMKLLL3LG5");
  EXPECT_EQ(std::string_view(doc["obligated"].get_string().value()), "1102297138.71");
  EXPECT_EQ(int64_t(doc["obligated_cents"].get_int64().value()), 110229713871);
  simdjson::dom::array ueis = doc["ueis"].get_array().value();
  EXPECT_EQ(ueis.size(), 9u);
  bool msi = false;
  for (simdjson::dom::element u : ueis) {
    if (std::string_view(u["uei"].get_string().value()) != "M5NWCBJCKST7") continue;
    msi = true;
    EXPECT_EQ(std::string_view(u["names"].at(0).get_string().value()),
              "MANAGEMENT SYSTEMS INTERNATIONAL, INC.");
  }
  EXPECT_TRUE(msi);
  simdjson::dom::array agencies = doc["by_agency"].get_array().value();
  ASSERT_EQ(agencies.size(), 3u);
  EXPECT_EQ(std::string_view(agencies.at(0)["agency_id"].get_string().value()), "7200");
  EXPECT_EQ(std::string_view(agencies.at(0)["obligated"].get_string().value()), "1101805410.36");
  EXPECT_EQ(doc["by_fiscal_year"].get_array().value().size(), 8u);
  simdjson::dom::array claims = doc["claims"].get_array().value();
  EXPECT_EQ(claims.size(), 85u);  // claims of 2025-03-13 on the family's awards
  EXPECT_EQ(std::string_view(claims.at(0)["claim_key"].get_string().value()),
            "contract:1422:140L6423F0036");
  EXPECT_EQ(std::string_view(claims.at(0)["verdict"].get_string().value()), "zero_claim");
  // Where the cuts met the vendor: every DOGE claim at USAID beside the family's money there.
  simdjson::dom::element met = doc["where_cuts_met"];
  EXPECT_NE(
      std::string_view(met["note"].get_string().value()).find("Co-occurrence is not evidence"),
      std::string_view::npos);
  simdjson::dom::element usaid = met["agencies"].at(0);
  EXPECT_EQ(std::string_view(usaid["agency_id"].get_string().value()), "7200");
  EXPECT_EQ(int64_t(usaid["doge_claims"].get_int64().value()), 2189);
  EXPECT_EQ(int64_t(usaid["doge_family_claims"].get_int64().value()), 83);
  fs::remove_all(dir);
}

TEST(MoneyCliTest, VendorByNameListsCandidatesNeverMerged) {
  const fs::path dir = MakeTestDir("receipts_vendor_");
  Ran ran = RunBinary(dir, "vendor 'Tesla' --format json" + kRecords);
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(ran.out).get(doc), simdjson::SUCCESS);
  simdjson::dom::array candidates = doc["candidates"].get_array().value();
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(std::string_view(candidates.at(0)["parent_uei"].get_string().value()), "LKH1DTGEND43");
  EXPECT_EQ(std::string_view(candidates.at(0)["obligated"].get_string().value()), "355040.00");
  EXPECT_EQ(candidates.at(0)["ueis"].get_array().value().size(), 1u);
  // Text: how to pick one.
  ran = RunBinary(dir, "vendor tesla" + kRecords);
  EXPECT_NE(ran.out.find("Pick one by UEI"), std::string::npos) << ran.out;
  EXPECT_NE(ran.out.find("LKH1DTGEND43  TESLA LABORATORIES INC."), std::string::npos);
  fs::remove_all(dir);
}

TEST(MoneyCliTest, VendorErrorsAreClear) {
  const fs::path dir = MakeTestDir("receipts_vendor_");
  Ran ran = RunBinary(dir, "vendor ZZZZZZZZZZZZ" + kRecords);
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.err.find("no record row names the UEI ZZZZZZZZZZZZ"), std::string::npos) << ran.err;
  ran = RunBinary(dir, "vendor 'no such company anywhere'" + kRecords);
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.err.find("no vendor or parent in the records is named"), std::string::npos);
  ran = RunBinary(dir, "vendor LKH1DTGEND43 --format xml" + kRecords);
  EXPECT_EQ(ran.exit_code, 2);
  ran = RunBinary(dir, "vendor LKH1DTGEND43 --claims a.csv --ledger b.db" + kRecords);
  EXPECT_EQ(ran.exit_code, 2);
  EXPECT_NE(ran.err.find("give --claims or --ledger, not both"), std::string::npos) << ran.err;
  fs::remove_all(dir);
}

TEST(MoneyCliTest, LeadsWritesCsvAndJsonWithCoverage) {
  const fs::path dir = MakeTestDir("receipts_leads_");
  const fs::path out = dir / "leads";
  Ran ran = RunBinary(dir, "leads --out " + out.string() + kRecords);
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  EXPECT_NE(
      ran.out.find("W1        6,030    1,021    1,121  Competed award that received one offer"),
      std::string::npos)
      << ran.out;
  const std::string csv = Slurp(out / "leads.csv");
  EXPECT_EQ(csv.rfind("rule,award_key,agency_id,piid,vendor_uei,vendor_name,obligated,sentence,"
                      "evidence,claims\n",
                      0),
            0u);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(Slurp(out / "leads.json")).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(doc["coverage"].get_array().value().size(), 10u);
  EXPECT_EQ(int64_t(doc["rules"]["W1"]["max_offers"].get_int64().value()), 1);

  // A bad rules file stops the run before anything is written, naming the file.
  const fs::path rules = dir / "rules.json";
  std::ofstream(rules) << R"({"W1": {"max_offers": "one"}})";
  const fs::path none = dir / "none";
  ran = RunBinary(dir, "leads --rules " + rules.string() + " --out " + none.string() + kRecords);
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.err.find(rules.string() + ": rule W1, 'max_offers'"), std::string::npos) << ran.err;
  EXPECT_FALSE(fs::exists(none));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace receipts::testing
