#include "ledger/verdict_reads.h"

namespace receipts {
namespace {

// Reads rows (key, verdict, award_key, verified_savings_cents, reason) into a map by key.
Result<std::map<std::int64_t, ClaimVerdict>> ReadVerdictRows(SqliteStatement* stmt) {
  std::map<std::int64_t, ClaimVerdict> out;
  Status s = stmt->ForEachRow([&out](const SqliteStatement& row) {
    out[row.Int(0)] = ClaimVerdict{row.Text(1), row.Text(2), row.OptionalInt(3), row.Text(4)};
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace

Result<std::optional<std::string>> VerificationTime(Ledger* ledger, std::int64_t snapshot_id) {
  auto stmt = ledger->db()->Prepare("SELECT ran_at FROM verifications WHERE snapshot_id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, snapshot_id);
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(stmt->Text(0));
}

Result<std::map<std::int64_t, ClaimVerdict>> VerdictsOfSnapshot(Ledger* ledger,
                                                                std::int64_t snapshot_id) {
  auto stmt = ledger->db()->Prepare(
      "SELECT seq, verdict, award_key, verified_savings_cents, reason FROM verdicts "
      "WHERE snapshot_id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, snapshot_id);
  return ReadVerdictRows(&*stmt);
}

Result<std::map<std::int64_t, ClaimVerdict>> VerdictsOfClaim(Ledger* ledger,
                                                             const std::string& claim_key) {
  auto stmt = ledger->db()->Prepare(
      "SELECT v.snapshot_id, v.verdict, v.award_key, v.verified_savings_cents, v.reason "
      "FROM verdicts v JOIN claims c ON c.snapshot_id = v.snapshot_id AND c.seq = v.seq "
      "WHERE c.claim_key = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, claim_key);
  return ReadVerdictRows(&*stmt);
}

Result<std::vector<std::int64_t>> VerifiedSnapshotIds(SqliteDb* db) {
  auto stmt = db->Prepare("SELECT snapshot_id FROM verifications ORDER BY snapshot_id");
  if (!stmt.ok()) return stmt.status();
  return stmt->Rows([&](const SqliteStatement& row) { return row.Int(0); });
}

Result<bool> VerifiedWithRecordDigests(Ledger* ledger, std::int64_t snapshot_id,
                                       const std::vector<std::string>& sha256s) {
  auto stmt =
      ledger->db()->Prepare("SELECT record_files FROM verifications WHERE snapshot_id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, snapshot_id);
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return false;
  // record_files is the JSON StoreVerdicts writes: [{"path":…,"sha256":"<64 hex>"},…]. A digest
  // is hex, so finding it quoted cannot match inside a path.
  std::string stored = stmt->Text(0);
  std::size_t stored_count = 0;
  for (std::size_t at = stored.find("\"sha256\""); at != std::string::npos;
       at = stored.find("\"sha256\"", at + 1)) {
    ++stored_count;
  }
  if (stored_count != sha256s.size()) return false;
  for (const std::string& sha : sha256s) {
    if (stored.find("\"" + sha + "\"") == std::string::npos) return false;
  }
  return true;
}

Result<std::string> LedgerContentVersion(Ledger* ledger) {
  auto stmt = ledger->db()->Prepare(
      "SELECT (SELECT count(*) FROM snapshots), "
      "(SELECT head FROM chain ORDER BY snapshot_id DESC LIMIT 1), "
      "(SELECT group_concat(snapshot_id || '@' || ran_at, ',') FROM verifications), "
      "(SELECT count(*) FROM verdicts), (SELECT count(*) FROM checkpoints)");
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::string();
  return stmt->Text(0) + ":" + stmt->Text(1) + ":" + stmt->Text(2) + ":" + stmt->Text(3) + ":" +
         stmt->Text(4);
}

}  // namespace receipts
