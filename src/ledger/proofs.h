// Proof files a reader checks without the ledger (doc/formats.md, "Proof files"): a claim's
// canonical bytes with its inclusion in its snapshot's claims tree, the snapshot's inclusion in
// the log, the claim's stored verdict (when the snapshot was verified) with the verification
// run's inclusion in the log, and a signed checkpoint of the log; or a consistency proof that the
// log extends an older checkpoint. JSON, a few kilobytes.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "ledger/ledger.h"
#include "ledger/signing.h"

namespace receipts {

struct ClaimProofOptions {
  std::string claim_key;
  std::string snapshot;  // an id or "latest"; "" for the latest snapshot holding the claim
  // Signs a fresh checkpoint of the log as it is now; without it the proof is made against the
  // latest stored signed checkpoint that covers the claim's snapshot (or, failing that, an
  // unsigned one, which verify-proof refuses).
  const SigningKey* sign_key = nullptr;
  // A checkpoint the reader holds: the proof then also shows that the log it is made against
  // extends this one.
  std::optional<std::string> from_checkpoint;
};

// The proof file of one claim. NotFound naming the key when the snapshot has no such claim.
Result<std::string> ProveClaim(Ledger* ledger, const ClaimProofOptions& options);

// Every claim's proof file of `snapshot_id`, in seq order, against the checkpoint ProveClaim
// would choose without a key; the trees are built once.
Status ProveSnapshotClaims(
    Ledger* ledger, std::int64_t snapshot_id,
    const std::function<Status(const std::string& claim_key, const std::string& proof)>& take);

// The consistency proof file from `old_checkpoint` (a checkpoint note of this log) to the log
// now, against a fresh checkpoint signed by `sign_key`, or else the latest stored signed one.
// Fails when the log does not extend the old checkpoint.
Result<std::string> ProveConsistency(Ledger* ledger, const std::string& old_checkpoint,
                                     const SigningKey* sign_key);

// Checks a proof file against `public_key` (32 raw bytes) and, when given, a checkpoint the
// reader trusts (its note text): every hash recomputed, every signature verified. Returns what
// was proved, for people; Corruption saying what failed otherwise.
// `key_name`, when the key came as a note verifier key (NAME+HASH+BASE64), must be the log's
// origin, as Go's sumdb/note requires of a key and the notes it verifies.
Result<std::string> VerifyProofFile(std::string_view json, std::string_view public_key,
                                    const std::optional<std::string>& trusted_checkpoint,
                                    const std::optional<std::string>& key_name = std::nullopt);

}  // namespace receipts
