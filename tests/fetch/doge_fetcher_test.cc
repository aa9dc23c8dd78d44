#include "fetch/doge_fetcher.h"

#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "../test_files.h"
#include "claims/claims_reader.h"
#include "core/sha256.h"
#include "replay_server.h"

namespace receipts {
namespace {

using namespace testing;  // LoadFixtureItems, ReplayFault, ReplayServer

std::string Fixture(const std::string& name) {
  return receipts::testing::FixturePath("fetch", name);
}

class DogeFetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<ReplayServer>(std::map<std::string, std::vector<std::string>>{
        {"contracts", LoadFixtureItems(Fixture("contracts.json.gz"))},
        {"grants", LoadFixtureItems(Fixture("grants.json.gz"))},
        {"leases", LoadFixtureItems(Fixture("leases.json.gz"))}});
    ASSERT_TRUE(server_->Start());
    options_.base_url = server_->base_url();
    options_.kind = "contracts";
    options_.per_page = 500;
    options_.max_retries = 3;
    options_.initial_backoff_ms = 1;
    options_.max_backoff_ms = 10;
    options_.timeout_seconds = 5;
    options_.connect_timeout_seconds = 2;
    options_.log = [this](std::string_view line) { log_.emplace_back(line); };
  }
  void TearDown() override { server_->Stop(); }

  int Retries() const {
    int n = 0;
    for (const std::string& line : log_) n += line.starts_with("retry ");
    return n;
  }
  std::string PageUrl(int page) const {
    return server_->base_url() + "/savings/contracts?page=" + std::to_string(page) +
           "&per_page=" + std::to_string(options_.per_page);
  }

  std::unique_ptr<ReplayServer> server_;
  FetchOptions options_;
  std::vector<std::string> log_;
};

TEST_F(DogeFetcherTest, FetchesEveryPageInOrder) {
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  EXPECT_EQ(snapshot->kind, "contracts");
  EXPECT_EQ(snapshot->source, server_->base_url() + "/savings/contracts");
  EXPECT_TRUE(std::regex_match(snapshot->as_of, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << snapshot->as_of;

  // 1,234 items at 500 a page: 500, 500, 234, each page asked for once and kept byte for byte.
  ASSERT_EQ(snapshot->pages.size(), 3u);
  std::set<std::string> hashes;
  for (int page = 1; page <= 3; ++page) {
    const RawPage& raw = snapshot->pages[page - 1];
    EXPECT_EQ(raw.url_or_path, PageUrl(page));
    EXPECT_EQ(raw.bytes, server_->LastBody("contracts", page));
    EXPECT_EQ(server_->Requests("contracts", page), 1);
    hashes.insert(Sha256Hex(raw.bytes));
  }
  EXPECT_EQ(hashes.size(), 3u);
  EXPECT_EQ(server_->Requests("contracts", 4), 0);
  EXPECT_EQ(Retries(), 0);

  // Every item, in order, read as the same claim the fixture file itself gives.
  Result<std::vector<Claim>> expected =
      ReadClaimsFile(Fixture("contracts.json.gz"), ClaimKind::kContract);
  ASSERT_TRUE(expected.ok()) << expected.status().ToString();
  ASSERT_EQ(expected->size(), 1234u);
  ASSERT_EQ(snapshot->claims.size(), expected->size());
  for (std::size_t i = 0; i < expected->size(); ++i) {
    const Claim& got = snapshot->claims[i];
    const Claim& want = (*expected)[i];
    ASSERT_EQ(got.raw, want.raw) << "item " << i + 1;
    EXPECT_EQ(got.piid, want.piid);
    EXPECT_EQ(got.claimed_savings, want.claimed_savings);
    EXPECT_EQ(got.source_file, PageUrl(static_cast<int>(i / 500) + 1));
    EXPECT_EQ(got.source_line, i % 500 + 1);
  }
  EXPECT_EQ(snapshot->claims.front().piid, "24322623F0084");
}

TEST_F(DogeFetcherTest, RetriesAPageThatFailsTwiceThenSucceeds) {
  server_->AddFaults("contracts", 2, {ReplayFault::Http(503), ReplayFault::Http(429, 0)});
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  EXPECT_EQ(snapshot->claims.size(), 1234u);
  EXPECT_EQ(snapshot->pages.size(), 3u);
  EXPECT_EQ(server_->Requests("contracts", 1), 1);
  EXPECT_EQ(server_->Requests("contracts", 2), 3);
  EXPECT_EQ(server_->Requests("contracts", 3), 1);
  ASSERT_EQ(Retries(), 2);
  EXPECT_NE(log_[1].find("HTTP 503"), std::string::npos) << log_[1];
  EXPECT_NE(log_[2].find("HTTP 429"), std::string::npos) << log_[2];
  // Only the good answer is kept.
  EXPECT_EQ(snapshot->pages[1].bytes, server_->LastBody("contracts", 2));
}

TEST_F(DogeFetcherTest, RefusesAShortPage) {
  server_->DropItems("contracts", 2, 10);
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_FALSE(snapshot.ok());
  EXPECT_EQ(snapshot.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(snapshot.status().message().find(
                "incomplete capture: received 1224 of 1234 items (page 2 had 490, expected 500)"),
            std::string::npos)
      << snapshot.status().message();
}

TEST_F(DogeFetcherTest, StopsAtAnEmptyPageAndRefusesTheCapture) {
  server_->DropItems("contracts", 2, 500);
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_FALSE(snapshot.ok());
  EXPECT_NE(snapshot.status().message().find("received 500 of 1234 items (page 2 had 0"),
            std::string::npos)
      << snapshot.status().message();
  EXPECT_EQ(server_->Requests("contracts", 3), 0);
}

TEST_F(DogeFetcherTest, RefusesAListThatChangesDuringTheCapture) {
  server_->ShiftTotal("contracts", 3, 1);
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_FALSE(snapshot.ok());
  EXPECT_EQ(snapshot.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(snapshot.status().message().find("changed during the capture"), std::string::npos)
      << snapshot.status().message();
}

// An API announcing 10^9 pages grew to 23 GiB until the kernel killed the fetch.
TEST_F(DogeFetcherTest, AnAnnouncementOfABillionPagesIsRefusedAfterPageOne) {
  server_->Announce("contracts", 500'000'000'000, 1'000'000'000);
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_FALSE(snapshot.ok());
  EXPECT_EQ(snapshot.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(snapshot.status().message().find(
                "/savings/contracts announces 500000000000 items in 1000000000 pages: more than "
                "--max-items 200000; nothing fetched further, nothing recorded"),
            std::string::npos)
      << snapshot.status().message();
  EXPECT_EQ(server_->TotalRequests(), 1);
}

TEST_F(DogeFetcherTest, MaxItemsAndMaxPagesBelowTheListRefuseIt) {
  options_.max_items = 1000;
  Result<SnapshotInput> items = FetchDogeKind(options_);
  ASSERT_FALSE(items.ok());
  EXPECT_NE(items.status().message().find("1234 items in 3 pages: more than --max-items 1000"),
            std::string::npos)
      << items.status().message();
  options_.max_items = 200'000;
  options_.max_pages = 2;
  Result<SnapshotInput> pages = FetchDogeKind(options_);
  ASSERT_FALSE(pages.ok());
  EXPECT_NE(pages.status().message().find("more than --max-pages 2"), std::string::npos)
      << pages.status().message();
  EXPECT_EQ(server_->TotalRequests(), 2);  // page 1, once for each
}

// meta says 10 items in 1000 pages: a server that would go on sending pages past its total.
TEST_F(DogeFetcherTest, MorePagesThanTheTotalFillsAreRefusedAfterPageOne) {
  options_.per_page = 5;
  server_->Announce("contracts", 10, 1000);
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_FALSE(snapshot.ok());
  EXPECT_NE(snapshot.status().message().find(
                "announces 10 items in 1000 pages: more pages than 10 items fill at 5 a page (2)"),
            std::string::npos)
      << snapshot.status().message();
  EXPECT_EQ(server_->TotalRequests(), 1);
}

TEST_F(DogeFetcherTest, APageHoldingMoreItemsThanAskedForStopsTheCapture) {
  options_.per_page = 100;
  server_->Overfill("contracts", 1, 5000);
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_FALSE(snapshot.ok());
  EXPECT_NE(snapshot.status().message().find(
                "5100 items on one page, more than the 100 asked for; nothing recorded"),
            std::string::npos)
      << snapshot.status().message();
  EXPECT_EQ(server_->TotalRequests(), 1);
}

TEST_F(DogeFetcherTest, PagesPastMaxBytesStopTheCapture) {
  options_.per_page = 100;  // 13 pages
  options_.max_bytes = 100'000;
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_FALSE(snapshot.ok());
  EXPECT_NE(snapshot.status().message().find("bytes, more than --max-bytes 100000"),
            std::string::npos)
      << snapshot.status().message();
  EXPECT_LT(server_->TotalRequests(), 13);
}

TEST_F(DogeFetcherTest, GivesUpOnAPersistent500NamingTheUrl) {
  options_.max_retries = 2;
  server_->AddFaults("contracts", 1, std::vector<ReplayFault>(20, ReplayFault::Http(500)));
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_FALSE(snapshot.ok());
  EXPECT_EQ(server_->Requests("contracts", 1), 3);
  EXPECT_EQ(Retries(), 2);
  const std::string& message = snapshot.status().message();
  EXPECT_NE(message.find(PageUrl(1)), std::string::npos) << message;
  EXPECT_NE(message.find("gave up after 3 tries"), std::string::npos) << message;
  EXPECT_NE(message.find("HTTP 500"), std::string::npos) << message;
}

TEST_F(DogeFetcherTest, FailsAtOnceOnA404) {
  server_->AddFaults("contracts", 2, {ReplayFault::Http(404)});
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_FALSE(snapshot.ok());
  EXPECT_EQ(server_->Requests("contracts", 2), 1);
  EXPECT_EQ(server_->Requests("contracts", 3), 0);
  EXPECT_EQ(Retries(), 0);
  EXPECT_NE(snapshot.status().message().find(PageUrl(2) + ": HTTP 404"), std::string::npos)
      << snapshot.status().message();
}

TEST_F(DogeFetcherTest, FailsAtOnceOnAnUnknownPath) {
  options_.base_url = server_->base_url() + "/v2";
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_FALSE(snapshot.ok());
  EXPECT_NE(snapshot.status().message().find("HTTP 404"), std::string::npos);
  EXPECT_EQ(server_->TotalRequests(), 0);
}

TEST_F(DogeFetcherTest, RetriesATimeoutThenFails) {
  options_.timeout_seconds = 1;
  options_.max_retries = 1;
  server_->AddFaults("contracts", 1, {ReplayFault::Slow(3000), ReplayFault::Slow(3000)});
  const auto start = std::chrono::steady_clock::now();
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(snapshot.ok());
  EXPECT_EQ(snapshot.status().code(), Status::Code::kIoError);
  EXPECT_EQ(server_->Requests("contracts", 1), 2);
  EXPECT_EQ(Retries(), 1);
  EXPECT_NE(snapshot.status().message().find("gave up after 2 tries"), std::string::npos)
      << snapshot.status().message();
  EXPECT_NE(snapshot.status().message().find("imed out"), std::string::npos)
      << snapshot.status().message();
  EXPECT_LT(took, std::chrono::seconds(5));
}

TEST_F(DogeFetcherTest, RetriesATimeoutThenSucceeds) {
  options_.timeout_seconds = 1;
  server_->AddFaults("contracts", 3, {ReplayFault::Slow(2000)});
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  EXPECT_EQ(snapshot->claims.size(), 1234u);
  EXPECT_EQ(server_->Requests("contracts", 3), 2);
  EXPECT_EQ(Retries(), 1);
}

TEST_F(DogeFetcherTest, RetriesARefusedConnectionThenFails) {
  options_.base_url = server_->base_url();
  server_->Stop();
  options_.max_retries = 2;
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_FALSE(snapshot.ok());
  EXPECT_EQ(Retries(), 2);
  EXPECT_NE(snapshot.status().message().find(PageUrl(1)), std::string::npos);
}

TEST_F(DogeFetcherTest, FetchesAllThreeKinds) {
  options_.per_page = 100;
  options_.kind = "ignored";
  Result<std::vector<SnapshotInput>> all = FetchDogeAll(options_);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].kind, "contracts");
  EXPECT_EQ((*all)[0].claims.size(), 1234u);
  EXPECT_EQ((*all)[0].pages.size(), 13u);
  EXPECT_EQ((*all)[1].kind, "grants");
  EXPECT_EQ((*all)[1].source, server_->base_url() + "/savings/grants");
  EXPECT_EQ((*all)[1].claims.size(), 300u);
  EXPECT_EQ((*all)[1].pages.size(), 3u);
  EXPECT_EQ((*all)[1].claims[0].kind, ClaimKind::kGrant);
  EXPECT_EQ((*all)[1].claims[0].award_id, "ASST_NON_23K75IL000001_1605");
  EXPECT_EQ((*all)[2].kind, "leases");
  EXPECT_EQ((*all)[2].claims.size(), 120u);
  EXPECT_EQ((*all)[2].claims[0].kind, ClaimKind::kLease);
  EXPECT_EQ((*all)[2].claims[0].location, "IDAHO FALLS, ID");
}

TEST_F(DogeFetcherTest, AllFailsAsAWholeWhenOneKindFails) {
  server_->DropItems("leases", 1, 1);
  Result<std::vector<SnapshotInput>> all = FetchDogeAll(options_);
  ASSERT_FALSE(all.ok());
  EXPECT_NE(all.status().message().find("/savings/leases"), std::string::npos);
}

TEST_F(DogeFetcherTest, RejectsBadOptionsWithoutARequest) {
  FetchOptions bad = options_;
  bad.kind = "payments";
  EXPECT_EQ(FetchDogeKind(bad).status().code(), Status::Code::kUsage);
  bad = options_;
  bad.per_page = 501;
  EXPECT_EQ(FetchDogeKind(bad).status().code(), Status::Code::kUsage);
  bad = options_;
  bad.base_url = "ftp://127.0.0.1";
  EXPECT_EQ(FetchDogeKind(bad).status().code(), Status::Code::kUsage);
  EXPECT_EQ(server_->TotalRequests(), 0);
}

TEST_F(DogeFetcherTest, AcceptsATrailingSlashOnTheBaseUrl) {
  options_.base_url += "/";
  options_.kind = "leases";
  Result<SnapshotInput> snapshot = FetchDogeKind(options_);
  ASSERT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  EXPECT_EQ(snapshot->source, server_->base_url() + "/savings/leases");
  EXPECT_EQ(snapshot->claims.size(), 120u);
  EXPECT_EQ(snapshot->pages.size(), 1u);
}

}  // namespace
}  // namespace receipts
