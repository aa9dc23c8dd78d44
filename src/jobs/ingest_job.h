// One claims list into the ledger: the flow `receipts ingest` and `POST /api/snapshots` share.
// The list is stored byte for byte and its claims are streamed into the ledger's one
// transaction, so a list of any size costs one claim of memory and bad input stores nothing.
#pragma once

#include <optional>
#include <string>

#include "core/claim.h"
#include "core/status.h"
#include "ledger/ledger.h"
#include "ledger/signing.h"

namespace receipts {

struct IngestJob {
  std::string source;  // what the snapshot names: the file's path, or "upload:NAME"
  std::string bytes;   // the list as captured, stored byte for byte
  // The capture time as given (any form ParseAsOf reads); "" takes it from `name` when the name
  // carries a date (AsOfFromFileName), else now.
  std::string as_of;
  std::string name;                 // the file name a date may be read from
  std::optional<ClaimKind> kind;    // nullopt: each claim's kind is read from the list
  bool allow_empty = false;         // store a list with no claims (SnapshotInput::allow_empty)
  const SigningKey* key = nullptr;  // signs the new head when given
  // True when `source` is the file `bytes` were read from (a compressed list is then inflated
  // from it as a stream); false for an upload, read from `bytes` whole.
  bool is_file = false;
};

// The capture time of a list: `as_of` read by ParseAsOf when given, else the date `name` carries,
// else now. Fails only on an `as_of` ParseAsOf refuses.
Result<std::string> ResolveAsOf(const std::string& as_of, const std::string& name);

// Stores `job` as the next snapshot of `ledger` (or finds it stored already: the same bytes).
// Fails on unreadable input, an empty list (unless allowed) or a ledger error; then the ledger
// is as it was.
Result<IngestResult> IngestInto(Ledger* ledger, IngestJob job);

// The command line's form: opens the ledger at `ledger_path`, creating it when missing. A new
// file is created only once the list has been read through without an error, so bad input
// leaves no ledger behind.
Result<IngestResult> RunIngestJob(const std::string& ledger_path, IngestJob job);

}  // namespace receipts
