#include "ledger/schema.h"

#include <string>
#include <vector>

#include "ledger/transparency_log.h"
#include "ledger/verdict_reads.h"
#include "ledger/verification_seal.h"

namespace receipts {
namespace {

// Seals every verification stored before seals existed. Those rows were never protected, so
// the seal vouches only that they are unchanged since the migration.
Status SealExistingVerifications(SqliteDb* db) {
  auto ids = VerifiedSnapshotIds(db);
  if (!ids.ok()) return ids.status();
  for (std::int64_t id : *ids) {
    if (Status s = SealVerification(db, id); !s.ok()) return s;
  }
  return Status::Ok();
}

struct Migration {
  const char* sql;
  Status (*then)(SqliteDb*);  // a step SQL cannot do (hashing), or nullptr
};

// migrations[i] takes a ledger from version i to i + 1. Never edit one that has shipped: add
// the next. The layout is described in doc/formats.md ("Ledger").
constexpr Migration kMigrations[] = {
    // 0 -> 1: snapshots, their raw pages, their claims, the hash chain, stored verdicts.
    {R"sql(
CREATE TABLE snapshots (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  as_of TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  raw_sha256 TEXT NOT NULL,
  claim_count INTEGER NOT NULL,
  claimed_total_cents INTEGER NOT NULL,
  claims_sha256 TEXT NOT NULL
);
CREATE INDEX snapshots_raw_sha256 ON snapshots(raw_sha256);
CREATE TABLE pages (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  seq INTEGER NOT NULL,
  url_or_path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (snapshot_id, seq)
);
CREATE TABLE claims (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  seq INTEGER NOT NULL,
  claim_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  piid TEXT NOT NULL,
  agency_id TEXT NOT NULL,
  award_id TEXT NOT NULL,
  fain TEXT NOT NULL,
  location TEXT NOT NULL,
  square_feet INTEGER,
  agency TEXT NOT NULL,
  vendor TEXT NOT NULL,
  description TEXT NOT NULL,
  status TEXT NOT NULL,
  link TEXT NOT NULL,
  date TEXT NOT NULL,
  claimed_savings_cents INTEGER,
  claimed_value_cents INTEGER,
  source_line INTEGER NOT NULL,
  raw_json TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, seq)
);
CREATE INDEX claims_key ON claims(claim_key);
CREATE INDEX claims_piid ON claims(piid);
CREATE TABLE chain (
  snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots(id),
  prev_head TEXT NOT NULL,
  head TEXT NOT NULL,
  signature TEXT,
  public_key TEXT
);
CREATE TABLE verifications (
  snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots(id),
  ran_at TEXT NOT NULL,
  since TEXT NOT NULL,
  records_as_of TEXT NOT NULL,
  record_files TEXT NOT NULL
);
CREATE TABLE verdicts (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  seq INTEGER NOT NULL,
  verdict TEXT NOT NULL,
  award_key TEXT NOT NULL,
  verified_savings_cents INTEGER,
  reason TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, seq)
);
)sql",
     nullptr},
    // 1 -> 2: each verification run sealed to its snapshot's head (ledger/verification_seal.h).
    {"ALTER TABLE verifications ADD COLUMN sha256 TEXT;", SealExistingVerifications},
    // 2 -> 3: the claims-parser version that read each snapshot (kClaimsParserVersion); the
    // snapshots stored before were read by version 1.
    {"ALTER TABLE snapshots ADD COLUMN claims_parser INTEGER NOT NULL DEFAULT 1;", nullptr},
    // 3 -> 4: the transparency log (ledger/transparency_log.h): each snapshot's claims root, the
    // log's leaves, and the signed checkpoints made of it. Built from the stored rows.
    {R"sql(
ALTER TABLE snapshots ADD COLUMN claims_root TEXT;
CREATE TABLE log_leaves (
  idx INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  entry BLOB NOT NULL,
  leaf_hash TEXT NOT NULL
);
CREATE INDEX log_leaves_snapshot ON log_leaves(snapshot_id);
CREATE TABLE checkpoints (
  size INTEGER NOT NULL,
  note TEXT NOT NULL,
  made_at TEXT NOT NULL
);
)sql",
     BuildLogFromExistingRows},
};
constexpr int kMigrationCount = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));
static_assert(kMigrationCount == kLedgerSchemaVersion);

// True when the file holds no table at all: a new file, or one SQLite created empty.
Result<bool> HasNoTables(SqliteDb* db) {
  auto stmt = db->Prepare("SELECT 1 FROM sqlite_master LIMIT 1");
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  return !*row;
}

Result<int> ReadVersion(SqliteDb* db) {
  auto has_meta = db->Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
  if (!has_meta.ok()) return has_meta.status();
  auto row = has_meta->Step();
  if (!row.ok()) return row.status();
  if (!*row) return 0;
  auto version = db->Prepare("SELECT value FROM meta WHERE key = 'schema_version'");
  if (!version.ok()) return version.status();
  row = version->Step();
  if (!row.ok()) return row.status();
  if (!*row) return 0;
  std::string text = version->Text(0);
  int out = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || out > 1'000'000) {
      return Status::Corruption(db->path() + ": meta.schema_version '" + text +
                                "' is not a version number");
    }
    out = out * 10 + (c - '0');
  }
  return out;
}

// The file's version when this build can read it as it is or migrate it: 0 for an empty file,
// 1..kLedgerSchemaVersion for a ledger. Anything else (a newer version, garbage, tables without a
// version) is refused here, before any migration runs.
Result<int> KnownVersion(SqliteDb* db) {
  auto version = ReadVersion(db);
  if (!version.ok()) {
    if (version.status().code() == Status::Code::kCorruption) {
      return Status::InvalidInput(version.status().message() + "; not a receipts ledger");
    }
    return version.status();
  }
  if (*version > kLedgerSchemaVersion) {
    return Status::InvalidInput(
        db->path() + ": ledger schema version " + std::to_string(*version) +
        " is unknown (written by a newer receipts, or damaged; this receipts knows 1 to " +
        std::to_string(kLedgerSchemaVersion) + "); refusing to read or migrate it");
  }
  if (*version == 0) {
    auto empty = HasNoTables(db);
    if (!empty.ok()) return empty.status();
    if (!*empty) {
      return Status::InvalidInput(db->path() +
                                  ": not a receipts ledger (it has tables but no "
                                  "meta.schema_version); refusing to touch it");
    }
  }
  return *version;
}

}  // namespace

Status ReadOnlyRefusal(SqliteDb* db, int version) {
  if (version == 0) {
    return Status::InvalidInput(db->path() + ": not a receipts ledger (no meta.schema_version)");
  }
  return Status::InvalidInput(db->path() + ": ledger schema version " + std::to_string(version) +
                              " predates this receipts (" + std::to_string(kLedgerSchemaVersion) +
                              ") and a read-only command does not migrate it; run 'receipts "
                              "migrate --ledger " +
                              db->path() + "' first");
}

Status CheckReadableLedger(SqliteDb* db) {
  auto version = KnownVersion(db);
  if (!version.ok()) return version.status();
  if (*version == kLedgerSchemaVersion) return Status::Ok();
  return ReadOnlyRefusal(db, *version);
}

Status MigrateLedger(SqliteDb* db, bool may_create) {
  // Cheap check first, so that reading an up-to-date ledger takes no write lock.
  auto version = KnownVersion(db);
  if (!version.ok()) return version.status();
  if (*version == kLedgerSchemaVersion) return Status::Ok();
  if (*version == 0 && !may_create) {
    return Status::InvalidInput(db->path() +
                                ": an empty file, not a receipts ledger (`receipts ingest "
                                "--ledger` creates one); left as it was");
  }
  if (db->read_only()) return ReadOnlyRefusal(db, *version);
  auto txn = SqliteTransaction::Begin(db);
  if (!txn.ok()) return txn.status();
  version = KnownVersion(db);  // again, under the lock: another process may have migrated
  if (!version.ok()) return version.status();
  if (*version == 0) {
    Status s = db->Exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)");
    if (!s.ok()) return s;
  }
  for (int v = *version; v < kLedgerSchemaVersion; ++v) {
    Status s = db->Exec(kMigrations[v].sql);
    if (!s.ok()) return s;
    if (kMigrations[v].then != nullptr) {
      s = kMigrations[v].then(db);
      if (!s.ok()) return s;
    }
  }
  Status s = db->Exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '" +
                      std::to_string(kLedgerSchemaVersion) + "')");
  if (!s.ok()) return s;
  return (*txn)->Commit();
}

}  // namespace receipts
