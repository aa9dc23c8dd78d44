// `receipts fetch sam` against a loopback stand-in for SAM.gov's Contract Awards API serving the
// real FPDS rows of tests/fixtures/records in SAM.gov's JSON shape (tests/fixtures/sam): the
// fetched store verifies to the figures the FPDS rows give, the key is never shown or stored,
// a 429 stops the run and says when to come back, and --max-requests bounds it.
#include "fetch/sam_fetcher.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <simdjson.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "../cli/claims_slice.h"
#include "../cli/run_binary.h"
#include "csv/csv_reader.h"
#include "fetch/record_store.h"
#include "io/input_file.h"
#include "loopback_server.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using namespace testing;  // kSource, MakeTestDir, Ran, RunBinary, …

constexpr const char* kKey = "sam-TEST-key-7f3a9c";

class SamReplay {
 public:
  // The records of the fixture responses, as JSON text, by PIID.
  bool Load(const std::vector<std::string>& paths) {
    for (const std::string& path : paths) {
      simdjson::dom::parser parser;
      simdjson::dom::element root;
      if (parser.load(path).get(root)) return false;
      simdjson::dom::array records;
      if (root["awardSummary"].get(records)) return false;
      for (simdjson::dom::element record : records) {
        std::string_view piid;
        if (record["contractId"]["piid"].get(piid)) return false;
        by_piid_[std::string(piid)].push_back(simdjson::minify(record));
      }
    }
    return true;
  }
  void SetQuota(int requests) { quota_ = requests; }
  int requests() const { return requests_; }
  std::string last_query() {
    std::lock_guard lock(mutex_);
    return last_query_;
  }

  bool Start() {
    server_.Get(
        "/contract-awards/v1/search", [this](const httplib::Request& req, httplib::Response& res) {
          ++requests_;
          {
            std::lock_guard lock(mutex_);
            last_query_ = req.target;
          }
          if (req.get_param_value("api_key") != kKey) {
            res.status = 403;
            res.set_content("<h1>API_KEY_INVALID</h1>", "text/html");
            return;
          }
          if (quota_ >= 0 && requests_ > quota_) {
            res.status = 429;
            res.set_content(
                R"({"code":"OVER_RATE_LIMIT","message":"The API key has exceeded the rate limit"})",
                "application/json");
            return;
          }
          auto it = by_piid_.find(req.get_param_value("piid"));
          if (it == by_piid_.end()) {
            res.status = 204;
            return;
          }
          const int offset = std::stoi(req.get_param_value("offset"));
          const int limit = std::stoi(req.get_param_value("limit"));
          std::string list;
          for (std::size_t i = static_cast<std::size_t>(offset * limit);
               i < it->second.size() && i < static_cast<std::size_t>((offset + 1) * limit); ++i) {
            list += (list.empty() ? "" : ",") + it->second[i];
          }
          res.set_content("{\"awardSummary\":[" + list + "],\"totalRecords\":\"" +
                              std::to_string(it->second.size()) + "\",\"limit\":\"" +
                              std::to_string(limit) + "\",\"offset\":\"" + std::to_string(offset) +
                              "\"}",
                          "application/json");
        });
    server_.set_tcp_nodelay(true);
    return loopback_.Start();
  }
  void Stop() { loopback_.Stop(); }
  ~SamReplay() { Stop(); }
  std::string base_url() const { return loopback_.base_url(); }

 private:
  std::map<std::string, std::vector<std::string>> by_piid_;
  LoopbackServer loopback_;
  httplib::Server& server_ = loopback_.routes();
  std::atomic<int> requests_{0};
  std::atomic<int> quota_{-1};
  std::mutex mutex_;
  std::string last_query_;
};

class SamFetchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTestDir("receipts_sam_");
    ASSERT_TRUE(replay_.Load({kSource + "/tests/fixtures/sam/fpds_awards_slice.json",
                              kSource + "/tests/fixtures/sam/fpds_idvs_slice.json"}));
    ASSERT_TRUE(replay_.Start());
    // The 2025-03-13 claims on the fixtures' awards, and one on a PIID SAM.gov does not have.
    std::string claims =
        testing::ClaimsOfPiids({"93310023P0021", "9531CB23C0008", "75D30124C20075", "9531CB24A0009",
                                "70CMSD22A00000008", "75F40123F19004"});
    claims_ = (dir_ / "2025-03-13_contracts_grab.csv").string();
    std::ofstream(claims_) << claims;
    std::ofstream(dir_ / "key") << kKey << "\n";
    Ran ingested = RunBinary(dir_, "ingest --ledger " + Ledger() + " --claims " + claims_);
    ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
  }
  void TearDown() override {
    replay_.Stop();
    fs::remove_all(dir_);
  }
  std::string Ledger() const { return (dir_ / "receipts.db").string(); }
  std::string Store() const { return (dir_ / "store").string(); }
  Ran Fetch(const std::string& extra = "") {
    return RunBinary(dir_, "fetch sam --api-key-file " + (dir_ / "key").string() + " --ledger " +
                               Ledger() + " --out " + Store() + " --base-url " +
                               replay_.base_url() + " " + extra);
  }
  // Everything the store holds, index and bodies, as one text.
  std::string StoreText() const {
    std::string all = testing::Slurp(fs::path(Store()) / "index.tsv");
    for (const auto& entry : fs::recursive_directory_iterator(Store())) {
      all += entry.path().string();
      if (entry.is_regular_file()) all += testing::Slurp(entry.path());
    }
    return all;
  }

  fs::path dir_;
  SamReplay replay_;
  std::string claims_;
};

TEST_F(SamFetchTest, FetchedRecordsVerifyLikeTheFpdsRows) {
  Ran fetched = Fetch("--max-requests 20");
  ASSERT_EQ(fetched.exit_code, 0) << fetched.err << fetched.out;
  EXPECT_NE(fetched.out.find("6 awards: 5 fetched, 0 already in the store, 1 not in SAM.gov, 0 "
                             "failed"),
            std::string::npos)
      << fetched.out;
  EXPECT_EQ(replay_.requests(), 6);
  // The IDV's parent is not sent (referencedIdvPiid is for orders); an award's agency is.
  EXPECT_NE(replay_.last_query().find(
                "piid=75F40123F19004&piidSubtierCode=7524&referencedIdvPiid=75F40122A00006"),
            std::string::npos)
      << replay_.last_query();

  Ran from_store = RunBinary(dir_, "verify --claims " + claims_ + " --records " + Store() +
                                       " --out " + (dir_ / "a").string() + " --no-cache --quiet");
  ASSERT_EQ(from_store.exit_code, 0) << from_store.err;
  Ran from_fpds = RunBinary(dir_, "verify --claims " + claims_ + " --records " + kSource +
                                      "/tests/fixtures/records/fpds_awards_slice.csv " + kSource +
                                      "/tests/fixtures/records/fpds_idvs_slice.csv --out " +
                                      (dir_ / "b").string() + " --no-cache --quiet");
  ASSERT_EQ(from_fpds.exit_code, 0) << from_fpds.err;
  std::string a = testing::Slurp(dir_ / "a" / "verdicts.csv");
  std::string b = testing::Slurp(dir_ / "b" / "verdicts.csv");
  CsvReader ra("a", a), rb("b", b);
  ASSERT_TRUE(ra.ReadHeader().ok());
  ASSERT_TRUE(rb.ReadHeader().ok());
  int rows = 0;
  for (;;) {
    auto ma = ra.Next();
    auto mb = rb.Next();
    ASSERT_TRUE(ma.ok() && mb.ok());
    ASSERT_EQ(*ma, *mb);
    if (!*ma) break;
    ++rows;
    for (const char* column : {"verdict", "ceiling_minus_obligated", "deobligated",
                               "ceiling_reduced", "verified_savings"}) {
      if (std::string(ra.field(ra.Find("piid"))) == "75F40123F19004") continue;
      EXPECT_EQ(ra.field(ra.Find(column)), rb.field(rb.Find(column)))
          << column << " of " << ra.field(ra.Find("piid"));
    }
    if (std::string(ra.field(ra.Find("piid"))) == "75F40123F19004") {
      EXPECT_EQ(ra.field(ra.Find("verdict")), "not_found");
      EXPECT_NE(std::string(ra.field(ra.Find("reason"))).find("SAM.gov has no award"),
                std::string::npos);
    }
  }
  EXPECT_EQ(rows, 6);
  EXPECT_NE(a.find(",overstated,"), std::string::npos);  // 93310023P0021: matched, not not_found

  // The key is nowhere: not in what was printed, not in the store.
  EXPECT_EQ((fetched.out + fetched.err).find(kKey), std::string::npos);
  EXPECT_EQ(StoreText().find(kKey), std::string::npos);

  // Every answer is kept: a rerun asks nothing.
  Ran again = Fetch();
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(replay_.requests(), 6);
  EXPECT_NE(again.out.find("0 fetched, 6 already in the store"), std::string::npos) << again.out;
}

TEST_F(SamFetchTest, A429StopsTheRunAndSaysWhenTheQuotaResets) {
  replay_.SetQuota(2);
  Ran fetched = Fetch("--max-requests 20");
  EXPECT_EQ(fetched.exit_code, 1) << fetched.out;
  EXPECT_NE(fetched.err.find("HTTP 429"), std::string::npos) << fetched.err;
  EXPECT_NE(fetched.err.find("resets at midnight"), std::string::npos) << fetched.err;
  EXPECT_EQ(replay_.requests(), 3);  // no request after the 429
  EXPECT_NE(fetched.out.find("2 fetched"), std::string::npos) << fetched.out;
  EXPECT_EQ((fetched.out + fetched.err).find(kKey), std::string::npos);
  // The next day: only what is missing is asked for.
  replay_.SetQuota(-1);
  Ran resumed = Fetch("--max-requests 20");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.out.find("3 fetched, 2 already in the store, 1 not in SAM.gov"),
            std::string::npos)
      << resumed.out;
  EXPECT_EQ(replay_.requests(), 3 + 4);
}

TEST_F(SamFetchTest, MaxRequestsBoundsTheRun) {
  Ran fetched = Fetch("--max-requests 2");
  ASSERT_EQ(fetched.exit_code, 0) << fetched.err;
  EXPECT_EQ(replay_.requests(), 2);
  EXPECT_NE(fetched.err.find("stopped after 2 requests (--max-requests 2)"), std::string::npos)
      << fetched.err;
  EXPECT_NE(fetched.out.find("2 fetched"), std::string::npos) << fetched.out;
}

TEST_F(SamFetchTest, ARefusedKeyIsAClearError) {
  std::ofstream(dir_ / "key") << "not-the-key\n";
  Ran fetched = Fetch();
  EXPECT_EQ(fetched.exit_code, 1);
  EXPECT_NE(fetched.err.find("SAM.gov refused the API key (HTTP 403"), std::string::npos)
      << fetched.err;
  EXPECT_EQ(fetched.err.find("not-the-key"), std::string::npos) << fetched.err;
}

TEST(WithoutApiKeyTest, RemovesTheKeyWherevrItIs) {
  EXPECT_EQ(WithoutApiKey("https://x/s?api_key=K&piid=P"), "https://x/s?piid=P");
  EXPECT_EQ(WithoutApiKey("https://x/s?piid=P&api_key=K"), "https://x/s?piid=P");
  EXPECT_EQ(WithoutApiKey("https://x/s?piid=P&api_key=K&limit=1"), "https://x/s?piid=P&limit=1");
  EXPECT_EQ(WithoutApiKey("https://x/s?piid=P"), "https://x/s?piid=P");
}

}  // namespace
}  // namespace receipts
