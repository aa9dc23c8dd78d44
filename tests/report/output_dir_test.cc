#include "report/output_dir.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
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

// A static site: files in folders, replaced as one run, and a folder holding a file the run did
// not write is not replaced.
TEST_F(ReportOutputDirTest, FilesInFoldersAreOneRunAndForeignFilesInThemAreKept) {
  fs::path dir = root_ / "site";
  ASSERT_TRUE(
      WriteFilesAtomically(
          dir.string(), {{"index.html", "1"}, {"claims/a.html", "a"}, {"api/claims/a.json", "{}"}})
          .ok());
  EXPECT_EQ(Slurp(dir / "claims" / "a.html"), "a");
  EXPECT_EQ(Slurp(dir / "api" / "claims" / "a.json"), "{}");
  ASSERT_TRUE(
      WriteFilesAtomically(
          dir.string(), {{"index.html", "2"}, {"claims/b.html", "b"}, {"api/claims/b.json", "{}"}})
          .ok());
  EXPECT_FALSE(fs::exists(dir / "claims" / "a.html"));  // the old run went whole
  EXPECT_EQ(Slurp(dir / "claims" / "b.html"), "b");
  { std::ofstream(dir / "claims" / "notes.txt") << "mine"; }
  Status status = WriteFilesAtomically(
      dir.string(), {{"index.html", "3"}, {"claims/b.html", "c"}, {"api/claims/b.json", "{}"}});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("claims/notes.txt"), std::string::npos) << status.message();
  EXPECT_EQ(Slurp(dir / "index.html"), "2");
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
  // The same name twice: the second file cannot be created after the first was written.
  Status status = WriteFilesAtomically(
      dir.string(), {{"a.txt", "new a"}, {"b.txt", "new b"}, {"a.txt", "again"}});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_NE(status.message().find((dir / "a.txt").string()), std::string::npos) << status.message();
  EXPECT_EQ(Slurp(dir / "a.txt"), "old a");
  EXPECT_EQ(Slurp(dir / "b.txt"), "old b");
  EXPECT_EQ(TempFiles(dir), 0u);
  EXPECT_EQ(TempFiles(root_), 0u);
}

// Before, each file went through a fixed temporary name, DIR/.NAME.tmp-PID, opened without
// O_EXCL: a symlink planted there had its target overwritten (and then renamed into DIR).
TEST_F(ReportOutputDirTest, PlantedSymlinkAtTheTemporaryNameIsNotFollowed) {
  fs::path dir = root_ / "out";
  fs::create_directories(dir);
  fs::path victim = root_ / "victim.txt";
  std::ofstream(victim) << "precious";
  fs::create_symlink(victim, dir / (".a.txt.tmp-" + std::to_string(::getpid())));
  ASSERT_TRUE(WriteFilesAtomically(dir.string(), {{"a.txt", "new a"}}).ok());
  EXPECT_EQ(Slurp(victim), "precious");
  EXPECT_FALSE(fs::is_symlink(dir / "a.txt"));
  EXPECT_EQ(Slurp(dir / "a.txt"), "new a");
}

// Before, files were renamed into DIR one by one: a reader in DIR saw the new files appear one
// at a time beside the old ones. Now the whole directory is swapped: a reader that opened DIR
// before keeps seeing the old run, whole, and DIR's path names the new one, whole.
TEST_F(ReportOutputDirTest, ReplacingSwapsInAWholeNewDirectory) {
  fs::path dir = root_ / "out";
  ASSERT_TRUE(WriteFilesAtomically(dir.string(), {{"a.txt", "old a"}, {"b.txt", "old b"}}).ok());
  int old_dir = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  ASSERT_GE(old_dir, 0);
  ASSERT_TRUE(WriteFilesAtomically(dir.string(), {{"a.txt", "new a"}, {"b.txt", "new b"}}).ok());
  EXPECT_EQ(Slurp(dir / "a.txt"), "new a");
  EXPECT_EQ(Slurp(dir / "b.txt"), "new b");
  // The old directory, removed, holds nothing of the new run.
  EXPECT_LT(::openat(old_dir, "a.txt", O_RDONLY), 0);
  ::close(old_dir);
  EXPECT_EQ(TempFiles(root_), 0u);
}

TEST_F(ReportOutputDirTest, RefusesToReplaceADirectoryOfOtherFiles) {
  fs::path dir = root_ / "home";
  fs::create_directories(dir / "photos");
  std::ofstream(dir / "notes.txt") << "mine";
  Status status = WriteFilesAtomically(dir.string(), {{"a.txt", "alpha"}});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("did not write"), std::string::npos) << status.message();
  EXPECT_EQ(Slurp(dir / "notes.txt"), "mine");
  EXPECT_TRUE(fs::is_directory(dir / "photos"));
  EXPECT_FALSE(fs::exists(dir / "a.txt"));
  EXPECT_EQ(TempFiles(root_), 0u);
}

TEST_F(ReportOutputDirTest, ASymlinkToADirectoryIsReplacedAtItsTarget) {
  fs::path target = root_ / "real";
  ASSERT_TRUE(WriteFilesAtomically(target.string(), {{"a.txt", "old"}}).ok());
  fs::create_directory_symlink(target, root_ / "link");
  ASSERT_TRUE(WriteFilesAtomically((root_ / "link").string(), {{"a.txt", "new"}}).ok());
  EXPECT_TRUE(fs::is_symlink(root_ / "link"));
  EXPECT_EQ(Slurp(target / "a.txt"), "new");
}

// A run killed before or after its swap leaves DIR's temporary directory beside DIR (the new
// run not swapped in, or the old one not yet removed); the next run removes it, and nothing
// that only looks alike.
TEST_F(ReportOutputDirTest, TheNextRunRemovesWhatAKilledRunLeft) {
  pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ASSERT_GT(dead, 0);
  ::waitpid(dead, nullptr, 0);
  const std::string pid = std::to_string(dead);
  fs::create_directories(root_ / (".out.tmp-" + pid + "-Ab12Cd") / "x");
  std::ofstream(root_ / (".out.tmp-" + pid + "-Zz99Yy")) << "partial";
  std::ofstream(root_ / ".out.tmp-notours") << "keep";
  std::ofstream(root_ / (".other.tmp-" + pid + "-Ab12Cd")) << "keep";
  fs::path live = root_ / (".out.tmp-" + std::to_string(::getpid()) + "-Ab12Cd");
  fs::create_directories(live);
  ASSERT_TRUE(WriteFilesAtomically((root_ / "out").string(), {{"a.txt", "alpha"}}).ok());
  EXPECT_FALSE(fs::exists(root_ / (".out.tmp-" + pid + "-Ab12Cd")));
  EXPECT_FALSE(fs::exists(root_ / (".out.tmp-" + pid + "-Zz99Yy")));
  EXPECT_TRUE(fs::exists(root_ / ".out.tmp-notours"));
  EXPECT_TRUE(fs::exists(root_ / (".other.tmp-" + pid + "-Ab12Cd")));
  EXPECT_TRUE(fs::exists(live)) << "a live writer's temporary directory is not removed";
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
  for (const char* bad : {"a/../../escape.txt", "a//b.txt", "/abs.txt", "a/", "./a.txt"}) {
    EXPECT_EQ(WriteFilesAtomically(dir.string(), {{bad, "x"}}).code(), Status::Code::kInvalidInput)
        << bad;
  }
  EXPECT_FALSE(fs::exists(root_ / "escape.txt"));
}

TEST_F(ReportOutputDirTest, FilesAreRenderedWhileWrittenAndAFailedRenderLeavesTheOldRun) {
  fs::path dir = root_ / "out";
  ASSERT_TRUE(WriteFilesAtomically(dir.string(), {{"a.txt", "old a"}, {"b.txt", "old b"}}).ok());
  // A file larger than the sink's pieces arrives whole and in order.
  std::string big;
  for (int i = 0; i < 400000; ++i) big += std::to_string(i) + "\n";
  ASSERT_GT(big.size(), 2 * TextSink::kSpillBytes);
  Status written = WriteFilesAtomically(
      dir.string(), std::vector<OutputFile>{{"a.txt",
                                             [&big](TextSink* sink) {
                                               for (std::size_t at = 0; at < big.size(); at += 7) {
                                                 sink->out() += big.substr(at, 7);
                                                 sink->Spill();
                                               }
                                               return Status::Ok();
                                             }},
                                            {"b.txt", [](TextSink* sink) {
                                               sink->Append("b");
                                               return Status::Ok();
                                             }}});
  ASSERT_TRUE(written.ok()) << written.ToString();
  EXPECT_EQ(Slurp(dir / "a.txt"), big);
  EXPECT_EQ(Slurp(dir / "b.txt"), "b");

  Status failed = WriteFilesAtomically(
      dir.string(),
      std::vector<OutputFile>{{"a.txt",
                               [](TextSink* sink) {
                                 sink->Append("new a");
                                 return Status::Ok();
                               }},
                              {"b.txt", [](TextSink* sink) {
                                 sink->Append(std::string(TextSink::kSpillBytes, 'b'));
                                 return Status::IoError("cached.txt: read failed");
                               }}});
  EXPECT_EQ(failed.code(), Status::Code::kIoError);
  EXPECT_EQ(failed.message(), "cached.txt: read failed");
  EXPECT_EQ(Slurp(dir / "a.txt"), big);
  EXPECT_EQ(Slurp(dir / "b.txt"), "b");
  EXPECT_EQ(TempFiles(root_), 0u);
}

TEST_F(ReportOutputDirTest, WritesTheVerifyReport) {
  fs::path dir = root_ / "report";
  Status status = WriteVerifyReport(dir.string(), testing::MakeTestRun());
  ASSERT_TRUE(status.ok()) << status.ToString();
  for (const char* name : {"verdicts.csv", "leases.csv", "published.csv", "summary.json",
                           "summary.md", "report.html"}) {
    EXPECT_TRUE(fs::is_regular_file(dir / name)) << name;
    EXPECT_GT(fs::file_size(dir / name), 0u) << name;
  }
  EXPECT_EQ(Slurp(dir / "verdicts.csv").rfind("claim_id,kind,piid,", 0), 0u);
  EXPECT_EQ(TempFiles(dir), 0u);
}

}  // namespace
}  // namespace receipts
