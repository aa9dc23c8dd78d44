#include "ledger/proofs.h"

#include <simdjson.h>

#include <cstdint>
#include <vector>

#include "core/hex.h"
#include "core/json_writer.h"
#include "core/text.h"
#include "ledger/canonical.h"
#include "ledger/checkpoint.h"
#include "ledger/merkle.h"
#include "ledger/transparency_log.h"

namespace receipts {
namespace {

constexpr const char kFormat[] = "receipts-proof-v1";

std::string JsonHashes(const std::vector<std::string>& hashes) {
  std::string out = "[";
  for (std::size_t i = 0; i < hashes.size(); ++i) {
    if (i > 0) out += ",";
    out += "\"" + ToHex(hashes[i]) + "\"";
  }
  return out + "]";
}

// {"index":…,"tree_size":…,"entry":"<base64>","path":[…]}
std::string JsonInclusion(std::uint64_t index, std::uint64_t tree_size, const std::string& entry,
                          const std::vector<std::string>& path) {
  return "{\"index\":" + std::to_string(index) + ",\"tree_size\":" + std::to_string(tree_size) +
         ",\"entry\":\"" + ToBase64(entry) + "\",\"path\":" + JsonHashes(path) + "}";
}

std::vector<std::string> LeafHashes(const std::vector<std::string>& entries) {
  std::vector<std::string> out;
  out.reserve(entries.size());
  for (const std::string& e : entries) out.push_back(MerkleLeafHash(e));
  return out;
}

struct LogState {
  std::vector<LogLeaf> leaves;
  MerkleTree tree{{}};
  std::string origin;
};

Result<LogState> ReadLog(SqliteDb* db) {
  LogState state;
  auto leaves = ReadLogLeaves(db);
  if (!leaves.ok()) return leaves.status();
  state.leaves = std::move(*leaves);
  std::vector<std::string> hashes;
  for (const LogLeaf& leaf : state.leaves) hashes.push_back(leaf.leaf_hash);
  state.tree = MerkleTree(std::move(hashes));
  auto origin = LogOrigin(db);
  if (!origin.ok()) return origin.status();
  state.origin = *origin;
  return state;
}

// The checkpoint a proof is made against: freshly signed, or the latest stored signed one of
// at least `min_size` leaves (checked against the log), or the log now, unsigned.
Result<std::pair<std::string, std::uint64_t>> ChooseCheckpoint(SqliteDb* db, const LogState& log,
                                                               std::uint64_t min_size,
                                                               const SigningKey* key) {
  const Checkpoint now{log.origin, log.tree.size(), log.tree.root()};
  if (key != nullptr)
    return std::make_pair(SignNote(CheckpointBody(now), now.origin, *key), now.size);
  auto stored = db->Prepare(
      "SELECT note FROM checkpoints WHERE size >= ?1 ORDER BY size DESC, rowid DESC LIMIT 1");
  if (!stored.ok()) return stored.status();
  stored->Bind(1, static_cast<std::int64_t>(min_size));
  auto row = stored->Step();
  if (!row.ok()) return row.status();
  if (*row) {
    const std::string note = stored->Text(0);
    auto parsed = ParseSignedNote(note);
    if (!parsed.ok()) return parsed.status();
    auto body = ParseCheckpointBody(parsed->body);
    if (!body.ok()) return body.status();
    if (body->size > now.size || log.tree.RootOf(body->size) != body->root) {
      return Status::Corruption(db->path() + ": the stored checkpoint of " +
                                std::to_string(body->size) +
                                " leaves is not a prefix of the log (run 'receipts check')");
    }
    return std::make_pair(note, body->size);
  }
  return std::make_pair(CheckpointBody(now), now.size);
}

// The tree of the log's first `size` leaves.
MerkleTree PrefixTree(const LogState& log, std::uint64_t size) {
  std::vector<std::string> hashes;
  for (std::uint64_t i = 0; i < size; ++i) hashes.push_back(log.leaves[i].leaf_hash);
  return MerkleTree(std::move(hashes));
}

// A consistency section from `old_note` to the tree of `size` leaves.
Result<std::string> ConsistencySection(const LogState& log, const std::string& old_note,
                                       std::uint64_t size) {
  auto parsed = ParseSignedNote(old_note);
  if (!parsed.ok()) return parsed.status();
  auto old = ParseCheckpointBody(parsed->body);
  if (!old.ok()) return old.status();
  if (old->origin != log.origin) {
    return Status::InvalidInput("the checkpoint is of the log '" + old->origin + "', not '" +
                                log.origin + "'");
  }
  if (old->size == 0 || old->size > size || log.tree.RootOf(old->size) != old->root) {
    return Status::Corruption("this log does not extend the checkpoint of " +
                              std::to_string(old->size) +
                              " leaves (a deleted tail or a rewritten past)");
  }
  const std::vector<std::string> path = PrefixTree(log, size).ConsistencyProof(old->size);
  return "{\"from\":" + JsonString(old_note) + ",\"path\":" + JsonHashes(path) + "}";
}

std::vector<std::string> PrefixPath(const LogState& log, std::uint64_t size, std::uint64_t index) {
  return PrefixTree(log, size).InclusionProof(index);
}

}  // namespace

Result<std::string> ProveClaim(Ledger* ledger, const ClaimProofOptions& options) {
  SqliteDb* db = ledger->db();
  std::int64_t snapshot_id = 0;
  if (options.snapshot.empty()) {
    auto stmt = db->Prepare("SELECT max(snapshot_id) FROM claims WHERE claim_key = ?1");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, options.claim_key);
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row || stmt->IsNull(0)) {
      return Status::NotFound("no snapshot holds the claim key '" + options.claim_key +
                              "' ('receipts history' finds a claim's key from its PIID)");
    }
    snapshot_id = stmt->Int(0);
  } else {
    auto found = ledger->FindSnapshot(options.snapshot);
    if (!found.ok()) return found.status();
    snapshot_id = found->id;
  }
  std::vector<std::string> entries, keys;
  if (Status s = ReadClaimEntries(db, snapshot_id, &entries, &keys); !s.ok()) return s;
  std::uint64_t claim_index = entries.size();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == options.claim_key) {
      claim_index = i;
      break;
    }
  }
  if (claim_index == entries.size()) {
    return Status::NotFound("snapshot " + std::to_string(snapshot_id) + " has no claim '" +
                            options.claim_key + "'");
  }
  const MerkleTree claims(LeafHashes(entries));

  auto log = ReadLog(db);
  if (!log.ok()) return log.status();
  std::int64_t snapshot_leaf = -1, run_leaf = -1;
  for (const LogLeaf& leaf : log->leaves) {
    if (leaf.snapshot_id != snapshot_id) continue;
    if (leaf.kind == "snapshot" && snapshot_leaf < 0) snapshot_leaf = leaf.index;
    if (leaf.kind == "verification") run_leaf = leaf.index;
  }
  if (snapshot_leaf < 0) {
    return Status::Corruption(db->path() + ": snapshot " + std::to_string(snapshot_id) +
                              " has no leaf in the log (run 'receipts check')");
  }
  // The verdict, when the snapshot's latest run is the one stored.
  std::string verdict;
  std::uint64_t need = static_cast<std::uint64_t>(snapshot_leaf) + 1;
  if (run_leaf >= 0) {
    auto run_entry = RecomputeVerificationEntry(db, snapshot_id, snapshot_leaf);
    if (run_entry.ok() && *run_entry == log->leaves[run_leaf].entry) {
      auto verdicts = ReadVerdictEntries(db, snapshot_id);
      if (!verdicts.ok()) return verdicts.status();
      if (claim_index < verdicts->size()) {
        const MerkleTree tree(LeafHashes(*verdicts));
        verdict = JsonInclusion(claim_index, tree.size(), (*verdicts)[claim_index],
                                tree.InclusionProof(claim_index));
        need = static_cast<std::uint64_t>(run_leaf) + 1;
      }
    }
  }
  auto chosen = ChooseCheckpoint(db, *log, need, options.sign_key);
  if (!chosen.ok()) return chosen.status();
  const auto& [note, size] = *chosen;
  if (size < need) verdict.clear();  // the stored checkpoint predates the run: claim alone

  std::string out = "{\"format\":\"" + std::string(kFormat) + "\",\"type\":\"claim\"";
  out += ",\"claim_key\":" + JsonString(options.claim_key);
  out += ",\"snapshot_id\":" + std::to_string(snapshot_id);
  out += ",\"claim\":" + JsonInclusion(claim_index, claims.size(), entries[claim_index],
                                       claims.InclusionProof(claim_index));
  out += ",\"snapshot\":" + JsonInclusion(snapshot_leaf, size, log->leaves[snapshot_leaf].entry,
                                          PrefixPath(*log, size, snapshot_leaf));
  if (!verdict.empty()) {
    out += ",\"verdict\":" + verdict;
    out += ",\"run\":" + JsonInclusion(run_leaf, size, log->leaves[run_leaf].entry,
                                       PrefixPath(*log, size, run_leaf));
  }
  if (options.from_checkpoint) {
    auto section = ConsistencySection(*log, *options.from_checkpoint, size);
    if (!section.ok()) return section.status();
    out += ",\"consistency\":" + *section;
  }
  out += ",\"checkpoint\":" + JsonString(note) + "}\n";
  return out;
}

Result<std::string> ProveConsistency(Ledger* ledger, const std::string& old_checkpoint,
                                     const SigningKey* sign_key) {
  auto log = ReadLog(ledger->db());
  if (!log.ok()) return log.status();
  auto chosen = ChooseCheckpoint(ledger->db(), *log, 0, sign_key);
  if (!chosen.ok()) return chosen.status();
  auto section = ConsistencySection(*log, old_checkpoint, chosen->second);
  if (!section.ok()) return section.status();
  return "{\"format\":\"" + std::string(kFormat) +
         "\",\"type\":\"consistency\",\"consistency\":" + *section +
         ",\"checkpoint\":" + JsonString(chosen->first) + "}\n";
}

namespace {

Status Bad(const std::string& what) { return Status::Corruption("proof rejected: " + what); }

struct Inclusion {
  std::uint64_t index = 0;
  std::uint64_t tree_size = 0;
  std::string entry;
  std::vector<std::string> path;
};

Result<std::vector<std::string>> HashList(simdjson::dom::element list, const std::string& where) {
  simdjson::dom::array array;
  if (list.get(array) != simdjson::SUCCESS) return Bad(where + ": path is not a list");
  std::vector<std::string> out;
  for (simdjson::dom::element item : array) {
    std::string_view hex;
    std::string bytes;
    if (item.get(hex) != simdjson::SUCCESS || !FromHex(hex, &bytes) || bytes.size() != 32) {
      return Bad(where + ": a path hash is not 64 hex digits");
    }
    out.push_back(std::move(bytes));
  }
  if (out.size() > 64) return Bad(where + ": a path of more than 64 hashes");
  return out;
}

Result<Inclusion> ReadInclusion(simdjson::dom::element doc, const char* name) {
  simdjson::dom::element section;
  if (doc[name].get(section) != simdjson::SUCCESS) return Bad(std::string("no '") + name + "'");
  Inclusion out;
  std::string_view entry;
  simdjson::dom::element path;
  if (section["index"].get(out.index) != simdjson::SUCCESS ||
      section["tree_size"].get(out.tree_size) != simdjson::SUCCESS ||
      section["entry"].get(entry) != simdjson::SUCCESS ||
      section["path"].get(path) != simdjson::SUCCESS) {
    return Bad(std::string("'") + name + "' lacks index, tree_size, entry or path");
  }
  if (!FromBase64(entry, &out.entry)) return Bad(std::string(name) + ".entry is not base64");
  auto hashes = HashList(path, name);
  if (!hashes.ok()) return hashes.status();
  out.path = std::move(*hashes);
  return out;
}

// The claim's fields, for people: "piid 9531CB25P0014, agency_id 9531, …".
std::string DescribeClaim(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < kCanonicalFieldCount && 3 + i < fields.size(); ++i) {
    if (fields[3 + i].empty()) continue;
    if (!out.empty()) out += "; ";
    out += std::string(kCanonicalFieldNames[i]) + " " + fields[3 + i];
  }
  return out;
}

// The checkpoint `note` when the proof's consistency section shows it extends `trusted`.
Status CheckAgainstTrusted(simdjson::dom::element doc, const Checkpoint& proved,
                           const Checkpoint& trusted, std::string_view public_key) {
  if (trusted.origin != proved.origin) return Bad("the trusted checkpoint is of another log");
  if (trusted.size == proved.size) {
    if (trusted.root != proved.root) {
      return Bad(
          "the trusted checkpoint and the proof's have the same size and other roots: "
          "the log was forked");
    }
    return Status::Ok();
  }
  simdjson::dom::element section;
  if (doc["consistency"].get(section) != simdjson::SUCCESS) {
    return Bad("the proof is made against a log of " + std::to_string(proved.size) +
               " leaves and says nothing of the trusted checkpoint of " +
               std::to_string(trusted.size) + " (make it with 'receipts prove --from')");
  }
  std::string_view from;
  simdjson::dom::element path;
  if (section["from"].get(from) != simdjson::SUCCESS ||
      section["path"].get(path) != simdjson::SUCCESS) {
    return Bad("consistency lacks from or path");
  }
  auto old = OpenCheckpoint(from, public_key);
  if (!old.ok()) return Bad("consistency.from: " + old.status().message());
  if (old->size != trusted.size || old->root != trusted.root) {
    return Bad("the consistency proof starts from another checkpoint than the trusted one");
  }
  auto hashes = HashList(path, "consistency");
  if (!hashes.ok()) return hashes.status();
  if (!VerifyConsistency(trusted.size, proved.size, trusted.root, proved.root, *hashes)) {
    return Bad("the log of the proof does not extend the trusted checkpoint (a rewritten past)");
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> VerifyProofFile(std::string_view json, std::string_view public_key,
                                    const std::optional<std::string>& trusted_checkpoint) {
  if (json.size() > (std::size_t{16} << 20)) return Bad("larger than 16 MiB");
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(json.data(), json.size()).get(doc) != simdjson::SUCCESS) {
    return Bad("not JSON");
  }
  std::string_view format, type, note;
  if (doc["format"].get(format) != simdjson::SUCCESS || format != kFormat) {
    return Bad(std::string("not a ") + kFormat + " file");
  }
  if (doc["type"].get(type) != simdjson::SUCCESS || (type != "claim" && type != "consistency")) {
    return Bad("type is neither claim nor consistency");
  }
  if (doc["checkpoint"].get(note) != simdjson::SUCCESS) return Bad("no checkpoint");
  auto checkpoint = OpenCheckpoint(note, public_key);
  if (!checkpoint.ok()) return Bad(checkpoint.status().message());
  const std::string signer = "checkpoint of " + checkpoint->origin + ", " +
                             std::to_string(checkpoint->size) + " leaves, signed by key " +
                             ToHex(NoteKeyHash(checkpoint->origin, public_key));
  std::optional<Checkpoint> trusted;
  if (trusted_checkpoint) {
    auto opened = OpenCheckpoint(*trusted_checkpoint, public_key);
    if (!opened.ok()) return Bad("the trusted checkpoint: " + opened.status().message());
    trusted = *opened;
  }

  if (type == "consistency") {
    simdjson::dom::element section;
    std::string_view from;
    simdjson::dom::element path;
    if (doc["consistency"].get(section) != simdjson::SUCCESS ||
        section["from"].get(from) != simdjson::SUCCESS ||
        section["path"].get(path) != simdjson::SUCCESS) {
      return Bad("no consistency section");
    }
    auto old = OpenCheckpoint(from, public_key);
    if (!old.ok()) return Bad("consistency.from: " + old.status().message());
    if (trusted) {
      if (Status s = CheckAgainstTrusted(doc, *checkpoint, *trusted, public_key); !s.ok()) return s;
    } else {
      auto hashes = HashList(path, "consistency");
      if (!hashes.ok()) return hashes.status();
      if (!VerifyConsistency(old->size, checkpoint->size, old->root, checkpoint->root, *hashes)) {
        return Bad(
            "the log does not extend the older checkpoint (a deleted tail or a rewritten past)");
      }
    }
    return "ok: the log of " + std::to_string(checkpoint->size) +
           " leaves extends the checkpoint of " + std::to_string(old->size) + " leaves\n" + signer +
           "\n";
  }

  auto claim = ReadInclusion(doc, "claim");
  if (!claim.ok()) return claim.status();
  auto snapshot = ReadInclusion(doc, "snapshot");
  if (!snapshot.ok()) return snapshot.status();
  std::string_view claim_key;
  if (doc["claim_key"].get(claim_key) != simdjson::SUCCESS) return Bad("no claim_key");

  // 1. The claim is in its snapshot's claims tree.
  const std::string claims_root =
      RootFromInclusion(claim->index, claim->tree_size, MerkleLeafHash(claim->entry), claim->path);
  if (claims_root.empty()) return Bad("the claim's path does not fit its index and tree size");
  auto claim_fields = SplitNetstrings(claim->entry);
  if (!claim_fields.ok() || claim_fields->size() != 5 + kCanonicalFieldCount) {
    return Bad("the claim entry is not a canonical claim");
  }
  if ((*claim_fields)[1] != claim_key) return Bad("the claim entry is another claim's");
  if ((*claim_fields)[0] != std::to_string(claim->index + 1)) {
    return Bad("the claim entry's seq is not its place in the tree");
  }
  // 2. The snapshot header names that claims root, and the claim count is the tree's size.
  auto header = SplitNetstrings(snapshot->entry);
  if (!header.ok() || header->size() < 9 || (*header)[0] != "receipts-snapshot-v1") {
    return Bad("the snapshot entry is not a snapshot header");
  }
  const std::vector<std::string>& h = *header;
  if (h.back() != ToHex(claims_root)) {
    return Bad(
        "the claim's tree root is not the snapshot's claims root (a claim of another "
        "snapshot, or a changed claim)");
  }
  if (h[h.size() - 3] != std::to_string(claim->tree_size)) {
    return Bad("the claims tree's size is not the snapshot's claim count");
  }
  // 3. The snapshot header is in the log the checkpoint signs.
  if (snapshot->tree_size != checkpoint->size ||
      !VerifyInclusion(snapshot->index, checkpoint->size, MerkleLeafHash(snapshot->entry),
                       snapshot->path, checkpoint->root)) {
    return Bad("the snapshot is not in the log the checkpoint signs");
  }
  std::string out = "ok: claim " + std::string(claim_key) + " is claim " + (*claim_fields)[0] +
                    " of " + std::to_string(claim->tree_size) + " in the " + h[1] +
                    " snapshot as of " + h[2] + " (" + h[3] + ", $" + h[h.size() - 2] +
                    " claimed), leaf " + std::to_string(snapshot->index) + " of the log\n" +
                    signer + "\nclaim: " + DescribeClaim(*claim_fields) + "\n";
  // 4. The verdict, when the proof carries it: in the run's verdicts tree, the run in the log,
  // and the run judging this snapshot.
  simdjson::dom::element unused;
  if (doc["verdict"].get(unused) == simdjson::SUCCESS) {
    auto verdict = ReadInclusion(doc, "verdict");
    if (!verdict.ok()) return verdict.status();
    auto run = ReadInclusion(doc, "run");
    if (!run.ok()) return run.status();
    const std::string verdicts_root = RootFromInclusion(
        verdict->index, verdict->tree_size, MerkleLeafHash(verdict->entry), verdict->path);
    auto v = SplitNetstrings(verdict->entry);
    auto r = SplitNetstrings(run->entry);
    if (verdicts_root.empty() || !v.ok() || v->size() != 5 || !r.ok() || r->size() < 8 ||
        (*r)[0] != "receipts-verification-run-v1") {
      return Bad("the verdict or run entry is malformed");
    }
    if ((*v)[0] != (*claim_fields)[0]) return Bad("the verdict is another claim's");
    if ((*r)[1] != std::to_string(snapshot->index) || (*r)[2] != h.back()) {
      return Bad("the run judged another snapshot");
    }
    if (r->back() != ToHex(verdicts_root) ||
        (*r)[r->size() - 2] != std::to_string(verdict->tree_size)) {
      return Bad("the verdict is not in the run's verdicts tree");
    }
    if (run->tree_size != checkpoint->size ||
        !VerifyInclusion(run->index, checkpoint->size, MerkleLeafHash(run->entry), run->path,
                         checkpoint->root)) {
      return Bad("the verification run is not in the log the checkpoint signs");
    }
    out += "verdict: " + (*v)[1] + ((*v)[2].empty() ? "" : ", award " + (*v)[2]) +
           ((*v)[3].empty() ? "" : ", verified $" + (*v)[3]) + " (records as of " + (*r)[4] +
           ", log leaf " + std::to_string(run->index) + "): " + (*v)[4] + "\n";
  }
  if (trusted) {
    if (Status s = CheckAgainstTrusted(doc, *checkpoint, *trusted, public_key); !s.ok()) return s;
    out += "extends the trusted checkpoint of " + std::to_string(trusted->size) + " leaves\n";
  }
  return out;
}

}  // namespace receipts
