// Fetching award records from USAspending's API into a record store, against the loopback
// replay (usaspending_replay.h) serving the real FPDS actions of demo/records mapped to
// USAspending's columns (bench/generate_lib.h with no synthetic rows): resolution by key and by
// search, the download's polling, every fault the issue names, and resuming.
#include "fetch/usaspending_fetcher.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "../test_files.h"
#include "generate_lib.h"
#include "jobs/record_inputs.h"
#include "records/records_reader.h"
#include "usaspending_replay.h"
#include "verify/verifier.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using namespace testing;  // DownloadFault, MakeTestDir, UsaspendingReplay

// The real FPDS actions as USAspending transactions, generated once for the suite.
const UsaspendingReplay::Awards& ReplayAwards() {
  static const UsaspendingReplay::Awards awards = [] {
    bench::GenerateOptions options = bench::DefaultGenerateOptions(RECEIPTS_SOURCE_DIR);
    options.rows = 0;
    fs::path path =
        fs::temp_directory_path() / ("receipts_replay_" + std::to_string(::getpid()) + ".csv");
    std::string error = bench::Generate(options, path.string(), nullptr);
    std::string text = error.empty() ? testing::Slurp(path) : "";
    fs::remove(path);
    return UsaspendingReplay::ParseTransactions(text);
  }();
  return awards;
}

AwardRequest Contract(const std::string& key, const std::string& piid, const std::string& agency) {
  AwardRequest request;
  request.key = key;
  request.id = piid;
  request.agency = agency;
  request.claims = {"contract:" + agency + ":" + piid};
  return request;
}

class UsaspendingFetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTestDir("receipts_usaspending_");
    replay_ = std::make_unique<UsaspendingReplay>();
    replay_->SetAwards(ReplayAwards());
    ASSERT_GT(replay_->award_count(), 5'000u);
    ASSERT_TRUE(replay_->Start());
    auto store = RecordStore::Open((dir_ / "store").string(), /*create=*/true);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
    options_.base_url = replay_->base_url();
    options_.poll_interval_ms = 5;
    options_.max_poll_seconds = 1;
    options_.policy.initial_backoff_ms = 5;
    options_.policy.max_backoff_ms = 20;
    options_.timeout_seconds = 10;
  }
  void TearDown() override {
    replay_->Stop();
    fs::remove_all(dir_);
  }

  FetchSummary Fetch(const std::vector<AwardRequest>& wanted) {
    auto summary = FetchFromUsaspending(wanted, store_.get(), options_);
    EXPECT_TRUE(summary.ok()) << summary.status().message();
    return summary.ok() ? *summary : FetchSummary{};
  }

  std::vector<std::string> Roles() const {
    std::vector<std::string> roles;
    for (const StoreEntry& e : store_->Entries()) roles.push_back(e.role);
    return roles;
  }

  fs::path dir_;
  std::unique_ptr<UsaspendingReplay> replay_;
  std::unique_ptr<RecordStore> store_;
  UsaspendingFetchOptions options_;
};

// The IDV key is exact: resolved at once, downloaded after one "running" poll, stored whole.
TEST_F(UsaspendingFetcherTest, FetchesAnAwardByItsKey) {
  FetchSummary s = Fetch({Contract("CONT_IDV_9531CB24A0009_955F", "9531CB24A0009", "955F")});
  EXPECT_EQ(s.fetched, 1u);
  EXPECT_EQ(s.failed, 0u) << (s.failures.empty() ? "" : s.failures[0]);
  EXPECT_EQ(Roles(), (std::vector<std::string>{"award", "download", "status", "file", "done"}));
  // award, download request, two status polls, file
  EXPECT_EQ(s.requests, 5u);
  std::vector<StoreEntry> entries = store_->Entries();
  const StoreEntry& file = entries[3];
  EXPECT_EQ(file.http_status, 200);
  EXPECT_EQ(file.award_key, "CONT_IDV_9531CB24A0009_955F");
  EXPECT_EQ(file.claims, "contract:955F:9531CB24A0009");
  EXPECT_TRUE(file.url.starts_with(replay_->base_url() + "/files/")) << file.url;
  auto body = store_->ReadBody(file);
  ASSERT_TRUE(body.ok()) << body.status().message();
  EXPECT_EQ(body->size(), file.bytes);
  EXPECT_TRUE(body->starts_with("PK"));
}

// A claim's key names the parent IDV, which the record's key does not: 404, then a search for
// the quoted PIID finds it.
TEST_F(UsaspendingFetcherTest, SearchesWhenTheKeyIsUnknown) {
  FetchSummary s =
      Fetch({Contract("CONT_AWD_93310023P0021_9300_SOMEIDV_9300", "93310023P0021", "9300")});
  EXPECT_EQ(s.fetched, 1u);
  EXPECT_EQ(Roles(), (std::vector<std::string>{"award", "search", "award", "download", "status",
                                               "file", "done"}));
  std::vector<StoreEntry> entries = store_->Entries();
  EXPECT_EQ(entries[0].http_status, 404);
  EXPECT_EQ(entries[2].note, "CONT_AWD_93310023P0021_9300_-NONE-_-NONE-");
  EXPECT_EQ(entries.back().note, "CONT_AWD_93310023P0021_9300_-NONE-_-NONE-");
}

// An award USAspending does not have is stored as such, with its 404 body.
TEST_F(UsaspendingFetcherTest, StoresAnAbsentAward) {
  FetchSummary s =
      Fetch({Contract("CONT_AWD_NOSUCHPIID_9700_-NONE-_-NONE-", "NOSUCHPIID", "9700")});
  EXPECT_EQ(s.absent, 1u);
  EXPECT_EQ(s.fetched, 0u);
  std::vector<StoreEntry> entries = store_->Entries();
  ASSERT_FALSE(entries.empty());
  const StoreEntry& absent = entries.back();
  EXPECT_EQ(absent.role, "absent");
  EXPECT_EQ(absent.http_status, 404);
  EXPECT_NE(absent.note.find("USAspending has no award CONT_AWD_NOSUCHPIID_9700_-NONE-_-NONE-"),
            std::string::npos);
  auto body = store_->ReadBody(absent);
  ASSERT_TRUE(body.ok());
  EXPECT_NE(body->find("No Award found"), std::string::npos);
}

TEST_F(UsaspendingFetcherTest, RetriesA503ThenSucceeds) {
  const std::string key = "CONT_IDV_9531CB24A0009_955F";
  replay_->AwardStatuses(key, {503, 502});
  FetchSummary s = Fetch({Contract(key, "9531CB24A0009", "955F")});
  EXPECT_EQ(s.fetched, 1u);
  EXPECT_EQ(s.requests, 7u);  // two refused tries, then the five of a normal fetch
}

TEST_F(UsaspendingFetcherTest, GivesUpOnAPersistent503AndSaysSo) {
  const std::string key = "CONT_IDV_9531CB24A0009_955F";
  replay_->AwardStatuses(key, std::vector<int>(20, 503));
  options_.policy.max_retries = 2;
  FetchSummary s = Fetch({Contract(key, "9531CB24A0009", "955F")});
  EXPECT_EQ(s.failed, 1u);
  ASSERT_EQ(s.failures.size(), 1u);
  EXPECT_NE(s.failures[0].find("gave up after 3 tries; last: HTTP 503"), std::string::npos)
      << s.failures[0];
  EXPECT_EQ(Roles(), (std::vector<std::string>{"error"}));
}

TEST_F(UsaspendingFetcherTest, AskesAgainForADownloadThatNeverFinishesThenReportsIt) {
  const std::string key = "CONT_IDV_9531CB24A0009_955F";
  replay_->SetDownloadFault(key, DownloadFault::kNeverFinishes);
  options_.max_poll_seconds = 0;
  options_.download_attempts = 2;
  FetchSummary s = Fetch({Contract(key, "9531CB24A0009", "955F")});
  EXPECT_EQ(s.failed, 1u);
  ASSERT_EQ(s.failures.size(), 1u);
  EXPECT_NE(s.failures[0].find("gave up after 2 tries: still running"), std::string::npos)
      << s.failures[0];
  EXPECT_EQ(replay_->downloads(), 2u);
}

TEST_F(UsaspendingFetcherTest, AsksAgainAfterAFailedDownload) {
  const std::string key = "CONT_IDV_9531CB24A0009_955F";
  replay_->SetDownloadFault(key, DownloadFault::kFailedOnce);
  FetchSummary s = Fetch({Contract(key, "9531CB24A0009", "955F")});
  EXPECT_EQ(s.fetched, 1u);
  EXPECT_EQ(replay_->downloads(), 2u);
}

TEST_F(UsaspendingFetcherTest, ReportsADownloadThatAlwaysFails) {
  const std::string key = "CONT_IDV_9531CB24A0009_955F";
  replay_->SetDownloadFault(key, DownloadFault::kFailedAlways);
  FetchSummary s = Fetch({Contract(key, "9531CB24A0009", "955F")});
  EXPECT_EQ(s.failed, 1u);
  ASSERT_EQ(s.failures.size(), 1u);
  EXPECT_NE(s.failures[0].find("failed: Download generation failed"), std::string::npos)
      << s.failures[0];
}

TEST_F(UsaspendingFetcherTest, AsksAgainAfterATruncatedZip) {
  const std::string key = "CONT_IDV_9531CB24A0009_955F";
  replay_->SetDownloadFault(key, DownloadFault::kTruncatedOnce);
  FetchSummary s = Fetch({Contract(key, "9531CB24A0009", "955F")});
  EXPECT_EQ(s.fetched, 1u) << (s.failures.empty() ? "" : s.failures[0]);
  EXPECT_EQ(replay_->downloads(), 2u);
  for (const StoreEntry& e : store_->Entries()) {
    if (e.role == "file") {
      EXPECT_TRUE(store_->ReadBody(e).ok());
    }
  }
}

// Bad responses are errors naming the award and the URL; nothing stored before is lost.
TEST_F(UsaspendingFetcherTest, NamesTheAwardAndUrlOfABadResponse) {
  const std::string good = "CONT_IDV_9531CB24A0009_955F";
  ASSERT_EQ(Fetch({Contract(good, "9531CB24A0009", "955F")}).fetched, 1u);
  const std::size_t before = store_->Entries().size();

  const std::string html = "CONT_IDV_72027820D00005_7200";
  replay_->SetHtmlAward(html);
  const std::string no_history = "CONT_AWD_93310023P0021_9300_-NONE-_-NONE-";
  replay_->SetDownloadFault(no_history, DownloadFault::kNoHistory);
  options_.download_attempts = 1;
  FetchSummary s = Fetch(
      {Contract(html, "72027820D00005", "7200"), Contract(no_history, "93310023P0021", "9300")});
  EXPECT_EQ(s.failed, 2u);
  ASSERT_EQ(s.failures.size(), 2u);
  EXPECT_NE(s.failures[0].find("award " + no_history + ": " + replay_->base_url() + "/files/"),
            std::string::npos)
      << s.failures[0];
  EXPECT_NE(s.failures[0].find("has no TransactionHistory member"), std::string::npos);
  EXPECT_NE(s.failures[1].find("award " + html + ": " + replay_->base_url() + "/api/v2/awards/" +
                               html + "/: expected a JSON object, got: <html>"),
            std::string::npos)
      << s.failures[1];
  std::vector<StoreEntry> entries = store_->Entries();
  ASSERT_GT(entries.size(), before);
  for (std::size_t i = 0; i < before; ++i) {
    if (!entries[i].sha256.empty()) {
      EXPECT_TRUE(store_->ReadBody(entries[i]).ok());
    }
  }
}

TEST_F(UsaspendingFetcherTest, ARerunFetchesOnlyWhatIsMissingOrFailed) {
  const std::string a = "CONT_IDV_9531CB24A0009_955F";
  const std::string b = "CONT_AWD_93310023P0021_9300_-NONE-_-NONE-";
  replay_->SetDownloadFault(b, DownloadFault::kFailedAlways);
  FetchSummary first =
      Fetch({Contract(a, "9531CB24A0009", "955F"), Contract(b, "93310023P0021", "9300")});
  EXPECT_EQ(first.fetched, 1u);
  EXPECT_EQ(first.failed, 1u);
  replay_->SetDownloadFault(b, DownloadFault::kNone);
  const std::uint64_t downloads = replay_->downloads();
  FetchSummary second =
      Fetch({Contract(a, "9531CB24A0009", "955F"), Contract(b, "93310023P0021", "9300")});
  EXPECT_EQ(second.reused, 1u);
  EXPECT_EQ(second.fetched, 1u);
  EXPECT_EQ(replay_->downloads(), downloads + 1);
  FetchSummary third =
      Fetch({Contract(a, "9531CB24A0009", "955F"), Contract(b, "93310023P0021", "9300")});
  EXPECT_EQ(third.reused, 2u);
  EXPECT_EQ(third.requests, 0u);
}

// A grant named by its legacy (subtier) key: found by its FAIN among assistance awards,
// downloaded from /download/assistance/, and verified with its File C outlays.
TEST_F(UsaspendingFetcherTest, FetchesAGrantAndItsOutlays) {
  UsaspendingReplay::Awards grants = UsaspendingReplay::ParseTransactions(
      testing::Slurp(std::string(RECEIPTS_SOURCE_DIR) +
                     "/tests/fixtures/records/assistance_prime_transactions.csv"));
  ASSERT_EQ(grants.size(), 1u);
  grants.begin()->second.funding_rows =
      "FY2025P05,075-0943,,0,6000000.00,,,ASST_NON_NU50CK000513_7523,,NU50CK000513,2025-03-31\n"
      "FY2025P02,075-0943,,0,5000000.00,,,ASST_NON_NU50CK000513_7523,,NU50CK000513,2025-03-31\n";
  replay_->Stop();
  replay_ = std::make_unique<UsaspendingReplay>();
  replay_->AddAwards(grants);
  ASSERT_TRUE(replay_->Start());
  options_.base_url = replay_->base_url();

  Claim claim;
  claim.kind = ClaimKind::kGrant;
  claim.award_id = "ASST_NON_NU50CK000513_75D3";
  claim.fain = "NU50CK000513";
  claim.claimed_savings = 145'832'279;
  std::vector<AwardRequest> wanted =
      AwardRequestsForClaims({claim}, {"grant:ASST_NON_NU50CK000513_75D3"});
  ASSERT_EQ(wanted.size(), 1u);
  EXPECT_EQ(wanted[0].family, AwardFamily::kAssistance);
  EXPECT_EQ(wanted[0].id, "NU50CK000513");
  FetchSummary s = Fetch(wanted);
  ASSERT_EQ(s.fetched, 1u) << (s.failures.empty() ? "" : s.failures[0]);
  std::vector<StoreEntry> entries = store_->Entries();
  ASSERT_GE(entries.size(), 4u);
  EXPECT_NE(entries[3].url.find("/api/v2/download/assistance/"), std::string::npos)
      << entries[3].url;

  RecordSet records;
  ScanStats stats;
  ASSERT_TRUE(ReadRecordInputs({store_->dir()}, RecordFilter::All(), &records, &stats,
                               ScanOptions{}, nullptr)
                  .ok());
  FinishRecords(&records);
  std::vector<ClaimResult> results = VerifyClaims({claim}, records, VerifyOptions{DefaultSince()});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(VerdictName(results[0].verdict), std::string("verified")) << results[0].reason;
  EXPECT_EQ(results[0].deobligated, 145'832'279);
  // 4,439,135.00 + 5,893,978.00 − 1,458,322.79 obligated, 6,000,000.00 outlaid by FY2025P05.
  EXPECT_EQ(results[0].obligated_not_outlaid, 287'479'021);
}

TEST(FreshAwardKeysTest, OlderThanMaxAgeIsFetchedAgain) {
  fs::path dir = MakeTestDir("receipts_fresh_");
  auto store = RecordStore::Open(dir.string(), /*create=*/true);
  ASSERT_TRUE(store.ok());
  StoreEntry old_entry;
  old_entry.fetched_at = "2020-01-01T00:00:00Z";
  old_entry.source = "usaspending";
  old_entry.role = "done";
  old_entry.award_key = "CONT_IDV_X_9700";
  ASSERT_TRUE((*store)->Put(old_entry, "", /*has_body=*/false).ok());
  EXPECT_EQ(FreshAwardKeys(**store, -1), (std::vector<std::string>{"CONT_IDV_X_9700"}));
  EXPECT_TRUE(FreshAwardKeys(**store, 30).empty());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace receipts
