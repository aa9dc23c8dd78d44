#include "ledger/check.h"

#include <vector>

#include "core/sha256.h"
#include "ledger/canonical.h"
#include "ledger/claim_key.h"
#include "ledger/hash_chain.h"
#include "ledger/ledger.h"
#include "ledger/merkle.h"
#include "ledger/signing.h"
#include "ledger/transparency_log.h"
#include "ledger/verification_seal.h"

namespace receipts {
namespace {

// Why a snapshot failed, or "" when it passed.
using Problem = std::string;

// Every snapshot id any table mentions, ascending.
Result<std::vector<std::int64_t>> AllSnapshotIds(SqliteDb* db) {
  auto stmt = db->Prepare(
      "SELECT id FROM snapshots UNION SELECT snapshot_id FROM chain UNION SELECT snapshot_id "
      "FROM claims UNION SELECT snapshot_id FROM pages ORDER BY 1");
  if (!stmt.ok()) return stmt.status();
  return stmt->Rows([&](const SqliteStatement& row) { return row.Int(0); });
}

// Recomputes the pages' digests into `header`, keeping their bytes in `pages`; a problem when a
// stored digest disagrees.
Result<Problem> CheckPages(SqliteDb* db, SnapshotHeader* header, std::vector<RawPage>* pages) {
  auto stmt = db->Prepare(
      "SELECT seq, url_or_path, sha256, bytes FROM pages WHERE snapshot_id = ?1 ORDER BY seq");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, header->id);
  Sha256 raw;
  std::int64_t expected_seq = 1;
  for (;; ++expected_seq) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (stmt->Int(0) != expected_seq) {
      return Problem("page " + std::to_string(expected_seq) + " is missing");
    }
    std::string bytes = stmt->Blob(3);
    std::string sha = Sha256Hex(bytes);
    if (sha != stmt->Text(2)) {
      return Problem("page " + std::to_string(expected_seq) +
                     ": bytes do not match their stored SHA-256");
    }
    raw.Update(bytes);
    header->pages.emplace_back(stmt->Text(1), sha);
    pages->push_back(RawPage{stmt->Text(1), std::move(bytes)});
  }
  if (header->pages.empty()) return Problem("no raw pages");
  if (raw.FinishHex() != header->raw_sha256) {
    return Problem("raw pages do not match the snapshot's raw_sha256");
  }
  return Problem();
}

// Recomputes count, total and digest of the stored claims (kept in `stored`) against the
// snapshot row.
Result<Problem> CheckClaims(SqliteDb* db, const SnapshotHeader& header,
                            std::vector<LedgerClaim>* stored) {
  auto stmt = db->Prepare(std::string("SELECT ") + kClaimColumns +
                          ", raw_json FROM claims WHERE snapshot_id = ?1 ORDER BY seq");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, header.id);
  Sha256 digest;
  std::string bytes;
  std::int64_t count = 0;
  Cents total = 0;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    LedgerClaim claim = ReadLedgerClaim(*stmt, /*with_raw=*/true);
    ++count;
    if (claim.seq != count) return Problem("claim " + std::to_string(count) + " is missing");
    total += claim.claimed_savings.value_or(0);
    bytes.clear();
    AppendCanonicalClaim(&bytes, claim);
    digest.Update(bytes);
    stored->push_back(std::move(claim));
  }
  if (count != header.claim_count) {
    return Problem(std::to_string(count) + " claims stored, the snapshot says " +
                   std::to_string(header.claim_count));
  }
  if (total != header.claimed_total) {
    return Problem("claims total " + FormatDollars(total) + ", the snapshot says " +
                   FormatDollars(header.claimed_total));
  }
  if (digest.FinishHex() != header.claims_sha256) {
    return Problem("stored claims do not match the snapshot's claims_sha256");
  }
  return Problem();
}

// Where `stored` and `read` (the same claim, as stored and as re-read) differ, for people.
std::string FirstDifference(const LedgerClaim& stored, const LedgerClaim& read) {
  auto quote = [](const std::string& a, const std::string& b) {
    return ": stored '" + a + "', the raw pages say '" + b + "'";
  };
  if (stored.key != read.key) return "claim_key" + quote(stored.key, read.key);
  if (stored.kind != read.kind) return "kind" + quote(stored.kind, read.kind);
  std::vector<std::string> a = CanonicalFieldValues(stored), b = CanonicalFieldValues(read);
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return kCanonicalFieldNames[i] + quote(a[i], b[i]);
  }
  if (stored.source_line != read.source_line) {
    return "source_line" +
           quote(std::to_string(stored.source_line), std::to_string(read.source_line));
  }
  return "raw_json differs";
}

// Re-reads the raw pages into claims, as ingest built them, and compares them with `stored`.
Result<Problem> CheckPagesReadAsClaims(const PageClaimsReader& read_pages,
                                       const std::vector<RawPage>& pages, const std::string& kind,
                                       const std::vector<LedgerClaim>& stored) {
  auto claims = read_pages(pages, kind);
  if (!claims.ok()) {
    return Problem("raw pages no longer read as claims: " + claims.status().message());
  }
  std::vector<std::string> keys = AssignClaimKeys(*claims);
  std::string a, b;
  for (std::size_t i = 0; i < claims->size() && i < stored.size(); ++i) {
    LedgerClaim read =
        ToLedgerClaim((*claims)[i], std::move(keys[i]), static_cast<std::int64_t>(i + 1));
    a.clear();
    b.clear();
    AppendCanonicalClaim(&a, stored[i]);
    AppendCanonicalClaim(&b, read);
    if (a != b) {
      return Problem("claim " + std::to_string(i + 1) + " (" + stored[i].key +
                     ") is not what the raw pages say: " + FirstDifference(stored[i], read));
    }
  }
  if (claims->size() != stored.size()) {
    return Problem("the raw pages hold " + std::to_string(claims->size()) + " claims, " +
                   std::to_string(stored.size()) + " are stored");
  }
  return Problem();
}

// Recomputes every verification's seal against the recomputed `heads` (heads[i]: snapshot i+1).
Result<std::pair<std::int64_t, Problem>> CheckVerifications(SqliteDb* db,
                                                            const std::vector<std::string>& heads,
                                                            std::int64_t* sealed) {
  auto orphans = db->Prepare(
      "SELECT DISTINCT snapshot_id FROM verdicts WHERE snapshot_id NOT IN (SELECT snapshot_id "
      "FROM verifications) ORDER BY 1");
  if (!orphans.ok()) return orphans.status();
  auto row = orphans->Step();
  if (!row.ok()) return row.status();
  if (*row) {
    return std::make_pair(orphans->Int(0), Problem("verdicts stored without their verification"));
  }
  auto stmt = db->Prepare("SELECT snapshot_id, sha256 FROM verifications ORDER BY snapshot_id");
  if (!stmt.ok()) return stmt.status();
  for (;;) {
    row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::int64_t id = stmt->Int(0);
    if (id < 1 || id > static_cast<std::int64_t>(heads.size())) {
      return std::make_pair(id, Problem("verification of a snapshot that does not exist"));
    }
    if (stmt->IsNull(1)) return std::make_pair(id, Problem("verification is not sealed"));
    auto bytes = CanonicalVerification(db, id, heads[static_cast<std::size_t>(id - 1)]);
    if (!bytes.ok()) return bytes.status();
    if (Sha256Hex(*bytes) != stmt->Text(1)) {
      return std::make_pair(id, Problem("stored verdicts or verification run do not match the "
                                        "verification's seal"));
    }
    ++*sealed;
  }
  return std::make_pair(std::int64_t{0}, Problem());
}

}  // namespace

Result<CheckReport> CheckLedger(SqliteDb* db, const std::optional<std::string>& public_key) {
  CheckOptions options;
  options.public_key = public_key;
  return CheckLedger(db, options);
}

Result<CheckReport> CheckLedger(SqliteDb* db, const CheckOptions& options) {
  const std::optional<std::string>& public_key = options.public_key;
  CheckReport report;
  report.head = kGenesisHead;
  auto fail = [&report](std::int64_t id, std::string problem) -> Result<CheckReport> {
    report.intact = false;
    report.first_bad_snapshot = id;
    report.problem = std::move(problem);
    return report;
  };
  {
    auto quick = db->Prepare("PRAGMA quick_check");
    if (!quick.ok()) return quick.status();
    auto row = quick->Step();
    if (!row.ok()) return row.status();
    if (*row && quick->Text(0) != "ok") return fail(0, "database file damaged: " + quick->Text(0));
  }
  auto ids = AllSnapshotIds(db);
  if (!ids.ok()) return ids.status();

  auto snapshot = db->Prepare(std::string("SELECT ") + kSnapshotMetaColumns +
                              ", claims_parser FROM snapshots WHERE id = ?1");
  if (!snapshot.ok()) return snapshot.status();
  auto chain = db->Prepare(
      "SELECT prev_head, head, signature, public_key FROM chain WHERE snapshot_id = ?1");
  if (!chain.ok()) return chain.status();

  std::string prev = kGenesisHead;
  std::vector<std::string> heads;
  std::int64_t expected = 1;
  for (std::int64_t id : *ids) {
    if (id != expected) {
      return id > expected
                 ? fail(expected, "snapshot is missing (the next id is " + std::to_string(id) + ")")
                 : fail(id, "unexpected snapshot id");
    }
    ++expected;
    snapshot->Reset();
    snapshot->Bind(1, id);
    auto row = snapshot->Step();
    if (!row.ok()) return row.status();
    if (!*row) return fail(id, "snapshot row is missing");
    SnapshotHeader header;
    static_cast<SnapshotMeta&>(header) = ReadSnapshotMeta(*snapshot);
    const std::int64_t claims_parser = snapshot->Int(9);

    std::vector<RawPage> raw_pages;
    auto pages = CheckPages(db, &header, &raw_pages);
    if (!pages.ok()) return pages.status();
    if (!pages->empty()) return fail(id, *pages);
    std::vector<LedgerClaim> stored;
    auto claims = CheckClaims(db, header, &stored);
    if (!claims.ok()) return claims.status();
    if (!claims->empty()) return fail(id, *claims);

    chain->Reset();
    chain->Bind(1, id);
    row = chain->Step();
    if (!row.ok()) return row.status();
    if (!*row) return fail(id, "chain row is missing");
    std::string head = HeadHash(prev, header);
    if (chain->Text(0) != prev) return fail(id, "chain: prev_head is not the previous head");
    if (chain->Text(1) != head) {
      return fail(id, "chain: stored head does not match the snapshot's content");
    }
    bool has_signature = !chain->IsNull(2), has_key = !chain->IsNull(3);
    if (has_signature != has_key) return fail(id, "chain: signature without its key");
    if (has_signature) {
      std::string stored_key;
      if (!FromHex(chain->Text(3), &stored_key)) return fail(id, "chain: bad public key");
      if (public_key && stored_key != *public_key) {
        return fail(id, "head signed with another key (" + chain->Text(3) + ")");
      }
      if (!VerifyHeadSignature(stored_key, head, chain->Text(2))) {
        return fail(id, "head signature does not verify");
      }
      ++report.signed_heads;
      report.last_signed = id;
    } else if (public_key) {
      // A stripped signature leaves a consistent chain; only its absence gives it away.
      return fail(id, "head is not signed (--pubkey requires every head signed by " +
                          ToHex(*public_key) + ")");
    }
    // Last, as it is the slowest: a claim rewritten with every digest and head recomputed after
    // it (and its signature stripped) disagrees only with its raw page.
    if (options.read_pages) {
      auto reread = CheckPagesReadAsClaims(options.read_pages, raw_pages, header.kind, stored);
      if (!reread.ok()) return reread.status();
      if (!reread->empty() && claims_parser >= kClaimsParserVersion) return fail(id, *reread);
      if (!reread->empty()) report.read_by_older_parser.push_back(id);
    }
    if (options.expect_head && head == *options.expect_head) report.expected_head_at = id;
    prev = head;
    heads.push_back(head);
    ++report.snapshots;
  }
  report.head = prev;
  auto verifications = CheckVerifications(db, heads, &report.verifications);
  if (!verifications.ok()) return verifications.status();
  if (!verifications->second.empty()) {
    return fail(verifications->first, verifications->second);
  }
  if (options.expect_head && report.expected_head_at == 0 && *options.expect_head != kGenesisHead) {
    return fail(0, "the expected head " + *options.expect_head +
                       " is not in the chain (a deleted tail or a rewritten past); the chain's "
                       "head is " +
                       prev + " after " + std::to_string(report.snapshots) + " snapshots");
  }
  // The transparency log: every leaf recomputed from the rows, then the tree.
  auto log_problem = CheckLog(db);
  if (!log_problem.ok()) return log_problem.status();
  if (!log_problem->empty()) return fail(0, "transparency log: " + *log_problem);
  auto now = CurrentCheckpoint(db);
  if (!now.ok()) return now.status();
  report.log = *now;
  if (options.checkpoint) {
    const Checkpoint& old = *options.checkpoint;
    if (old.origin != now->origin) {
      return fail(0, "the checkpoint is of the log '" + old.origin + "', this ledger's is '" +
                         now->origin + "'");
    }
    if (old.size > now->size) {
      return fail(0, "the log holds " + std::to_string(now->size) + " leaves, the checkpoint " +
                         std::to_string(old.size) +
                         ": its tail was deleted since the checkpoint was made");
    }
    auto leaves = ReadLogLeaves(db);
    if (!leaves.ok()) return leaves.status();
    std::vector<std::string> hashes;
    for (LogLeaf& leaf : *leaves) hashes.push_back(std::move(leaf.leaf_hash));
    if (MerkleTree(std::move(hashes)).RootOf(old.size) != old.root) {
      return fail(0, "the first " + std::to_string(old.size) +
                         " leaves of the log do not give the checkpoint's root: the past was "
                         "rewritten since the checkpoint was made");
    }
    report.extends_checkpoint = true;
  }
  return report;
}

}  // namespace receipts
