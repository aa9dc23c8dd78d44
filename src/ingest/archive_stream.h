// A compressed input read as a stream, never whole: a gzip file (one part) or a zip archive (one
// part per member, directories skipped), decompressed in pieces with libarchive.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"

namespace receipts {

class ArchiveStream {
 public:
  enum class Kind { kPlain, kGzip, kZip };
  // The kind of `path` from its magic bytes (not its name).
  static Result<Kind> Detect(const std::string& path);

  // Opens a gzip or zip file. Fails with an I/O error naming the file.
  static Result<std::unique_ptr<ArchiveStream>> Open(const std::string& path, Kind kind);
  ~ArchiveStream();

  // Moves to the next part; false when there is none. `name` is the path, or
  // "archive.zip:member.csv" for a zip member. Fails on a corrupt or truncated archive.
  Result<bool> NextPart(std::string* name);
  // Reads up to `capacity` decompressed bytes of the current part; 0 at its end. Fails on
  // corrupt or truncated data, naming the part.
  Result<std::size_t> Read(char* buffer, std::size_t capacity);

  // Compressed bytes consumed so far, for progress against the file's size.
  std::uint64_t compressed_bytes() const;

 private:
  struct Handle;
  explicit ArchiveStream(std::unique_ptr<Handle> handle);
  std::unique_ptr<Handle> handle_;
};

}  // namespace receipts
