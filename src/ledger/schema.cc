#include "ledger/schema.h"

#include <string>

namespace receipts {
namespace {

// migrations[i] takes a ledger from version i to i + 1. Never edit one that has shipped: add
// the next. The layout is described in doc/formats.md ("Ledger").
constexpr const char* kMigrations[] = {
    // 0 -> 1: snapshots, their raw pages, their claims, the hash chain, stored verdicts.
    R"sql(
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
};
constexpr int kMigrationCount = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));
static_assert(kMigrationCount == kLedgerSchemaVersion);

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

}  // namespace

Status MigrateLedger(SqliteDb* db) {
  // Cheap check first, so that reading an up-to-date ledger takes no write lock.
  auto version = ReadVersion(db);
  if (!version.ok()) return version.status();
  if (*version == kLedgerSchemaVersion) return Status::Ok();
  if (*version > kLedgerSchemaVersion) {
    return Status::InvalidInput(db->path() + ": ledger schema version " + std::to_string(*version) +
                                " is newer than this receipts (" +
                                std::to_string(kLedgerSchemaVersion) + ")");
  }
  auto txn = SqliteTransaction::Begin(db);
  if (!txn.ok()) return txn.status();
  version = ReadVersion(db);  // again, under the lock: another process may have migrated
  if (!version.ok()) return version.status();
  if (*version == 0) {
    Status s = db->Exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)");
    if (!s.ok()) return s;
  }
  for (int v = *version; v < kLedgerSchemaVersion; ++v) {
    Status s = db->Exec(kMigrations[v]);
    if (!s.ok()) return s;
  }
  Status s = db->Exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '" +
                      std::to_string(kLedgerSchemaVersion) + "')");
  if (!s.ok()) return s;
  return (*txn)->Commit();
}

}  // namespace receipts
