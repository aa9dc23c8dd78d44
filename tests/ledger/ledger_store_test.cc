// The ledger store: ingest, dedup, log, diff, history, schema, and failures that leave nothing.
#include <gtest/gtest.h>

#include "ledger/check.h"
#include "ledger/diff.h"
#include "ledger/hash_chain.h"
#include "ledger/history.h"
#include "ledger/ledger.h"
#include "ledger/schema.h"
#include "ledger_test_util.h"
#include "report/diff_render.h"
#include "report/history_render.h"

namespace receipts {
namespace {

using namespace testing;  // CsvSnapshot, kHeader, Link

class LedgerStoreTest : public testing::LedgerFileTest {
 protected:
  std::unique_ptr<Ledger> Open() {
    auto ledger = Ledger::Open(path_, /*create=*/true);
    EXPECT_TRUE(ledger.ok()) << ledger.status().message();
    return ledger.ok() ? std::move(*ledger) : nullptr;
  }
};

const std::string kFirst = std::string(kHeader) + "AAA1,Navy,Acme,100,d1,TERMINATED," +
                           Link("9700", "AAA1") +
                           ",2/1/2025,50\n"
                           "BBB2,Navy,Beta,200,d2,TERMINATED," +
                           Link("9700", "BBB2") +
                           ",2/1/2025,80\n"
                           "BBB2,Navy,Beta,300,d2b,TERMINATED," +
                           Link("9700", "BBB2") + ",2/1/2025,90\n";
// AAA1's savings corrected, BBB2's second listing gone, CCC3 new.
const std::string kSecond = std::string(kHeader) + "AAA1,Navy,Acme,100,d1,TERMINATED," +
                            Link("9700", "AAA1") +
                            ",2/1/2025,5\n"
                            "BBB2,Navy,Beta,200,d2,TERMINATED," +
                            Link("9700", "BBB2") +
                            ",2/1/2025,80\n"
                            "CCC3,Army,Gamma,10,d3,TERMINATED," +
                            Link("2100", "CCC3") + ",2/2/2025,7\n";

TEST_F(LedgerStoreTest, NewLedgerHasTheSchemaVersion) {
  auto ledger = Open();
  ASSERT_NE(ledger, nullptr);
  {
    auto stmt = ledger->db()->Prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    ASSERT_TRUE(stmt.ok());
    ASSERT_TRUE(*stmt->Step());
    EXPECT_EQ(stmt->Text(0), std::to_string(kLedgerSchemaVersion));
  }
  // Reopening applies nothing and keeps the data.
  ledger.reset();
  EXPECT_NE(Open(), nullptr);
}

TEST_F(LedgerStoreTest, RefusesANewerSchemaAndMissingFiles) {
  ASSERT_NE(Open(), nullptr);
  testing::Tamper(path_, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  auto ledger = Ledger::Open(path_, false);
  ASSERT_FALSE(ledger.ok());
  EXPECT_NE(ledger.status().message().find("newer"), std::string::npos);
  auto missing = Ledger::Open((dir_ / "none.db").string(), false);
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "none.db"));
}

TEST_F(LedgerStoreTest, IngestChainsSnapshotsAndDedupsRawBytes) {
  auto ledger = Open();
  auto first = ledger->Ingest(CsvSnapshot("a.csv", kFirst, "2025-02-18T00:00:00Z"), nullptr);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_FALSE(first->unchanged);
  EXPECT_EQ(first->snapshot.id, 1);
  EXPECT_EQ(first->snapshot.prev_head, kGenesisHead);
  EXPECT_EQ(first->snapshot.claim_count, 3);
  EXPECT_EQ(first->snapshot.claimed_total, 220'00);

  auto again = ledger->Ingest(CsvSnapshot("copy.csv", kFirst, "2025-02-20T00:00:00Z"), nullptr);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->unchanged);
  EXPECT_EQ(again->snapshot.id, 1);

  auto second = ledger->Ingest(CsvSnapshot("b.csv", kSecond, "2025-02-19T00:00:00Z"), nullptr);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->snapshot.id, 2);
  EXPECT_EQ(second->snapshot.prev_head, first->snapshot.head);

  auto snapshots = ledger->Snapshots();
  ASSERT_TRUE(snapshots.ok());
  ASSERT_EQ(snapshots->size(), 2u);
  EXPECT_EQ((*snapshots)[1].head, second->snapshot.head);
  EXPECT_EQ(ledger->FindSnapshot("latest")->id, 2);
  EXPECT_EQ(ledger->FindSnapshot("1")->id, 1);
  EXPECT_EQ(ledger->FindSnapshot("7").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(ledger->FindSnapshot("x1").status().code(), Status::Code::kUsage);

  auto pages = ledger->Pages(1);
  ASSERT_TRUE(pages.ok());
  ASSERT_EQ(pages->size(), 1u);
  EXPECT_EQ((*pages)[0].bytes, kFirst);
  auto claims = ledger->Claims(1, /*with_raw=*/true);
  ASSERT_EQ(claims->size(), 3u);
  EXPECT_EQ((*claims)[2].key, "contract:9700:BBB2#2");
  EXPECT_NE((*claims)[0].raw_json.find(R"(["savings","50"])"), std::string::npos);

  auto check = CheckLedger(ledger->db(), std::nullopt);
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->intact) << check->problem;
  EXPECT_EQ(check->snapshots, 2);
  EXPECT_EQ(check->head, second->snapshot.head);
}

TEST_F(LedgerStoreTest, DiffPairsClaimsByKey) {
  auto ledger = Open();
  ASSERT_TRUE(ledger->Ingest(CsvSnapshot("a.csv", kFirst, "2025-02-18T00:00:00Z"), nullptr).ok());
  ASSERT_TRUE(ledger->Ingest(CsvSnapshot("b.csv", kSecond, "2025-02-19T00:00:00Z"), nullptr).ok());
  SnapshotDiff diff = DiffClaims(*ledger->Claims(1, false), *ledger->Claims(2, false));
  EXPECT_EQ(diff.added, 1u);
  EXPECT_EQ(diff.removed, 1u);
  EXPECT_EQ(diff.changed, 1u);
  EXPECT_EQ(diff.added_savings, 7'00);
  EXPECT_EQ(diff.removed_savings, 90'00);
  EXPECT_EQ(diff.changed_delta, -45'00);
  EXPECT_EQ(RenderDiffCsv(diff),
            "change,kind,claim_key,field,old,new\n"
            "added,contract,contract:2100:CCC3,,,7.00\n"
            "changed,contract,contract:9700:AAA1,claimed_savings,50.00,5.00\n"
            "removed,contract,contract:9700:BBB2#2,,90.00,\n");
  std::string text = RenderDiffText("snapshot 1", "snapshot 2", diff);
  EXPECT_NE(text.find("added 1 ($7.00), removed 1 ($90.00), changed 1"), std::string::npos) << text;
  EXPECT_NE(text.find("  claimed_savings: 50.00 -> 5.00"), std::string::npos) << text;
  EXPECT_EQ(DiffClaims(*ledger->Claims(2, false), *ledger->Claims(2, false)).changes.size(), 0u);
}

TEST_F(LedgerStoreTest, HistoryByPiidAndKey) {
  auto ledger = Open();
  ASSERT_TRUE(ledger->Ingest(CsvSnapshot("a.csv", kFirst, "2025-02-18T00:00:00Z"), nullptr).ok());
  ASSERT_TRUE(ledger->Ingest(CsvSnapshot("b.csv", kSecond, "2025-02-19T00:00:00Z"), nullptr).ok());
  auto histories = FindClaimHistories(ledger.get(), "bbb2");
  ASSERT_TRUE(histories.ok());
  ASSERT_EQ(histories->size(), 2u);
  EXPECT_EQ((*histories)[0].key, "contract:9700:BBB2");
  EXPECT_EQ((*histories)[1].key, "contract:9700:BBB2#2");
  std::string text = RenderHistories(*histories);
  EXPECT_NE(text.find("contract:9700:BBB2#2\n  snapshot 1  2025-02-18T00:00:00Z  listed\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  snapshot 2  2025-02-19T00:00:00Z  gone (last claimed 90.00)"),
            std::string::npos)
      << text;
  auto by_key = FindClaimHistories(ledger.get(), "contract:9700:AAA1");
  ASSERT_EQ(by_key->size(), 1u);
  text = RenderHistories(*by_key);
  EXPECT_NE(text.find("  snapshot 2  2025-02-19T00:00:00Z  changed\n    claimed_savings: 50.00 -> "
                      "5.00\n"),
            std::string::npos)
      << text;
  EXPECT_TRUE(FindClaimHistories(ledger.get(), "nothing")->empty());
}

// A full disk (simulated with a page limit) fails the ingest cleanly: nothing half-written.
TEST_F(LedgerStoreTest, FullDiskAbortsTheWholeSnapshot) {
  auto ledger = Open();
  ASSERT_TRUE(ledger->Ingest(CsvSnapshot("a.csv", kFirst, "2025-02-18T00:00:00Z"), nullptr).ok());
  std::string big = std::string(kHeader);
  for (int i = 0; i < 3000; ++i) {
    std::string piid = "P" + std::to_string(i);
    big += piid + ",Navy,Vendor " + std::to_string(i) + ",100," + std::string(200, 'x') +
           ",TERMINATED," + Link("9700", piid) + ",2/1/2025,1\n";
  }
  auto stmt = ledger->db()->Prepare("PRAGMA page_count");
  ASSERT_TRUE(*stmt->Step());
  std::int64_t pages = stmt->Int(0);
  ASSERT_TRUE(ledger->db()->Exec("PRAGMA max_page_count = " + std::to_string(pages + 20)).ok());
  auto full = ledger->Ingest(CsvSnapshot("big.csv", big, "2025-02-19T00:00:00Z"), nullptr);
  ASSERT_FALSE(full.ok());
  EXPECT_NE(full.status().message().find("full"), std::string::npos) << full.status().message();
  EXPECT_EQ(ledger->Snapshots()->size(), 1u);
  auto check = CheckLedger(ledger->db(), std::nullopt);
  EXPECT_TRUE(check->intact) << check->problem;
  // With room again, the same snapshot goes in whole.
  ASSERT_TRUE(ledger->db()->Exec("PRAGMA max_page_count = 1073741823").ok());
  auto retry = ledger->Ingest(CsvSnapshot("big.csv", big, "2025-02-19T00:00:00Z"), nullptr);
  ASSERT_TRUE(retry.ok()) << retry.status().message();
  EXPECT_EQ(retry->snapshot.claim_count, 3000);
  EXPECT_TRUE(CheckLedger(ledger->db(), std::nullopt)->intact);
}

TEST_F(LedgerStoreTest, SnapshotKind) {
  std::vector<Claim> claims(2);
  EXPECT_EQ(SnapshotKindOf(claims, "x"), "contracts");
  claims[1].kind = ClaimKind::kLease;
  EXPECT_EQ(SnapshotKindOf(claims, "x"), "mixed");
  EXPECT_EQ(SnapshotKindOf({}, "grants"), "grants");
}

}  // namespace
}  // namespace receipts
