#include "ledger/check.h"

#include <vector>

#include "ledger/canonical.h"
#include "ledger/hash_chain.h"
#include "ledger/ledger.h"
#include "ledger/sha256.h"
#include "ledger/signing.h"

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
  std::vector<std::int64_t> ids;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ids.push_back(stmt->Int(0));
  }
  return ids;
}

// Recomputes the pages' digests into `header`; a problem when a stored digest disagrees.
Result<Problem> CheckPages(SqliteDb* db, SnapshotHeader* header) {
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
  }
  if (header->pages.empty()) return Problem("no raw pages");
  if (raw.FinishHex() != header->raw_sha256) {
    return Problem("raw pages do not match the snapshot's raw_sha256");
  }
  return Problem();
}

// Recomputes count, total and digest of the stored claims against the snapshot row.
Result<Problem> CheckClaims(SqliteDb* db, const SnapshotHeader& header) {
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

}  // namespace

Result<CheckReport> CheckLedger(SqliteDb* db, const std::optional<std::string>& public_key) {
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

  auto snapshot = db->Prepare(
      "SELECT kind, source, as_of, ingested_at, raw_sha256, claim_count, claimed_total_cents, "
      "claims_sha256 FROM snapshots WHERE id = ?1");
  if (!snapshot.ok()) return snapshot.status();
  auto chain = db->Prepare(
      "SELECT prev_head, head, signature, public_key FROM chain WHERE snapshot_id = ?1");
  if (!chain.ok()) return chain.status();

  std::string prev = kGenesisHead;
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
    header.id = id;
    header.kind = snapshot->Text(0);
    header.source = snapshot->Text(1);
    header.as_of = snapshot->Text(2);
    header.ingested_at = snapshot->Text(3);
    header.raw_sha256 = snapshot->Text(4);
    header.claim_count = snapshot->Int(5);
    header.claimed_total = snapshot->Int(6);
    header.claims_sha256 = snapshot->Text(7);

    auto pages = CheckPages(db, &header);
    if (!pages.ok()) return pages.status();
    if (!pages->empty()) return fail(id, *pages);
    auto claims = CheckClaims(db, header);
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
    }
    prev = head;
    ++report.snapshots;
  }
  report.head = prev;
  return report;
}

}  // namespace receipts
