// The ledger's schema and its migrations. meta.schema_version says which migrations a file has;
// opening a ledger applies the missing ones, in order, in one transaction.
#pragma once

#include "core/status.h"
#include "ledger/sqlite_db.h"

namespace receipts {

// The schema this build writes. A ledger with a higher version is refused (a newer receipts
// wrote it).
inline constexpr int kLedgerSchemaVersion = 1;

// Brings `db` up to kLedgerSchemaVersion. A new, empty file gets every migration.
Status MigrateLedger(SqliteDb* db);

}  // namespace receipts
