#include "ledger/transparency_log.h"

#include <simdjson.h>

#include <filesystem>
#include <map>
#include <utility>

#include "core/as_of.h"
#include "core/hex.h"
#include "ledger/canonical.h"
#include "ledger/ledger.h"
#include "ledger/merkle.h"

namespace receipts {
namespace {

constexpr const char kSnapshotTag[] = "receipts-snapshot-v1";
constexpr const char kVerificationTag[] = "receipts-verification-run-v1";

Status Corrupt(SqliteDb* db, const std::string& what) {
  return Status::Corruption(db->path() + ": " + what);
}

// The records files of a verification, as StoreVerdicts wrote them: [{"path":…,"sha256":…},…].
Result<std::vector<RecordFileName>> ParseRecordFiles(SqliteDb* db, const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  std::vector<RecordFileName> out;
  if (parser.parse(json).get(doc) != simdjson::SUCCESS || !doc.is_array()) {
    return Corrupt(db, "a verification's record_files is not the JSON it writes");
  }
  for (simdjson::dom::element file : doc.get_array()) {
    std::string_view path, sha;
    if (file["path"].get(path) != simdjson::SUCCESS ||
        file["sha256"].get(sha) != simdjson::SUCCESS) {
      return Corrupt(db, "a verification's record_files entry lacks path or sha256");
    }
    out.push_back({PublishedName(path), std::string(sha)});
  }
  return out;
}

std::string RootHex(const std::vector<std::string>& entries) {
  std::vector<std::string> leaves;
  leaves.reserve(entries.size());
  for (const std::string& e : entries) leaves.push_back(MerkleLeafHash(e));
  return ToHex(MerkleTree(std::move(leaves)).root());
}

// The snapshot's leaf index in the log, or -1.
Result<std::int64_t> SnapshotLeafIndex(SqliteDb* db, std::int64_t snapshot_id) {
  auto stmt = db->Prepare(
      "SELECT idx FROM log_leaves WHERE kind = 'snapshot' AND snapshot_id = ?1 ORDER BY idx "
      "LIMIT 1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, snapshot_id);
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  return *row ? stmt->Int(0) : std::int64_t{-1};
}

Status AppendLeaf(SqliteDb* db, const std::string& kind, std::int64_t snapshot_id,
                  const std::string& entry) {
  auto insert = db->Prepare(
      "INSERT INTO log_leaves (idx, kind, snapshot_id, entry, leaf_hash) VALUES ((SELECT "
      "count(*) FROM log_leaves), ?1, ?2, ?3, ?4)");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, kind);
  insert->Bind(2, snapshot_id);
  insert->BindBlob(3, entry);
  insert->Bind(4, ToHex(MerkleLeafHash(entry)));
  return insert->Run();
}

}  // namespace

std::string PublishedName(std::string_view source) {
  if (source.starts_with("http://") || source.starts_with("https://")) return std::string(source);
  if (source.starts_with("postgres") || source.starts_with("service=")) {
    return "postgresql database";
  }
  return std::filesystem::path(std::string(source)).filename().string();
}

std::string SnapshotLeafEntry(const SnapshotMeta& meta,
                              const std::vector<std::string>& page_sha256s,
                              std::string_view claims_root_hex) {
  std::string out;
  AppendNetstring(&out, kSnapshotTag);
  AppendNetstring(&out, meta.kind);
  AppendNetstring(&out, meta.as_of);
  AppendNetstring(&out, PublishedName(meta.source));
  AppendNetstring(&out, std::to_string(page_sha256s.size()));
  for (const std::string& sha : page_sha256s) AppendNetstring(&out, sha);
  AppendNetstring(&out, std::to_string(meta.claim_count));
  AppendNetstring(&out, FormatDollars(meta.claimed_total));
  AppendNetstring(&out, claims_root_hex);
  return out;
}

std::string VerificationLeafEntry(std::int64_t snapshot_leaf_index,
                                  std::string_view claims_root_hex, std::string_view since,
                                  std::string_view records_as_of,
                                  const std::vector<RecordFileName>& files,
                                  std::int64_t verdict_count, std::string_view verdicts_root_hex) {
  std::string out;
  AppendNetstring(&out, kVerificationTag);
  AppendNetstring(&out, std::to_string(snapshot_leaf_index));
  AppendNetstring(&out, claims_root_hex);
  AppendNetstring(&out, since);
  AppendNetstring(&out, records_as_of);
  AppendNetstring(&out, std::to_string(files.size()));
  for (const RecordFileName& f : files) {
    AppendNetstring(&out, f.name);
    AppendNetstring(&out, f.sha256);
  }
  AppendNetstring(&out, std::to_string(verdict_count));
  AppendNetstring(&out, verdicts_root_hex);
  return out;
}

std::string VerdictLeafEntry(std::int64_t seq, std::string_view verdict, std::string_view award_key,
                             std::optional<Cents> verified_savings, std::string_view reason) {
  std::string out;
  AppendNetstring(&out, std::to_string(seq));
  AppendNetstring(&out, verdict);
  AppendNetstring(&out, award_key);
  AppendNetstring(&out, FormatDollars(verified_savings));
  AppendNetstring(&out, reason);
  return out;
}

Result<std::vector<std::string>> SplitNetstrings(std::string_view entry) {
  std::vector<std::string> out;
  while (!entry.empty()) {
    const std::size_t colon = entry.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 12) {
      return Status::InvalidInput("not a netstring: no length");
    }
    std::size_t length = 0;
    for (char c : entry.substr(0, colon)) {
      if (c < '0' || c > '9')
        return Status::InvalidInput("not a netstring: a length with '" + std::string(1, c) + "'");
      length = length * 10 + static_cast<std::size_t>(c - '0');
    }
    if (colon > 1 && entry[0] == '0')
      return Status::InvalidInput("not a netstring: a leading zero");
    if (entry.size() < colon + 1 + length + 1 || entry[colon + 1 + length] != ',') {
      return Status::InvalidInput("not a netstring: cut short or no closing comma");
    }
    out.emplace_back(entry.substr(colon + 1, length));
    entry.remove_prefix(colon + 1 + length + 1);
  }
  return out;
}

Result<std::vector<LogLeaf>> ReadLogLeaves(SqliteDb* db) {
  auto stmt =
      db->Prepare("SELECT idx, kind, snapshot_id, entry, leaf_hash FROM log_leaves ORDER BY idx");
  if (!stmt.ok()) return stmt.status();
  std::vector<LogLeaf> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    LogLeaf leaf{stmt->Int(0), stmt->Text(1), stmt->Int(2), stmt->Blob(3), {}};
    if (leaf.index != static_cast<std::int64_t>(out.size()) ||
        !FromHex(stmt->Text(4), &leaf.leaf_hash) || leaf.leaf_hash.size() != 32) {
      return Corrupt(db, "log leaf " + std::to_string(out.size()) + " is missing or malformed");
    }
    out.push_back(std::move(leaf));
  }
  return out;
}

Result<std::string> LogOrigin(SqliteDb* db) {
  auto stmt = db->Prepare("SELECT value FROM meta WHERE key = 'log_origin'");
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  return *row ? stmt->Text(0) : std::string(kDefaultLogOrigin);
}

Status ReadClaimEntries(SqliteDb* db, std::int64_t snapshot_id, std::vector<std::string>* entries,
                        std::vector<std::string>* keys) {
  auto stmt = db->Prepare(std::string("SELECT ") + kClaimColumns +
                          ", raw_json FROM claims WHERE snapshot_id = ?1 ORDER BY seq");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, snapshot_id);
  return stmt->ForEachRow([&](const SqliteStatement& row) {
    LedgerClaim claim = ReadLedgerClaim(row, /*with_raw=*/true);
    std::string entry;
    AppendCanonicalClaim(&entry, claim);
    entries->push_back(std::move(entry));
    if (keys != nullptr) keys->push_back(claim.key);
    return Status::Ok();
  });
}

Result<std::vector<std::string>> ReadVerdictEntries(SqliteDb* db, std::int64_t snapshot_id) {
  auto stmt = db->Prepare(
      "SELECT seq, verdict, award_key, verified_savings_cents, reason FROM verdicts WHERE "
      "snapshot_id = ?1 ORDER BY seq");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, snapshot_id);
  return stmt->Rows([](const SqliteStatement& row) {
    return VerdictLeafEntry(row.Int(0), row.Text(1), row.Text(2), row.OptionalInt(3), row.Text(4));
  });
}

Result<std::string> RecomputeSnapshotEntry(SqliteDb* db, std::int64_t snapshot_id) {
  auto meta_stmt =
      db->Prepare(std::string("SELECT ") + kSnapshotMetaColumns + " FROM snapshots WHERE id = ?1");
  if (!meta_stmt.ok()) return meta_stmt.status();
  meta_stmt->Bind(1, snapshot_id);
  auto row = meta_stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Corrupt(db, "snapshot " + std::to_string(snapshot_id) + " is missing");
  const SnapshotMeta meta = ReadSnapshotMeta(*meta_stmt);
  auto pages = db->Prepare("SELECT sha256 FROM pages WHERE snapshot_id = ?1 ORDER BY seq");
  if (!pages.ok()) return pages.status();
  pages->Bind(1, snapshot_id);
  auto shas = pages->Rows([](const SqliteStatement& r) { return r.Text(0); });
  if (!shas.ok()) return shas.status();
  std::vector<std::string> entries;
  if (Status s = ReadClaimEntries(db, snapshot_id, &entries, nullptr); !s.ok()) return s;
  return SnapshotLeafEntry(meta, *shas, RootHex(entries));
}

Result<std::string> RecomputeVerificationEntry(SqliteDb* db, std::int64_t snapshot_id,
                                               std::int64_t snapshot_leaf_index) {
  auto run = db->Prepare(
      "SELECT since, records_as_of, record_files FROM verifications WHERE snapshot_id = ?1");
  if (!run.ok()) return run.status();
  run->Bind(1, snapshot_id);
  auto row = run->Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    return Status::NotFound(db->path() + ": snapshot " + std::to_string(snapshot_id) +
                            " has no verification");
  }
  auto files = ParseRecordFiles(db, run->Text(2));
  if (!files.ok()) return files.status();
  auto verdicts = ReadVerdictEntries(db, snapshot_id);
  if (!verdicts.ok()) return verdicts.status();
  auto root = db->Prepare("SELECT claims_root FROM snapshots WHERE id = ?1");
  if (!root.ok()) return root.status();
  root->Bind(1, snapshot_id);
  auto root_row = root->Step();
  if (!root_row.ok()) return root_row.status();
  std::string claims_root = *root_row ? root->Text(0) : std::string();
  if (claims_root.empty()) {
    std::vector<std::string> entries;
    if (Status s = ReadClaimEntries(db, snapshot_id, &entries, nullptr); !s.ok()) return s;
    claims_root = RootHex(entries);
  }
  return VerificationLeafEntry(snapshot_leaf_index, claims_root, run->Text(0), run->Text(1), *files,
                               static_cast<std::int64_t>(verdicts->size()), RootHex(*verdicts));
}

Status AppendSnapshotLeaf(SqliteDb* db, std::int64_t snapshot_id) {
  Result<std::string> entry = RecomputeSnapshotEntry(db, snapshot_id);
  if (!entry.ok()) return entry.status();
  Result<std::vector<std::string>> fields = SplitNetstrings(*entry);
  if (!fields.ok()) return fields.status();
  auto save = db->Prepare("UPDATE snapshots SET claims_root = ?1 WHERE id = ?2");
  if (!save.ok()) return save.status();
  save->Bind(1, fields->back());
  save->Bind(2, snapshot_id);
  if (Status s = save->Run(); !s.ok()) return s;
  return AppendLeaf(db, "snapshot", snapshot_id, *entry);
}

Status AppendVerificationLeaf(SqliteDb* db, std::int64_t snapshot_id) {
  Result<std::int64_t> at = SnapshotLeafIndex(db, snapshot_id);
  if (!at.ok()) return at.status();
  if (*at < 0) {
    return Corrupt(db, "snapshot " + std::to_string(snapshot_id) + " has no leaf in the log");
  }
  Result<std::string> entry = RecomputeVerificationEntry(db, snapshot_id, *at);
  if (!entry.ok()) return entry.status();
  return AppendLeaf(db, "verification", snapshot_id, *entry);
}

Result<Checkpoint> CurrentCheckpoint(SqliteDb* db) {
  Result<std::vector<LogLeaf>> leaves = ReadLogLeaves(db);
  if (!leaves.ok()) return leaves.status();
  Result<std::string> origin = LogOrigin(db);
  if (!origin.ok()) return origin.status();
  std::vector<std::string> hashes;
  for (LogLeaf& leaf : *leaves) hashes.push_back(std::move(leaf.leaf_hash));
  MerkleTree tree(std::move(hashes));
  return Checkpoint{*origin, tree.size(), tree.root()};
}

Result<std::string> SignAndStoreCheckpoint(SqliteDb* db, const SigningKey& key) {
  Result<Checkpoint> now = CurrentCheckpoint(db);
  if (!now.ok()) return now.status();
  const std::string note = SignNote(CheckpointBody(*now), now->origin, key);
  auto insert = db->Prepare("INSERT INTO checkpoints (size, note, made_at) VALUES (?1, ?2, ?3)");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, static_cast<std::int64_t>(now->size));
  insert->Bind(2, note);
  insert->Bind(3, NowUtc());
  if (Status s = insert->Run(); !s.ok()) return s;
  return note;
}

Result<std::string> LogCheckpointNote(SqliteDb* db) {
  Result<Checkpoint> now = CurrentCheckpoint(db);
  if (!now.ok()) return now.status();
  Result<std::optional<std::string>> stored = LatestSignedCheckpoint(db);
  if (!stored.ok()) return stored.status();
  if (*stored) {
    Result<SignedNote> note = ParseSignedNote(**stored);
    if (note.ok() && note->body == CheckpointBody(*now)) return **stored;
  }
  return CheckpointBody(*now);
}

Result<std::optional<std::string>> LatestSignedCheckpoint(SqliteDb* db) {
  auto stmt = db->Prepare("SELECT note FROM checkpoints ORDER BY size DESC, rowid DESC LIMIT 1");
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(stmt->Text(0));
}

Result<std::string> CheckLog(SqliteDb* db) {
  Result<std::vector<LogLeaf>> leaves = ReadLogLeaves(db);
  if (!leaves.ok()) return leaves.status();
  auto ids = db->Prepare("SELECT id FROM snapshots ORDER BY id");
  if (!ids.ok()) return ids.status();
  auto snapshot_ids = ids->Rows([](const SqliteStatement& r) { return r.Int(0); });
  if (!snapshot_ids.ok()) return snapshot_ids.status();
  std::map<std::int64_t, std::int64_t> snapshot_leaf;      // snapshot -> its leaf index
  std::map<std::int64_t, std::int64_t> last_verification;  // snapshot -> its latest run's leaf
  for (const LogLeaf& leaf : *leaves) {
    const std::string where = "log leaf " + std::to_string(leaf.index);
    if (MerkleLeafHash(leaf.entry) != leaf.leaf_hash) {
      return where + ": its hash is not its entry's";
    }
    if (leaf.kind == "snapshot") {
      if (!snapshot_leaf.emplace(leaf.snapshot_id, leaf.index).second) {
        return where + ": a second leaf for snapshot " + std::to_string(leaf.snapshot_id);
      }
    } else if (leaf.kind == "verification") {
      if (!snapshot_leaf.count(leaf.snapshot_id)) {
        return where + ": a verification before its snapshot's leaf";
      }
      last_verification[leaf.snapshot_id] = leaf.index;
    } else {
      return where + ": unknown kind '" + leaf.kind + "'";
    }
  }
  for (std::int64_t id : *snapshot_ids) {
    auto at = snapshot_leaf.find(id);
    if (at == snapshot_leaf.end()) {
      return "snapshot " + std::to_string(id) + " has no leaf in the log";
    }
    Result<std::string> entry = RecomputeSnapshotEntry(db, id);
    if (!entry.ok()) return entry.status();
    if (*entry != (*leaves)[at->second].entry) {
      return "log leaf " + std::to_string(at->second) + ": snapshot " + std::to_string(id) +
             "'s rows no longer give its leaf (claims, pages or header changed)";
    }
    auto run = last_verification.find(id);
    Result<std::string> run_entry = RecomputeVerificationEntry(db, id, at->second);
    if (!run_entry.ok() && run_entry.status().code() != Status::Code::kNotFound) {
      return run_entry.status();
    }
    if (run_entry.ok() != (run != last_verification.end())) {
      return "snapshot " + std::to_string(id) +
             (run_entry.ok() ? "'s verification has no leaf in the log"
                             : " has a verification leaf but no stored verification");
    }
    if (run_entry.ok() && *run_entry != (*leaves)[run->second].entry) {
      return "log leaf " + std::to_string(run->second) + ": snapshot " + std::to_string(id) +
             "'s stored verification no longer gives its leaf (verdicts changed)";
    }
  }
  if (snapshot_leaf.size() != snapshot_ids->size()) {
    return std::string("the log has leaves for snapshots that are not stored");
  }
  return std::string();
}

Status BuildLogFromExistingRows(SqliteDb* db) {
  auto ids = db->Prepare(
      "SELECT s.id, v.snapshot_id IS NOT NULL FROM snapshots s LEFT JOIN verifications v ON "
      "v.snapshot_id = s.id ORDER BY s.id");
  if (!ids.ok()) return ids.status();
  auto rows =
      ids->Rows([](const SqliteStatement& r) { return std::make_pair(r.Int(0), r.Int(1) != 0); });
  if (!rows.ok()) return rows.status();
  for (const auto& [id, verified] : *rows) {
    if (Status s = AppendSnapshotLeaf(db, id); !s.ok()) return s;
    if (verified) {
      if (Status s = AppendVerificationLeaf(db, id); !s.ok()) return s;
    }
  }
  return Status::Ok();
}

}  // namespace receipts
