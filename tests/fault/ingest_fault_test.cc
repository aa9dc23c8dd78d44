// `ingest` into a ledger under a full disk or an I/O error at every write, fsync, open, rename
// and unlink it makes on the ledger's directory (an LD_PRELOAD shim, tests/fault/fault_shim.c,
// not SQLite's VFS: the same shim covers every write path of the binary), and kill -9 at each:
// the run fails with exit 1 and a message, and afterwards the ledger still passes `check` with
// its previous snapshots, the new one absent or complete.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <utility>

#include "fault_run.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using namespace testing;  // Fault, FaultRan, kSource, Ran

// An ingest of these small lists makes about 60 such calls; the loops stop where the shim is
// no longer reached. ENOSPC is tried at every call; EIO and kill -9 at every third and second,
// to keep the test to seconds (each point is three runs of the binary).
constexpr long kMaxPoints = 300;

const std::string kClaims = kSource + "/tests/fixtures/claims/";

std::size_t LineCount(const std::string& text) {
  std::size_t n = 0;
  std::stringstream s(text);
  for (std::string line; std::getline(s, line);) ++n;
  return n;
}

class IngestFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTestDir("receipts_ingest_fault_");
    area_ = dir_ / "area";
    fs::create_directories(area_);
    base_ = (dir_ / "base.db").string();
    run_ = (area_ / "run.db").string();
    ASSERT_EQ(
        Run("ingest --ledger " + base_ + " --claims " + kClaims + "2025-03-11_contracts_fpds.csv")
            .exit_code,
        0);
    ASSERT_EQ(
        Run("ingest --ledger " + base_ + " --claims " + kClaims + "2025-03-30_contracts_fpds.csv")
            .exit_code,
        0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Ran Run(const std::string& args) { return testing::RunBinary(dir_, args); }
  std::string IngestArgs() {
    return "ingest --ledger " + run_ + " --claims " + kClaims + "2025-05-19_contracts_api.csv";
  }
  void Reset() {
    fs::remove_all(area_);
    fs::create_directories(area_);
    fs::copy_file(base_, run_);
  }
  // The ledger checks and holds its two snapshots, plus the new one when the run succeeded.
  void ExpectLedgerIntact(long at, bool committed, const FaultRan& faulted) {
    Ran check = Run("check --ledger " + run_);
    EXPECT_EQ(check.exit_code, 0) << "point " << at << ": " << check.out << check.err << "\n"
                                  << faulted.ran.err;
    Ran log = Run("log --ledger " + run_);
    EXPECT_EQ(LineCount(log.out), committed ? 3u : 2u) << "point " << at << "\n" << log.out;
  }

  fs::path dir_, area_;
  std::string base_, run_;
};

TEST_F(IngestFaultTest, DiskFullOrIoErrorAtEveryCallLosesNoSnapshot) {
  for (const auto& [error, stride] : {std::pair{"ENOSPC", 1}, std::pair{"EIO", 3}}) {
    long at = 0;
    for (; at < kMaxPoints; at += stride) {
      Reset();
      FaultRan faulted = testing::RunWithFault(dir_, IngestArgs(), {area_, "all", at, error});
      if (!faulted.fired) {
        EXPECT_EQ(faulted.ran.exit_code, 0) << faulted.ran.err;
        break;
      }
      if (faulted.ran.exit_code != 0) {
        EXPECT_EQ(faulted.ran.exit_code, 1) << "point " << at << "\n" << faulted.ran.err;
        EXPECT_NE(faulted.ran.err.find("receipts"), std::string::npos) << faulted.ran.err;
      }
      ExpectLedgerIntact(at, faulted.ran.exit_code == 0, faulted);
    }
    EXPECT_GT(at, 4) << error << ": too few points reached; is the shim working?";
    EXPECT_LT(at, kMaxPoints);
  }
}

TEST_F(IngestFaultTest, KillAtEveryCallLosesNoSnapshot) {
  long at = 0;
  for (; at < kMaxPoints; at += 2) {
    Reset();
    Fault fault{area_, "all", at, "ENOSPC", /*kill=*/true};
    FaultRan killed = testing::RunWithFault(dir_, IngestArgs(), fault);
    if (!killed.fired) break;
    EXPECT_NE(killed.ran.exit_code, 0) << "point " << at;
    // Killed before its commit reached the disk, or after: two snapshots or three, never less.
    Ran log = Run("log --ledger " + run_);
    const std::size_t snapshots = LineCount(log.out);
    EXPECT_TRUE(snapshots == 2 || snapshots == 3) << "point " << at << "\n" << log.out << log.err;
    ExpectLedgerIntact(at, snapshots == 3, killed);
  }
  EXPECT_GT(at, 4);
  EXPECT_LT(at, kMaxPoints);
}

}  // namespace
}  // namespace receipts
