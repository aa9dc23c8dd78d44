// `receipts fetch doge` as a user runs it, against the loopback replay server: a snapshot per
// kind, nothing added for the same bytes again, and nothing at all from an incomplete capture.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../cli/run_binary.h"
#include "ledger/ledger.h"
#include "replay_server.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using namespace testing;  // LoadFixtureItems, MakeTestDir, Ran, ReplayServer, RunBinary

std::string Fixture(const std::string& name) {
  return receipts::testing::FixturePath("fetch", name);
}

class FetchCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTestDir("receipts_fetch_cli_");
    server_ = std::make_unique<ReplayServer>(std::map<std::string, std::vector<std::string>>{
        {"contracts", LoadFixtureItems(Fixture("contracts.json.gz"))},
        {"grants", LoadFixtureItems(Fixture("grants.json.gz"))},
        {"leases", LoadFixtureItems(Fixture("leases.json.gz"))}});
    ASSERT_TRUE(server_->Start());
  }
  void TearDown() override {
    server_->Stop();
    fs::remove_all(dir_);
  }

  Ran Fetch(const std::string& args) {
    return RunBinary(dir_, "fetch doge --ledger " + Ledger() + " --base-url " +
                               server_->base_url() + " " + args);
  }
  std::string Ledger() const { return (dir_ / "receipts.db").string(); }

  fs::path dir_;
  std::unique_ptr<ReplayServer> server_;
};

TEST_F(FetchCliTest, IngestsOneSnapshotPerKind) {
  Ran ran = Fetch("--kind all --per-page 200");
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  EXPECT_NE(ran.out.find("contracts: snapshot 1, 1234 claims in 7 pages, as of "),
            std::string::npos)
      << ran.out;
  EXPECT_NE(ran.out.find("grants: snapshot 2, 300 claims in 2 pages"), std::string::npos)
      << ran.out;
  EXPECT_NE(ran.out.find("leases: snapshot 3, 120 claims in 1 page,"), std::string::npos)
      << ran.out;

  auto ledger = Ledger::Open(Ledger(), /*create=*/false);
  ASSERT_TRUE(ledger.ok()) << ledger.status().ToString();
  auto snapshots = (*ledger)->Snapshots();
  ASSERT_TRUE(snapshots.ok()) << snapshots.status().ToString();
  ASSERT_EQ(snapshots->size(), 3u);
  EXPECT_EQ((*snapshots)[0].kind, "contracts");
  EXPECT_EQ((*snapshots)[0].source, server_->base_url() + "/savings/contracts");
  EXPECT_EQ((*snapshots)[0].claim_count, 1234);
  auto pages = (*ledger)->Pages((*snapshots)[0].id);
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  ASSERT_EQ(pages->size(), 7u);
  EXPECT_EQ((*pages)[6].url_or_path,
            server_->base_url() + "/savings/contracts?page=7&per_page=200");
  EXPECT_EQ((*pages)[6].bytes, server_->LastBody("contracts", 7));
}

TEST_F(FetchCliTest, TheSameBytesAgainAddNothing) {
  ASSERT_EQ(Fetch("--kind leases").exit_code, 0);
  Ran again = Fetch("--kind leases");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("leases: unchanged, the same bytes as snapshot 1"), std::string::npos)
      << again.out;
}

TEST_F(FetchCliTest, AnIncompleteCaptureAddsNothing) {
  ASSERT_EQ(Fetch("--kind leases").exit_code, 0);
  server_->DropItems("contracts", 2, 3);
  Ran ran = Fetch("--kind all --max-retries 0");
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.err.find("incomplete capture: received 1231 of 1234 items (page 2 had 497"),
            std::string::npos)
      << ran.err;
  EXPECT_TRUE(ran.out.empty()) << ran.out;
  auto ledger = Ledger::Open(Ledger(), /*create=*/false);
  ASSERT_TRUE(ledger.ok());
  auto snapshots = (*ledger)->Snapshots();
  ASSERT_TRUE(snapshots.ok());
  EXPECT_EQ(snapshots->size(), 1u);
}

TEST_F(FetchCliTest, AnAnnouncementPastTheCapsIsRefusedAndNothingStored) {
  server_->Announce("contracts", 500'000'000'000, 1'000'000'000);
  Ran ran = Fetch("--kind contracts");
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.err.find("announces 500000000000 items in 1000000000 pages"), std::string::npos)
      << ran.err;
  EXPECT_EQ(server_->TotalRequests(), 1);
  Ran capped = Fetch("--kind grants --per-page 100 --max-pages 2");
  EXPECT_EQ(capped.exit_code, 1);
  EXPECT_NE(capped.err.find("300 items in 3 pages: more than --max-pages 2"), std::string::npos)
      << capped.err;
  EXPECT_EQ(server_->TotalRequests(), 2);
  auto ledger = Ledger::Open(Ledger(), /*create=*/false);
  ASSERT_TRUE(ledger.ok()) << ledger.status().ToString();
  auto snapshots = (*ledger)->Snapshots();
  ASSERT_TRUE(snapshots.ok()) << snapshots.status().ToString();
  EXPECT_TRUE(snapshots->empty());
}

TEST_F(FetchCliTest, RejectsAnUnknownKind) {
  Ran ran = Fetch("--kind payments");
  EXPECT_EQ(ran.exit_code, 2);
  EXPECT_EQ(server_->TotalRequests(), 0);
}

}  // namespace
}  // namespace receipts
