// `receipts fetch usaspending` then `verify --records DIR`, as a user runs them, against the
// loopback replay of USAspending serving the real FPDS actions of demo/records in USAspending's
// columns: the whole 2025-03-13 list fetched and verified must give every claim the figures the
// FPDS files give, and a fetch killed midway must resume without fetching again what it has.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "../cli/run_binary.h"
#include "csv/csv_reader.h"
#include "fetch/record_store.h"
#include "fetch/usaspending_fetcher.h"
#include "generate_lib.h"
#include "io/input_file.h"
#include "usaspending_replay.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using namespace testing;  // kSource, MakeTestDir, Ran, RunBinary, …
using testing::UsaspendingReplay;

const std::string kList = kSource + "/demo/claims/2025-03-13_contracts_grab.csv.gz";

// The whole list in the release build; under AddressSanitizer (ten times slower) its first
// claims, enough to reach every path: the release build checks every figure.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kClaimsUsed = 400;
#else
constexpr std::size_t kClaimsUsed = 5'356;
#endif
const std::string kFpds = kSource + "/demo/records/2025-03-13_fpds_awards.csv.gz " + kSource +
                          "/demo/records/2025-03-13_fpds_idvs.csv.gz";

UsaspendingReplay::Awards ReplayAwards() {
  bench::GenerateOptions options = bench::DefaultGenerateOptions(kSource);
  options.rows = 0;
  fs::path path =
      fs::temp_directory_path() / ("receipts_replay_cli_" + std::to_string(::getpid()) + ".csv");
  std::string error = bench::Generate(options, path.string(), nullptr);
  std::string text = error.empty() ? testing::Slurp(path) : "";
  fs::remove(path);
  return UsaspendingReplay::ParseTransactions(text);
}

// verdicts.csv as rows of named cells.
std::vector<std::map<std::string, std::string>> ReadVerdicts(const fs::path& path) {
  std::string text = testing::Slurp(path);
  CsvReader csv(path.string(), text);
  std::vector<std::map<std::string, std::string>> rows;
  if (!csv.ReadHeader().ok()) return rows;
  for (;;) {
    auto more = csv.Next();
    if (!more.ok() || !*more) break;
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < csv.header().size(); ++i) {
      row[csv.header()[i]] = std::string(csv.field(static_cast<int>(i)));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

class FetchUsaspendingCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTestDir("receipts_fetch_us_cli_");
    replay_ = std::make_unique<UsaspendingReplay>();
    replay_->SetAwards(ReplayAwards());
    replay_->SetFirstPollRunning(false);
    ASSERT_TRUE(replay_->Start());
    // The list's header and its first kClaimsUsed claims (rows may span lines).
    auto parts = ReadInputFile(kList);
    ASSERT_TRUE(parts.ok());
    const std::string& text = (*parts)[0].bytes;
    CsvReader csv("list", text);
    ASSERT_TRUE(csv.ReadHeader().ok());
    for (std::size_t i = 0; i < kClaimsUsed; ++i) ASSERT_TRUE(*csv.Next());
    claims_ = (dir_ / "2025-03-13_contracts_grab.csv").string();
    std::ofstream(claims_, std::ios::binary) << text.substr(0, csv.position());
    Ran ingested = RunBinary(dir_, "ingest --ledger " + Ledger() + " --claims " + claims_);
    ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
  }
  void TearDown() override {
    replay_->Stop();
    fs::remove_all(dir_);
  }
  std::string Ledger() const { return (dir_ / "receipts.db").string(); }
  std::string Store() const { return (dir_ / "store").string(); }
  Ran Fetch(const std::string& prefix = "") {
    return RunBinary(dir_,
                     "fetch usaspending --ledger " + Ledger() + " --out " + Store() +
                         " --base-url " + replay_->base_url() + " --jobs 4 --quiet",
                     prefix);
  }
  // Every claim of verify --records STORE against verify --records FPDS files.
  void ExpectSameFiguresAsFpds() {
    Ran from_store = RunBinary(dir_, "verify --claims " + claims_ + " --records " + Store() +
                                         " --out " + (dir_ / "a").string() + " --no-cache --quiet");
    ASSERT_EQ(from_store.exit_code, 0) << from_store.err;
    Ran from_fpds = RunBinary(dir_, "verify --claims " + claims_ + " --records " + kFpds +
                                        " --out " + (dir_ / "b").string() + " --no-cache --quiet");
    ASSERT_EQ(from_fpds.exit_code, 0) << from_fpds.err;
    auto a = ReadVerdicts(dir_ / "a" / "verdicts.csv");
    auto b = ReadVerdicts(dir_ / "b" / "verdicts.csv");
    ASSERT_EQ(a.size(), kClaimsUsed);
    ASSERT_EQ(b.size(), a.size());
    int differing = 0, matched = 0, absent = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      // Not in the record either way: the FPDS files cannot say why; the store says USAspending
      // was asked and has no such award (or the claim was listed after the FPDS files end).
      auto unmatched = [](const std::string& v) {
        return v == "not_found" || v == "after_records";
      };
      if (unmatched(a[i]["verdict"]) && unmatched(b[i]["verdict"])) {
        if (a[i]["reason"].find("USAspending has no award") != std::string::npos) ++absent;
        continue;
      }
      bool same = true;
      for (const char* column : {"verdict", "ceiling_minus_obligated", "deobligated",
                                 "ceiling_reduced", "obligated_not_outlaid", "verified_savings"}) {
        same = same && a[i][column] == b[i][column];
      }
      if (!same && ++differing <= 10) {
        ADD_FAILURE() << "claim " << i + 1 << " (" << a[i]["piid"] << "): store says "
                      << a[i]["verdict"] << ": " << a[i]["reason"] << " | FPDS says "
                      << b[i]["verdict"] << ": " << b[i]["reason"];
      }
      if (!a[i]["deobligated"].empty()) ++matched;
    }
    EXPECT_EQ(differing, 0);
    EXPECT_GT(matched, static_cast<int>(kClaimsUsed * 9 / 10));
    // PIIDs that are in neither record (the rest of the 30 not_found share a PIID with awards to
    // other vendors).
    if (kClaimsUsed == 5'356) {
      EXPECT_EQ(absent, 2);
    }
  }

  fs::path dir_;
  std::string claims_;  // the claims file used
  std::unique_ptr<UsaspendingReplay> replay_;
};

TEST_F(FetchUsaspendingCliTest, TheWholeListFetchedGivesTheFpdsFigures) {
  Ran fetched = Fetch();
  ASSERT_EQ(fetched.exit_code, 0) << fetched.err << fetched.out;
  // "usaspending: snapshot 1: 5356 claims name N awards (M claims name none): …"
  EXPECT_NE(
      fetched.out.find("usaspending: snapshot 1: " + std::to_string(kClaimsUsed) + " claims name "),
      std::string::npos)
      << fetched.out;
  EXPECT_NE(fetched.out.find(" 0 failed; "), std::string::npos) << fetched.out;
  std::cerr << "fetch of the 2025-03-13 list on the replay: " << fetched.out;
  ExpectSameFiguresAsFpds();

  // A rerun asks for nothing.
  const std::uint64_t requests = replay_->requests();
  Ran again = Fetch();
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find(" 0 fetched, "), std::string::npos) << again.out;
  EXPECT_EQ(replay_->requests(), requests);

  // verify --ledger reads the store too, and stores the verdicts.
  Ran stored = RunBinary(dir_, "verify --ledger " + Ledger() + " --records " + Store());
  EXPECT_EQ(stored.exit_code, 0) << stored.err;
  EXPECT_NE(stored.out.find(std::to_string(kClaimsUsed) + " verdicts with snapshot 1"),
            std::string::npos)
      << stored.out;
}

TEST_F(FetchUsaspendingCliTest, AKilledFetchResumesWithoutFetchingAgain) {
  replay_->SetDelayMs(3);
  Ran killed = Fetch(kClaimsUsed == 5'356 ? "timeout -s KILL 3 " : "timeout -s KILL 1 ");
  EXPECT_NE(killed.exit_code, 0);  // killed by the signal
  std::size_t done_before = 0;
  std::set<std::string> stored_files;  // downloaded keys whose zip was stored before the kill
  {
    auto store = RecordStore::Open(Store(), /*create=*/false);
    ASSERT_TRUE(store.ok()) << store.status().message();
    for (const StoreEntry& e : (*store)->Entries()) {
      if (!e.sha256.empty()) {
        EXPECT_TRUE((*store)->ReadBody(e).ok()) << e.url;
      }
      if (e.role == "file") stored_files.insert(e.note);
    }
    done_before = FreshAwardKeys(**store, -1).size();
  }
  ASSERT_GT(done_before, 0u) << "the fetch was killed before any award was done";
  const std::multiset<std::string> asked_before = replay_->downloaded_keys();
  replay_->SetDelayMs(0);
  Ran resumed = Fetch();
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.out.find(std::to_string(done_before) + " already in the store"),
            std::string::npos)
      << resumed.out;
  // Nothing whose zip was stored is downloaded again.
  std::multiset<std::string> asked = replay_->downloaded_keys();
  int again = 0;
  for (const std::string& key : stored_files) {
    if (asked.count(key) > asked_before.count(key)) ++again;
  }
  EXPECT_EQ(again, 0);
  EXPECT_GT(stored_files.size(), 0u);
  ExpectSameFiguresAsFpds();
}

}  // namespace
}  // namespace receipts
