// Reads an input file whole, plain or compressed: gzip (.gz) and zip archives (one part per
// member), recognised by their magic bytes, not their names.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace receipts {

struct InputPart {
  std::string name;   // the path, or "archive.zip:member.csv" for a zip member
  std::string bytes;  // decompressed content
};

// Fails with an I/O error naming the file when it cannot be opened or read, and with an
// invalid-input error when a compressed file is truncated or corrupt. Zip members that are
// directories are skipped.
Result<std::vector<InputPart>> ReadInputFile(const std::string& path);

// The same for bytes already in memory (used by the fuzzers); `name` is used in errors.
Result<std::vector<InputPart>> DecodeInput(const std::string& name, std::string bytes);

}  // namespace receipts
