// Reads an input file whole, plain or compressed: gzip (.gz) and zip archives (one part per
// member), recognised by their magic bytes, not their names.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "io/input_limits.h"

namespace receipts {

struct InputPart {
  std::string name;   // the path, or "archive.zip:member.csv" for a zip member
  std::string bytes;  // decompressed content
};

// Fails with an I/O error naming the file when it cannot be opened or read, and with an
// invalid-input error when a compressed file is truncated or corrupt (a gzip member's CRC-32 or
// length wrong, trailing garbage after the last member, a zip member's CRC wrong), or inflates
// past `limits.max_inflated_bytes` (all members together). Zip members that are directories are
// skipped.
Result<std::vector<InputPart>> ReadInputFile(const std::string& path,
                                             const InputLimits& limits = {});

// The same for bytes already in memory (uploads, fetched bodies, the fuzzers); `name` is used in
// errors.
Result<std::vector<InputPart>> DecodeInput(const std::string& name, std::string bytes,
                                           const InputLimits& limits = {});

}  // namespace receipts
