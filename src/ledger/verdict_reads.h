// What `receipts serve` and the reports read back of stored verifications, behind a typed API so
// that no other folder knows the ledger's tables (doc/formats.md, "Ledger").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "ledger/ledger.h"
#include "ledger/sqlite_db.h"

namespace receipts {

// One stored verdict of one claim, as the verdicts table holds it.
struct ClaimVerdict {
  std::string verdict;    // VerdictName
  std::string award_key;  // "" when no award matched
  std::optional<Cents> verified_savings;
  std::string reason;
};

// When the stored verification of `snapshot_id` ran ("YYYY-MM-DDTHH:MM:SSZ"); nullopt when the
// snapshot was never verified.
Result<std::optional<std::string>> VerificationTime(Ledger* ledger, std::int64_t snapshot_id);

// The stored verdicts of `snapshot_id` by claim seq (1-based); empty when never verified.
Result<std::map<std::int64_t, ClaimVerdict>> VerdictsOfSnapshot(Ledger* ledger,
                                                                std::int64_t snapshot_id);

// The stored verdicts of the claim `claim_key`, by snapshot id.
Result<std::map<std::int64_t, ClaimVerdict>> VerdictsOfClaim(Ledger* ledger,
                                                             const std::string& claim_key);

// The ids of the snapshots with a stored verification, ascending.
Result<std::vector<std::int64_t>> VerifiedSnapshotIds(SqliteDb* db);

// True when the stored verification of `snapshot_id` read exactly the record files whose
// SHA-256s are `sha256s` (any order); false when it read others or none is stored.
Result<bool> VerifiedWithRecordDigests(Ledger* ledger, std::int64_t snapshot_id,
                                       const std::vector<std::string>& sha256s);

// A text that changes whenever anything a reader sees changes: a snapshot added, a head moved,
// a verification stored or replaced. Cheap: four aggregate reads.
Result<std::string> LedgerContentVersion(Ledger* ledger);

}  // namespace receipts
