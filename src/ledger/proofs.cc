#include "ledger/proofs.h"

#include <simdjson.h>

#include <cstdint>
#include <initializer_list>
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

namespace {

// What every claim proof of one snapshot shares: its claims tree, the log, the checkpoint chosen
// and the verdicts tree; built once, so proving every claim of a list costs one read.
struct SnapshotProofs {
  std::vector<std::string> entries, keys;
  MerkleTree claims{{}};
  LogState log;
  std::int64_t snapshot_leaf = -1, run_leaf = -1;
  std::vector<std::string> verdicts;  // empty when no run is proved
  MerkleTree verdict_tree{{}};
  std::string note;
  std::uint64_t size = 0;
  std::string consistency;  // the member's JSON, or ""
};

Result<SnapshotProofs> OpenSnapshotProofs(Ledger* ledger, std::int64_t snapshot_id,
                                          const SigningKey* sign_key,
                                          const std::optional<std::string>& from_checkpoint) {
  SqliteDb* db = ledger->db();
  SnapshotProofs p;
  if (Status s = ReadClaimEntries(db, snapshot_id, &p.entries, &p.keys); !s.ok()) return s;
  p.claims = MerkleTree(LeafHashes(p.entries));
  auto log = ReadLog(db);
  if (!log.ok()) return log.status();
  p.log = std::move(*log);
  for (const LogLeaf& leaf : p.log.leaves) {
    if (leaf.snapshot_id != snapshot_id) continue;
    if (leaf.kind == "snapshot" && p.snapshot_leaf < 0) p.snapshot_leaf = leaf.index;
    if (leaf.kind == "verification") p.run_leaf = leaf.index;
  }
  if (p.snapshot_leaf < 0) {
    return Status::Corruption(db->path() + ": snapshot " + std::to_string(snapshot_id) +
                              " has no leaf in the log (run 'receipts check')");
  }
  // The verdicts, when the snapshot's latest run is the one stored.
  std::uint64_t need = static_cast<std::uint64_t>(p.snapshot_leaf) + 1;
  if (p.run_leaf >= 0) {
    auto run_entry = RecomputeVerificationEntry(db, snapshot_id, p.snapshot_leaf);
    if (run_entry.ok() && *run_entry == p.log.leaves[p.run_leaf].entry) {
      auto verdicts = ReadVerdictEntries(db, snapshot_id);
      if (!verdicts.ok()) return verdicts.status();
      p.verdicts = std::move(*verdicts);
      need = static_cast<std::uint64_t>(p.run_leaf) + 1;
    }
  }
  auto chosen = ChooseCheckpoint(db, p.log, need, sign_key);
  if (!chosen.ok()) return chosen.status();
  p.note = chosen->first;
  p.size = chosen->second;
  if (p.size < need) p.verdicts.clear();  // the checkpoint predates the run: the claim alone
  p.verdict_tree = MerkleTree(LeafHashes(p.verdicts));
  if (from_checkpoint) {
    auto section = ConsistencySection(p.log, *from_checkpoint, p.size);
    if (!section.ok()) return section.status();
    p.consistency = std::move(*section);
  }
  return p;
}

std::string ProofOf(const SnapshotProofs& p, std::size_t i) {
  std::string out = "{\"format\":\"" + std::string(kFormat) + "\",\"type\":\"claim\"";
  out += ",\"claim_key\":" + JsonString(p.keys[i]);
  out +=
      ",\"claim\":" + JsonInclusion(i, p.claims.size(), p.entries[i], p.claims.InclusionProof(i));
  out +=
      ",\"snapshot\":" + JsonInclusion(p.snapshot_leaf, p.size, p.log.leaves[p.snapshot_leaf].entry,
                                       PrefixPath(p.log, p.size, p.snapshot_leaf));
  if (i < p.verdicts.size()) {
    out += ",\"verdict\":" +
           JsonInclusion(i, p.verdict_tree.size(), p.verdicts[i], p.verdict_tree.InclusionProof(i));
    out += ",\"run\":" + JsonInclusion(p.run_leaf, p.size, p.log.leaves[p.run_leaf].entry,
                                       PrefixPath(p.log, p.size, p.run_leaf));
  }
  if (!p.consistency.empty()) out += ",\"consistency\":" + p.consistency;
  out += ",\"checkpoint\":" + JsonString(p.note) + "}\n";
  return out;
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
  auto proofs = OpenSnapshotProofs(ledger, snapshot_id, options.sign_key, options.from_checkpoint);
  if (!proofs.ok()) return proofs.status();
  for (std::size_t i = 0; i < proofs->keys.size(); ++i) {
    if (proofs->keys[i] == options.claim_key) return ProofOf(*proofs, i);
  }
  return Status::NotFound("snapshot " + std::to_string(snapshot_id) + " has no claim '" +
                          options.claim_key + "'");
}

Status ProveSnapshotClaims(
    Ledger* ledger, std::int64_t snapshot_id,
    const std::function<Status(const std::string& claim_key, const std::string& proof)>& take) {
  auto proofs = OpenSnapshotProofs(ledger, snapshot_id, nullptr, std::nullopt);
  if (!proofs.ok()) return proofs.status();
  for (std::size_t i = 0; i < proofs->keys.size(); ++i) {
    if (Status s = take(proofs->keys[i], ProofOf(*proofs, i)); !s.ok()) return s;
  }
  return Status::Ok();
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

// Hashes are written in lower case: an upper-case digit is a changed byte of the file.
bool IsLowerHex(std::string_view text) {
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Result<std::vector<std::string>> HashList(simdjson::dom::element list, const std::string& where) {
  simdjson::dom::array array;
  if (list.get(array) != simdjson::SUCCESS) return Bad(where + ": path is not a list");
  std::vector<std::string> out;
  for (simdjson::dom::element item : array) {
    std::string_view hex;
    std::string bytes;
    if (item.get(hex) != simdjson::SUCCESS || !IsLowerHex(hex) || !FromHex(hex, &bytes) ||
        bytes.size() != 32) {
      return Bad(where + ": a path hash is not 64 hex digits");
    }
    out.push_back(std::move(bytes));
  }
  if (out.size() > 64) return Bad(where + ": a path of more than 64 hashes");
  return out;
}

// Fails on a member of `object` outside `allowed`: a proof says nothing it does not prove, so a
// renamed (flipped) member is a changed file, not one to skip.
Status OnlyMembers(simdjson::dom::element object, std::initializer_list<std::string_view> allowed,
                   const std::string& where) {
  simdjson::dom::object members;
  if (object.get(members) != simdjson::SUCCESS) return Bad(where + " is not an object");
  for (auto [name, value] : members) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == name;
    if (!known) return Bad(where + ": unknown member '" + std::string(name) + "'");
  }
  return Status::Ok();
}

Result<Inclusion> ReadInclusion(simdjson::dom::element doc, const char* name) {
  simdjson::dom::element section;
  if (doc[name].get(section) != simdjson::SUCCESS) return Bad(std::string("no '") + name + "'");
  if (Status s = OnlyMembers(section, {"index", "tree_size", "entry", "path"}, name); !s.ok()) {
    return s;
  }
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

// The checkpoint the file's consistency member starts from, once its signature and its path
// to `proved` are verified.
Result<Checkpoint> CheckConsistencyMember(simdjson::dom::element doc, const Checkpoint& proved,
                                          std::string_view public_key) {
  simdjson::dom::element section;
  std::string_view from;
  simdjson::dom::element path;
  if (doc["consistency"].get(section) != simdjson::SUCCESS ||
      section["from"].get(from) != simdjson::SUCCESS ||
      section["path"].get(path) != simdjson::SUCCESS) {
    return Bad("consistency lacks from or path");
  }
  auto old = OpenCheckpoint(from, public_key);
  if (!old.ok()) return Bad("consistency.from: " + old.status().message());
  if (old->origin != proved.origin) return Bad("consistency.from is of another log");
  auto hashes = HashList(path, "consistency");
  if (!hashes.ok()) return hashes.status();
  if (!VerifyConsistency(old->size, proved.size, old->root, proved.root, *hashes)) {
    return Bad(
        "the log does not extend the checkpoint in consistency.from (a deleted tail or a "
        "rewritten past)");
  }
  return *old;
}

// Ok when `proved` is the checkpoint the reader trusts, or extends it: `extended` (the checkpoint
// the file's consistency member starts from, already verified by CheckConsistencyMember) is it.
Status CheckAgainstTrusted(const Checkpoint& proved, const Checkpoint& trusted,
                           const std::optional<Checkpoint>& extended) {
  if (trusted.origin != proved.origin) return Bad("the trusted checkpoint is of another log");
  if (trusted.size == proved.size) {
    if (trusted.root != proved.root) {
      return Bad(
          "the trusted checkpoint and the proof's have the same size and other roots: "
          "the log was forked");
    }
    return Status::Ok();
  }
  if (!extended) {
    return Bad("the proof is made against a log of " + std::to_string(proved.size) +
               " leaves and says nothing of the trusted checkpoint of " +
               std::to_string(trusted.size) + " (make it with 'receipts prove --from')");
  }
  if (extended->size != trusted.size || extended->root != trusted.root) {
    return Bad("the consistency proof starts from another checkpoint than the trusted one");
  }
  return Status::Ok();
}

// Every member name a proof file has, in the order `prove` writes members.
constexpr std::string_view kMemberOrder[] = {
    "format",      "type", "claim_key", "claim",     "snapshot", "verdict", "run",
    "consistency", "from", "index",     "tree_size", "entry",    "path",    "checkpoint"};

// The file `prove` would write for `value`: members in kMemberOrder, no spaces, strings escaped
// as JsonString escapes them. A file that parses to the same values but is not this, byte for
// byte, has been changed (an escape's hex digit in the other case, a member moved).
bool Recompose(simdjson::dom::element value, std::string* out) {
  switch (value.type()) {
    case simdjson::dom::element_type::STRING: {
      std::string_view text;
      if (value.get(text) != simdjson::SUCCESS) return false;
      *out += JsonString(text);
      return true;
    }
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::INT64: {
      std::uint64_t n = 0;
      if (value.get(n) != simdjson::SUCCESS) return false;
      *out += std::to_string(n);
      return true;
    }
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array items;
      if (value.get(items) != simdjson::SUCCESS) return false;
      *out += '[';
      bool first = true;
      for (simdjson::dom::element item : items) {
        if (!first) *out += ',';
        first = false;
        if (!Recompose(item, out)) return false;
      }
      *out += ']';
      return true;
    }
    case simdjson::dom::element_type::OBJECT: {
      *out += '{';
      bool first = true;
      for (std::string_view name : kMemberOrder) {
        simdjson::dom::element member;
        if (value[name].get(member) != simdjson::SUCCESS) continue;
        if (!first) *out += ',';
        first = false;
        *out += "\"" + std::string(name) + "\":";
        if (!Recompose(member, out)) return false;
      }
      *out += '}';
      return true;
    }
    default:
      return false;
  }
}

}  // namespace

Result<std::string> VerifyProofFile(std::string_view json, std::string_view public_key,
                                    const std::optional<std::string>& trusted_checkpoint,
                                    const std::optional<std::string>& key_name) {
  if (json.size() > (std::size_t{16} << 20)) return Bad("larger than 16 MiB");
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(json.data(), json.size()).get(doc) != simdjson::SUCCESS) {
    return Bad("not JSON");
  }
  std::string_view format, type, note;
  if (Status s = OnlyMembers(doc,
                             {"format", "type", "claim_key", "claim", "snapshot", "verdict", "run",
                              "consistency", "checkpoint"},
                             "the file");
      !s.ok()) {
    return s;
  }
  simdjson::dom::element consistency;
  if (doc["consistency"].get(consistency) == simdjson::SUCCESS) {
    if (Status s = OnlyMembers(consistency, {"from", "path"}, "consistency"); !s.ok()) return s;
  }
  std::string canonical;
  if (!Recompose(doc, &canonical) || canonical + "\n" != json) {
    return Bad("not byte for byte the form 'receipts prove' writes (a changed byte)");
  }
  if (doc["format"].get(format) != simdjson::SUCCESS || format != kFormat) {
    return Bad(std::string("not a ") + kFormat + " file");
  }
  if (doc["type"].get(type) != simdjson::SUCCESS || (type != "claim" && type != "consistency")) {
    return Bad("type is neither claim nor consistency");
  }
  if (doc["checkpoint"].get(note) != simdjson::SUCCESS) return Bad("no checkpoint");
  auto checkpoint = OpenCheckpoint(note, public_key);
  if (!checkpoint.ok()) return Bad(checkpoint.status().message());
  if (key_name && *key_name != checkpoint->origin) {
    return Bad("the verifier key is named '" + *key_name + "', the log '" + checkpoint->origin +
               "'");
  }
  const std::string signer = "checkpoint of " + checkpoint->origin + ", " +
                             std::to_string(checkpoint->size) + " leaves, signed by key " +
                             ToHex(NoteKeyHash(checkpoint->origin, public_key));
  std::optional<Checkpoint> trusted;
  if (trusted_checkpoint) {
    auto opened = OpenCheckpoint(*trusted_checkpoint, public_key);
    if (!opened.ok()) return Bad("the trusted checkpoint: " + opened.status().message());
    trusted = *opened;
  }

  // A consistency member is checked whenever the file carries one: a member nobody checks could
  // change unnoticed.
  std::optional<Checkpoint> extended;
  simdjson::dom::element unused;
  if (doc["consistency"].get(unused) == simdjson::SUCCESS) {
    auto from = CheckConsistencyMember(doc, *checkpoint, public_key);
    if (!from.ok()) return from.status();
    extended = *from;
  } else if (type == "consistency") {
    return Bad("no consistency section");
  }
  const std::string extends = extended ? "the log of " + std::to_string(checkpoint->size) +
                                             " leaves extends the checkpoint of " +
                                             std::to_string(extended->size) + " leaves\n"
                                       : std::string();
  const std::string extends_trusted =
      trusted ? "extends the trusted checkpoint of " + std::to_string(trusted->size) + " leaves\n"
              : std::string();
  if (trusted) {
    if (Status s = CheckAgainstTrusted(*checkpoint, *trusted, extended); !s.ok()) return s;
  }
  if (type == "consistency") return "ok: " + extends + signer + "\n";

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
  const bool has_verdict = doc["verdict"].get(unused) == simdjson::SUCCESS;
  if (has_verdict != (doc["run"].get(unused) == simdjson::SUCCESS)) {
    return Bad("a verdict without its run, or a run without its verdict");
  }
  if (has_verdict) {
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
  return out + extends + extends_trusted;
}

}  // namespace receipts
