// Contracts, grants and leases lists side by side in one ledger: each compared only with earlier
// lists of its own kind (history, diff, report), and a cross-kind diff refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "ledger/ledger.h"
#include "ledger/timeline.h"
#include "run_binary.h"

namespace {

namespace fs = std::filesystem;
using namespace receipts::testing;  // kSource, Ran, Slurp

const std::string kClaims = kSource + "/demo/claims/";

class LedgerKindsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTestDir("receipts_ledger_kinds_");
    // contracts (1), grants (2), contracts (3), leases (4).
    for (const std::string& file : {kClaims + "2025-02-18T18-25_contracts_fpds.csv.gz",
                                    kClaims + "grants/2025-10-21_grants_api.csv.gz",
                                    kClaims + "2025-02-19T10-50_contracts_fpds.csv.gz",
                                    kClaims + "leases/2025-10-21_leases_api.csv.gz"}) {
      Ran ingest = Run("ingest --ledger LEDGER --claims " + file);
      ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    }
  }
  void TearDown() override { fs::remove_all(dir_); }
  Ran Run(const std::string& args) { return RunBinary(dir_, args, "cd " + dir_.string() + " && "); }
  fs::path dir_;
};

TEST_F(LedgerKindsTest, LogShowsEachSnapshotsKind) {
  Ran log = Run("log --ledger LEDGER");
  ASSERT_EQ(log.exit_code, 0) << log.err;
  EXPECT_NE(log.out.find("\t1127\t16489568305.00\t"), std::string::npos) << log.out;
  EXPECT_NE(log.out.find("\tcontracts\n"), std::string::npos) << log.out;
  EXPECT_NE(log.out.find("\t15887\t49209982726.39\t"), std::string::npos) << log.out;
  EXPECT_NE(log.out.find("\tgrants\n"), std::string::npos) << log.out;
  EXPECT_NE(log.out.find("\t264\t53538507.00\t"), std::string::npos) << log.out;
  EXPECT_NE(log.out.find("\tleases\n"), std::string::npos) << log.out;
}

TEST_F(LedgerKindsTest, ACrossKindDiffIsRefused) {
  Ran diff = Run("diff --ledger LEDGER 1 2");
  EXPECT_EQ(diff.exit_code, 1);
  EXPECT_NE(diff.err.find("snapshot 1 is a contracts list and snapshot 2 a grants list"),
            std::string::npos)
      << diff.err;
  EXPECT_EQ(diff.out, "");
  Ran same_kind = Run("diff --ledger LEDGER 1 3 --format csv");
  EXPECT_EQ(same_kind.exit_code, 0) << same_kind.err;
  // The one change of 2025-02-19: ICE's $8B entry became $8M.
  EXPECT_NE(same_kind.out.find("70CMSD22A00000008"), std::string::npos);
}

TEST_F(LedgerKindsTest, AContractIsNotGoneWhileAGrantsListIsTheLatest) {
  Ran history = Run("history --ledger LEDGER 9531CB25P0014");
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_NE(history.out.find("snapshot 1 "), std::string::npos) << history.out;
  EXPECT_EQ(history.out.find("snapshot 2 "), std::string::npos) << history.out;
  EXPECT_EQ(history.out.find("snapshot 4 "), std::string::npos) << history.out;
  EXPECT_EQ(history.out.find("gone"), std::string::npos) << history.out;
}

TEST_F(LedgerKindsTest, TheTimelinePairsEachSnapshotWithTheLastOfItsKind) {
  auto ledger = receipts::Ledger::OpenReadOnly((dir_ / "LEDGER").string());
  ASSERT_TRUE(ledger.ok()) << ledger.status().ToString();
  auto timeline = receipts::BuildTimeline(ledger->get());
  ASSERT_TRUE(timeline.ok()) << timeline.status().ToString();
  ASSERT_EQ(timeline->pairs.size(), 1u);  // contracts 1 → 3; the grants and leases stand alone
  EXPECT_EQ(timeline->pairs[0].before.id, 1);
  EXPECT_EQ(timeline->pairs[0].after.id, 3);
  EXPECT_EQ(timeline->pairs[0].removed, 0u);
  EXPECT_EQ(timeline->pairs[0].changed, 1u);  // ICE $8B → $8M
  Ran report = Run("report --ledger LEDGER --out REPORT");
  EXPECT_EQ(report.exit_code, 0) << report.err;
}

}  // namespace
