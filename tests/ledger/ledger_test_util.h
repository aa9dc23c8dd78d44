// Helpers shared by the ledger tests: a temporary directory, small claims, raw SQL behind the
// ledger's back.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "../test_files.h"
#include "claims/claims_reader.h"
#include "claims/snapshot_input.h"
#include "core/claim.h"

namespace receipts::testing {

namespace fs = std::filesystem;

inline fs::path TestDir() {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path dir = fs::temp_directory_path() / ("receipts_ledger_" + std::to_string(::getpid()) +
                                              "_" + info->test_suite_name() + "_" + info->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A test with a fresh directory dir_ and a ledger path path_ in it (not yet created).
class LedgerFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TestDir();
    path_ = (dir_ / "ledger.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string path_;
};

// A snapshot of `csv` (a claims CSV) as `ingest` would build it.
inline SnapshotInput CsvSnapshot(const std::string& name, const std::string& csv,
                                 const std::string& as_of) {
  SnapshotInput input;
  input.kind = "contracts";
  input.source = name;
  input.as_of = as_of;
  auto claims = ParseClaims(name, csv, std::nullopt);
  EXPECT_TRUE(claims.ok()) << claims.status().message();
  if (claims.ok()) input.claims = std::move(*claims);
  input.pages.push_back({name, csv});
  return input;
}

// Runs `sql` on the file directly, as someone with the sqlite3 shell would.
inline void Tamper(const fs::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

inline constexpr const char* kHeader =
    "piid,agency,vendor,value,description,fpds_status,fpds_link,deleted_date,savings\n";

inline std::string Link(const std::string& agency_id, const std::string& piid) {
  return "https://www.fpds.gov/ezsearch/jsp/viewLinkController.jsp?agencyID=" + agency_id +
         "&PIID=" + piid + "&modNumber=P00001&idvAgencyID=&idvPIID=&contractType=AWARD";
}

}  // namespace receipts::testing
