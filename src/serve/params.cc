#include "serve/params.h"

#include <algorithm>

#include "core/text.h"

namespace receipts::serve {

Status CheckParams(const QueryParams& params, std::span<const std::string_view> allowed) {
  for (auto it = params.begin(); it != params.end(); ++it) {
    const std::string& name = it->first;
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string known;
      for (std::string_view a : allowed) known += (known.empty() ? "" : ", ") + std::string(a);
      return Status::InvalidInput(
          "unknown parameter '" + name.substr(0, 40) + "'" +
          (known.empty() ? " (this endpoint takes none)" : " (known: " + known + ")"));
    }
    if (params.count(name) > 1) return Status::InvalidInput("parameter '" + name + "' given twice");
    if (it->second.size() > kMaxParamLength) {
      return Status::InvalidInput("parameter '" + name + "' is longer than " +
                                  std::to_string(kMaxParamLength) + " bytes");
    }
    if (!IsValidUtf8(it->second)) {
      return Status::InvalidInput("parameter '" + name + "' is not valid UTF-8");
    }
  }
  return Status::Ok();
}

std::string Param(const QueryParams& params, const std::string& name, const std::string& fallback) {
  auto it = params.find(name);
  return it == params.end() ? fallback : it->second;
}

Result<std::int64_t> ParseBoundedInt(std::string_view name, std::string_view text, std::int64_t min,
                                     std::int64_t max) {
  auto bad = [&] {
    return Status::InvalidInput("parameter '" + std::string(name) + "' must be an integer from " +
                                std::to_string(min) + " to " + std::to_string(max));
  };
  if (text.empty() || text.size() > 18) return bad();
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return bad();
    value = value * 10 + (c - '0');
  }
  if (value < min || value > max) return bad();
  return value;
}

Status CheckSnapshotRef(std::string_view name, std::string_view text) {
  if (text == "latest") return Status::Ok();
  auto id = ParseBoundedInt(name, text, 1, 1'000'000'000);
  if (!id.ok()) {
    return Status::InvalidInput("parameter '" + std::string(name) +
                                "' must be 'latest' or a snapshot id");
  }
  return Status::Ok();
}

Result<bool> ParseCsvFormat(const QueryParams& params) {
  std::string format = Param(params, "format", "json");
  if (format == "json") return false;
  if (format == "csv") return true;
  return Status::InvalidInput("parameter 'format' must be json or csv");
}

}  // namespace receipts::serve
