#include "core/env_limit.h"

#include <charconv>
#include <cstdlib>
#include <string>

namespace receipts {

Result<std::uint64_t> ParseLimit(std::string_view name, std::string_view text) {
  auto refuse = [&] {
    return Status::Usage(std::string(name) + "='" + std::string(text) +
                         "': not a positive whole number (an optional K, M, G or T multiplies "
                         "it by 1024, 1024^2, 1024^3 or 1024^4)");
  };
  int shift = 0;
  if (!text.empty()) {
    switch (text.back()) {
      case 'K':
        shift = 10;
        break;
      case 'M':
        shift = 20;
        break;
      case 'G':
        shift = 30;
        break;
      case 'T':
        shift = 40;
        break;
      default:
        break;
    }
    if (shift != 0) text.remove_suffix(1);
  }
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value == 0 ||
      value > (UINT64_MAX >> shift)) {
    return refuse();
  }
  return value << shift;
}

std::uint64_t LimitFromEnvironment(const char* name, std::uint64_t fallback) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return fallback;
  Result<std::uint64_t> limit = ParseLimit(name, text);
  return limit.ok() ? *limit : fallback;
}

Status CheckLimitEnvironment() {
  for (std::string_view name : kLimitVariables) {
    const char* text = std::getenv(std::string(name).c_str());
    if (text == nullptr || *text == '\0') continue;
    if (Result<std::uint64_t> limit = ParseLimit(name, text); !limit.ok()) return limit.status();
  }
  return Status::Ok();
}

}  // namespace receipts
