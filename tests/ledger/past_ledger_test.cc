// A ledger written by an earlier release (tests/fixtures/ledger/, made by commit 1e122cd) read by
// this one: migrated, it must print what that release printed, byte for byte, for log, check,
// diff, history and verify --ledger, and keep its sealed verdicts.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "../cli/run_binary.h"

namespace {

namespace fs = std::filesystem;
using namespace receipts::testing;  // kSource, Ran, Slurp

const fs::path kFixture = fs::path(kSource) / "tests/fixtures/ledger";

std::string Expected(const std::string& name) { return Slurp(kFixture / name); }

class PastLedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = receipts::testing::MakeTestDir("receipts_past_ledger_");
    fs::copy_file(kFixture / "ledger-v1.db", dir_ / "LEDGER");
  }
  void TearDown() override { fs::remove_all(dir_); }

  Ran Run(const std::string& args) {
    return receipts::testing::RunBinary(dir_, args + " --ledger LEDGER",
                                        "cd " + dir_.string() + " && ");
  }

  fs::path dir_;
};

TEST_F(PastLedgerTest, ReadsAsTheReleaseThatWroteItDid) {
  Ran migrated = Run("migrate");
  ASSERT_EQ(migrated.exit_code, 0) << migrated.err;
  Ran log = Run("log");
  EXPECT_EQ(log.exit_code, 0) << log.err;
  EXPECT_EQ(log.out, Expected("log.txt"));
  Ran check = Run("check");
  EXPECT_EQ(check.exit_code, 0) << check.err;
  // As that release printed it, then the transparency log the migration built (three
  // snapshots and the verification of the second).
  const std::string before = Expected("check.txt");
  EXPECT_EQ(check.out.substr(0, before.size()), before);
  EXPECT_EQ(check.out.substr(before.size()).rfind("log: 4 leaves, every one recomputed", 0), 0u)
      << check.out;
  Ran diff = Run("diff 1 2");
  EXPECT_EQ(diff.out, Expected("diff-1-2.txt"));
  Ran diff_csv = Run("diff 1 2 --format csv");
  EXPECT_EQ(diff_csv.out, Expected("diff-1-2.csv"));
  Ran history = Run("history 9531CB25P0014");
  EXPECT_EQ(history.out, Expected("history.txt"));
}

TEST_F(PastLedgerTest, VerifiesAStoredSnapshotAsTheReleaseThatWroteItDid) {
  ASSERT_EQ(Run("migrate").exit_code, 0);
  const std::string records = kSource + "/demo/records/2025-03-13_fpds_";
  Ran verify = Run("verify --snapshot 2 --out OUT --records " + records +
                   "awards.csv.gz --records " + records + "idvs.csv.gz");
  ASSERT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_EQ(verify.out, Expected("verify-2.txt"));
  EXPECT_EQ(Slurp(dir_ / "OUT/verdicts.csv"), Expected("verdicts-2.csv"));
  EXPECT_EQ(Slurp(dir_ / "OUT/summary.json"), Expected("summary-2.json"));
  // The replaced verdicts are sealed again: check still passes.
  Ran check = Run("check");
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

}  // namespace
