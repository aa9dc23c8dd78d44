// `verify --out DIR` under every disk failure and every kill -9 its write path can meet: DIR is
// always the previous run or the new one, whole, never a mix (before, a kill between its four
// renames left three of the four points mixed), and the next run removes what a killed one
// left behind.
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

const std::string kOldClaims = kSource + "/tests/fixtures/claims/2025-03-13_contracts_grab.csv";
const std::string kNewClaims = kSource + "/tests/fixtures/claims/2025-03-11_contracts_fpds.csv";

class VerifyOutFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTestDir("receipts_verify_out_fault_");
    area_ = dir_ / "area";
    out_ = area_ / "out";
    fs::create_directories(area_);
    // The two runs' complete outputs, for comparing DIR with after each fault.
    ASSERT_EQ(Verify(kNewClaims).exit_code, 0);
    new_run_ = FilesIn(out_);
    ASSERT_EQ(Verify(kOldClaims).exit_code, 0);
    old_run_ = FilesIn(out_);
    ASSERT_EQ(old_run_.size(), std::size(kVerifyReportFiles));
    ASSERT_NE(old_run_, new_run_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Args(const std::string& claims) {
    return "verify --claims " + claims + " --records " + kSliceRecords + " --out " + out_.string() +
           " --no-cache --quiet";
  }
  Ran Verify(const std::string& claims) { return testing::RunBinary(dir_, Args(claims)); }

  // After a faulted run: DIR holds one whole run; then a clean run of the old claims restores
  // the old one and must leave no temporary entry anywhere.
  void ExpectOneWholeRunThenClean(long at, const FaultRan& faulted) {
    std::map<std::string, std::string> now = FilesIn(out_);
    EXPECT_TRUE(now == old_run_ || now == new_run_)
        << "point " << at << ": " << out_
        << " mixes two runs or is incomplete: " << testing::Describe(now) << "\n"
        << faulted.ran.err;
    Ran clean = Verify(kOldClaims);
    ASSERT_EQ(clean.exit_code, 0) << "point " << at << ": " << clean.err;
    EXPECT_TRUE(FilesIn(out_) == old_run_) << "point " << at;
    EXPECT_EQ(TempEntries(area_), std::vector<std::string>{}) << "point " << at;
  }

  fs::path dir_, area_, out_;
  std::map<std::string, std::string> old_run_, new_run_;
};

TEST_F(VerifyOutFaultTest, DiskFullOrIoErrorAtEveryCallKeepsThePreviousRunWhole) {
  for (const char* error : {"ENOSPC", "EIO"}) {
    long at = 0;
    for (; at < kVerifyFaultPoints; ++at) {
      FaultRan faulted = testing::RunWithFault(dir_, Args(kNewClaims), {area_, "all", at, error});
      if (!faulted.fired) {
        EXPECT_EQ(faulted.ran.exit_code, 0) << faulted.ran.err;
        // That run wrote the new outputs: the next error's loop starts from the old run again.
        ASSERT_EQ(Verify(kOldClaims).exit_code, 0);
        break;
      }
      if (faulted.ran.exit_code != 0) {
        // A failed run says so, naming the output and the cause, and changes nothing.
        EXPECT_EQ(faulted.ran.exit_code, 1) << "point " << at << "\n" << faulted.ran.err;
        EXPECT_NE(faulted.ran.err.find(out_.string()), std::string::npos) << "point " << at << "\n"
                                                                          << faulted.ran.err;
        const std::string cause =
            std::string(error) == "EIO" ? "Input/output error" : "No space left on device";
        EXPECT_NE(faulted.ran.err.find(cause), std::string::npos) << "point " << at << "\n"
                                                                  << faulted.ran.err;
        // Only a failed fsync after the swap leaves the new run, and says so.
        const bool swapped = faulted.ran.err.find("may not survive a crash") != std::string::npos;
        EXPECT_TRUE(FilesIn(out_) == (swapped ? new_run_ : old_run_))
            << "point " << at << ": " << testing::Describe(FilesIn(out_)) << "\n"
            << faulted.ran.err;
      }
      ExpectOneWholeRunThenClean(at, faulted);
    }
    EXPECT_LT(at, kVerifyFaultPoints)
        << "the shim was still reached after " << kVerifyFaultPoints << " calls";
    EXPECT_GT(at, 4) << error << ": too few points reached; is the shim working?";
  }
}

TEST_F(VerifyOutFaultTest, KillAtEveryRenameLeavesTheOldRunOrTheNewWhole) {
  long at = 0;
  for (; at < kVerifyFaultPoints; ++at) {
    Fault fault{area_, "rename", at, "ENOSPC", /*kill=*/true};
    FaultRan killed = testing::RunWithFault(dir_, Args(kNewClaims), fault);
    if (!killed.fired) break;
    EXPECT_NE(killed.ran.exit_code, 0) << "point " << at;
    ExpectOneWholeRunThenClean(at, killed);
  }
  EXPECT_GE(at, 1) << "no rename was reached";
  EXPECT_LT(at, kVerifyFaultPoints);
}

TEST_F(VerifyOutFaultTest, KillAtEveryFileSystemCallLeavesTheOldRunOrTheNewWhole) {
  long at = 0;
  for (; at < kVerifyFaultPoints; ++at) {
    Fault fault{area_, "all", at, "ENOSPC", /*kill=*/true};
    FaultRan killed = testing::RunWithFault(dir_, Args(kNewClaims), fault);
    if (!killed.fired) break;
    EXPECT_NE(killed.ran.exit_code, 0) << "point " << at;
    ExpectOneWholeRunThenClean(at, killed);
  }
  EXPECT_GT(at, 4) << "too few points reached; is the shim working?";
  EXPECT_LT(at, kVerifyFaultPoints);
}

}  // namespace
}  // namespace receipts
