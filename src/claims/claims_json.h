// Claims lists published as JSON: a list of API items, or one API page
// {"success": true, "result": {"contracts"|"grants"|"leases": [...]}, "meta": {...}}.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/claim.h"
#include "core/status.h"

namespace receipts {

// Reads every item of the JSON text `data` as a claim; an item's line is its number (1-based).
// Numbers may be JSON numbers or strings; JSON numbers become cents through their shortest
// decimal text, so 80803549.11 is exactly 8080354911 cents. null is unknown. The kind comes from
// `kind`, else the envelope's key, else the items' field names.
Result<std::vector<Claim>> ParseClaimsJson(const std::string& name, std::string_view data,
                                           std::optional<ClaimKind> kind);

}  // namespace receipts
