// `receipts check`: recomputes every page digest, claims digest and head from the stored rows
// and compares them with what is stored, snapshot by snapshot, oldest first. Anything changed
// behind the ledger's back (a claim, a page, a snapshot row, a chain row, a deleted or inserted
// row) makes some recomputed value differ; the first snapshot where one does is reported.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/status.h"
#include "ledger/sqlite_db.h"

namespace receipts {

struct CheckReport {
  bool intact = true;
  std::int64_t snapshots = 0;
  std::string head;                     // the last head (kGenesisHead for an empty ledger)
  std::int64_t first_bad_snapshot = 0;  // 0 when intact (or when the damage is not per snapshot)
  std::string problem;                  // what did not match, for people
  std::int64_t signed_heads = 0;        // heads carrying a signature (all verified)
  std::int64_t last_signed = 0;         // the id of the last signed snapshot, 0 when none
};

// Checks the ledger. With `public_key` (32 raw bytes), every signed head must be signed by that
// key; without, each signature is verified against the key stored beside it. A Status error
// means the ledger could not be read at all (not a SQLite file, I/O error).
Result<CheckReport> CheckLedger(SqliteDb* db, const std::optional<std::string>& public_key);

}  // namespace receipts
