// The verify cache under a full disk, an I/O error or kill -9 at every call it makes in its
// directory: a failed cache write costs only a scan (the run still succeeds with its outputs),
// a half-written entry is never reused, and the next run leaves no temporary entry behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "fault_run.h"
#include "report/output_dir.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using namespace testing;  // Fault, FaultRan, FilesIn, kSource, Ran, TempEntries

const std::string kClaims = kSource + "/tests/fixtures/claims/2025-03-11_contracts_fpds.csv";

class VerifyCacheFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTestDir("receipts_verify_cache_fault_");
    cache_ = dir_ / "cache";
    out_ = dir_ / "out";
    ASSERT_EQ(testing::RunBinary(dir_, Args() + " --no-cache").exit_code, 0);
    expected_ = FilesIn(out_);
    ASSERT_EQ(expected_.size(), std::size(kVerifyReportFiles));
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Args() {
    return "verify --claims " + kClaims + " --records " + kSliceRecords + " --out " +
           out_.string() + " --quiet";
  }
  std::string CacheEnv() { return "RECEIPTS_CACHE_DIR=" + cache_.string() + " "; }

  // Then a run without faults gives the same outputs, whether it reuses the entry or not,
  // and leaves no temporary entry in the cache.
  void ExpectNextRunSound(long at) {
    Ran next = testing::RunBinary(dir_, Args(), CacheEnv());
    ASSERT_EQ(next.exit_code, 0) << "point " << at << ": " << next.err;
    EXPECT_TRUE(FilesIn(out_) == expected_) << "point " << at;
    EXPECT_EQ(TempEntries(cache_), std::vector<std::string>{}) << "point " << at;
  }

  fs::path dir_, cache_, out_;
  std::map<std::string, std::string> expected_;
};

TEST_F(VerifyCacheFaultTest, DiskFullAtEveryCallCostsOnlyAScan) {
  long at = 0;
  for (; at < kVerifyFaultPoints; ++at) {
    fs::remove_all(cache_);
    FaultRan faulted =
        testing::RunWithFault(dir_, Args(), {cache_, "all", at, "ENOSPC"}, CacheEnv());
    if (!faulted.fired) break;
    EXPECT_EQ(faulted.ran.exit_code, 0) << "point " << at << ": " << faulted.ran.err;
    EXPECT_TRUE(FilesIn(out_) == expected_) << "point " << at;
    ExpectNextRunSound(at);
  }
  EXPECT_GT(at, 4) << "too few points reached; is the shim working?";
  EXPECT_LT(at, kVerifyFaultPoints);
}

TEST_F(VerifyCacheFaultTest, KillAtEveryCallNeverLeavesAHalfEntryReused) {
  long at = 0;
  for (; at < kVerifyFaultPoints; ++at) {
    fs::remove_all(cache_);
    Fault fault{cache_, "all", at, "ENOSPC", /*kill=*/true};
    FaultRan killed = testing::RunWithFault(dir_, Args(), fault, CacheEnv());
    if (!killed.fired) break;
    ExpectNextRunSound(at);
  }
  EXPECT_GT(at, 4);
  EXPECT_LT(at, kVerifyFaultPoints);
}

}  // namespace
}  // namespace receipts
