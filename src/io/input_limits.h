// How much a compressed input may inflate to. A limit, not a guess about the data: past it the
// input is refused, never cut short.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "core/env_limit.h"

namespace receipts {

inline constexpr std::uint64_t kDefaultMaxInflatedBytes = std::uint64_t{1} << 30;
inline constexpr std::uint64_t kDefaultMaxStreamedBytes = std::uint64_t{64} << 30;

// What every "inflates to more than the limit" error ends with: how to raise it.
inline constexpr const char* kInflateLimitHint =
    " bytes (RECEIPTS_MAX_INFLATED_BYTES sets it for inputs read whole, "
    "RECEIPTS_MAX_STREAMED_BYTES for record files scanned as a stream; doc/formats.md)";

// How many bytes an inflater may write into a buffer of `capacity` when it has written
// `written` of at most `max_bytes`: one byte beyond the limit is enough to know it is passed,
// and ISA-L takes 32-bit sizes (at most 1 GiB a call here).
inline std::uint32_t InflateWindow(std::size_t capacity, std::uint64_t written,
                                   std::uint64_t max_bytes) {
  const std::uint64_t left = max_bytes - std::min(max_bytes, written);
  const std::uint64_t most = std::uint64_t{1} << 30;
  return static_cast<std::uint32_t>(
      std::min<std::uint64_t>(capacity, left < most ? left + 1 : most));
}

struct InputLimits {
  // Inputs decoded whole into memory (claims lists, uploads, per-award downloads, ATOM and
  // SAM.gov files), summed over a zip's members. The largest real input in ../shared/data and
  // demo/ inflates to 29,090,106 bytes (records/fpds/2025-03-13_fpds_awards.csv; the largest
  // claims list, grants/2025-07-10_grants_api.csv, is 13,477,921): 1 GiB is 36x that, and well
  // below what a machine running `receipts` can hold.
  // RECEIPTS_MAX_INFLATED_BYTES overrides it.
  std::uint64_t max_inflated_bytes =
      LimitFromEnvironment("RECEIPTS_MAX_INFLATED_BYTES", kDefaultMaxInflatedBytes);
  // Each part (the .gz, or one zip member) of a record file scanned as a stream, never held
  // whole: only time is at stake. The bench's 10.4 GB generated file zipped passes with 6x to
  // spare; a USAspending Award Data Archive member holds at most 1,000,000 rows (about 2 GB).
  // RECEIPTS_MAX_STREAMED_BYTES overrides it.
  std::uint64_t max_streamed_bytes =
      LimitFromEnvironment("RECEIPTS_MAX_STREAMED_BYTES", kDefaultMaxStreamedBytes);
};

}  // namespace receipts
