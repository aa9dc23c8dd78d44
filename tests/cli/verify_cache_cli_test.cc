// `receipts verify` twice on the same inputs reads the records once: the second run copies the
// outputs from the cache; --no-cache and any changed input verify again. No progress appears on
// stderr when it is not a terminal.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

const std::string kSource = RECEIPTS_SOURCE_DIR;
const std::string kBinary = RECEIPTS_BINARY;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class VerifyCacheCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("receipts_cache_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy_file(kSource + "/tests/fixtures/records/contracts_prime_transactions.csv",
                  dir_ / "records.csv");
    std::ofstream(dir_ / "claims.csv")
        << "piid,agency,value,savings\n93310023P0021,Interior,10,5\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs verify with the cache in dir_/cache; returns the exit code, stderr in err_.
  int Verify(const std::string& extra) {
    std::string command = "RECEIPTS_CACHE_DIR=" + (dir_ / "cache").string() + " " + kBinary +
                          " verify --claims " + (dir_ / "claims.csv").string() + " --records " +
                          (dir_ / "records.csv").string() + " --out " + (dir_ / "out").string() +
                          " " + extra + " >" + (dir_ / "stdout").string() + " 2>" +
                          (dir_ / "stderr").string() + " </dev/null";
    int status = std::system(command.c_str());
    err_ = Slurp(dir_ / "stderr");
    out_ = Slurp(dir_ / "stdout");
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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
