// Opening a file the user named as an input: only a regular file is read. A directory, a FIFO,
// a socket or a device is refused with a clear error, never read (a directory's size is
// meaningless, a FIFO or a terminal can block forever).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace receipts {

// Opens `path` for reading (close-on-exec) and returns its descriptor, which the caller closes.
// The open itself uses O_NONBLOCK, so a FIFO with no writer cannot hang it; the descriptor
// returned is blocking again. Fails with IoError "PATH: cannot open: WHY", or InvalidInput
// "PATH: is a directory, not WHAT" (or a FIFO, a socket, a device), WHAT naming what the reader
// expected there: "a file", "a claims file", "a ledger".
Result<int> OpenInputFile(const std::string& path, std::string_view what = "a file");

// The same check without keeping the file open, for readers that open `path` themselves.
Status CheckInputFile(const std::string& path, std::string_view what = "a file");

// The whole of the regular file `path`, in one buffer of its size (a stringstream would hold two
// or three times it). Fails as OpenInputFile does, with IoError "PATH: read failed: WHY", or with
// InvalidInput "PATH: over MAX bytes, more than WHAT holds" once more than `max_bytes` are read.
Result<std::string> ReadWholeFile(const std::string& path, std::string_view what = "a file",
                                  std::size_t max_bytes = SIZE_MAX);

}  // namespace receipts
