#include "ingest/archive_stream.h"

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/input_open.h"

namespace receipts {
namespace {

std::string Text(const char* text) {
  return text == nullptr ? std::string("(unknown)") : std::string(text);
}

}  // namespace

struct ArchiveStream::Handle {
  archive* a = nullptr;
  std::string path;
  std::string part;
  bool zip = false;
  bool in_part = false;
  ~Handle() {
    if (a != nullptr) archive_read_free(a);
  }
};

ArchiveStream::ArchiveStream(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}
ArchiveStream::~ArchiveStream() = default;

Result<ArchiveStream::Kind> ArchiveStream::Detect(const std::string& path) {
  // A directory or a FIFO is refused, not read (or waited on).
  Result<int> fd = OpenInputFile(path);
  if (!fd.ok()) return fd.status();
  char magic[4] = {0, 0, 0, 0};
  ssize_t got = 0;
  while (got < 4) {
    ssize_t n = ::read(*fd, magic + got, static_cast<std::size_t>(4 - got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += n;
  }
  ::close(*fd);
  if (got >= 2 && magic[0] == '\x1f' && magic[1] == '\x8b') return Kind::kGzip;
  if (got >= 4 && std::memcmp(magic, "PK\x03\x04", 4) == 0) return Kind::kZip;
  return Kind::kPlain;
}

Result<std::unique_ptr<ArchiveStream>> ArchiveStream::Open(const std::string& path, Kind kind) {
  auto h = std::make_unique<Handle>();
  h->path = path;
  h->zip = kind == Kind::kZip;
  if (Status s = CheckInputFile(path); !s.ok()) return s;
  h->a = archive_read_new();
  if (h->zip) {
    archive_read_support_format_zip(h->a);
  } else {
    archive_read_support_filter_gzip(h->a);
    archive_read_support_format_raw(h->a);
  }
  if (archive_read_open_filename(h->a, path.c_str(), 1 << 20) != ARCHIVE_OK) {
    return Status::IoError(path + ": cannot open archive: " + Text(archive_error_string(h->a)));
  }
  return std::unique_ptr<ArchiveStream>(new ArchiveStream(std::move(h)));
}

Result<bool> ArchiveStream::NextPart(std::string* name) {
  Handle& h = *handle_;
  while (true) {
    archive_entry* entry = nullptr;
    int rc = archive_read_next_header(h.a, &entry);
    if (rc == ARCHIVE_EOF) return false;
    if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
      return Status::InvalidInput(
          h.path + ": corrupt or truncated archive: " + Text(archive_error_string(h.a)));
    }
    if (archive_entry_filetype(entry) == AE_IFDIR) continue;
    h.part = h.zip ? h.path + ":" + Text(archive_entry_pathname(entry)) : h.path;
    *name = h.part;
    return true;
  }
}

Result<std::size_t> ArchiveStream::Read(char* buffer, std::size_t capacity) {
  la_ssize_t n = archive_read_data(handle_->a, buffer, capacity);
  if (n < 0) {
    return Status::InvalidInput(handle_->part + ": corrupt or truncated compressed data: " +
                                Text(archive_error_string(handle_->a)));
  }
  return static_cast<std::size_t>(n);
}

std::uint64_t ArchiveStream::compressed_bytes() const {
  la_int64_t n = archive_filter_bytes(handle_->a, -1);
  return n < 0 ? 0 : static_cast<std::uint64_t>(n);
}

}  // namespace receipts
