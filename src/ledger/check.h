// `receipts check`: recomputes every page digest, claims digest and head from the stored rows
// and compares them with what is stored, snapshot by snapshot, oldest first. Anything changed
// behind the ledger's back (a claim, a page, a snapshot row, a chain row, a deleted or inserted
// row) makes some recomputed value differ; the first snapshot where one does is reported. It also
// re-reads every raw page into claims and compares them with the stored ones (so claims
// rewritten with their digests and heads recomputed are caught), checks every verification's
// seal, and, given an expected head, that the chain still contains it (a deleted tail).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "claims/snapshot_input.h"
#include "core/claim.h"
#include "core/status.h"
#include "ledger/checkpoint.h"
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
  std::int64_t verifications = 0;       // verification seals recomputed (all matched)
  std::int64_t expected_head_at = 0;    // the snapshot whose head is expect_head, 0 when none
  // Snapshots whose raw pages this receipts reads into other claims than the stored ones, and
  // which an older claims parser read (claims_parser below kClaimsParserVersion): not damage,
  // but claims that can no longer be re-derived from their pages (re-ingest the list to read it
  // anew). Their pages, claims and heads were still checked like every other snapshot's.
  std::vector<std::int64_t> read_by_older_parser;
  Checkpoint log;                   // the transparency log's checkpoint now (unsigned)
  bool extends_checkpoint = false;  // options.checkpoint given, and the log extends it
};

// Reads a snapshot's raw pages (in order) into claims as ingest did; `snapshot_kind` is the
// snapshot row's kind. Supplied by the caller so the ledger does not depend on the readers.
using PageClaimsReader = std::function<Result<std::vector<Claim>>(
    const std::vector<RawPage>& pages, const std::string& snapshot_kind)>;

struct CheckOptions {
  // 32 raw bytes. Every head must then be signed, and by this key: an unsigned head fails.
  std::optional<std::string> public_key;
  // 64 hex digits: the head published (or printed by `receipts head`) earlier. Some snapshot's
  // recomputed head must equal it, so a deleted tail or a rewritten past fails.
  std::optional<std::string> expect_head;
  // When set, every snapshot's raw pages are re-read and compared with its stored claims.
  PageClaimsReader read_pages;
  // A checkpoint published earlier (its signature already checked by the caller, if wanted):
  // the log must extend it, so a deleted tail or a rewritten past fails.
  std::optional<Checkpoint> checkpoint;
};

// Checks the ledger. Without `options.public_key`, each signature is verified against the key
// stored beside it and unsigned heads are only counted. A Status error means the ledger could
// not be read at all (not a SQLite file, I/O error).
Result<CheckReport> CheckLedger(SqliteDb* db, const CheckOptions& options);

// CheckLedger with only a public key (no page re-reading, no expected head).
Result<CheckReport> CheckLedger(SqliteDb* db, const std::optional<std::string>& public_key);

}  // namespace receipts
