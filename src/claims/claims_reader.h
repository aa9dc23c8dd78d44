// Reads DOGE claim lists in every published shape (four schema eras; CSV, a JSON list, or the
// API's page envelope {"success","result":{"contracts"|"grants"|"leases":[…]},"meta":{…}}),
// plain, .gz or .zip, into one Claim model. Columns are found by header name, never position.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/claims_csv.h"
#include "core/claim.h"
#include "core/status.h"

namespace receipts {

// Hands every claim of `path` to `sink` in file order, never holding the file whole: a plain
// file is mapped and read in pieces whose pages are handed back, a .gz or .zip is inflated as a
// stream. JSON (the API's pages) is read whole, as the JSON reader needs it. The kind (contract,
// grant, lease) is detected from the columns (or the envelope's key) unless `kind` is given.
// Fails with file, line and field named on malformed input; claims before the failure have been
// handed over by then.
Status StreamClaimsFile(const std::string& path, std::optional<ClaimKind> kind,
                        const ClaimSink& sink);

// StreamClaimsFile for a file whose bytes the caller holds already (to store them), read from
// `bytes` and never from the file again: a plain file without a copy, a compressed one inflated
// from them as a stream. `path` names the file in errors and as Claim::source_file.
Status StreamClaimsRead(const std::string& path, std::string_view bytes,
                        std::optional<ClaimKind> kind, const ClaimSink& sink);

// Reads every claim of `path` in file order (StreamClaimsFile into a list). Nothing is returned
// on failure.
Result<std::vector<Claim>> ReadClaimsFile(const std::string& path, std::optional<ClaimKind> kind);

// The same over bytes in memory; `name` is used in errors and as Claim::source_file.
Result<std::vector<Claim>> ParseClaims(const std::string& name, std::string bytes,
                                       std::optional<ClaimKind> kind);

}  // namespace receipts
