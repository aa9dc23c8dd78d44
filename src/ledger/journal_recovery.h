// A ledger left with a hot journal (`LEDGER-journal`, by an ingest killed or stopped by a full
// disk mid-transaction) cannot be read by a read-only connection: SQLite must first roll the
// journal back, which needs write access. `serve` does that once at start, so that a read-only
// server shows the ledger as of its last commit instead of answering 500 to everything, and every
// read-only command (SqliteDb::OpenReadOnly) does it before reading.
#pragma once

#include <string>

#include "core/status.h"

namespace receipts {

// Rolls back a hot journal beside the ledger at `path`, if there is one, by reading the ledger
// once through a read-write connection (SQLite rolls a hot journal back on first read). True
// when a journal was there and is gone; false when there was none, or it belongs to a write in
// progress (not hot). An error when SQLite cannot open or read the file.
Result<bool> RecoverHotJournal(const std::string& path);

}  // namespace receipts
