// Claims lists published as CSV, in every schema era (see claims_columns.h for the mapping).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/claim.h"
#include "core/status.h"

namespace receipts {

// Reads every claim of the CSV text `data`; `name` is used in errors and as the claims' source
// file. The kind is detected from the columns unless `kind` is given. Fails when the header has
// no savings column, on any malformed record, money or date; nothing is returned then.
Result<std::vector<Claim>> ParseClaimsCsv(const std::string& name, std::string_view data,
                                          std::optional<ClaimKind> kind);

}  // namespace receipts
