#include "io/input_file.h"

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "core/input_open.h"
#include "io/gzip_reader.h"
#include "io/zip_archive.h"

namespace receipts {
namespace {

bool IsGzip(const std::string& b) { return b.size() >= 2 && b[0] == '\x1f' && b[1] == '\x8b'; }
bool IsZip(const std::string& b) { return b.size() >= 4 && b.compare(0, 4, "PK\x03\x04") == 0; }

// libarchive may return NULL for a message or a name on corrupt input.
std::string Text(const char* text) {
  return text == nullptr ? std::string("(unknown)") : std::string(text);
}

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};

// A zip whose members ISA-L cannot inflate (bzip2, LZMA, encrypted...): libarchive tries.
Result<std::vector<InputPart>> DecodeZipWithLibarchive(const std::string& name,
                                                       const std::string& bytes,
                                                       std::uint64_t max_bytes) {
  std::unique_ptr<archive, ArchiveCloser> a(archive_read_new());
  archive_read_support_format_zip(a.get());
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
    return Status::InvalidInput(name +
                                ": cannot open archive: " + Text(archive_error_string(a.get())));
  }
  std::vector<InputPart> parts;
  std::uint64_t inflated = 0;
  archive_entry* entry = nullptr;
  while (true) {
    int rc = archive_read_next_header(a.get(), &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
      return Status::InvalidInput(
          name + ": corrupt or truncated archive: " + Text(archive_error_string(a.get())));
    }
    if (archive_entry_filetype(entry) == AE_IFDIR) continue;
    InputPart part;
    part.name = name + ":" + Text(archive_entry_pathname(entry));
    char buffer[1 << 16];
    while (true) {
      la_ssize_t n = archive_read_data(a.get(), buffer, sizeof buffer);
      if (n == 0) break;
      if (n < 0) {
        return Status::InvalidInput(part.name + ": corrupt or truncated compressed data: " +
                                    Text(archive_error_string(a.get())));
      }
      part.bytes.append(buffer, static_cast<std::size_t>(n));
      inflated += static_cast<std::uint64_t>(n);
      if (inflated > max_bytes) {
        return Status::InvalidInput(part.name +
                                    ": the archive inflates to more than the limit of " +
                                    std::to_string(max_bytes) + kInflateLimitHint);
      }
    }
    parts.push_back(std::move(part));
  }
  if (parts.empty()) return Status::InvalidInput(name + ": archive holds no file");
  return parts;
}

Result<std::vector<InputPart>> DecodeZip(const std::string& name, const std::string& bytes,
                                         std::uint64_t max_bytes) {
  Result<std::shared_ptr<ZipArchive>> zip = ZipArchive::OpenBytes(name, bytes);
  if (!zip.ok()) return zip.status();
  if (!(*zip)->ReadableByIsal()) return DecodeZipWithLibarchive(name, bytes, max_bytes);
  std::vector<InputPart> parts;
  std::uint64_t inflated = 0;
  const std::vector<ZipMember>& members = (*zip)->members();
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (members[i].directory()) continue;
    Result<std::unique_ptr<ZipMemberReader>> reader = (*zip)->OpenMember(i, max_bytes);
    if (!reader.ok()) return reader.status();
    InputPart part;
    part.name = name + ":" + members[i].name;
    // The directory's size, up to the limit: one allocation for an honest archive.
    part.bytes.resize(static_cast<std::size_t>(std::min(members[i].size, max_bytes) + 1));
    std::size_t used = 0;
    while (true) {
      if (used == part.bytes.size()) part.bytes.resize(part.bytes.size() * 2);
      Result<std::size_t> n = (*reader)->Read(part.bytes.data() + used, part.bytes.size() - used);
      if (!n.ok()) return n.status();
      if (*n == 0) break;
      used += *n;
      inflated += *n;
      if (inflated > max_bytes) {
        return Status::InvalidInput(part.name +
                                    ": the archive inflates to more than the limit of " +
                                    std::to_string(max_bytes) + kInflateLimitHint);
      }
    }
    part.bytes.resize(used);
    parts.push_back(std::move(part));
  }
  if (parts.empty()) return Status::InvalidInput(name + ": archive holds no file");
  return parts;
}

}  // namespace

Result<std::vector<InputPart>> DecodeInput(const std::string& name, std::string bytes,
                                           const InputLimits& limits) {
  if (IsGzip(bytes)) {
    Result<std::string> inflated = InflateGzip(name, bytes, limits.max_inflated_bytes);
    if (!inflated.ok()) return inflated.status();
    std::vector<InputPart> parts;
    parts.push_back({name, std::move(inflated).value()});
    return parts;
  }
  if (IsZip(bytes)) return DecodeZip(name, bytes, limits.max_inflated_bytes);
  std::vector<InputPart> parts;
  parts.push_back({name, std::move(bytes)});
  return parts;
}

Result<std::vector<InputPart>> ReadInputFile(const std::string& path, const InputLimits& limits) {
  // A directory or a FIFO is refused there: read whole, one aborted and the other hung.
  Result<std::string> bytes = ReadWholeFile(path);
  if (!bytes.ok()) return bytes.status();
  return DecodeInput(path, std::move(bytes).value(), limits);
}

}  // namespace receipts
