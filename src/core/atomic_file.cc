#include "core/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <stdio.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

namespace receipts {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMarker = ".tmp-";
constexpr std::size_t kRandomChars = 6;
constexpr int kAttempts = 64;  // EEXIST on 62^6 names is someone planting them: give up

std::string ParentOf(const std::string& path) {
  std::string parent = fs::path(path).parent_path().string();
  return parent.empty() ? std::string(".") : parent;
}

std::string BaseOf(const std::string& path) { return fs::path(path).filename().string(); }

std::string RandomSuffix() {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  unsigned char bytes[kRandomChars];
  if (::getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    // No entropy source: fall back to the clock; O_EXCL still keeps the write safe.
    unsigned long long seed = static_cast<unsigned long long>(::time(nullptr)) ^
                              (static_cast<unsigned long long>(::getpid()) << 20);
    for (unsigned char& b : bytes) b = static_cast<unsigned char>(seed >>= 5);
  }
  std::string out;
  for (unsigned char b : bytes) out += kAlphabet[b % (sizeof kAlphabet - 1)];
  return out;
}

std::string TempPath(const std::string& dir, std::string_view name) {
  return fmt::format("{}/.{}{}{}-{}", dir, name, kMarker, ::getpid(), RandomSuffix());
}

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The PID in a temporary name, 0 when `entry` is not one.
pid_t TempPid(std::string_view entry, std::string_view name) {
  if (entry.size() < 2 || entry[0] != '.') return 0;
  std::size_t marker = entry.rfind(kMarker);
  if (marker == std::string_view::npos || marker < 2) return 0;
  if (!name.empty() && entry.substr(1, marker - 1) != name) return 0;
  std::string_view rest = entry.substr(marker + kMarker.size());
  std::size_t dash = rest.find('-');
  if (dash == std::string_view::npos || rest.size() - dash - 1 != kRandomChars) return 0;
  for (char c : rest.substr(dash + 1)) {
    if (!IsAlnum(c)) return 0;
  }
  pid_t pid = 0;
  auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + dash, pid);
  if (ec != std::errc() || ptr != rest.data() + dash || pid <= 0) return 0;
  return pid;
}

bool ProcessRuns(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

}  // namespace

Result<TempEntry> CreateTempFile(const std::string& dir, std::string_view name, mode_t mode) {
  int error = EEXIST;
  for (int attempt = 0; attempt < kAttempts && error == EEXIST; ++attempt) {
    std::string path = TempPath(dir, name);
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd >= 0) return TempEntry{std::move(path), fd};
    error = errno;
  }
  return Status::IoError(
      fmt::format("cannot create a temporary file for {}/{}: {}", dir, name, std::strerror(error)));
}

Result<TempEntry> CreateTempDirectory(const std::string& dir, std::string_view name) {
  int error = EEXIST;
  for (int attempt = 0; attempt < kAttempts && error == EEXIST; ++attempt) {
    std::string path = TempPath(dir, name);
    if (::mkdir(path.c_str(), 0700) == 0) return TempEntry{std::move(path), -1};
    error = errno;
  }
  return Status::IoError(fmt::format("cannot create a temporary directory for {}/{}: {}", dir, name,
                                     std::strerror(error)));
}

int WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

int WriteAllAndSync(int fd, std::string_view bytes) {
  if (int error = WriteAll(fd, bytes); error != 0) return error;
  return ::fsync(fd) == 0 ? 0 : errno;
}

int SyncDirectory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno;
  int error = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  // Some file systems cannot fsync a directory; that is not a failed write.
  return error == EINVAL ? 0 : error;
}

namespace {

// Writes `content` into a new temporary file beside `path`, fsynced and closed. On failure
// nothing is left behind.
Result<std::string> WriteTemp(const std::string& path, std::string_view content, mode_t mode) {
  Result<TempEntry> temp = CreateTempFile(ParentOf(path), BaseOf(path), mode);
  if (!temp.ok()) return temp.status();
  int error = WriteAllAndSync(temp->fd, content);
  if (::close(temp->fd) != 0 && error == 0) error = errno;
  if (error != 0) {
    ::unlink(temp->path.c_str());
    return Status::IoError(fmt::format("cannot write {}: {}", path, std::strerror(error)));
  }
  return temp->path;
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view content, mode_t mode) {
  Result<std::string> temp = WriteTemp(path, content, mode);
  if (!temp.ok()) return temp.status();
  if (::rename(temp->c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temp->c_str());
    return Status::IoError(fmt::format("cannot write {}: {}", path, std::strerror(error)));
  }
  if (int error = SyncDirectory(ParentOf(path)); error != 0) {
    return Status::IoError(
        fmt::format("cannot write {}: fsync of its directory: {}", path, std::strerror(error)));
  }
  return Status::Ok();
}

Status WriteNewFileAtomically(const std::string& path, std::string_view content, mode_t mode) {
  Result<std::string> temp = WriteTemp(path, content, mode);
  if (!temp.ok()) return temp.status();
  int rc = ::renameat2(AT_FDCWD, temp->c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE);
  if (rc != 0 && errno == EINVAL) {
    // A file system without RENAME_NOREPLACE: link() refuses an existing name just the same.
    rc = ::link(temp->c_str(), path.c_str());
    if (rc == 0) ::unlink(temp->c_str());
  }
  if (rc != 0) {
    int error = errno;
    ::unlink(temp->c_str());
    if (error == EEXIST) return Status::IoError(path + ": already exists; not overwriting it");
    return Status::IoError(fmt::format("cannot write {}: {}", path, std::strerror(error)));
  }
  if (int error = SyncDirectory(ParentOf(path)); error != 0) {
    return Status::IoError(
        fmt::format("cannot write {}: fsync of its directory: {}", path, std::strerror(error)));
  }
  return Status::Ok();
}

bool IsTempName(std::string_view entry, std::string_view name) { return TempPid(entry, name) != 0; }

std::size_t RemoveStaleTemps(const std::string& dir, std::string_view name) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return 0;
  std::vector<std::string> stale;
  while (dirent* e = ::readdir(d)) {
    pid_t pid = TempPid(e->d_name, name);
    if (pid != 0 && !ProcessRuns(pid)) stale.emplace_back(e->d_name);
  }
  ::closedir(d);
  std::size_t removed = 0;
  for (const std::string& entry : stale) {
    std::error_code ec;
    // remove_all does not follow symlinks: a planted link is removed, not its target.
    if (fs::remove_all(fs::path(dir) / entry, ec) > 0 && !ec) ++removed;
  }
  return removed;
}

}  // namespace receipts
