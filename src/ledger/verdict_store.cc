#include "ledger/verdict_store.h"

#include "core/as_of.h"
#include "core/json_writer.h"
#include "core/sha256.h"
#include "ledger/transparency_log.h"
#include "ledger/verification_seal.h"

namespace receipts {

Result<std::vector<RecordFileDigest>> DigestRecordFiles(const std::vector<std::string>& paths) {
  std::vector<RecordFileDigest> digests;
  for (const std::string& path : paths) {
    Result<std::string> sha = Sha256File(path);
    if (!sha.ok()) return sha.status();
    digests.push_back({path, *sha});
  }
  return digests;
}

Status StoreVerdicts(Ledger* ledger, std::int64_t snapshot_id, const VerifyRun& run,
                     const std::vector<RecordFileDigest>& record_files) {
  SqliteDb* db = ledger->db();
  std::string files = "[";
  for (std::size_t i = 0; i < record_files.size(); ++i) {
    if (i > 0) files += ',';
    files += "{\"path\":" + JsonString(record_files[i].path) +
             ",\"sha256\":" + JsonString(record_files[i].sha256) + "}";
  }
  files += "]";
  auto txn = SqliteTransaction::Begin(db);
  if (!txn.ok()) return txn.status();
  auto clear = db->Prepare("DELETE FROM verdicts WHERE snapshot_id = ?1");
  if (!clear.ok()) return clear.status();
  clear->Bind(1, snapshot_id);
  if (Status s = clear->Run(); !s.ok()) return s;
  auto run_row = db->Prepare(
      "INSERT OR REPLACE INTO verifications (snapshot_id, ran_at, since, records_as_of, "
      "record_files) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!run_row.ok()) return run_row.status();
  run_row->Bind(1, snapshot_id);
  run_row->Bind(2, NowUtc());
  run_row->Bind(3, run.since.ToIso());
  run_row->Bind(4, run.records_as_of ? run.records_as_of->ToIso() : std::string());
  run_row->Bind(5, files);
  if (Status s = run_row->Run(); !s.ok()) return s;
  auto insert = db->Prepare(
      "INSERT INTO verdicts (snapshot_id, seq, verdict, award_key, verified_savings_cents, "
      "reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!insert.ok()) return insert.status();
  for (std::size_t i = 0; i < run.results.size(); ++i) {
    const ClaimResult& r = run.results[i];
    insert->Bind(1, snapshot_id);
    insert->Bind(2, static_cast<std::int64_t>(i + 1));
    insert->Bind(3, VerdictName(r.verdict));
    insert->Bind(4, r.award_key);
    insert->Bind(5, r.verified_savings);
    insert->Bind(6, r.reason);
    if (Status s = insert->Run(); !s.ok()) return s;
  }
  if (Status s = SealVerification(db, snapshot_id); !s.ok()) return s;
  if (Status s = AppendVerificationLeaf(db, snapshot_id); !s.ok()) return s;
  return (*txn)->Commit();
}

Result<std::map<std::string, std::vector<StoredVerdict>>> VerdictsByClaimKey(Ledger* ledger) {
  auto stmt = ledger->db()->Prepare(
      "SELECT c.claim_key, v.snapshot_id, v.seq, v.verdict, v.verified_savings_cents, v.reason "
      "FROM verdicts v JOIN claims c ON c.snapshot_id = v.snapshot_id AND c.seq = v.seq "
      "ORDER BY v.snapshot_id, v.seq");
  if (!stmt.ok()) return stmt.status();
  std::map<std::string, std::vector<StoredVerdict>> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out[stmt->Text(0)].push_back(
        {stmt->Int(1), stmt->Int(2), stmt->Text(3), stmt->OptionalInt(4), stmt->Text(5)});
  }
  return out;
}

}  // namespace receipts
