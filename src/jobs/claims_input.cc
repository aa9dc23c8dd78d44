#include "jobs/claims_input.h"

#include <unistd.h>

#include <cerrno>
#include <memory>

#include "core/input_open.h"
#include "io/archive_stream.h"
#include "records/records_reader.h"

namespace receipts {
namespace {

// Enough of a file for its header line: USAspending's run to a few hundred columns.
constexpr std::size_t kHeadBytes = 256 << 10;

// Up to kHeadBytes of the first part `stream` holds; "" when it holds none or is corrupt (the
// claims reader then reports it, in its own words).
std::string HeadOf(Result<std::unique_ptr<ArchiveStream>> stream) {
  std::string head;
  if (!stream.ok()) return head;
  std::string name;
  Result<bool> part = (*stream)->NextPart(&name);
  if (!part.ok() || !*part) return head;
  head.resize(kHeadBytes);
  std::size_t got = 0;
  while (got < head.size()) {
    Result<std::size_t> n = (*stream)->Read(head.data() + got, head.size() - got);
    if (!n.ok() || *n == 0) break;
    got += *n;
  }
  head.resize(got);
  return head;
}

Status RefuseRecords(const std::string& name, std::string_view head, std::string_view hint) {
  std::string format = RecordFormatOf(head);
  if (format.empty()) return Status::Ok();
  return Status::InvalidInput(name + ": this is a record file (" + format +
                              "), not a claims list: " + std::string(hint));
}

}  // namespace

Status CheckClaimsFile(const std::string& path, std::string_view hint) {
  Result<int> fd = OpenInputFile(path, "a claims file");
  if (!fd.ok()) return fd.status();
  std::string head(kHeadBytes, '\0');
  std::size_t got = 0;
  while (got < head.size()) {
    ssize_t n = ::read(*fd, head.data() + got, head.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // a read error is reported by the claims reader, in its own words
    got += static_cast<std::size_t>(n);
  }
  ::close(*fd);
  head.resize(got);
  ArchiveStream::Kind kind = ArchiveStream::DetectBytes(head);
  if (kind == ArchiveStream::Kind::kPlain) return RefuseRecords(path, head, hint);
  return RefuseRecords(path, HeadOf(ArchiveStream::Open(path, kind)), hint);
}

Status CheckClaimsBytes(const std::string& name, std::string_view bytes, std::string_view hint) {
  ArchiveStream::Kind kind = ArchiveStream::DetectBytes(bytes);
  if (kind == ArchiveStream::Kind::kPlain) {
    return RefuseRecords(name, bytes.substr(0, kHeadBytes), hint);
  }
  return RefuseRecords(name, HeadOf(ArchiveStream::OpenBytes(name, bytes, kind)), hint);
}

}  // namespace receipts
