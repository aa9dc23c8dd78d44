#include "ledger/history.h"

#include <fmt/format.h>

#include <iterator>
#include <map>

#include "core/ids.h"
#include "core/text.h"
#include "ledger/diff.h"

namespace receipts {
namespace {

Result<std::vector<std::string>> MatchingKeys(SqliteDb* db, std::string_view key_or_id) {
  auto stmt = db->Prepare(
      "SELECT DISTINCT claim_key FROM claims WHERE claim_key = ?1 "
      "OR (claim_key >= ?1 || '#' AND claim_key < ?1 || '$') "
      "OR (?2 != '' AND piid = ?2) OR (?3 != '' AND (award_id = ?3 OR fain = ?3)) "
      // The award a verdict matched: a GSA lease number, or a USAspending award key.
      "OR (?3 != '' AND claim_key IN (SELECT c.claim_key FROM verdicts v JOIN claims c "
      "ON c.snapshot_id = v.snapshot_id AND c.seq = v.seq WHERE v.award_key = ?3)) "
      "ORDER BY claim_key");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, Trim(key_or_id));
  stmt->Bind(2, NormalizePiid(key_or_id));
  stmt->Bind(3, ToUpperAscii(Trim(key_or_id)));
  return stmt->Rows([&](const SqliteStatement& row) { return row.Text(0); });
}

}  // namespace

namespace {

// The history of `key`: every snapshot from its first listing on, of the kinds that could list
// it. Empty versions when no snapshot lists it.
Result<ClaimHistory> HistoryOfKey(const std::vector<SnapshotInfo>& snapshots, SqliteStatement* stmt,
                                  const std::string& key) {
  stmt->Reset();
  stmt->Bind(1, key);
  std::map<std::int64_t, LedgerClaim> by_snapshot;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    by_snapshot.emplace(stmt->Int(18), ReadLedgerClaim(*stmt, /*with_raw=*/false));
  }
  ClaimHistory history{key, {}};
  const std::string kind = by_snapshot.empty() ? "" : by_snapshot.begin()->second.kind;
  for (const SnapshotInfo& snapshot : snapshots) {
    auto found = by_snapshot.find(snapshot.id);
    if (found == by_snapshot.end() && history.versions.empty()) continue;
    // A grants snapshot between two contracts snapshots says nothing of a contract.
    if (found == by_snapshot.end() && !SnapshotKindHolds(snapshot.kind, kind)) continue;
    history.versions.push_back({snapshot, found == by_snapshot.end()
                                              ? std::nullopt
                                              : std::optional<LedgerClaim>(found->second)});
  }
  return history;
}

Result<SqliteStatement> ClaimsOfKeyStatement(Ledger* ledger) {
  return ledger->db()->Prepare(std::string("SELECT ") + kClaimColumns +
                               ", snapshot_id FROM claims WHERE claim_key = ?1");
}

}  // namespace

Result<std::vector<ClaimHistory>> FindClaimHistories(Ledger* ledger, std::string_view key_or_id) {
  auto keys = MatchingKeys(ledger->db(), key_or_id);
  if (!keys.ok()) return keys.status();
  std::vector<ClaimHistory> out;
  if (keys->empty()) return out;
  auto snapshots = ledger->Snapshots();
  if (!snapshots.ok()) return snapshots.status();
  auto stmt = ClaimsOfKeyStatement(ledger);
  if (!stmt.ok()) return stmt.status();
  for (const std::string& key : *keys) {
    auto history = HistoryOfKey(*snapshots, &*stmt, key);
    if (!history.ok()) return history.status();
    out.push_back(std::move(*history));
  }
  return out;
}

Result<std::optional<ClaimHistory>> FindClaimHistoryOfKey(Ledger* ledger, std::string_view key) {
  auto snapshots = ledger->Snapshots();
  if (!snapshots.ok()) return snapshots.status();
  auto stmt = ClaimsOfKeyStatement(ledger);
  if (!stmt.ok()) return stmt.status();
  auto history = HistoryOfKey(*snapshots, &*stmt, std::string(key));
  if (!history.ok()) return history.status();
  if (history->versions.empty()) return std::optional<ClaimHistory>();
  return std::optional<ClaimHistory>(std::move(*history));
}

}  // namespace receipts
