#include "io/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/input_open.h"

namespace receipts {
namespace {

constexpr std::size_t kPage = 4096;

}  // namespace

Result<std::unique_ptr<MappedFile>> MappedFile::Open(const std::string& path) {
  Result<int> opened = OpenInputFile(path);  // a directory or a FIFO is refused, not mapped
  if (!opened.ok()) return opened.status();
  int fd = *opened;
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return Status::IoError(path + ": cannot read: " + std::strerror(err));
  }
  std::size_t size = static_cast<std::size_t>(st.st_size);
  const char* data = "";
  if (size > 0) {
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
      int err = errno;
      ::close(fd);
      return Status::IoError(path + ": cannot map: " + std::strerror(err));
    }
    ::madvise(map, size, MADV_SEQUENTIAL);
    data = static_cast<const char*>(map);
  }
  ::close(fd);
  return std::unique_ptr<MappedFile>(new MappedFile(data, size));
}

MappedFile::~MappedFile() {
  if (size_ > 0) ::munmap(const_cast<char*>(data_), size_);
}

void MappedFile::Prefetch(std::size_t offset, std::size_t length) const {
  if (offset >= size_) return;
  std::size_t begin = offset / kPage * kPage;
  std::size_t end = std::min(size_, offset + length);
#ifdef MADV_POPULATE_READ
  // Maps the pages in one call instead of one fault per 64 KiB; older kernels say EINVAL.
  if (::madvise(const_cast<char*>(data_) + begin, end - begin, MADV_POPULATE_READ) == 0) return;
#endif
  ::madvise(const_cast<char*>(data_) + begin, end - begin, MADV_WILLNEED);
}

void MappedFile::Release(std::size_t offset, std::size_t length) const {
  // Whole pages inside the range only: a neighbour may still be reading the pages at its edges.
  std::size_t begin = (offset + kPage - 1) / kPage * kPage;
  std::size_t end = std::min(size_, offset + length) / kPage * kPage;
  if (end > begin) ::madvise(const_cast<char*>(data_) + begin, end - begin, MADV_DONTNEED);
}

}  // namespace receipts
