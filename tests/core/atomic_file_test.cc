#include "core/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../test_files.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using testing::Slurp;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::MakeTestDir("receipts_atomic_file_"); }
  void TearDown() override { fs::remove_all(dir_); }
  std::size_t Entries() {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
  }
  // The PID of a process that has exited.
  static std::string DeadPid() {
    pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    ::waitpid(pid, nullptr, 0);
    return std::to_string(pid);
  }
  fs::path dir_;
};

TEST_F(AtomicFileTest, WritesAndReplacesLeavingNoTemporaryFile) {
  const std::string path = (dir_ / "index.tsv").string();
  ASSERT_TRUE(WriteFileAtomically(path, "one\n").ok());
  ASSERT_TRUE(WriteFileAtomically(path, "two\n").ok());
  EXPECT_EQ(Slurp(path), "two\n");
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(AtomicFileTest, TemporaryFilesHaveFreshRandomNames) {
  Result<TempEntry> a = CreateTempFile(dir_.string(), "x", 0644);
  Result<TempEntry> b = CreateTempFile(dir_.string(), "x", 0644);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->path, b->path);
  EXPECT_TRUE(IsTempName(fs::path(a->path).filename().string(), "x"));
  ::close(a->fd);
  ::close(b->fd);
}

TEST_F(AtomicFileTest, FailureLeavesTheOldFileAndNoTemporary) {
  fs::create_directories(dir_ / "sub");
  // A directory at the final name: the rename fails after the temporary file was written.
  Status s = WriteFileAtomically((dir_ / "sub").string(), "x");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find((dir_ / "sub").string()), std::string::npos) << s.message();
  EXPECT_EQ(Entries(), 1u);
}

// Keys: never over an existing file, and a symlink at the name is never followed.
TEST_F(AtomicFileTest, NewFileRefusesAnExistingNameAndASymlink) {
  const fs::path key = dir_ / "key";
  std::ofstream(key) << "old";
  Status s = WriteNewFileAtomically(key.string(), "new", 0600);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("already exists"), std::string::npos) << s.message();
  EXPECT_EQ(Slurp(key), "old");
  fs::create_symlink(dir_ / "victim", dir_ / "link");
  EXPECT_FALSE(WriteNewFileAtomically((dir_ / "link").string(), "new", 0600).ok());
  EXPECT_FALSE(fs::exists(dir_ / "victim"));
  EXPECT_EQ(Entries(), 2u);  // key and link: no temporary file left
  ASSERT_TRUE(WriteNewFileAtomically((dir_ / "fresh").string(), "new", 0600).ok());
  EXPECT_EQ(Slurp(dir_ / "fresh"), "new");
  EXPECT_EQ(fs::status(dir_ / "fresh").permissions() & fs::perms::group_all, fs::perms::none);
}

TEST_F(AtomicFileTest, TemporaryNamesAreRecognisedExactly) {
  EXPECT_TRUE(IsTempName(".a.txt.tmp-123-Ab12Cd"));
  EXPECT_TRUE(IsTempName(".a.txt.tmp-123-Ab12Cd", "a.txt"));
  EXPECT_FALSE(IsTempName(".a.txt.tmp-123-Ab12Cd", "b.txt"));
  EXPECT_FALSE(IsTempName("a.txt.tmp-123-Ab12Cd"));     // not hidden
  EXPECT_FALSE(IsTempName(".a.txt.tmp-123-Ab12C"));     // five random characters
  EXPECT_FALSE(IsTempName(".a.txt.tmp-123-Ab12Cd.x"));  // something after
  EXPECT_FALSE(IsTempName(".a.txt.tmp-x23-Ab12Cd"));    // not a PID
  EXPECT_FALSE(IsTempName(".a.txt.tmp-123"));           // the old fixed names
  EXPECT_FALSE(IsTempName("index.tsv"));
}

TEST_F(AtomicFileTest, RemovesOnlyStaleTemporariesAndNeverFollowsALink) {
  const std::string dead = DeadPid();
  const std::string live = std::to_string(::getpid());
  fs::create_directories(dir_ / "precious");
  std::ofstream(dir_ / "precious" / "keep") << "keep";
  std::ofstream(dir_ / (".a.tmp-" + dead + "-AAAAAA")) << "stale";
  fs::create_directories(dir_ / (".b.tmp-" + dead + "-BBBBBB") / "inside");
  fs::create_directory_symlink(dir_ / "precious", dir_ / (".c.tmp-" + dead + "-CCCCCC"));
  std::ofstream(dir_ / (".a.tmp-" + live + "-DDDDDD")) << "a live writer's";
  std::ofstream(dir_ / ".a.tmp-notapid") << "not ours";
  EXPECT_EQ(RemoveStaleTemps(dir_.string()), 3u);
  EXPECT_EQ(Slurp(dir_ / "precious" / "keep"), "keep");
  EXPECT_TRUE(fs::exists(dir_ / (".a.tmp-" + live + "-DDDDDD")));
  EXPECT_TRUE(fs::exists(dir_ / ".a.tmp-notapid"));
  EXPECT_EQ(Entries(), 3u);
}

}  // namespace
}  // namespace receipts
