// A directory or a FIFO given where the command line expects a file: exit 1 with
// "PATH: is a directory, not a claims file", never exit 134 (std::bad_alloc) or a hang. Each run is
// under `timeout`, so the hang the FIFO caused shows as a failure, not a stuck test.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "run_binary.h"

namespace {

namespace fs = std::filesystem;
using receipts::testing::kSource;
using receipts::testing::Ran;

const std::string kRecords = kSource + "/tests/fixtures/records/fpds_awards_slice.csv";
const std::string kClaims = kSource + "/tests/fixtures/claims/2025-03-13_contracts_grab.csv";

class InputKindCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = receipts::testing::MakeTestDir("receipts_input_kind_cli_");
    fifo_ = (dir_ / "pipe").string();
    ASSERT_EQ(::mkfifo(fifo_.c_str(), 0600), 0);
    fs::create_directories(dir_ / "folder");
  }
  void TearDown() override { fs::remove_all(dir_); }
  Ran Run(const std::string& args) {
    return receipts::testing::RunBinary(dir_, args + " --no-cache --quiet", "timeout 20 ");
  }
  std::string Out() { return (dir_ / "out").string(); }

  fs::path dir_;
  std::string fifo_;
};

TEST_F(InputKindCliTest, ADirectoryAsTheClaimsIsAClearErrorNotAnAbort) {
  const std::string folder = (dir_ / "folder").string();
  Ran ran = Run("verify --claims " + folder + " --records " + kRecords + " --out " + Out());
  EXPECT_EQ(ran.exit_code, 1) << ran.err;
  EXPECT_NE(ran.err.find(folder + ": is a directory, not a claims file"), std::string::npos)
      << ran.err;
  EXPECT_FALSE(fs::exists(Out()));
}

TEST_F(InputKindCliTest, AFifoAsTheClaimsIsAClearErrorNotAHang) {
  Ran ran = Run("verify --claims " + fifo_ + " --records " + kRecords + " --out " + Out());
  EXPECT_EQ(ran.exit_code, 1) << ran.err;
  EXPECT_NE(ran.err.find(fifo_ + ": is a FIFO, not a claims file"), std::string::npos) << ran.err;
}

TEST_F(InputKindCliTest, AFifoAsRecordsIsAClearErrorNotAHang) {
  Ran ran = Run("verify --claims " + kClaims + " --records " + fifo_ + " --out " + Out());
  EXPECT_EQ(ran.exit_code, 1) << ran.err;
  EXPECT_NE(ran.err.find(fifo_ + ": is a FIFO, not a file"), std::string::npos) << ran.err;
}

}  // namespace
