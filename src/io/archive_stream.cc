#include "io/archive_stream.h"

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/input_open.h"
#include "io/gzip_reader.h"
#include "io/zip_archive.h"

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
  std::uint64_t max_part_bytes = 0;
  std::uint64_t part_bytes = 0;
  // A .gz: one part, inflated by zlib rather than libarchive (whose gzip filter ignores the
  // CRC-32).
  std::ifstream file;
  std::unique_ptr<GzipReader> gzip;
  bool gzip_part_given = false;
  // A zip whose members ISA-L reads: through its directory (else libarchive, `a`).
  std::shared_ptr<ZipArchive> zip_archive;
  std::size_t next_member = 0;
  std::unique_ptr<ZipMemberReader> member;
  std::uint64_t member_offset = 0;
  ~Handle() {
    if (a != nullptr) archive_read_free(a);
  }
};

namespace {

// Keeps an opened zip in `*slot` when ISA-L reads all of it; leaves it to libarchive otherwise.
Status TakeZip(Result<std::shared_ptr<ZipArchive>> zip, std::shared_ptr<ZipArchive>* slot) {
  if (!zip.ok()) return zip.status();
  if ((*zip)->ReadableByIsal()) *slot = std::move(zip).value();
  return Status::Ok();
}

}  // namespace

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
  return DetectBytes(std::string_view(magic, static_cast<std::size_t>(got)));
}

ArchiveStream::Kind ArchiveStream::DetectBytes(std::string_view bytes) {
  if (bytes.starts_with("\x1f\x8b")) return Kind::kGzip;
  if (bytes.starts_with("PK\x03\x04")) return Kind::kZip;
  return Kind::kPlain;
}

Result<std::unique_ptr<ArchiveStream>> ArchiveStream::Open(const std::string& path, Kind kind,
                                                           const InputLimits& limits) {
  auto h = std::make_unique<Handle>();
  h->path = path;
  h->zip = kind == Kind::kZip;
  if (Status s = CheckInputFile(path); !s.ok()) return s;
  h->max_part_bytes = limits.max_streamed_bytes;
  if (!h->zip) {
    h->file.open(path, std::ios::binary);
    if (!h->file) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
    std::ifstream* file = &h->file;
    h->gzip = std::make_unique<GzipReader>(
        path,
        [file, path](char* buffer, std::size_t capacity) -> Result<std::size_t> {
          file->read(buffer, static_cast<std::streamsize>(capacity));
          if (file->bad()) return Status::IoError(path + ": read failed");
          return static_cast<std::size_t>(file->gcount());
        },
        limits.max_streamed_bytes);
    return std::unique_ptr<ArchiveStream>(new ArchiveStream(std::move(h)));
  }
  if (Status s = TakeZip(ZipArchive::OpenFile(path), &h->zip_archive); !s.ok()) return s;
  if (h->zip_archive != nullptr) {
    return std::unique_ptr<ArchiveStream>(new ArchiveStream(std::move(h)));
  }
  h->a = archive_read_new();
  archive_read_support_format_zip(h->a);
  if (archive_read_open_filename(h->a, path.c_str(), 1 << 20) != ARCHIVE_OK) {
    return Status::IoError(path + ": cannot open archive: " + Text(archive_error_string(h->a)));
  }
  return std::unique_ptr<ArchiveStream>(new ArchiveStream(std::move(h)));
}

Result<std::size_t> ArchiveStream::CountParts(const std::string& path, Kind kind) {
  if (kind != Kind::kZip) return std::size_t{1};
  Result<std::shared_ptr<ZipArchive>> zip = ZipArchive::OpenFile(path);
  if (!zip.ok()) return zip.status();
  if (!(*zip)->ReadableByIsal()) return std::size_t{2};
  const std::vector<ZipMember>& members = (*zip)->members();
  return static_cast<std::size_t>(std::count_if(members.begin(), members.end(),
                                                [](const ZipMember& m) { return !m.directory(); }));
}

Result<std::unique_ptr<ArchiveStream>> ArchiveStream::OpenBytes(const std::string& name,
                                                                std::string_view bytes, Kind kind,
                                                                const InputLimits& limits) {
  auto h = std::make_unique<Handle>();
  h->path = name;
  h->zip = kind == Kind::kZip;
  h->max_part_bytes = limits.max_streamed_bytes;
  if (!h->zip) {
    auto offset = std::make_shared<std::size_t>(0);
    h->gzip = std::make_unique<GzipReader>(
        name,
        [bytes, offset](char* buffer, std::size_t capacity) -> Result<std::size_t> {
          std::size_t n = std::min(capacity, bytes.size() - *offset);
          std::memcpy(buffer, bytes.data() + *offset, n);
          *offset += n;
          return n;
        },
        limits.max_streamed_bytes);
    return std::unique_ptr<ArchiveStream>(new ArchiveStream(std::move(h)));
  }
  if (Status s = TakeZip(ZipArchive::OpenBytes(name, bytes), &h->zip_archive); !s.ok()) return s;
  if (h->zip_archive != nullptr) {
    return std::unique_ptr<ArchiveStream>(new ArchiveStream(std::move(h)));
  }
  h->a = archive_read_new();
  archive_read_support_format_zip(h->a);
  if (archive_read_open_memory(h->a, bytes.data(), bytes.size()) != ARCHIVE_OK) {
    return Status::InvalidInput(name +
                                ": cannot open archive: " + Text(archive_error_string(h->a)));
  }
  return std::unique_ptr<ArchiveStream>(new ArchiveStream(std::move(h)));
}

Result<bool> ArchiveStream::NextPart(std::string* name) {
  Handle& h = *handle_;
  if (h.gzip != nullptr) {
    if (h.gzip_part_given) return false;
    h.gzip_part_given = true;
    h.part = h.path;
    *name = h.part;
    return true;
  }
  if (h.zip_archive != nullptr) {
    const std::vector<ZipMember>& members = h.zip_archive->members();
    while (h.next_member < members.size() && members[h.next_member].directory()) ++h.next_member;
    h.member.reset();
    if (h.next_member == members.size()) {
      h.member_offset = h.zip_archive->size();  // all of it read, for progress
      return false;
    }
    Result<std::unique_ptr<ZipMemberReader>> member =
        h.zip_archive->OpenMember(h.next_member, h.max_part_bytes);
    if (!member.ok()) return member.status();
    h.member = std::move(member).value();
    h.member_offset = members[h.next_member].local_header_offset;
    h.part = h.path + ":" + members[h.next_member].name;
    ++h.next_member;
    *name = h.part;
    return true;
  }
  while (true) {
    archive_entry* entry = nullptr;
    int rc = archive_read_next_header(h.a, &entry);
    if (rc == ARCHIVE_EOF) return false;
    if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
      return Status::InvalidInput(
          h.path + ": corrupt or truncated archive: " + Text(archive_error_string(h.a)));
    }
    if (archive_entry_filetype(entry) == AE_IFDIR) continue;
    h.part = h.path + ":" + Text(archive_entry_pathname(entry));
    h.part_bytes = 0;
    *name = h.part;
    return true;
  }
}

Result<std::size_t> ArchiveStream::Read(char* buffer, std::size_t capacity) {
  Handle& h = *handle_;
  if (h.gzip != nullptr) return h.gzip->Read(buffer, capacity);
  if (h.zip_archive != nullptr) {
    if (h.member == nullptr) return std::size_t{0};
    return h.member->Read(buffer, capacity);
  }
  la_ssize_t n = archive_read_data(h.a, buffer, capacity);
  if (n < 0) {
    return Status::InvalidInput(
        h.part + ": corrupt or truncated compressed data: " + Text(archive_error_string(h.a)));
  }
  h.part_bytes += static_cast<std::uint64_t>(n);
  if (h.part_bytes > h.max_part_bytes) {
    return Status::InvalidInput(h.part + ": inflates to more than the limit of " +
                                std::to_string(h.max_part_bytes) + kInflateLimitHint);
  }
  return static_cast<std::size_t>(n);
}

std::uint64_t ArchiveStream::compressed_bytes() const {
  if (handle_->gzip != nullptr) return handle_->gzip->compressed_bytes();
  if (handle_->zip_archive != nullptr) {
    return handle_->member_offset +
           (handle_->member != nullptr ? handle_->member->compressed_bytes() : 0);
  }
  la_int64_t n = archive_filter_bytes(handle_->a, -1);
  return n < 0 ? 0 : static_cast<std::uint64_t>(n);
}

}  // namespace receipts
