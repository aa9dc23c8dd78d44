#include "report/output_dir.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../test_files.h"
#include "test_run.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using testing::MakeTestDir;
using testing::Slurp;

class ReportOutputDirTest : public ::testing::Test {
 protected:
  void SetUp() override { root_ = MakeTestDir("receipts_report_test_"); }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(root_ / "locked", fs::perms::owner_all, ec);
    fs::remove_all(root_, ec);
  }
  std::size_t TempFiles(const fs::path& dir) {
    std::size_t n = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().filename().string().find(".tmp-") != std::string::npos) ++n;
    }
    return n;
  }
  fs::path root_;
};

TEST_F(ReportOutputDirTest, WritesAllFilesCreatingTheDirectory) {
  fs::path dir = root_ / "out" / "nested";
  Status status = WriteFilesAtomically(dir.string(), {{"a.txt", "alpha\n"}, {"b.csv", "x,y\n"}});
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(Slurp(dir / "a.txt"), "alpha\n");
  EXPECT_EQ(Slurp(dir / "b.csv"), "x,y\n");
  EXPECT_EQ(TempFiles(dir), 0u);
}

TEST_F(ReportOutputDirTest, ReplacesPreviousOutputs) {
  fs::path dir = root_ / "out";
  ASSERT_TRUE(WriteFilesAtomically(dir.string(), {{"a.txt", "old"}}).ok());
  ASSERT_TRUE(WriteFilesAtomically(dir.string(), {{"a.txt", "new"}}).ok());
  EXPECT_EQ(Slurp(dir / "a.txt"), "new");
}

TEST_F(ReportOutputDirTest, FailsUnderARegularFile) {
  fs::path file = root_ / "plain";
  std::ofstream(file) << "not a directory";
  fs::path dir = file / "out";
  Status status = WriteFilesAtomically(dir.string(), {{"a.txt", "alpha"}});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_NE(status.message().find(dir.string()), std::string::npos) << status.message();
  EXPECT_EQ(TempFiles(root_), 0u);
  EXPECT_EQ(Slurp(file), "not a directory");
}

TEST_F(ReportOutputDirTest, FailureLeavesPreviousOutputsAndNoTemps) {
  fs::path dir = root_ / "out";
  ASSERT_TRUE(WriteFilesAtomically(dir.string(), {{"a.txt", "old a"}, {"b.txt", "old b"}}).ok());
  // A directory where b.txt's temp file must go makes the second write fail after the first
  // temp file was written.
  fs::path blocker = dir / (".b.txt.tmp-" + std::to_string(::getpid()));
  fs::create_directories(blocker / "inside");
  Status status = WriteFilesAtomically(dir.string(), {{"a.txt", "new a"}, {"b.txt", "new b"}});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_NE(status.message().find((dir / "b.txt").string()), std::string::npos) << status.message();
  EXPECT_EQ(Slurp(dir / "a.txt"), "old a");
  EXPECT_EQ(Slurp(dir / "b.txt"), "old b");
  EXPECT_FALSE(fs::exists(dir / (".a.txt.tmp-" + std::to_string(::getpid()))));
}

TEST_F(ReportOutputDirTest, UnwritableDirectory) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores permissions";
  fs::path dir = root_ / "locked";
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  Status status = WriteFilesAtomically(dir.string(), {{"a.txt", "alpha"}});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find(dir.string()), std::string::npos) << status.message();
  EXPECT_EQ(TempFiles(dir), 0u);
}

TEST_F(ReportOutputDirTest, RejectsNamesThatAreNotPlainFileNames) {
  fs::path dir = root_ / "out";
  EXPECT_EQ(WriteFilesAtomically(dir.string(), {{"../escape.txt", "x"}}).code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(WriteFilesAtomically(dir.string(), {{"", "x"}}).code(), Status::Code::kInvalidInput);
  EXPECT_FALSE(fs::exists(root_ / "escape.txt"));
}

TEST_F(ReportOutputDirTest, WritesTheVerifyReport) {
  fs::path dir = root_ / "report";
  Status status = WriteVerifyReport(dir.string(), testing::MakeTestRun());
  ASSERT_TRUE(status.ok()) << status.ToString();
  for (const char* name : {"verdicts.csv", "summary.json", "summary.md", "report.html"}) {
    EXPECT_TRUE(fs::is_regular_file(dir / name)) << name;
    EXPECT_GT(fs::file_size(dir / name), 0u) << name;
  }
  EXPECT_EQ(Slurp(dir / "verdicts.csv").rfind("claim_id,kind,piid,", 0), 0u);
  EXPECT_EQ(TempFiles(dir), 0u);
}

}  // namespace
}  // namespace receipts
