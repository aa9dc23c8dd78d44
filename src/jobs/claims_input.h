// Checks on a file given as a claims list, made before any claim is read, so that a newcomer's
// first mistakes get a message that says what to do: a directory ("PATH: is a directory, not a
// claims file") or a record file passed as claims ("PATH: this is a record file (FPDS element
// CSV), not a claims list: pass it with --records").
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace receipts {

// `path` must be a regular file whose first part (a plain file, a .gz's content, a zip's first
// member) is not in a record format (records/records_reader.h RecordFormatOf). `hint` ends the
// record-file message: what to do with the file instead.
Status CheckClaimsFile(const std::string& path, std::string_view hint = "pass it with --records");

// The same over the bytes of a claims list held in memory (ingest, uploads), named `name`.
Status CheckClaimsBytes(const std::string& name, std::string_view bytes,
                        std::string_view hint = "pass it with --records");

}  // namespace receipts
