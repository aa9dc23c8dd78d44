// Ledgers written before verification seals (schema version 1) are migrated by write commands,
// refused (naming `receipts migrate`) by read-only ones, and check clean afterwards.
#include <gtest/gtest.h>

#include "jobs/ledger_verify_job.h"
#include "ledger/check.h"
#include "ledger/ledger.h"
#include "ledger/schema.h"
#include "ledger/verdict_store.h"
#include "ledger_test_util.h"

namespace receipts {
namespace {

using testing::kHeader;
using testing::Link;

class SchemaMigrationTest : public testing::LedgerFileTest {
 protected:
  void SetUp() override {
    LedgerFileTest::SetUp();
    auto ledger = Ledger::Open(path_, true);
    ASSERT_TRUE(ledger.ok());
    std::string csv = std::string(kHeader) + "AAA1,Navy,Acme,100,d1,TERMINATED," +
                      Link("9700", "AAA1") + ",2/1/2025,50\n";
    ASSERT_TRUE((*ledger)
                    ->Ingest(testing::CsvSnapshot("1.csv", csv, "2025-02-18T00:00:00Z"), nullptr)
                    .ok());
    VerifyRun run;
    run.since = *Date::FromYmd(2025, 1, 20);
    ClaimResult result;
    result.claim_id = 1;
    result.verdict = Verdict::kVerified;
    result.verified_savings = 5000;
    result.reason = "deobligated $50.00";
    run.results.push_back(result);
    ASSERT_TRUE(StoreVerdicts(ledger->get(), 1, run, {}).ok());
  }

  // Turns the file back into what the version-1 release wrote: no seal column, no parser
  // version, no transparency log, version 1.
  void MakeVersionOne() {
    testing::Tamper(path_,
                    "ALTER TABLE verifications DROP COLUMN sha256; ALTER TABLE snapshots DROP "
                    "COLUMN claims_parser; ALTER TABLE snapshots DROP COLUMN claims_root; DROP "
                    "TABLE log_leaves; DROP TABLE checkpoints; UPDATE meta SET value = '1' WHERE "
                    "key = 'schema_version'");
  }
};

TEST_F(SchemaMigrationTest, VersionOneIsRefusedReadOnlyAndMigratedBySealing) {
  MakeVersionOne();
  auto read_only = Ledger::OpenReadOnly(path_);
  ASSERT_FALSE(read_only.ok());
  EXPECT_NE(read_only.status().message().find("receipts migrate"), std::string::npos)
      << read_only.status().message();

  auto migrated = Ledger::Open(path_, false);
  ASSERT_TRUE(migrated.ok()) << migrated.status().message();
  migrated->reset();
  auto ledger = Ledger::OpenReadOnly(path_);
  ASSERT_TRUE(ledger.ok()) << ledger.status().message();
  CheckOptions options;
  options.read_pages = ReadPagesClaims;
  auto report = CheckLedger((*ledger)->db(), options);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->intact) << report->problem;
  EXPECT_EQ(report->verifications, 1);
}

// A file with tables but no schema version is not ours: refused, not "migrated" into.
TEST_F(SchemaMigrationTest, TablesWithoutAVersionAreRefused) {
  std::string other = (dir_ / "other.db").string();
  testing::Tamper(other, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')");
  auto opened = Ledger::Open(other, false);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find("not a receipts ledger"), std::string::npos)
      << opened.status().message();
  testing::Tamper(other, "SELECT * FROM notes");  // still there, and nothing else was added
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &stmt, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), 1);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

}  // namespace
}  // namespace receipts
