// The caps on inflated bytes, set from the environment: a compressed input past the cap is
// refused with an error naming the file and the variable that raises it, nothing is stored, and a
// malformed cap is a usage error before any work (never the default in silence).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "run_binary.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using namespace testing;  // kSource, MakeTestDir, Ran, RunBinary, …

// 852,812 bytes inflated; 173,556 on disk.
const std::string kClaims =
    kSource + "/tests/fixtures/claims/2025-02-18T18-25_contracts_fpds.csv.gz";
// 20,070 bytes inflated.
const std::string kRecords = kSource + "/tests/fixtures/records/fpds_awards_slice.csv.gz";

class LimitsCliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTestDir("receipts_limits_"); }
  void TearDown() override { fs::remove_all(dir_); }
  Ran Run(const std::string& args, const std::string& env = "") {
    return RunBinary(dir_, args, env + " ");
  }
  std::string Ledger() const { return (dir_ / "ledger.db").string(); }
  fs::path dir_;
};

TEST_F(LimitsCliTest, AClaimsListPastTheInflateCapIsRefusedNamingTheVariable) {
  const std::string ingest = "ingest --ledger " + Ledger() + " --claims " + kClaims;
  Ran capped = Run(ingest, "RECEIPTS_MAX_INFLATED_BYTES=100K");
  EXPECT_EQ(capped.exit_code, 1) << capped.out;
  EXPECT_NE(capped.err.find("2025-02-18T18-25_contracts_fpds.csv.gz"), std::string::npos)
      << capped.err;
  EXPECT_NE(capped.err.find("more than the limit of 102400 bytes (RECEIPTS_MAX_INFLATED_BYTES"),
            std::string::npos)
      << capped.err;
  Ran log = Run("log --ledger " + Ledger());
  EXPECT_NE(log.exit_code, 0) << "a refused list stored a snapshot: " << log.out;

  Ran raised = Run(ingest, "RECEIPTS_MAX_INFLATED_BYTES=1M");
  EXPECT_EQ(raised.exit_code, 0) << raised.err;
}

TEST_F(LimitsCliTest, ARecordFilePastTheStreamedCapIsRefusedNamingTheVariable) {
  const std::string verify = "verify --claims " + kClaims + " --records " + kRecords +
                             " --no-cache --quiet --out " + (dir_ / "out").string();
  Ran capped = Run(verify, "RECEIPTS_MAX_STREAMED_BYTES=10K");
  EXPECT_EQ(capped.exit_code, 1) << capped.out;
  EXPECT_NE(capped.err.find("fpds_awards_slice.csv"), std::string::npos) << capped.err;
  EXPECT_NE(capped.err.find("RECEIPTS_MAX_STREAMED_BYTES"), std::string::npos) << capped.err;
  EXPECT_FALSE(fs::exists(dir_ / "out"));

  Ran open = Run(verify);
  EXPECT_EQ(open.exit_code, 0) << open.err;
}

TEST_F(LimitsCliTest, AMalformedCapIsAUsageErrorBeforeAnyWork) {
  for (const char* env : {"RECEIPTS_MAX_INFLATED_BYTES=lots", "RECEIPTS_MAX_STREAMED_BYTES=0",
                          "RECEIPTS_MAX_ACTIONS_PER_AWARD=-5"}) {
    Ran ran = Run("ingest --ledger " + Ledger() + " --claims " + kClaims, env);
    EXPECT_EQ(ran.exit_code, 2) << env;
    const std::string name = std::string(env).substr(0, std::string(env).find('='));
    EXPECT_NE(ran.err.find(name + "='"), std::string::npos) << ran.err;
    EXPECT_FALSE(fs::exists(Ledger())) << env;
  }
}

}  // namespace
}  // namespace receipts
