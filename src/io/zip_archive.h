// A zip archive read through its central directory (zip64 included), its stored and deflated
// members inflated with ISA-L's igzip and each member's CRC-32 and size checked against the
// directory. The directory gives every member's offset, so a worker goes straight to the member
// it scans instead of reading through the ones before it (doc/formats.md, "Compressed inputs").
//
// Why not libarchive: it inflates with zlib, and on this 2-core machine the 333 MB zip of the
// 1M-row benchmark file took 3.4 s in `receipts` (zlib's inflate alone 3.6 s in Python) where
// ISA-L's igzip inflates the same bytes in 1.45 s (issue 15). libarchive stays for the members
// ISA-L cannot inflate (bzip2, LZMA, zstd, encrypted: ReadableByIsal() is false).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace receipts {

struct ZipMember {
  std::string name;  // as the directory spells it
  std::uint16_t method = 0;
  std::uint16_t flags = 0;
  std::uint32_t crc32 = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t size = 0;
  std::uint64_t local_header_offset = 0;
  bool directory() const { return name.ends_with('/'); }
};

class ZipMemberReader;

class ZipArchive : public std::enable_shared_from_this<ZipArchive> {
 public:
  // Reads the central directory of the zip file `path`. Fails with an I/O error when it cannot
  // be read, and with an invalid-input error naming the file when the directory is missing (a
  // truncated download), malformed or points outside the file.
  static Result<std::shared_ptr<ZipArchive>> OpenFile(const std::string& path);
  // The same over `bytes` in memory, which must outlive the archive; `name` names it in errors.
  static Result<std::shared_ptr<ZipArchive>> OpenBytes(const std::string& name,
                                                       std::string_view bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  const std::string& name() const { return name_; }
  // Every member, directories included, in directory order.
  const std::vector<ZipMember>& members() const { return members_; }
  // True when every member is stored or deflated and none is encrypted: all OpenMember reads.
  bool ReadableByIsal() const;

  // A reader of member `index` (not a directory) that fails past `max_bytes` inflated. Errors
  // name "ARCHIVE:MEMBER".
  Result<std::unique_ptr<ZipMemberReader>> OpenMember(std::size_t index,
                                                      std::uint64_t max_bytes) const;

  // Copies `size` bytes at `offset` of the archive into `out`; fails past its end.
  Status ReadAt(std::uint64_t offset, char* out, std::size_t size) const;
  std::uint64_t size() const { return size_; }

 private:
  ZipArchive(std::string name, int fd, std::string_view bytes, std::uint64_t size);
  Status ReadDirectory();

  std::string name_;
  int fd_ = -1;             // a file, read with pread; or
  std::string_view bytes_;  // bytes in memory
  std::uint64_t size_ = 0;
  std::vector<ZipMember> members_;
};

// Inflates one member as a stream. Holds its archive.
class ZipMemberReader {
 public:
  ~ZipMemberReader();
  ZipMemberReader(const ZipMemberReader&) = delete;
  ZipMemberReader& operator=(const ZipMemberReader&) = delete;

  // Up to `capacity` inflated bytes; 0 at the member's end, once its CRC-32 and size matched
  // the directory's. Fails, naming "ARCHIVE:MEMBER", on corrupt or truncated data, a CRC-32 or
  // size that differs, or past the limit.
  Result<std::size_t> Read(char* buffer, std::size_t capacity);
  // Compressed bytes of the member consumed so far.
  std::uint64_t compressed_bytes() const;

 private:
  friend class ZipArchive;
  struct State;
  ZipMemberReader(std::shared_ptr<const ZipArchive> archive, const ZipMember& member,
                  std::uint64_t data_offset, std::uint64_t max_bytes);
  Status Fail(const std::string& what) const;

  std::shared_ptr<const ZipArchive> archive_;
  const ZipMember& member_;
  std::string part_;  // "ARCHIVE:MEMBER"
  std::uint64_t max_bytes_;
  std::unique_ptr<State> state_;
};

}  // namespace receipts
