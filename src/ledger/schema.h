// The ledger's schema and its migrations. meta.schema_version says which migrations a file has;
// opening a ledger applies the missing ones, in order, in one transaction.
#pragma once

#include "core/status.h"
#include "ledger/sqlite_db.h"

namespace receipts {

// The schema this build writes. Any other version than 1..kLedgerSchemaVersion (a newer
// receipts, or garbage) is refused by every command, never migrated or half-read.
inline constexpr int kLedgerSchemaVersion = 4;

// Brings `db` up to kLedgerSchemaVersion. A new, empty file gets every migration when
// `may_create` (otherwise it is InvalidInput and stays empty: `verify --ledger` or `migrate` on a
// 0-byte file never turns it into a ledger); a file with tables but no version, or an unknown
// version, is InvalidInput and is left untouched. On a read-only connection an older ledger is
// refused (naming `receipts migrate`), not migrated.
Status MigrateLedger(SqliteDb* db, bool may_create);

// Ok when `db` is a ledger of exactly kLedgerSchemaVersion, which read-only commands can read
// without writing; otherwise InvalidInput saying why (not a ledger, unknown or older version).
Status CheckReadableLedger(SqliteDb* db);

// Why a read-only connection cannot use a file of `version` (0: not a ledger).
Status ReadOnlyRefusal(SqliteDb* db, int version);

}  // namespace receipts
