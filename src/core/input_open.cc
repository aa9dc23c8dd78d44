#include "core/input_open.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>

namespace receipts {
namespace {

const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  return nullptr;
}

}  // namespace

Result<int> OpenInputFile(const std::string& path, std::string_view what) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int error = errno;
    ::close(fd);
    return Status::IoError(path + ": cannot read: " + std::strerror(error));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    const char* kind = KindOf(st.st_mode);
    if (kind == nullptr) return Status::InvalidInput(path + ": is not a regular file");
    return Status::InvalidInput(path + ": is " + std::string(kind) + ", not " + std::string(what));
  }
  int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

Status CheckInputFile(const std::string& path, std::string_view what) {
  Result<int> fd = OpenInputFile(path, what);
  if (!fd.ok()) return fd.status();
  ::close(*fd);
  return Status::Ok();
}

Result<std::string> ReadWholeFile(const std::string& path, std::string_view what,
                                  std::size_t max_bytes) {
  Result<int> fd = OpenInputFile(path, what);
  if (!fd.ok()) return fd.status();
  struct stat st;
  std::string bytes;
  if (::fstat(*fd, &st) == 0 && st.st_size > 0) bytes.reserve(static_cast<std::size_t>(st.st_size));
  // Read to the end rather than to st_size: a file that grows or shrinks meanwhile is read as it
  // is, not cut short or padded.
  char piece[1 << 16];
  for (;;) {
    ssize_t got = ::read(*fd, piece, sizeof piece);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      int error = errno;
      ::close(*fd);
      return Status::IoError(path + ": read failed: " + std::strerror(error));
    }
    if (got == 0) break;
    bytes.append(piece, static_cast<std::size_t>(got));
    if (bytes.size() > max_bytes) {
      ::close(*fd);
      return Status::InvalidInput(path + ": over " + std::to_string(max_bytes) +
                                  " bytes, more than " + std::string(what) + " holds");
    }
  }
  ::close(*fd);
  return bytes;
}

}  // namespace receipts
