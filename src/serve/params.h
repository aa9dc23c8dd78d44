// Query parameters: every one is checked (known name, given once, bounded, valid UTF-8) before a
// handler uses it; a bad one is an InvalidInput Status whose message the client sees in a 400.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"

namespace receipts::serve {

using QueryParams = std::multimap<std::string, std::string>;

// The longest value any parameter may have.
inline constexpr std::size_t kMaxParamLength = 200;

// InvalidInput unless every parameter is in `allowed`, none is repeated, and every value is
// valid UTF-8 of at most kMaxParamLength bytes.
Status CheckParams(const QueryParams& params, std::span<const std::string_view> allowed);
inline Status CheckParams(const QueryParams& params,
                          std::initializer_list<std::string_view> allowed) {
  return CheckParams(params, std::span<const std::string_view>(allowed.begin(), allowed.size()));
}

// The value of `name`, or `fallback` when absent.
std::string Param(const QueryParams& params, const std::string& name,
                  const std::string& fallback = "");

// `text` as a decimal integer in [min, max]; InvalidInput naming `name` otherwise.
Result<std::int64_t> ParseBoundedInt(std::string_view name, std::string_view text, std::int64_t min,
                                     std::int64_t max);

// "latest" or a snapshot id (a positive integer); InvalidInput naming `name` otherwise.
Status CheckSnapshotRef(std::string_view name, std::string_view text);

// "json" (the default when blank) or "csv".
Result<bool> ParseCsvFormat(const QueryParams& params);

}  // namespace receipts::serve
