// A newcomer's first mistakes, each answered with a message that says what to do (issue 13,
// "newcomer errors"): the version, a directory or a record file given as claims, a directory as
// the ledger, read-only commands that leave a missing or empty ledger as it was, a flag typo and
// a port in use. Exit codes: 0 ok, 1 bad input, 2 usage.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "run_binary.h"

namespace {

namespace fs = std::filesystem;
using receipts::testing::kSource;
using receipts::testing::Ran;
using receipts::testing::Slurp;

const std::string kRecords = kSource + "/tests/fixtures/records/fpds_awards_slice.csv";
const std::string kUsaspending =
    kSource + "/tests/fixtures/records/contracts_prime_transactions.csv";
const std::string kClaims = kSource + "/tests/fixtures/claims/2025-03-13_contracts_grab.csv";

class NewcomerErrorsCliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = receipts::testing::MakeTestDir("receipts_newcomer_cli_"); }
  void TearDown() override { fs::remove_all(dir_); }
  Ran Run(const std::string& args) {
    return receipts::testing::RunBinary(dir_, args, "timeout 20 ");
  }
  std::string Path(const std::string& name) { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(NewcomerErrorsCliTest, VersionPrintsTheProjectVersionAndCommit) {
  Ran ran = Run("--version");
  EXPECT_EQ(ran.exit_code, 0) << ran.err;
  EXPECT_TRUE(std::regex_match(ran.out, std::regex("receipts 0\\.1\\.0( \\([0-9a-f]{4,40}\\))?\n")))
      << ran.out;
}

TEST_F(NewcomerErrorsCliTest, ADirectoryAsClaimsIsNotAClaimsFile) {
  fs::create_directories(dir_ / "folder");
  Ran ran = Run("verify --claims " + Path("folder") + " --records " + kRecords + " --out " +
                Path("out") + " --quiet");
  EXPECT_EQ(ran.exit_code, 1) << ran.err;
  EXPECT_NE(ran.err.find(Path("folder") + ": is a directory, not a claims file"), std::string::npos)
      << ran.err;
}

TEST_F(NewcomerErrorsCliTest, ARecordFileAsClaimsPointsToRecords) {
  for (const std::string& file : {kRecords, kUsaspending}) {
    Ran ran = Run("verify --claims " + file + " --records " + kRecords + " --out " + Path("out") +
                  " --quiet");
    EXPECT_EQ(ran.exit_code, 1) << ran.err;
    EXPECT_NE(ran.err.find(file + ": this is a record file ("), std::string::npos) << ran.err;
    EXPECT_NE(ran.err.find("), not a claims list: pass it with --records"), std::string::npos)
        << ran.err;
    EXPECT_FALSE(fs::exists(Path("out")));
  }
  Ran ingest = Run("ingest --ledger " + Path("l.db") + " --claims " + kRecords);
  EXPECT_EQ(ingest.exit_code, 1) << ingest.err;
  EXPECT_NE(ingest.err.find("this is a record file (FPDS element CSV), not a claims list"),
            std::string::npos)
      << ingest.err;
  EXPECT_FALSE(fs::exists(Path("l.db")));
}

TEST_F(NewcomerErrorsCliTest, ADirectoryAsTheLedgerIsNotALedger) {
  fs::create_directories(dir_ / "folder");
  for (std::string command : {"log", "check", "history x", "diff 1 2"}) {
    Ran ran = Run(std::string(command) + " --ledger " + Path("folder"));
    EXPECT_EQ(ran.exit_code, 1) << command << ": " << ran.err;
    EXPECT_NE(ran.err.find(Path("folder") + ": is a directory, not a ledger"), std::string::npos)
        << command << ": " << ran.err;
  }
  Ran ingest = Run("ingest --ledger " + Path("folder") + " --claims " + kClaims);
  EXPECT_EQ(ingest.exit_code, 1) << ingest.err;
  EXPECT_NE(ingest.err.find("is a directory, not a ledger"), std::string::npos) << ingest.err;
}

TEST_F(NewcomerErrorsCliTest, ReadOnlyCommandsNeverCreateOrChangeALedger) {
  for (std::string command : {"log", "check", "history x", "diff 1 2"}) {
    Ran missing = Run(command + " --ledger " + Path("missing.db"));
    EXPECT_EQ(missing.exit_code, 1) << command << ": " << missing.err;
    EXPECT_NE(missing.err.find(Path("missing.db") + ": no ledger there"), std::string::npos)
        << command << ": " << missing.err;
    EXPECT_FALSE(fs::exists(Path("missing.db"))) << command;

    { std::ofstream(Path("empty.db")); }
    Ran empty = Run(command + " --ledger " + Path("empty.db"));
    EXPECT_EQ(empty.exit_code, 1) << command << ": " << empty.err;
    EXPECT_NE(empty.err.find("not a receipts ledger"), std::string::npos)
        << command << ": " << empty.err;
    EXPECT_EQ(fs::file_size(Path("empty.db")), 0u) << command;
    EXPECT_FALSE(fs::exists(Path("empty.db-journal"))) << command;
  }
  Ran serve = Run("serve --ledger " + Path("missing.db") + " --port 0");
  EXPECT_EQ(serve.exit_code, 1) << serve.err;
  EXPECT_FALSE(fs::exists(Path("missing.db")));
}

TEST_F(NewcomerErrorsCliTest, AFlagTypoSuggestsTheFlag) {
  Ran ran = Run("verify --claim " + kClaims + " --records " + kRecords);
  EXPECT_EQ(ran.exit_code, 2) << ran.err;
  EXPECT_NE(ran.err.find("did you mean --claims?"), std::string::npos) << ran.err;
  Ran far = Run("verify --zzzzzzzz x --records " + kRecords);
  EXPECT_EQ(far.exit_code, 2) << far.err;
  EXPECT_EQ(far.err.find("did you mean"), std::string::npos) << far.err;
}

TEST_F(NewcomerErrorsCliTest, APortInUseIsSaidSo) {
  Ran ingest = Run("ingest --ledger " + Path("l.db") + " --claims " + kClaims);
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  // A listener of our own (no SO_REUSEPORT) holds a port.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(fd, 1), 0);
  socklen_t length = sizeof addr;
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length), 0);
  const std::string port = std::to_string(ntohs(addr.sin_port));
  Ran ran = Run("serve --ledger " + Path("l.db") + " --port " + port);
  ::close(fd);
  EXPECT_EQ(ran.exit_code, 1) << ran.err;
  EXPECT_NE(ran.err.find("port " + port + " is in use"), std::string::npos) << ran.err;
}

}  // namespace
