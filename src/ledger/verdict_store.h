// Verdicts of `receipts verify --ledger`, stored with the snapshot they judged. They are derived
// data (re-run verify to recompute them); each run records the SHA-256 of every record file it
// read, and is sealed (ledger/verification_seal.h) to its snapshot's head so `check` catches an
// edited verdict.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "ledger/ledger.h"
#include "verify/claim_result.h"

namespace receipts {

struct RecordFileDigest {
  std::string path;
  std::string sha256;
};

// Each of `paths` with the SHA-256 of its bytes, in order. Fails naming the first file that
// cannot be read.
Result<std::vector<RecordFileDigest>> DigestRecordFiles(const std::vector<std::string>& paths);

// Replaces the verdicts stored for `snapshot_id` with `run`'s (results[i] is claim seq i + 1),
// in one transaction.
Status StoreVerdicts(Ledger* ledger, std::int64_t snapshot_id, const VerifyRun& run,
                     const std::vector<RecordFileDigest>& record_files);

struct StoredVerdict {
  std::int64_t snapshot_id = 0;
  std::int64_t seq = 0;
  std::string verdict;  // VerdictName
  std::optional<Cents> verified_savings;
  std::string reason;
};

// Every stored verdict, by claim key, oldest snapshot first.
Result<std::map<std::string, std::vector<StoredVerdict>>> VerdictsByClaimKey(Ledger* ledger);

}  // namespace receipts
