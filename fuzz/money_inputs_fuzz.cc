// libFuzzer target: the user's own inputs to `vendor` and `leads` — a matters CSV and a rules
// file (JSON) — give their contents or an error naming the file, never a crash. The first byte
// chooses which reader gets the rest.
#include <cstddef>
#include <cstdint>
#include <string>

#include "leads/lead_rules.h"
#include "vendor/matters.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    auto matters = receipts::ParseMatters("fuzz.csv", bytes);
    if (matters.ok()) {
      for (const receipts::Matter& m : *matters) {
        if (m.company.empty() || m.matter.empty() || m.line == 0) __builtin_trap();
        if (m.opened && m.closed && *m.closed < *m.opened) __builtin_trap();
      }
    } else if (matters.status().message().find("fuzz.csv") == std::string::npos) {
      __builtin_trap();
    }
    return 0;
  }
  auto rules = receipts::LeadRules::FromJson(bytes, "fuzz.json");
  if (rules.ok()) {
    // What a run states it used must read back as the same rules.
    auto again = receipts::LeadRules::FromJson(rules->ToJson(), "again.json");
    if (!again.ok() || again->ToJson() != rules->ToJson()) __builtin_trap();
  } else if (rules.status().message().find("fuzz.json") == std::string::npos) {
    __builtin_trap();
  }
  return 0;
}
