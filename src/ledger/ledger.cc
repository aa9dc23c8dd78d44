#include "ledger/ledger.h"

#include <set>

#include "core/as_of.h"
#include "core/sha256.h"
#include "ledger/claim_key.h"
#include "ledger/hash_chain.h"
#include "ledger/schema.h"
#include "ledger/transparency_log.h"

namespace receipts {
namespace {

// After kSnapshotMetaColumns (no chain column shares their names): the chain's columns and the
// parser version, from the snapshot joined with its chain row.
constexpr const char* kSnapshotChainJoin =
    ", c.prev_head, c.head, c.signature IS NOT NULL, s.claims_parser "
    "FROM snapshots s LEFT JOIN chain c ON c.snapshot_id = s.id ";

SnapshotInfo ReadSnapshotInfo(const SqliteStatement& row) {
  SnapshotInfo info;
  static_cast<SnapshotMeta&>(info) = ReadSnapshotMeta(row);
  info.prev_head = row.Text(9);
  info.head = row.Text(10);
  info.is_signed = row.Int(11) != 0;
  info.claims_parser = static_cast<int>(row.Int(12));
  return info;
}

// The snapshots a query (kSnapshotMetaColumns, kSnapshotChainJoin and `where`) finds, with `bind`
// applied first.
template <typename Bind>
Result<std::vector<SnapshotInfo>> QuerySnapshots(SqliteDb* db, const std::string& where,
                                                 Bind bind) {
  auto stmt =
      db->Prepare(std::string("SELECT ") + kSnapshotMetaColumns + kSnapshotChainJoin + where);
  if (!stmt.ok()) return stmt.status();
  bind(&*stmt);
  return stmt->Rows([&](const SqliteStatement& row) { return ReadSnapshotInfo(row); });
}

// Binds one claims row of snapshot `snapshot_id` to `insert` (the kInsertClaim statement) and
// runs it.
constexpr const char* kInsertClaim =
    "INSERT INTO claims (snapshot_id, seq, claim_key, kind, piid, agency_id, award_id, fain, "
    "location, square_feet, agency, vendor, description, status, link, date, "
    "claimed_savings_cents, claimed_value_cents, source_line, raw_json) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
    "?19, ?20)";

Status InsertClaim(SqliteStatement* insert, std::int64_t snapshot_id, const LedgerClaim& c) {
  insert->Bind(1, snapshot_id);
  insert->Bind(2, c.seq);
  insert->Bind(3, c.key);
  insert->Bind(4, c.kind);
  insert->Bind(5, c.piid);
  insert->Bind(6, c.agency_id);
  insert->Bind(7, c.award_id);
  insert->Bind(8, c.fain);
  insert->Bind(9, c.location);
  insert->Bind(10, c.square_feet);
  insert->Bind(11, c.agency);
  insert->Bind(12, c.vendor);
  insert->Bind(13, c.description);
  insert->Bind(14, c.status);
  insert->Bind(15, c.link);
  insert->Bind(16, c.date);
  insert->Bind(17, c.claimed_savings);
  insert->Bind(18, c.claimed_value);
  insert->Bind(19, c.source_line);
  insert->Bind(20, c.raw_json);
  return insert->Run();
}

}  // namespace

SnapshotMeta ReadSnapshotMeta(const SqliteStatement& row) {
  SnapshotMeta meta;
  meta.id = row.Int(0);
  meta.kind = row.Text(1);
  meta.source = row.Text(2);
  meta.as_of = row.Text(3);
  meta.ingested_at = row.Text(4);
  meta.raw_sha256 = row.Text(5);
  meta.claim_count = row.Int(6);
  meta.claimed_total = row.Int(7);
  meta.claims_sha256 = row.Text(8);
  return meta;
}

LedgerClaim ReadLedgerClaim(const SqliteStatement& row, bool with_raw) {
  LedgerClaim c;
  c.seq = row.Int(0);
  c.key = row.Text(1);
  c.kind = row.Text(2);
  c.piid = row.Text(3);
  c.agency_id = row.Text(4);
  c.award_id = row.Text(5);
  c.fain = row.Text(6);
  c.location = row.Text(7);
  c.square_feet = row.OptionalInt(8);
  c.agency = row.Text(9);
  c.vendor = row.Text(10);
  c.description = row.Text(11);
  c.status = row.Text(12);
  c.link = row.Text(13);
  c.date = row.Text(14);
  c.claimed_savings = row.OptionalInt(15);
  c.claimed_value = row.OptionalInt(16);
  c.source_line = row.Int(17);
  if (with_raw) c.raw_json = row.Text(18);
  return c;
}

Status EmptyListRefused(const std::string& source) {
  return Status::InvalidInput(source +
                              ": the claims list is empty (0 claims); nothing stored (pass "
                              "--allow-empty to ingest if the list really became empty)");
}

std::string SnapshotKindOf(const std::vector<Claim>& claims, const std::string& fallback) {
  std::set<ClaimKind> kinds;
  for (const Claim& claim : claims) kinds.insert(claim.kind);
  if (kinds.empty()) return fallback;
  if (kinds.size() > 1) return "mixed";
  return ClaimKindPluralName(*kinds.begin());
}

Result<std::unique_ptr<Ledger>> Ledger::Open(const std::string& path, bool create) {
  auto db = SqliteDb::Open(path, create);
  if (!db.ok()) return db.status();
  if (Status s = MigrateLedger(db->get(), create); !s.ok()) return s;
  return std::unique_ptr<Ledger>(new Ledger(std::move(*db)));
}

Result<std::unique_ptr<Ledger>> Ledger::OpenReadOnly(const std::string& path) {
  auto db = SqliteDb::OpenReadOnly(path);
  if (!db.ok()) return db.status();
  if (Status s = CheckReadableLedger(db->get()); !s.ok()) return s;
  return std::unique_ptr<Ledger>(new Ledger(std::move(*db)));
}

Result<IngestResult> Ledger::Ingest(const SnapshotInput& input, const SigningKey* key) {
  return IngestFeed(
      input,
      [&input](const std::function<Status(const Claim&)>& take) {
        for (const Claim& claim : input.claims) {
          if (Status s = take(claim); !s.ok()) return s;
        }
        return Status::Ok();
      },
      key);
}

Result<IngestResult> Ledger::IngestFeed(const SnapshotInput& input, const ClaimFeed& feed,
                                        const SigningKey* key) {
  if (input.as_of.empty()) return Status::InvalidInput("ingest: the snapshot has no as-of time");
  if (input.pages.empty()) return Status::InvalidInput("ingest: the snapshot has no raw bytes");

  SnapshotHeader header;
  header.kind = input.kind;
  header.source = input.source;
  header.as_of = input.as_of;
  header.ingested_at = NowUtc();
  Sha256 raw;
  for (const RawPage& page : input.pages) {
    raw.Update(page.bytes);
    header.pages.emplace_back(page.url_or_path, Sha256Hex(page.bytes));
  }
  header.raw_sha256 = raw.FinishHex();

  auto txn = SqliteTransaction::Begin(db_.get());
  if (!txn.ok()) return txn.status();
  auto same = QuerySnapshots(db_.get(), "WHERE s.raw_sha256 = ?1 ORDER BY s.id LIMIT 1",
                             [&](SqliteStatement* s) { s->Bind(1, header.raw_sha256); });
  if (!same.ok()) return same.status();
  if (!same->empty()) return IngestResult{std::move(same->front()), true};

  auto last = QuerySnapshots(db_.get(), "ORDER BY s.id DESC LIMIT 1", [](SqliteStatement*) {});
  if (!last.ok()) return last.status();
  std::string prev_head = kGenesisHead;
  header.id = 1;
  if (!last->empty()) {
    if (last->front().head.empty()) {
      return Status::Corruption(path() + ": snapshot " + std::to_string(last->front().id) +
                                " has no chain row; run 'receipts check'");
    }
    prev_head = last->front().head;
    header.id = last->front().id + 1;
  }
  // The pages and claims go in before their snapshot row, whose counts and digest they give.
  if (Status s = db_->Exec("PRAGMA defer_foreign_keys = ON"); !s.ok()) return s;
  {
    auto page = db_->Prepare(
        "INSERT INTO pages (snapshot_id, seq, url_or_path, sha256, bytes) VALUES (?1, ?2, ?3, "
        "?4, ?5)");
    if (!page.ok()) return page.status();
    for (std::size_t i = 0; i < input.pages.size(); ++i) {
      page->Bind(1, header.id);
      page->Bind(2, static_cast<std::int64_t>(i + 1));
      page->Bind(3, header.pages[i].first);
      page->Bind(4, header.pages[i].second);
      page->BindBlob(5, input.pages[i].bytes);
      if (Status s = page->Run(); !s.ok()) return s;
    }
  }  // the statement goes, and with it its copy of the last page's bytes

  auto insert = db_->Prepare(kInsertClaim);
  if (!insert.ok()) return insert.status();
  ClaimKeyAssigner keys;
  std::set<ClaimKind> kinds;
  Sha256 digest;
  std::string canonical;
  Status fed = feed([&](const Claim& claim) {
    LedgerClaim c = ToLedgerClaim(claim, keys.Next(claim), header.claim_count + 1);
    canonical.clear();
    AppendCanonicalClaim(&canonical, c);
    digest.Update(canonical);
    ++header.claim_count;
    header.claimed_total += c.claimed_savings.value_or(0);
    kinds.insert(claim.kind);
    return InsertClaim(&*insert, header.id, c);
  });
  if (!fed.ok()) return fed;
  if (header.claim_count == 0 && !input.allow_empty) return EmptyListRefused(input.source);
  header.claims_sha256 = digest.FinishHex();
  if (header.kind.empty()) {
    header.kind = kinds.empty()      ? "unknown"
                  : kinds.size() > 1 ? "mixed"
                                     : std::string(ClaimKindName(*kinds.begin())) + "s";
  }
  std::string head = HeadHash(prev_head, header);

  auto snapshot = db_->Prepare(
      "INSERT INTO snapshots (id, kind, source, as_of, ingested_at, raw_sha256, claim_count, "
      "claimed_total_cents, claims_sha256, claims_parser) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
      "?9, ?10)");
  if (!snapshot.ok()) return snapshot.status();
  snapshot->Bind(1, header.id);
  snapshot->Bind(2, header.kind);
  snapshot->Bind(3, header.source);
  snapshot->Bind(4, header.as_of);
  snapshot->Bind(5, header.ingested_at);
  snapshot->Bind(6, header.raw_sha256);
  snapshot->Bind(7, header.claim_count);
  snapshot->Bind(8, header.claimed_total);
  snapshot->Bind(9, header.claims_sha256);
  snapshot->Bind(10, std::int64_t{kClaimsParserVersion});
  if (Status s = snapshot->Run(); !s.ok()) return s;

  auto chain = db_->Prepare(
      "INSERT INTO chain (snapshot_id, prev_head, head, signature, public_key) VALUES (?1, ?2, "
      "?3, ?4, ?5)");
  if (!chain.ok()) return chain.status();
  chain->Bind(1, header.id);
  chain->Bind(2, prev_head);
  chain->Bind(3, head);
  if (key != nullptr) {
    chain->Bind(4, SignHead(*key, head));
    chain->Bind(5, ToHex(key->public_key));
  } else {
    chain->BindNull(4);
    chain->BindNull(5);
  }
  if (Status s = chain->Run(); !s.ok()) return s;
  if (Status s = AppendSnapshotLeaf(db_.get(), header.id); !s.ok()) return s;
  if (key != nullptr) {
    if (auto signed_note = SignAndStoreCheckpoint(db_.get(), *key); !signed_note.ok()) {
      return signed_note.status();
    }
  }
  if (Status s = (*txn)->Commit(); !s.ok()) return s;

  IngestResult result;
  SnapshotInfo& info = result.snapshot;
  static_cast<SnapshotMeta&>(info) = header;
  info.prev_head = prev_head;
  info.head = head;
  info.is_signed = key != nullptr;
  return result;
}

Result<std::vector<SnapshotInfo>> Ledger::Snapshots() {
  return QuerySnapshots(db_.get(), "ORDER BY s.id", [](SqliteStatement*) {});
}

Result<SnapshotInfo> Ledger::FindSnapshot(std::string_view id_or_latest) {
  std::int64_t id = 0;
  if (id_or_latest != "latest") {
    bool digits = !id_or_latest.empty() && id_or_latest.size() < 18;
    for (char c : id_or_latest) {
      if (c < '0' || c > '9') digits = false;
      if (digits) id = id * 10 + (c - '0');
    }
    if (!digits) {
      return Status::Usage("'" + std::string(id_or_latest) +
                           "' is not a snapshot id (a number or 'latest')");
    }
  }
  auto found =
      id == 0 && id_or_latest == "latest"
          ? QuerySnapshots(db_.get(), "ORDER BY s.id DESC LIMIT 1", [](SqliteStatement*) {})
          : QuerySnapshots(db_.get(), "WHERE s.id = ?1",
                           [&](SqliteStatement* s) { s->Bind(1, id); });
  if (!found.ok()) return found.status();
  if (found->empty()) {
    return Status::NotFound(path() + ": no snapshot " + std::string(id_or_latest));
  }
  return std::move(found->front());
}

Result<std::vector<LedgerClaim>> Ledger::Claims(std::int64_t snapshot_id, bool with_raw) {
  std::string sql = std::string("SELECT ") + kClaimColumns + (with_raw ? ", raw_json" : "") +
                    " FROM claims WHERE snapshot_id = ?1 ORDER BY seq";
  auto stmt = db_->Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, snapshot_id);
  return stmt->Rows([&](const SqliteStatement& row) { return ReadLedgerClaim(row, with_raw); });
}

Result<std::vector<RawPage>> Ledger::Pages(std::int64_t snapshot_id) {
  auto stmt =
      db_->Prepare("SELECT url_or_path, bytes FROM pages WHERE snapshot_id = ?1 ORDER BY seq");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, snapshot_id);
  return stmt->Rows([&](const SqliteStatement& row) { return RawPage{row.Text(0), row.Blob(1)}; });
}

}  // namespace receipts
