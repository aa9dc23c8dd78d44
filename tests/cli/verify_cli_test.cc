// The `receipts verify` command line as a user (or a checking script) runs it: exit codes,
// the exact verdicts.csv header, and no partial output after bad input.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "run_binary.h"

namespace {

namespace fs = std::filesystem;
using namespace receipts::testing;  // kSource, Ran, Slurp

const std::string kHeader =
    "claim_id,kind,piid,agency,vendor,claimed_savings,claimed_value,award_key,verdict,"
    "ceiling_minus_obligated,deobligated,ceiling_reduced,obligated_not_outlaid,verified_savings,"
    "reason,evidence";

class VerifyCliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = receipts::testing::MakeTestDir("receipts_cli_"); }
  void TearDown() override { fs::remove_all(dir_); }

  Ran Run(const std::string& args) { return receipts::testing::RunBinary(dir_, args); }

  fs::path Write(const std::string& name, const std::string& content) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  fs::path dir_;
};

TEST_F(VerifyCliTest, HelpAndUsageExitCodes) {
  EXPECT_EQ(Run("--help").exit_code, 0);
  Ran help = Run("verify --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--claims"), std::string::npos);
  EXPECT_EQ(Run("").exit_code, 2);
  EXPECT_EQ(Run("verify").exit_code, 2);
  EXPECT_EQ(Run("frobnicate").exit_code, 2);
  Ran bad_since = Run("verify --claims a --records b --out c --since notadate");
  EXPECT_EQ(bad_since.exit_code, 2);
  EXPECT_NE(bad_since.err.find("--since"), std::string::npos);
}

TEST_F(VerifyCliTest, MissingFileIsBadInput) {
  Ran ran = Run("verify --claims /nonexistent/claims.csv --records /nonexistent/r.csv --out " +
                (dir_ / "out").string());
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.err.find("/nonexistent/claims.csv"), std::string::npos) << ran.err;
  EXPECT_FALSE(fs::exists(dir_ / "out" / "verdicts.csv"));
}

TEST_F(VerifyCliTest, BadMoneyNamesFileLineAndFieldAndWritesNothing) {
  fs::path claims =
      Write("claims.csv",
            "piid,agency,vendor,value,description,fpds_status,fpds_link,deleted_date,savings\n"
            "93310023P0021,Interior,V,440000,d,TERMINATED,,3/1/2025,145000\n"
            "93310023P0022,Interior,V,440000,d,TERMINATED,,3/1/2025,12x5\n");
  fs::path records = kSource + "/demo/records/2025-03-13_fpds_idvs.csv.gz";
  Ran ran = Run("verify --claims " + claims.string() + " --records " + records.string() +
                " --out " + (dir_ / "out").string());
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.err.find("claims.csv:3: field 'savings'"), std::string::npos) << ran.err;
  EXPECT_FALSE(fs::exists(dir_ / "out" / "verdicts.csv"));
  EXPECT_FALSE(fs::exists(dir_ / "out" / "summary.json"));
}

TEST_F(VerifyCliTest, BadInputKeepsAPreviousCompleteReport) {
  fs::path out = dir_ / "out";
  fs::path records = kSource + "/demo/records/2025-03-13_fpds_idvs.csv.gz";
  fs::path good = Write("good.csv", "piid,agency,value,savings\nX1,Interior,10,5\n");
  ASSERT_EQ(Run("verify --claims " + good.string() + " --records " + records.string() + " --out " +
                out.string())
                .exit_code,
            0);
  std::string before = Slurp(out / "verdicts.csv");
  fs::path bad = Write("bad.csv", "piid,agency,value,savings\nX1,Interior,10,\"5\n");  // truncated
  Ran ran = Run("verify --claims " + bad.string() + " --records " + records.string() + " --out " +
                out.string());
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.err.find("bad.csv:2"), std::string::npos) << ran.err;
  EXPECT_EQ(Slurp(out / "verdicts.csv"), before);
  for (const auto& entry : fs::directory_iterator(out)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

// The whole 2025-02-18 list, as published: 1,127 claims, $16,489,568,305.00 claimed, 417 at $0.
TEST_F(VerifyCliTest, WholeListOf2025_02_18) {
  fs::path out = dir_ / "out";
  Ran ran =
      Run("verify --claims " + kSource + "/demo/claims/2025-02-18T18-25_contracts_fpds.csv.gz" +
          " --records " + kSource + "/demo/records/2025-03-13_fpds_awards.csv.gz " + kSource +
          "/demo/records/2025-03-13_fpds_idvs.csv.gz --out " + out.string());
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  EXPECT_NE(ran.out.find("1,127 claims"), std::string::npos) << ran.out;
  EXPECT_NE(ran.out.find("$16,489,568,305.00"), std::string::npos) << ran.out;

  std::ifstream csv(out / "verdicts.csv");
  std::string header;
  std::getline(csv, header);
  EXPECT_EQ(header, kHeader);

  simdjson::dom::parser parser;
  simdjson::dom::element summary = parser.load((out / "summary.json").string());
  EXPECT_EQ(int64_t(summary["claims"]), 1127);
  EXPECT_EQ(std::string_view(summary["claimed_total"]), "16489568305.00");
  EXPECT_EQ(int64_t(summary["claimed_total_cents"]), 1'648'956'830'500);
  // The ICE BPA listed at $8 billion is one claim among them.
  std::string verdicts = Slurp(out / "verdicts.csv");
  EXPECT_NE(verdicts.find("70CMSD22A00000008"), std::string::npos);
  EXPECT_TRUE(fs::exists(out / "report.html"));
  EXPECT_TRUE(fs::exists(out / "summary.md"));
}

}  // namespace
