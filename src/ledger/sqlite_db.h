// A thin RAII layer over the SQLite C API: one connection, prepared statements, transactions,
// every failure a Status naming the database file and SQLite's message.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace receipts {

class SqliteStatement;

class SqliteDb {
 public:
  // Opens `path` read-write; creates it only when `create`. Sets synchronous=FULL, the DELETE
  // rollback journal (the ledger stays one file), foreign keys on and a 5 s busy timeout.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, bool create);
  // Opens `path` read-only (SQLITE_OPEN_READONLY, query_only): nothing this connection does can
  // create, write or journal the file. A missing file is NotFound and is not created. The one
  // exception: a hot journal left by an interrupted write (kill -9, full disk) is rolled back
  // first, through a read-write connection, as SQLite requires before anyone reads the file;
  // recovered_journal() then says so.
  static Result<std::unique_ptr<SqliteDb>> OpenReadOnly(const std::string& path);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql);
  // Compiles one statement; the result must not outlive this connection.
  Result<SqliteStatement> Prepare(std::string_view sql);
  // An IoError (or Corruption) Status "PATH: WHAT: sqlite message" for the last failure.
  Status Error(std::string_view what) const;

  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }
  // True when the connection cannot write (OpenReadOnly).
  bool read_only() { return sqlite3_db_readonly(db_, "main") == 1; }
  // True when OpenReadOnly had to roll back a hot journal.
  bool recovered_journal() const { return recovered_journal_; }

 private:
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  static Result<std::unique_ptr<SqliteDb>> OpenReadOnlyOnce(const std::string& path);
  sqlite3* db_;
  std::string path_;
  bool recovered_journal_ = false;
};

// One prepared statement. Bind parameters are 1-based, columns 0-based, as in SQLite.
class SqliteStatement {
 public:
  SqliteStatement(SqliteDb* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  ~SqliteStatement();

  void Bind(int index, std::string_view text);
  void BindBlob(int index, std::string_view bytes);
  void Bind(int index, std::int64_t value);
  void Bind(int index, const std::optional<std::int64_t>& value);  // NULL when unknown
  void BindNull(int index);

  // Steps once: true with a row to read, false when done; a failure is a Status.
  Result<bool> Step();
  // Steps through every row, calling `take` with the statement on each (read its columns there);
  // stops at and returns the first failure, of a step or of `take`.
  Status ForEachRow(const std::function<Status(const SqliteStatement&)>& take);
  // Every row, each read by `read` (a function of the statement giving one value), in order.
  template <typename Read>
  auto Rows(Read read)
      -> Result<std::vector<decltype(read(std::declval<const SqliteStatement&>()))>> {
    std::vector<decltype(read(std::declval<const SqliteStatement&>()))> out;
    Status s = ForEachRow([&](const SqliteStatement& row) {
      out.push_back(read(row));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return out;
  }
  // Steps to completion of a statement that returns no rows, then resets it for reuse.
  Status Run();
  // Clears bindings and rewinds, to run again.
  void Reset();

  bool IsNull(int column) const;
  std::int64_t Int(int column) const;
  std::optional<std::int64_t> OptionalInt(int column) const;  // std::nullopt for NULL
  std::string Text(int column) const;                         // "" for NULL
  std::string Blob(int column) const;

 private:
  SqliteDb* db_;
  sqlite3_stmt* stmt_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless Commit() succeeded.
class SqliteTransaction {
 public:
  static Result<std::unique_ptr<SqliteTransaction>> Begin(SqliteDb* db);
  ~SqliteTransaction();
  Status Commit();

 private:
  explicit SqliteTransaction(SqliteDb* db) : db_(db) {}
  SqliteDb* db_;
  bool done_ = false;
};

}  // namespace receipts
