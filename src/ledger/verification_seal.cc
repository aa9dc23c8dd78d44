#include "ledger/verification_seal.h"

#include "core/money.h"
#include "core/sha256.h"
#include "ledger/canonical.h"

namespace receipts {

Result<std::string> CanonicalVerification(SqliteDb* db, std::int64_t snapshot_id,
                                          const std::string& head) {
  auto run = db->Prepare(
      "SELECT ran_at, since, records_as_of, record_files FROM verifications WHERE snapshot_id = "
      "?1");
  if (!run.ok()) return run.status();
  run->Bind(1, snapshot_id);
  auto row = run->Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    return Status::NotFound(db->path() + ": snapshot " + std::to_string(snapshot_id) +
                            " has no verification");
  }
  std::string out;
  AppendNetstring(&out, "receipts-verification-v1");
  AppendNetstring(&out, std::to_string(snapshot_id));
  AppendNetstring(&out, head);
  for (int column = 0; column < 4; ++column) AppendNetstring(&out, run->Text(column));

  auto count = db->Prepare("SELECT count(*) FROM verdicts WHERE snapshot_id = ?1");
  if (!count.ok()) return count.status();
  count->Bind(1, snapshot_id);
  row = count->Step();
  if (!row.ok()) return row.status();
  AppendNetstring(&out, std::to_string(count->Int(0)));

  auto verdicts = db->Prepare(
      "SELECT seq, verdict, award_key, verified_savings_cents, reason FROM verdicts WHERE "
      "snapshot_id = ?1 ORDER BY seq");
  if (!verdicts.ok()) return verdicts.status();
  verdicts->Bind(1, snapshot_id);
  for (;;) {
    row = verdicts->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    AppendNetstring(&out, std::to_string(verdicts->Int(0)));
    AppendNetstring(&out, verdicts->Text(1));
    AppendNetstring(&out, verdicts->Text(2));
    AppendNetstring(&out, FormatDollars(verdicts->OptionalInt(3)));
    AppendNetstring(&out, verdicts->Text(4));
  }
  return out;
}

Status SealVerification(SqliteDb* db, std::int64_t snapshot_id) {
  auto chain = db->Prepare("SELECT head FROM chain WHERE snapshot_id = ?1");
  if (!chain.ok()) return chain.status();
  chain->Bind(1, snapshot_id);
  auto row = chain->Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    return Status::Corruption(db->path() + ": snapshot " + std::to_string(snapshot_id) +
                              " has no chain row; run 'receipts check'");
  }
  auto bytes = CanonicalVerification(db, snapshot_id, chain->Text(0));
  if (!bytes.ok()) return bytes.status();
  auto update = db->Prepare("UPDATE verifications SET sha256 = ?2 WHERE snapshot_id = ?1");
  if (!update.ok()) return update.status();
  update->Bind(1, snapshot_id);
  update->Bind(2, Sha256Hex(*bytes));
  return update->Run();
}

}  // namespace receipts
