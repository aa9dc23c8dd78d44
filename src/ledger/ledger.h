// The ledger: one SQLite file holding every snapshot of the claims lists, their raw bytes, every
// claim as read, and the hash chain over them. Each ingest is one transaction: after a crash the
// ledger holds the previous snapshots or the complete new one, never half of it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/snapshot_input.h"
#include "core/status.h"
#include "ledger/canonical.h"
#include "ledger/hash_chain.h"
#include "ledger/signing.h"
#include "ledger/sqlite_db.h"

namespace receipts {

// One snapshot row with its chain row.
struct SnapshotInfo : SnapshotMeta {
  std::string prev_head;
  std::string head;
  bool is_signed = false;
  int claims_parser = kClaimsParserVersion;  // the claims-parser version that read it
};

struct IngestResult {
  SnapshotInfo snapshot;   // the new snapshot, or the stored one with the same raw bytes
  bool unchanged = false;  // true: the same raw bytes were already stored; nothing was added
};

class Ledger {
 public:
  // Opens (and migrates) the ledger at `path`. Creates it only when `create`; otherwise a
  // missing file is NotFound.
  static Result<std::unique_ptr<Ledger>> Open(const std::string& path, bool create);
  // Opens the ledger at `path` for a read-only command: SQLite read-only, never created, never
  // migrated. A missing file is NotFound; a file that is not a ledger of this schema version is
  // InvalidInput; either way the file is left byte for byte as it was.
  static Result<std::unique_ptr<Ledger>> OpenReadOnly(const std::string& path);

  // Stores `input` as the next snapshot in one transaction, its head signed with `key` when
  // given. Raw bytes already stored (the same SHA-256) add nothing: the result is that snapshot
  // with `unchanged` set. `input.as_of` must be set.
  Result<IngestResult> Ingest(const SnapshotInput& input, const SigningKey* key);

  // Hands each claim of a snapshot to `take`, in list order; stops at and returns the first
  // failure, of the reading or of `take`.
  using ClaimFeed = std::function<Status(const std::function<Status(const Claim&)>& take)>;

  // Ingest for a list too big to hold as claims: `input.claims` is not used; the claims come from
  // `feed` and each is stored as it is read, inside the one transaction, so a failure part-way
  // stores nothing and memory holds one claim, not the list. An empty `input.kind` is taken from
  // the claims as SnapshotKindOf does ("unknown" for none).
  Result<IngestResult> IngestFeed(const SnapshotInput& input, const ClaimFeed& feed,
                                  const SigningKey* key);

  // Every snapshot, oldest first.
  Result<std::vector<SnapshotInfo>> Snapshots();
  // "latest" or a snapshot id; NotFound when there is no such snapshot.
  Result<SnapshotInfo> FindSnapshot(std::string_view id_or_latest);
  // The claims of one snapshot in seq order; raw_json is left empty unless `with_raw`.
  Result<std::vector<LedgerClaim>> Claims(std::int64_t snapshot_id, bool with_raw);
  // The raw pages of one snapshot, in order.
  Result<std::vector<RawPage>> Pages(std::int64_t snapshot_id);

  SqliteDb* db() { return db_.get(); }
  const std::string& path() const { return db_->path(); }

 private:
  explicit Ledger(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}
  std::unique_ptr<SqliteDb> db_;
};

// The columns of a claims row, in the order ReadLedgerClaim expects (without raw_json).
inline constexpr const char* kClaimColumns =
    "seq, claim_key, kind, piid, agency_id, award_id, fain, location, square_feet, agency, vendor, "
    "description, status, link, date, claimed_savings_cents, claimed_value_cents, source_line";
// Reads the kClaimColumns of the current row (raw_json, when selected, follows at column 18).
LedgerClaim ReadLedgerClaim(const SqliteStatement& row, bool with_raw);

// The columns of a snapshots row, in the order ReadSnapshotMeta expects.
inline constexpr const char* kSnapshotMetaColumns =
    "id, kind, source, as_of, ingested_at, raw_sha256, claim_count, claimed_total_cents, "
    "claims_sha256";
// Reads the kSnapshotMetaColumns of the current row, from column 0.
SnapshotMeta ReadSnapshotMeta(const SqliteStatement& row);

// The snapshot kind of a list: "contracts", "grants", "leases", "mixed" when it holds several,
// `fallback` when it holds none.
std::string SnapshotKindOf(const std::vector<Claim>& claims, const std::string& fallback);

// The refusal of a list with no claims, naming `source` (see SnapshotInput::allow_empty).
Status EmptyListRefused(const std::string& source);

}  // namespace receipts
