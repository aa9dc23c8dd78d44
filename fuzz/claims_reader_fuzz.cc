// libFuzzer target: any bytes (CSV, JSON, gzip, zip) must give claims or an error, never a crash.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "claims/claims_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  receipts::Result<std::vector<receipts::Claim>> detected =
      receipts::ParseClaims("fuzz.csv", bytes, std::nullopt);
  if (detected.ok()) {
    for (const receipts::Claim& claim : *detected) {
      if (claim.source_file.empty() || claim.source_line == 0) __builtin_trap();
    }
  }
  // Forced kinds take the other branches of the mapping (a lease list read as grants, …).
  auto kind = static_cast<receipts::ClaimKind>(size % 3);
  receipts::Result<std::vector<receipts::Claim>> forced =
      receipts::ParseClaims("fuzz.json", std::move(bytes), kind);
  if (forced.ok() && detected.ok() && forced->size() != detected->size()) __builtin_trap();
  return 0;
}
