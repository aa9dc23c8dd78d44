// A claims file for tests: the header and the rows of some PIIDs of the real 2025-03-13 list.
#pragma once

#include <string>
#include <vector>

#include "io/input_file.h"

namespace receipts::testing {

// The 2025-03-13 grab's header and, in the order given, the first row of each PIID.
inline std::string ClaimsOfPiids(const std::vector<std::string>& piids) {
  auto parts = ReadInputFile(std::string(RECEIPTS_SOURCE_DIR) +
                             "/demo/claims/2025-03-13_contracts_grab.csv.gz");
  if (!parts.ok() || parts->empty()) return "";
  const std::string& text = (*parts)[0].bytes;
  std::string out = text.substr(0, text.find('\n') + 1);
  for (const std::string& piid : piids) {
    std::size_t at = text.find(",\"" + piid + "\",");
    if (at == std::string::npos) continue;
    std::size_t start = text.rfind('\n', at) + 1;
    out += text.substr(start, text.find('\n', start) - start + 1);
  }
  return out;
}

}  // namespace receipts::testing
