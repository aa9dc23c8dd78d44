// Reads DOGE claim lists in every published shape (four schema eras; CSV, a JSON list, or the
// API's page envelope {"success","result":{"contracts"|"grants"|"leases":[…]},"meta":{…}}),
// plain, .gz or .zip, into one Claim model. Columns are found by header name, never position.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/claim.h"
#include "core/status.h"

namespace receipts {

// Reads every claim of `path` in file order. The kind (contract, grant, lease) is detected from
// the columns (or the envelope's key) unless `kind` is given. Fails with file, line and field
// named on malformed input; nothing is returned then.
Result<std::vector<Claim>> ReadClaimsFile(const std::string& path, std::optional<ClaimKind> kind);

// The same over bytes in memory; `name` is used in errors and as Claim::source_file.
Result<std::vector<Claim>> ParseClaims(const std::string& name, std::string bytes,
                                       std::optional<ClaimKind> kind);

}  // namespace receipts
