// Resource caps a user may raise (or lower) from the environment, read the same way everywhere:
// RECEIPTS_MAX_INFLATED_BYTES, RECEIPTS_MAX_STREAMED_BYTES and RECEIPTS_MAX_ACTIONS_PER_AWARD
// (doc/formats.md, "Limits").
#pragma once

#include <cstdint>
#include <string_view>

#include "core/status.h"

namespace receipts {

// Every cap that the environment may set, by variable name.
inline constexpr std::string_view kLimitVariables[] = {
    "RECEIPTS_MAX_INFLATED_BYTES", "RECEIPTS_MAX_STREAMED_BYTES", "RECEIPTS_MAX_ACTIONS_PER_AWARD"};

// The positive integer in `text`, with an optional binary suffix K, M, G or T (so "4G" is
// 4 * 2^30). Usage error naming `name` for anything else, zero, or a value past 2^64.
Result<std::uint64_t> ParseLimit(std::string_view name, std::string_view text);

// The cap the variable `name` sets, or `fallback` when it is unset or empty. A malformed value
// also gives `fallback` here: the CLI refuses it at start (CheckLimitEnvironment), before any
// work, so a library caller never runs under a cap nobody asked for.
std::uint64_t LimitFromEnvironment(const char* name, std::uint64_t fallback);

// Usage error naming the first variable of kLimitVariables whose value is not a limit.
Status CheckLimitEnvironment();

}  // namespace receipts
