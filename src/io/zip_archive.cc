#include "io/zip_archive.h"

#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/input_open.h"
#include "io/input_limits.h"

namespace receipts {
namespace {

constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::uint32_t kZip64EndLocator = 0x07064b50;
constexpr std::uint32_t kZip64End = 0x06064b50;
constexpr std::uint32_t kDirectoryEntry = 0x02014b50;
constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::size_t kEndBytes = 22;
constexpr std::size_t kMaxComment = 0xffff;
constexpr std::uint16_t kStored = 0;
constexpr std::uint16_t kDeflated = 8;
constexpr std::uint16_t kEncrypted = 1;
// Compressed bytes read from the archive at a time.
constexpr std::size_t kInputBytes = std::size_t{1} << 20;
// A directory bigger than this is not one a record file has (a real Award Data Archive's is a
// few hundred bytes): refused rather than allocated.
constexpr std::uint64_t kMaxDirectoryBytes = std::uint64_t{256} << 20;

std::uint16_t U16(const char* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return static_cast<std::uint16_t>(b[0] | (b[1] << 8));
}
std::uint32_t U32(const char* p) {
  return static_cast<std::uint32_t>(U16(p)) | (static_cast<std::uint32_t>(U16(p + 2)) << 16);
}
std::uint64_t U64(const char* p) {
  return static_cast<std::uint64_t>(U32(p)) | (static_cast<std::uint64_t>(U32(p + 4)) << 32);
}

}  // namespace

ZipArchive::ZipArchive(std::string name, int fd, std::string_view bytes, std::uint64_t size)
    : name_(std::move(name)), fd_(fd), bytes_(bytes), size_(size) {}

ZipArchive::~ZipArchive() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::shared_ptr<ZipArchive>> ZipArchive::OpenFile(const std::string& path) {
  Result<int> fd = OpenInputFile(path, "an archive");
  if (!fd.ok()) return fd.status();
  struct stat st {};
  if (::fstat(*fd, &st) != 0) {
    const int error = errno;
    ::close(*fd);
    return Status::IoError(path + ": cannot read: " + std::strerror(error));
  }
  std::shared_ptr<ZipArchive> archive(
      new ZipArchive(path, *fd, {}, static_cast<std::uint64_t>(st.st_size)));
  if (Status s = archive->ReadDirectory(); !s.ok()) return s;
  return archive;
}

Result<std::shared_ptr<ZipArchive>> ZipArchive::OpenBytes(const std::string& name,
                                                          std::string_view bytes) {
  std::shared_ptr<ZipArchive> archive(new ZipArchive(name, -1, bytes, bytes.size()));
  if (Status s = archive->ReadDirectory(); !s.ok()) return s;
  return archive;
}

Status ZipArchive::ReadAt(std::uint64_t offset, char* out, std::size_t size) const {
  if (offset > size_ || size > size_ - offset) {
    return Status::InvalidInput(name_ + ": corrupt or truncated archive: " + std::to_string(size) +
                                " bytes at byte " + std::to_string(offset) + " lie past its end (" +
                                std::to_string(size_) + " bytes)");
  }
  if (fd_ < 0) {
    std::memcpy(out, bytes_.data() + offset, size);
    return Status::Ok();
  }
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd_, out + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError(name_ + ": read failed: " + std::strerror(errno));
    if (n == 0) return Status::IoError(name_ + ": the file shrank while it was read");
    done += static_cast<std::size_t>(n);
  }
  return Status::Ok();
}

Status ZipArchive::ReadDirectory() {
  auto corrupt = [this](const std::string& what) {
    return Status::InvalidInput(name_ + ": corrupt or truncated archive: " + what);
  };
  // The end-of-directory record is the last 22 bytes, unless a comment (at most 64 KiB) follows.
  const std::size_t tail_size =
      static_cast<std::size_t>(std::min<std::uint64_t>(size_, kEndBytes + kMaxComment));
  std::string tail(tail_size, '\0');
  if (Status s = ReadAt(size_ - tail_size, tail.data(), tail_size); !s.ok()) return s;
  std::size_t end = std::string::npos;
  for (std::size_t at = tail_size >= kEndBytes ? tail_size - kEndBytes + 1 : 0; at-- > 0;) {
    if (U32(tail.data() + at) == kEndOfDirectory &&
        at + kEndBytes + U16(tail.data() + at + 20) == tail_size) {
      end = at;
      break;
    }
  }
  if (end == std::string::npos) {
    return corrupt("no end-of-directory record (the file is cut short, or not a zip)");
  }
  const char* record = tail.data() + end;
  std::uint64_t entries = U16(record + 10);
  std::uint64_t directory_size = U32(record + 12);
  std::uint64_t directory_offset = U32(record + 16);
  if (U16(record + 4) != 0 || U16(record + 6) != 0) {
    return corrupt("a zip split across several disks is not read");
  }
  const std::uint64_t end_offset = size_ - tail_size + end;
  if (entries == 0xffff || directory_size == 0xffffffff || directory_offset == 0xffffffff) {
    // Zip64: a locator just before the record points at the zip64 end-of-directory record.
    char locator[20];
    if (end_offset < sizeof locator) return corrupt("no zip64 end-of-directory locator");
    if (Status s = ReadAt(end_offset - sizeof locator, locator, sizeof locator); !s.ok()) return s;
    if (U32(locator) != kZip64EndLocator) return corrupt("no zip64 end-of-directory locator");
    char zip64[56];
    if (Status s = ReadAt(U64(locator + 8), zip64, sizeof zip64); !s.ok()) return s;
    if (U32(zip64) != kZip64End) return corrupt("no zip64 end-of-directory record");
    entries = U64(zip64 + 32);
    directory_size = U64(zip64 + 40);
    directory_offset = U64(zip64 + 48);
  }
  if (directory_size > kMaxDirectoryBytes) {
    return corrupt("its directory claims " + std::to_string(directory_size) + " bytes");
  }
  std::string directory(static_cast<std::size_t>(directory_size), '\0');
  if (Status s = ReadAt(directory_offset, directory.data(), directory.size()); !s.ok()) return s;
  std::size_t at = 0;
  for (std::uint64_t i = 0; i < entries; ++i) {
    const std::string entry = "directory entry " + std::to_string(i + 1);
    if (directory.size() - at < 46 || U32(directory.data() + at) != kDirectoryEntry) {
      return corrupt(entry + " is missing or malformed");
    }
    const char* e = directory.data() + at;
    ZipMember member;
    member.flags = U16(e + 8);
    member.method = U16(e + 10);
    member.crc32 = U32(e + 16);
    member.compressed_size = U32(e + 20);
    member.size = U32(e + 24);
    const std::size_t name_size = U16(e + 28), extra_size = U16(e + 30), comment_size = U16(e + 32);
    member.local_header_offset = U32(e + 42);
    if (directory.size() - at - 46 < name_size + extra_size + comment_size) {
      return corrupt(entry + " runs past the directory");
    }
    member.name.assign(e + 46, name_size);
    // Zip64 extra field: the 64-bit values of the fields set to all ones, in this order.
    const char* extra = e + 46 + name_size;
    for (std::size_t x = 0; x + 4 <= extra_size;) {
      const std::uint16_t id = U16(extra + x), size = U16(extra + x + 2);
      if (x + 4 + size > extra_size) return corrupt(entry + " has a malformed extra field");
      if (id == 0x0001) {
        const char* value = extra + x + 4;
        std::size_t left = size;
        auto take = [&](std::uint64_t* field) {
          if (*field != 0xffffffff) return true;
          if (left < 8) return false;
          *field = U64(value);
          value += 8;
          left -= 8;
          return true;
        };
        if (!take(&member.size) || !take(&member.compressed_size) ||
            !take(&member.local_header_offset)) {
          return corrupt(entry + " has a short zip64 field");
        }
      }
      x += 4 + size;
    }
    at += 46 + name_size + extra_size + comment_size;
    members_.push_back(std::move(member));
  }
  return Status::Ok();
}

bool ZipArchive::ReadableByIsal() const {
  return std::all_of(members_.begin(), members_.end(), [](const ZipMember& m) {
    return (m.flags & kEncrypted) == 0 && (m.method == kStored || m.method == kDeflated);
  });
}

Result<std::unique_ptr<ZipMemberReader>> ZipArchive::OpenMember(std::size_t index,
                                                                std::uint64_t max_bytes) const {
  const ZipMember& member = members_.at(index);
  const std::string part = name_ + ":" + member.name;
  if ((member.flags & kEncrypted) != 0) {
    return Status::InvalidInput(part + ": the member is encrypted");
  }
  if (member.method != kStored && member.method != kDeflated) {
    return Status::InvalidInput(part + ": compression method " + std::to_string(member.method) +
                                " is not read (only stored and deflate)");
  }
  char local[30];
  if (Status s = ReadAt(member.local_header_offset, local, sizeof local); !s.ok()) return s;
  if (U32(local) != kLocalHeader) {
    return Status::InvalidInput(part + ": corrupt archive: no local header at byte " +
                                std::to_string(member.local_header_offset));
  }
  const std::uint64_t data_offset =
      member.local_header_offset + sizeof local + U16(local + 26) + U16(local + 28);
  if (data_offset > size_ || member.compressed_size > size_ - data_offset) {
    return Status::InvalidInput(part + ": corrupt or truncated archive: its " +
                                std::to_string(member.compressed_size) +
                                " compressed bytes run past the end of the file");
  }
  return std::unique_ptr<ZipMemberReader>(
      new ZipMemberReader(shared_from_this(), member, data_offset, max_bytes));
}

struct ZipMemberReader::State {
  inflate_state inflate{};
  std::vector<unsigned char> in;
  std::uint64_t next_offset = 0;      // of the compressed bytes not yet read from the archive
  std::uint64_t compressed_left = 0;  // compressed bytes not yet read from the archive
  std::uint64_t out_total = 0;
  std::uint32_t crc = 0;  // of a stored member's bytes
  bool done = false;
};

ZipMemberReader::ZipMemberReader(std::shared_ptr<const ZipArchive> archive, const ZipMember& member,
                                 std::uint64_t data_offset, std::uint64_t max_bytes)
    : archive_(std::move(archive)),
      member_(member),
      part_(archive_->name() + ":" + member.name),
      max_bytes_(max_bytes),
      state_(std::make_unique<State>()) {
  State& s = *state_;
  s.next_offset = data_offset;
  s.compressed_left = member.compressed_size;
  s.in.resize(static_cast<std::size_t>(std::min<std::uint64_t>(kInputBytes, s.compressed_left)));
  isal_inflate_init(&s.inflate);
  // Raw deflate with the gzip CRC-32 (the zip one) of the output kept in inflate.crc.
  s.inflate.crc_flag = ISAL_GZIP_NO_HDR;
}

ZipMemberReader::~ZipMemberReader() = default;

Status ZipMemberReader::Fail(const std::string& what) const {
  return Status::InvalidInput(part_ + ": " + what);
}

std::uint64_t ZipMemberReader::compressed_bytes() const {
  return member_.compressed_size - state_->compressed_left - state_->inflate.avail_in;
}

Result<std::size_t> ZipMemberReader::Read(char* buffer, std::size_t capacity) {
  State& s = *state_;
  if (s.done || capacity == 0) return std::size_t{0};
  const std::uint32_t want = InflateWindow(capacity, s.out_total, max_bytes_);
  std::size_t produced = 0;
  bool finished = false;
  if (member_.method == kStored) {
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(want, s.compressed_left));
    if (Status st = archive_->ReadAt(s.next_offset, buffer, n); !st.ok()) return st;
    s.next_offset += n;
    s.compressed_left -= n;
    s.crc = crc32_gzip_refl(s.crc, reinterpret_cast<const unsigned char*>(buffer), n);
    produced = n;
    finished = s.compressed_left == 0;
  } else {
    s.inflate.next_out = reinterpret_cast<std::uint8_t*>(buffer);
    s.inflate.avail_out = want;
    while (s.inflate.avail_out == want) {
      if (s.inflate.avail_in == 0 && s.compressed_left > 0) {
        const auto n =
            static_cast<std::size_t>(std::min<std::uint64_t>(s.in.size(), s.compressed_left));
        if (Status st = archive_->ReadAt(s.next_offset, reinterpret_cast<char*>(s.in.data()), n);
            !st.ok()) {
          return st;
        }
        s.next_offset += n;
        s.compressed_left -= n;
        s.inflate.next_in = s.in.data();
        s.inflate.avail_in = static_cast<std::uint32_t>(n);
      }
      const std::uint32_t in_before = s.inflate.avail_in;
      const int rc = isal_inflate(&s.inflate);
      if (rc != ISAL_DECOMP_OK && rc != ISAL_END_INPUT && rc != ISAL_OUT_OVERFLOW) {
        return Fail("corrupt compressed data near byte " + std::to_string(compressed_bytes()) +
                    " of the member (ISA-L error " + std::to_string(rc) + ")");
      }
      if (s.inflate.block_state == ISAL_BLOCK_FINISH) {
        finished = true;
        break;
      }
      if (s.inflate.avail_out == want && s.inflate.avail_in == in_before &&
          s.compressed_left == 0) {
        return Fail("truncated compressed data: its " + std::to_string(member_.compressed_size) +
                    " bytes end inside the deflate stream");
      }
    }
    produced = want - s.inflate.avail_out;
    s.crc = s.inflate.crc;
  }
  s.out_total += produced;
  if (s.out_total > max_bytes_) {
    return Fail("inflates to more than the limit of " + std::to_string(max_bytes_) +
                kInflateLimitHint);
  }
  if (finished) {
    if (s.crc != member_.crc32 || s.out_total != member_.size) {
      return Fail("corrupt member: its CRC-32 or size does not match the archive's directory");
    }
    s.done = true;
  }
  return produced;
}

}  // namespace receipts
