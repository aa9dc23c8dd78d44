// `receipts verify` twice on the same inputs reads the records once: the second run copies the
// outputs from the cache; --no-cache and any changed input verify again. No progress appears on
// stderr when it is not a terminal.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "run_binary.h"

namespace {

namespace fs = std::filesystem;
using namespace receipts::testing;  // kSource, Ran, Slurp

class VerifyCacheCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = receipts::testing::MakeTestDir("receipts_cache_cli_");
    fs::copy_file(kSource + "/tests/fixtures/records/contracts_prime_transactions.csv",
                  dir_ / "records.csv");
    std::ofstream(dir_ / "claims.csv")
        << "piid,agency,value,savings\n93310023P0021,Interior,10,5\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs verify with the cache in dir_/cache; returns the exit code, stderr in err_.
  int Verify(const std::string& extra) {
    const Ran ran = receipts::testing::RunBinary(
        dir_,
        "verify --claims " + (dir_ / "claims.csv").string() + " --records " +
            (dir_ / "records.csv").string() + " --out " + (dir_ / "out").string() + " " + extra,
        "RECEIPTS_CACHE_DIR=" + (dir_ / "cache").string() + " ");
    err_ = ran.err;
    out_ = ran.out;
    return ran.exit_code;
  }
  bool Reused() const { return err_.find("reused from the cache") != std::string::npos; }

  fs::path dir_;
  std::string err_, out_;
};

TEST_F(VerifyCacheCliTest, MissThenHitThenNoCache) {
  ASSERT_EQ(Verify(""), 0) << err_;
  EXPECT_FALSE(Reused()) << err_;
  EXPECT_EQ(err_.find('\r'), std::string::npos) << "progress drawn although stderr is a file";
  std::string first_out = out_;
  std::string verdicts = Slurp(dir_ / "out" / "verdicts.csv");
  fs::remove_all(dir_ / "out");

  ASSERT_EQ(Verify(""), 0) << err_;
  EXPECT_TRUE(Reused()) << err_;
  EXPECT_EQ(out_, first_out);
  EXPECT_EQ(Slurp(dir_ / "out" / "verdicts.csv"), verdicts);

  ASSERT_EQ(Verify("--quiet"), 0) << err_;
  EXPECT_EQ(err_, "");

  ASSERT_EQ(Verify("--no-cache"), 0) << err_;
  EXPECT_FALSE(Reused()) << err_;
  EXPECT_EQ(Slurp(dir_ / "out" / "verdicts.csv"), verdicts);
}

TEST_F(VerifyCacheCliTest, ChangedInputsVerifyAgain) {
  ASSERT_EQ(Verify(""), 0) << err_;
  ASSERT_EQ(Verify("--since 2025-02-01"), 0) << err_;
  EXPECT_FALSE(Reused());
  std::ofstream(dir_ / "claims.csv", std::ios::app) << "93310023P0021,Interior,20,6\n";
  ASSERT_EQ(Verify(""), 0) << err_;
  EXPECT_FALSE(Reused());
  // The record file grows by a row: its size changes.
  std::string records = Slurp(dir_ / "records.csv");
  std::ofstream(dir_ / "records.csv", std::ios::app) << records.substr(
      records.find('\n') + 1, records.find('\n', records.find('\n') + 1) - records.find('\n'));
  ASSERT_EQ(Verify(""), 0) << err_;
  EXPECT_FALSE(Reused());
  ASSERT_EQ(Verify(""), 0) << err_;
  EXPECT_TRUE(Reused());
}

}  // namespace
