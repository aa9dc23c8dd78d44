#include "ledger/sqlite_db.h"

#include <sys/stat.h>

#include <utility>

#include "core/input_open.h"
#include "ledger/journal_recovery.h"

namespace receipts {
namespace {

// A directory, a FIFO or a device where a ledger should be is refused before SQLite sees it:
// "PATH: is a directory, not a ledger". A missing path is left to the open (created or NotFound).
Status RefuseNonFile(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) return Status::Ok();
  return CheckInputFile(path, "a ledger");
}

}  // namespace

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, bool create) {
  if (Status s = RefuseNonFile(path); !s.ok()) return s;
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    if (!create && rc == SQLITE_CANTOPEN) {
      return Status::NotFound(path + ": no ledger there (" + message + ")");
    }
    return Status::IoError(path + ": cannot open ledger: " + message);
  }
  sqlite3_extended_result_codes(db, 1);
  std::unique_ptr<SqliteDb> out(new SqliteDb(db, path));
  sqlite3_busy_timeout(db, 5000);
  Status s =
      out->Exec("PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  if (!s.ok() && sqlite3_extended_errcode(db) == SQLITE_NOTADB) {
    return Status::InvalidInput(path + ": not a receipts ledger (" + sqlite3_errmsg(db) +
                                "); left as it was");
  }
  if (!s.ok()) return s;
  return out;
}

namespace {

// True when reading `db` needs a hot journal rolled back, which a read-only connection cannot do.
bool NeedsRollback(sqlite3* db) {
  int rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  return rc != SQLITE_OK && sqlite3_extended_errcode(db) == SQLITE_READONLY_ROLLBACK;
}

}  // namespace

Result<std::unique_ptr<SqliteDb>> SqliteDb::OpenReadOnly(const std::string& path) {
  if (Status s = RefuseNonFile(path); !s.ok()) return s;
  auto first = OpenReadOnlyOnce(path);
  if (!first.ok()) return first.status();
  if (!NeedsRollback((*first)->handle())) return first;
  first->reset();
  // The file returns to its last committed state, which is all a reader may see.
  if (auto rolled_back = RecoverHotJournal(path); !rolled_back.ok()) return rolled_back.status();
  auto again = OpenReadOnlyOnce(path);
  if (!again.ok()) return again.status();
  (*again)->recovered_journal_ = true;
  return again;
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::OpenReadOnlyOnce(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    if (rc == SQLITE_CANTOPEN)
      return Status::NotFound(path + ": no ledger there (" + message + ")");
    return Status::IoError(path + ": cannot open ledger: " + message);
  }
  sqlite3_extended_result_codes(db, 1);
  std::unique_ptr<SqliteDb> out(new SqliteDb(db, path));
  sqlite3_busy_timeout(db, 5000);
  // No journal_mode pragma: on a read-only connection it is a no-op at best. query_only makes
  // any write an error even if SQLite would otherwise allow one (a temp table, a migration).
  Status s = out->Exec("PRAGMA query_only=1; PRAGMA foreign_keys=ON;");
  if (!s.ok()) return s;
  return out;
}

// close_v2: a statement still alive is finalized later without leaking the connection.
SqliteDb::~SqliteDb() { sqlite3_close_v2(db_); }

Status SqliteDb::Exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string what = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  std::string out = path_ + ": " + what;
  int primary = rc & 0xff;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) return Status::Corruption(out);
  return Status::IoError(out);
}

Result<SqliteStatement> SqliteDb::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Error("prepare");
  return SqliteStatement(this, stmt);
}

Status SqliteDb::Error(std::string_view what) const {
  int rc = sqlite3_errcode(db_) & 0xff;
  std::string message = path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_);
  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) return Status::Corruption(message);
  return Status::IoError(message);
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::Bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void SqliteStatement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
}

void SqliteStatement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
}

void SqliteStatement::Bind(int index, const std::optional<std::int64_t>& value) {
  if (value) {
    Bind(index, *value);
  } else {
    BindNull(index);
  }
}

void SqliteStatement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

Result<bool> SqliteStatement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error("step");
}

Status SqliteStatement::ForEachRow(const std::function<Status(const SqliteStatement&)>& take) {
  for (;;) {
    auto row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    if (Status s = take(*this); !s.ok()) return s;
  }
}

Status SqliteStatement::Run() {
  Result<bool> row = Step();
  while (row.ok() && *row) row = Step();
  Reset();
  return row.status();
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool SqliteStatement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<std::int64_t> SqliteStatement::OptionalInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

std::string SqliteStatement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string SqliteStatement::Blob(int column) const {
  const void* bytes = sqlite3_column_blob(stmt_, column);
  if (bytes == nullptr) return {};
  return std::string(static_cast<const char*>(bytes),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

Result<std::unique_ptr<SqliteTransaction>> SqliteTransaction::Begin(SqliteDb* db) {
  Status s = db->Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  return std::unique_ptr<SqliteTransaction>(new SqliteTransaction(db));
}

SqliteTransaction::~SqliteTransaction() {
  if (!done_) (void)db_->Exec("ROLLBACK");
}

Status SqliteTransaction::Commit() {
  Status s = db_->Exec("COMMIT");
  if (s.ok()) done_ = true;
  return s;
}

}  // namespace receipts
