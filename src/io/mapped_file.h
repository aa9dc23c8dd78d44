// A plain file mapped read-only into memory, for scanning without copying. Pages read are handed
// back with Release so that the resident set stays small whatever the file's size.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace receipts {

class MappedFile {
 public:
  // Fails with an I/O error naming `path`. An empty file maps to empty data.
  static Result<std::unique_ptr<MappedFile>> Open(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view data() const { return {data_, size_}; }
  std::size_t size() const { return size_; }

  // Asks the kernel to map [offset, offset + length) now (it is about to be read).
  void Prefetch(std::size_t offset, std::size_t length) const;
  // Drops [offset, offset + length) from this process's resident set; the bytes stay readable
  // (the page cache keeps them) and are mapped again if touched.
  void Release(std::size_t offset, std::size_t length) const;

 private:
  MappedFile(const char* data, std::size_t size) : data_(data), size_(size) {}
  const char* data_;
  std::size_t size_;
};

}  // namespace receipts
