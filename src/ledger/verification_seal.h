// The seal of a stored verification run: a SHA-256 over its `verifications` row and every one of
// its `verdicts` rows, bound to the head of the snapshot it judged. Verdicts are what the
// dashboard shows as "verified"; without a seal an edited verdict row would pass `check`.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "ledger/sqlite_db.h"

namespace receipts {

// The bytes a seal hashes (doc/formats.md, "Verification seal"), read from the stored rows of
// `snapshot_id`'s verification with `head` as the snapshot's head. NotFound when the snapshot has
// no verification row.
Result<std::string> CanonicalVerification(SqliteDb* db, std::int64_t snapshot_id,
                                          const std::string& head);

// Recomputes the seal of `snapshot_id`'s verification from the stored rows and the snapshot's
// stored head, and writes it into verifications.sha256. Call inside the transaction that wrote
// the rows, so that no reader sees them unsealed.
Status SealVerification(SqliteDb* db, std::int64_t snapshot_id);

}  // namespace receipts
