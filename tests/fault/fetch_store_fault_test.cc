// `fetch usaspending` writing its record store under a full disk or kill -9 at every call it
// makes in the store (tests/fault/fault_shim.c): a failed run says so; the store it leaves
// opens, and every body its index names is whole (size and SHA-256 checked); the next run
// completes the award and leaves no temporary file behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "../fetch/usaspending_replay.h"
#include "fault_run.h"
#include "fetch/record_store.h"
#include "fetch/usaspending_fetcher.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using namespace testing;  // Fault, FaultRan, kSource, Ran, TempEntries, UsaspendingReplay

// One award (93310023P0021, Interior): its fetch writes about ten bodies and index lines, some
// 100 calls; every second one is tried, the loops stop where the shim is no longer reached.
constexpr long kMaxPoints = 400;
constexpr long kStride = 2;

class FetchStoreFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTestDir("receipts_fetch_store_fault_");
    area_ = dir_ / "area";
    fs::create_directories(area_);
    replay_ = std::make_unique<UsaspendingReplay>();
    replay_->SetAwards(UsaspendingReplay::ParseTransactions(
        testing::Slurp(kSource + "/tests/fixtures/records/contracts_prime_transactions.csv")));
    replay_->SetFirstPollRunning(false);
    ASSERT_TRUE(replay_->Start());
    const fs::path claims = dir_ / "claims.csv";
    std::ofstream(claims) << "piid,agency,value,savings\n93310023P0021,Interior,440000,145000\n";
    ledger_ = (dir_ / "receipts.db").string();
    Ran ingested =
        testing::RunBinary(dir_, "ingest --ledger " + ledger_ + " --claims " + claims.string());
    ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
  }
  void TearDown() override {
    replay_->Stop();
    fs::remove_all(dir_);
  }
  std::string Store() const { return (area_ / "store").string(); }
  std::string Args() const {
    return "fetch usaspending --ledger " + ledger_ + " --out " + Store() + " --base-url " +
           replay_->base_url() + " --jobs 1 --quiet";
  }
  // What a failed or killed run left: a store that opens, every body it names whole.
  void ExpectStoreSound(long at) {
    if (!RecordStore::IsStore(Store())) return;  // failed before its index existed
    auto store = RecordStore::Open(Store(), /*create=*/false);
    ASSERT_TRUE(store.ok()) << "point " << at << ": " << store.status().message();
    for (const StoreEntry& e : (*store)->Entries()) {
      if (e.sha256.empty()) continue;
      Result<std::string> body = (*store)->ReadBody(e);
      EXPECT_TRUE(body.ok()) << "point " << at << ": " << body.status().message();
    }
  }
  // The next run completes the award and leaves no temporary file.
  void ExpectNextRunCompletes(long at) {
    Ran next = testing::RunBinary(dir_, Args());
    ASSERT_EQ(next.exit_code, 0) << "point " << at << ": " << next.err << next.out;
    auto store = RecordStore::Open(Store(), /*create=*/false);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ(FreshAwardKeys(**store, -1).size(), 1u) << "point " << at;
    EXPECT_EQ(TempEntries(area_), std::vector<std::string>{}) << "point " << at;
  }

  fs::path dir_, area_;
  std::string ledger_;
  std::unique_ptr<UsaspendingReplay> replay_;
};

TEST_F(FetchStoreFaultTest, DiskFullAtEveryCallLeavesNoHalfBody) {
  long at = 0;
  for (; at < kMaxPoints; at += kStride) {
    fs::remove_all(area_);
    fs::create_directories(area_);
    FaultRan faulted = testing::RunWithFault(dir_, Args(), {area_, "all", at, "ENOSPC"});
    if (!faulted.fired) break;
    if (faulted.ran.exit_code != 0) {
      EXPECT_EQ(faulted.ran.exit_code, 1) << "point " << at << "\n" << faulted.ran.err;
      EXPECT_NE(faulted.ran.err.find("No space left on device"), std::string::npos)
          << "point " << at << "\n"
          << faulted.ran.err << faulted.ran.out;
    }
    ExpectStoreSound(at);
    ExpectNextRunCompletes(at);
  }
  EXPECT_GT(at, 10) << "too few points reached; is the shim working?";
  EXPECT_LT(at, kMaxPoints);
}

TEST_F(FetchStoreFaultTest, KillAtEveryCallLeavesNoHalfBody) {
  long at = 0;
  for (; at < kMaxPoints; at += kStride) {
    fs::remove_all(area_);
    fs::create_directories(area_);
    Fault fault{area_, "all", at, "ENOSPC", /*kill=*/true};
    FaultRan killed = testing::RunWithFault(dir_, Args(), fault);
    if (!killed.fired) break;
    ExpectStoreSound(at);
    ExpectNextRunCompletes(at);
  }
  EXPECT_GT(at, 10);
  EXPECT_LT(at, kMaxPoints);
}

}  // namespace
}  // namespace receipts
