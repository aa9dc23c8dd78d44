// A compressed input read as a stream, never whole: a gzip file (one part) or a zip archive (one
// part per member, directories skipped), decompressed in pieces with ISA-L: gzip member after
// member (io/gzip_reader.h), zip through its directory (io/zip_archive.h), each member's CRC-32
// and length checked; libarchive reads the zips whose members ISA-L cannot inflate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "io/input_limits.h"

namespace receipts {

class ArchiveStream {
 public:
  enum class Kind { kPlain, kGzip, kZip };
  // The kind of `path` from its magic bytes (not its name).
  static Result<Kind> Detect(const std::string& path);

  // Opens a gzip or zip file. Fails with an I/O error naming the file. Each part may inflate to
  // `limits.max_streamed_bytes`; Read fails past it.
  static Result<std::unique_ptr<ArchiveStream>> Open(const std::string& path, Kind kind,
                                                     const InputLimits& limits = {});
  // The same over compressed `bytes` held in memory (they must outlive the stream), named
  // `name` in errors and part names: what was read once (to be stored) is inflated from there,
  // not read a second time.
  static Result<std::unique_ptr<ArchiveStream>> OpenBytes(const std::string& name,
                                                          std::string_view bytes, Kind kind,
                                                          const InputLimits& limits = {});
  // How many parts `path` has: 1 for a gzip file, a zip's members less its directories (read
  // from its directory; a zip libarchive reads counts as 2, "several"). Fails as Open.
  static Result<std::size_t> CountParts(const std::string& path, Kind kind);
  // The kind of `bytes` from their magic bytes, as Detect.
  static Kind DetectBytes(std::string_view bytes);
  ~ArchiveStream();

  // Moves to the next part; false when there is none. `name` is the path, or
  // "archive.zip:member.csv" for a zip member. Fails on a corrupt or truncated archive.
  Result<bool> NextPart(std::string* name);
  // Reads up to `capacity` decompressed bytes of the current part; 0 at its end. Fails on
  // corrupt or truncated data (a bad CRC-32 or length, trailing garbage after a .gz's last
  // member), or past the limit, naming the part.
  Result<std::size_t> Read(char* buffer, std::size_t capacity);

  // Compressed bytes consumed so far, for progress against the file's size.
  std::uint64_t compressed_bytes() const;

 private:
  struct Handle;
  explicit ArchiveStream(std::unique_ptr<Handle> handle);
  std::unique_ptr<Handle> handle_;
};

}  // namespace receipts
