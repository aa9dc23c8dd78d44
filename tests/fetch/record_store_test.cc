// The record store's index and bodies: written whole or not at all, a torn last line never read
// and cut off before the next write, malformed lines refused by name, escapes round-tripped.
#include "fetch/record_store.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "../test_files.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using testing::MakeTestDir;
using testing::Slurp;

StoreEntry Entry(const std::string& key) {
  StoreEntry e;
  e.fetched_at = "2026-12-01T10:00:00Z";
  e.source = "usaspending";
  e.role = "award";
  e.award_key = key;
  e.claims = "contract:9700:A;contract:9700:A#2";
  e.http_status = 200;
  e.url = "https://api.usaspending.gov/api/v2/awards/" + key + "/";
  e.note = "tab\there, newline\nthere, backslash \\ too";
  return e;
}

class RecordStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTestDir("receipts_record_store_"); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Dir() const { return (dir_ / "store").string(); }
  fs::path dir_;
};

TEST_F(RecordStoreTest, KeepsBodiesByTheirHashAndEntriesInOrder) {
  {
    auto store = RecordStore::Open(Dir(), /*create=*/true);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)->Put(Entry("K1"), "{\"a\":1}").ok());
    ASSERT_TRUE((*store)->Put(Entry("K2"), "{\"a\":1}").ok());  // the same body, stored once
  }
  auto store = RecordStore::Open(Dir(), /*create=*/false);
  ASSERT_TRUE(store.ok());
  std::vector<StoreEntry> entries = (*store)->Entries();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].award_key, "K1");
  EXPECT_EQ(entries[0].note, Entry("K1").note);
  EXPECT_EQ(entries[0].claims, "contract:9700:A;contract:9700:A#2");
  EXPECT_EQ(entries[0].sha256, entries[1].sha256);
  EXPECT_EQ(entries[0].bytes, 7u);
  EXPECT_EQ(*(*store)->ReadBody(entries[1]), "{\"a\":1}");
  EXPECT_EQ(Slurp(fs::path(Dir()) / "index.tsv").substr(0, 11), "fetched_at\t");
}

TEST_F(RecordStoreTest, ATornLastLineIsNeverReadAndIsCutBeforeTheNextWrite) {
  {
    auto store = RecordStore::Open(Dir(), /*create=*/true);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Put(Entry("K1"), "body").ok());
  }
  std::ofstream(fs::path(Dir()) / "index.tsv", std::ios::app) << "2026-12-01T10:00:01Z\tusasp";
  {
    auto reader = RecordStore::Open(Dir(), /*create=*/false);
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    EXPECT_EQ((*reader)->Entries().size(), 1u);
  }
  auto store = RecordStore::Open(Dir(), /*create=*/true);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Put(Entry("K2"), "body 2").ok());
  auto again = RecordStore::Open(Dir(), /*create=*/false);
  ASSERT_TRUE(again.ok()) << again.status().message();
  ASSERT_EQ((*again)->Entries().size(), 2u);
  EXPECT_EQ((*again)->Entries()[1].award_key, "K2");
}

TEST_F(RecordStoreTest, AMalformedLineIsCorruptionNamingIt) {
  {
    auto store = RecordStore::Open(Dir(), /*create=*/true);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Put(Entry("K1"), "body").ok());
  }
  std::ofstream(fs::path(Dir()) / "index.tsv", std::ios::app)
      << "2026\tusaspending\tfile\tK\t\tOK\t\t0\turl\t\n";
  auto store = RecordStore::Open(Dir(), /*create=*/false);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kCorruption);
  EXPECT_NE(store.status().message().find("index.tsv:3: field 'http_status': 'OK' is not a number"),
            std::string::npos)
      << store.status().message();
}

TEST_F(RecordStoreTest, AMissingStoreIsNotFound) {
  auto store = RecordStore::Open(Dir(), /*create=*/false);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kNotFound);
  EXPECT_FALSE(RecordStore::IsStore(Dir()));
}

TEST_F(RecordStoreTest, ABodyCutShortIsCorruption) {
  auto store = RecordStore::Open(Dir(), /*create=*/true);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Put(Entry("K1"), "a longer body").ok());
  StoreEntry entry = (*store)->Entries()[0];
  fs::resize_file((*store)->BodyPath(entry.sha256), 3);
  auto body = (*store)->ReadBody(entry);
  ASSERT_FALSE(body.ok());
  EXPECT_NE(body.status().message().find("3 bytes, the index says 13"), std::string::npos);
}

}  // namespace
}  // namespace receipts

namespace receipts {
namespace {

// Before, a new store's index went through the fixed name index.tsv.tmp, opened without O_EXCL
// or O_NOFOLLOW: a symlink planted there had its target overwritten with the header.
TEST_F(RecordStoreTest, APlantedSymlinkAtTheIndexTemporaryNameIsNotFollowed) {
  fs::create_directories(Dir());
  const fs::path victim = dir_ / "victim";
  std::ofstream(victim) << "precious";
  fs::create_symlink(victim, fs::path(Dir()) / "index.tsv.tmp");
  auto store = RecordStore::Open(Dir(), /*create=*/true);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ(Slurp(victim), "precious");
  EXPECT_FALSE(fs::is_symlink(fs::path(Dir()) / "index.tsv"));
}

// A fetch killed while writing a body leaves its temporary file; the next writer removes it.
TEST_F(RecordStoreTest, TemporaryBodiesOfAKilledFetchAreRemovedOnTheNextOpen) {
  ASSERT_TRUE(RecordStore::Open(Dir(), /*create=*/true).ok());
  pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ::waitpid(dead, nullptr, 0);
  const fs::path folder = fs::path(Dir()) / "bodies" / "ab";
  fs::create_directories(folder);
  const fs::path stale = folder / (".abcd.tmp-" + std::to_string(dead) + "-Qw3rTy");
  std::ofstream(stale) << "half a bo";
  ASSERT_TRUE(RecordStore::Open(Dir(), /*create=*/true).ok());
  EXPECT_FALSE(fs::exists(stale));
}

}  // namespace
}  // namespace receipts
