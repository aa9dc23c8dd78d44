#include "ledger/journal_recovery.h"

#include <sqlite3.h>

#include <filesystem>

namespace receipts {

Result<bool> RecoverHotJournal(const std::string& path) {
  const std::string journal = path + "-journal";
  std::error_code error;
  if (!std::filesystem::exists(journal, error)) return false;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  if (rc == SQLITE_OK) {
    // A writer still at work holds its lock: wait for it as the ledger's own connections do.
    sqlite3_busy_timeout(db, 5000);
    rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  }
  std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  sqlite3_close_v2(db);
  if (rc != SQLITE_OK) {
    return Status::IoError(path + ": has a journal of an interrupted write (" + journal +
                           ") that could not be rolled back: " + message);
  }
  return !std::filesystem::exists(journal, error);
}

}  // namespace receipts
