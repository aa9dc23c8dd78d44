// Errors opening a ledger name the user's path only: never SQLite's internal URI
// ("file:…?mode=ro", "immutable=1").
#include "ledger/sqlite_db.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../test_files.h"
#include "ledger/ledger.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;

void ExpectNoUri(const std::string& message, const std::string& path) {
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_EQ(message.find("file:"), std::string::npos) << message;
  EXPECT_EQ(message.find("mode="), std::string::npos) << message;
  EXPECT_EQ(message.find("immutable"), std::string::npos) << message;
}

TEST(SqliteDbTest, ACorruptFileOpenedReadOnlyNamesThePathNotAUri) {
  fs::path dir = testing::MakeTestDir("receipts_sqlite_db_");
  const std::string path = (dir / "not-a-ledger.db").string();
  { std::ofstream(path) << "this is not an SQLite database, only some text\n"; }
  const std::uintmax_t size = fs::file_size(path);
  auto ledger = Ledger::OpenReadOnly(path);
  ASSERT_FALSE(ledger.ok());
  ExpectNoUri(ledger.status().message(), path);
  EXPECT_NE(ledger.status().message().find("not a receipts ledger"), std::string::npos)
      << ledger.status().message();
  EXPECT_EQ(fs::file_size(path), size);
  fs::remove_all(dir);
}

TEST(SqliteDbTest, ADirectoryIsNotALedger) {
  fs::path dir = testing::MakeTestDir("receipts_sqlite_db_");
  for (bool read_only : {true, false}) {
    auto db = read_only ? SqliteDb::OpenReadOnly(dir.string())
                        : SqliteDb::Open(dir.string(), /*create=*/true);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().message(), dir.string() + ": is a directory, not a ledger");
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace receipts
