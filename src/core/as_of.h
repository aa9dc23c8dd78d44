// A snapshot's capture time, always stored as UTC "YYYY-MM-DDTHH:MM:SSZ".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace receipts {

// Reads --as-of: "2025-02-18", "2025-02-18T18:25", "2025-02-18 18:25:00", "2025-02-18T18-25",
// "2025-02-18T18:25:00Z", "2025-02-18T13:25:00-05:00" (converted to UTC). Fails on anything else.
Result<std::string> ParseAsOf(std::string_view text);

// The capture time a file name carries, if any: the first "YYYY-MM-DD" in the base name, with
// "THH-MM[-SS]" (or "THH:MM[:SS]") after it when present, in UTC. "2025-02-18T18-25_contracts.csv"
// gives "2025-02-18T18:25:00Z", "2025-03-13_contracts_grab.csv" "2025-03-13T00:00:00Z".
std::optional<std::string> AsOfFromFileName(std::string_view path);

// The current time, UTC, to the second.
std::string NowUtc();

}  // namespace receipts
