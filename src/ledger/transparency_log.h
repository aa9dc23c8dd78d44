// The ledger's transparency log (doc/formats.md, "Transparency log"): an append-only RFC 9162
// Merkle tree whose leaves are, in the order they happened, each snapshot's header and each
// verification run. A snapshot header commits to the root of a Merkle tree over the snapshot's
// canonical claims; a verification run to the root of a tree over its verdicts. Nothing local
// is hashed (no file path, no ingest or run time), so anyone holding the raw pages can recompute
// a snapshot's leaf. Leaves are stored as written (log_leaves) and never rewritten; `check`
// recomputes them from the rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "ledger/checkpoint.h"
#include "ledger/hash_chain.h"
#include "ledger/sqlite_db.h"

namespace receipts {

// A source as published: a URL as it is; a local file by its file name alone; a database as
// "postgresql database".
std::string PublishedName(std::string_view source);

// The snapshot leaf's bytes: netstrings of "receipts-snapshot-v1", kind, as_of, the published
// source, the page count, each page's SHA-256 (hex), claim_count, claimed_total (dollars, as
// "123.45") and the claims root (hex).
std::string SnapshotLeafEntry(const SnapshotMeta& meta,
                              const std::vector<std::string>& page_sha256s,
                              std::string_view claims_root_hex);

struct RecordFileName {
  std::string name;  // PublishedName of the file read
  std::string sha256;
};

// The verification leaf's bytes: netstrings of "receipts-verification-run-v1", the judged
// snapshot's leaf index, its claims root (hex), since, records_as_of, the record file count,
// each file's published name and SHA-256 ("" for a database), the verdict count and the verdicts
// root (hex).
std::string VerificationLeafEntry(std::int64_t snapshot_leaf_index,
                                  std::string_view claims_root_hex, std::string_view since,
                                  std::string_view records_as_of,
                                  const std::vector<RecordFileName>& files,
                                  std::int64_t verdict_count, std::string_view verdicts_root_hex);

// A verdict leaf's bytes (the leaves of a run's verdicts tree): netstrings of seq, verdict,
// award_key, verified savings (dollars, "" when none) and reason.
std::string VerdictLeafEntry(std::int64_t seq, std::string_view verdict, std::string_view award_key,
                             std::optional<Cents> verified_savings, std::string_view reason);

// The netstrings of `entry`, in order; fails when it is not a sequence of netstrings.
Result<std::vector<std::string>> SplitNetstrings(std::string_view entry);

struct LogLeaf {
  std::int64_t index = 0;  // 0-based
  std::string kind;        // "snapshot" or "verification"
  std::int64_t snapshot_id = 0;
  std::string entry;
  std::string leaf_hash;  // 32 raw bytes, as stored (hex in the table)
};

// Every stored leaf, in log order.
Result<std::vector<LogLeaf>> ReadLogLeaves(SqliteDb* db);

// The log's origin (meta.log_origin; kDefaultLogOrigin when unset).
Result<std::string> LogOrigin(SqliteDb* db);

// The canonical claim bytes (AppendCanonicalClaim) of `snapshot_id`'s claims, in seq order, and
// their claim keys beside them.
Status ReadClaimEntries(SqliteDb* db, std::int64_t snapshot_id, std::vector<std::string>* entries,
                        std::vector<std::string>* keys);

// The verdict leaf entries of `snapshot_id`'s stored verification, in seq order.
Result<std::vector<std::string>> ReadVerdictEntries(SqliteDb* db, std::int64_t snapshot_id);

// The leaf entry `snapshot_id`'s rows give now (its claims tree recomputed).
Result<std::string> RecomputeSnapshotEntry(SqliteDb* db, std::int64_t snapshot_id);

// The leaf entry `snapshot_id`'s stored verification gives now; `snapshot_leaf_index` is where
// its snapshot's leaf is.
Result<std::string> RecomputeVerificationEntry(SqliteDb* db, std::int64_t snapshot_id,
                                               std::int64_t snapshot_leaf_index);

// Appends the leaf of snapshot `snapshot_id` (call in the transaction that stored it) and saves
// its claims root in snapshots.claims_root.
Status AppendSnapshotLeaf(SqliteDb* db, std::int64_t snapshot_id);

// Appends the leaf of `snapshot_id`'s stored verification (call in the transaction that stored
// it). A verification run later is a new leaf; the old one stays.
Status AppendVerificationLeaf(SqliteDb* db, std::int64_t snapshot_id);

// The log's checkpoint now (origin, size, root), unsigned.
Result<Checkpoint> CurrentCheckpoint(SqliteDb* db);

// Signs the current checkpoint with `key`, stores it (checkpoints), and returns the note.
Result<std::string> SignAndStoreCheckpoint(SqliteDb* db, const SigningKey& key);

// The checkpoint note to publish now: the latest stored signed one when it is of the log as it
// is, else the unsigned body of the current checkpoint.
Result<std::string> LogCheckpointNote(SqliteDb* db);

// The latest stored signed checkpoint note, if any.
Result<std::optional<std::string>> LatestSignedCheckpoint(SqliteDb* db);

// Recomputes every leaf from the rows: each snapshot's leaf, and each snapshot's latest
// verification leaf, must be what its rows give; every leaf hash must be its entry's. Returns the
// first problem, "" when the log is intact.
Result<std::string> CheckLog(SqliteDb* db);

// Builds the log of a ledger written before the log existed (schema 3 -> 4): each snapshot's
// leaf in id order, each followed by its stored verification's.
Status BuildLogFromExistingRows(SqliteDb* db);

}  // namespace receipts
