#include "io/gzip_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "io/input_limits.h"

namespace receipts {
namespace {

constexpr std::size_t kInputBytes = std::size_t{1} << 20;

}  // namespace

struct GzipReader::State {
  z_stream strm{};
  gz_header header{};
  std::vector<unsigned char> in = std::vector<unsigned char>(kInputBytes);
  std::uint64_t fed = 0;  // compressed bytes taken from the source
  std::uint64_t out_total = 0;
  std::uint64_t member_start = 0;
  int members = 0;
  bool initialised = false;
  bool source_end = false;
  bool between_members = true;
  bool done = false;
  std::uint64_t consumed() const { return fed - strm.avail_in; }
  ~State() {
    if (initialised) inflateEnd(&strm);
  }
};

GzipReader::GzipReader(std::string name, Source source, std::uint64_t max_bytes)
    : name_(std::move(name)),
      source_(std::move(source)),
      max_bytes_(max_bytes),
      state_(std::make_unique<State>()) {}

GzipReader::~GzipReader() = default;

std::uint64_t GzipReader::compressed_bytes() const { return state_->consumed(); }

Status GzipReader::Fail(std::string what) const {
  return Status::InvalidInput(name_ + ": " + what);
}

Status GzipReader::Refill() {
  State& s = *state_;
  if (s.strm.avail_in > 0 || s.source_end) return Status::Ok();
  Result<std::size_t> n = source_(reinterpret_cast<char*>(s.in.data()), s.in.size());
  if (!n.ok()) return n.status();
  s.fed += *n;
  s.strm.next_in = s.in.data();
  s.strm.avail_in = static_cast<uInt>(*n);
  if (*n == 0) s.source_end = true;
  return Status::Ok();
}

Result<std::size_t> GzipReader::Read(char* buffer, std::size_t capacity) {
  State& s = *state_;
  if (s.done || capacity == 0) return std::size_t{0};
  // One byte beyond the limit is enough to know it is passed.
  const std::uint64_t left = max_bytes_ - std::min(max_bytes_, s.out_total);
  const std::uint64_t most = std::uint64_t{1} << 30;
  const uInt want =
      static_cast<uInt>(std::min<std::uint64_t>(capacity, left < most ? left + 1 : most));
  s.strm.next_out = reinterpret_cast<unsigned char*>(buffer);
  s.strm.avail_out = want;
  while (s.strm.avail_out == want) {
    if (Status st = Refill(); !st.ok()) return st;
    if (s.between_members) {
      if (s.strm.avail_in == 0 && s.members > 0) {
        s.done = true;
        return std::size_t{0};
      }
      int rc = s.initialised ? inflateReset(&s.strm) : inflateInit2(&s.strm, 16 + MAX_WBITS);
      if (rc != Z_OK) return Fail("cannot start inflating (zlib error " + std::to_string(rc) + ")");
      s.initialised = true;
      // inflateReset forgets the header to fill, so it is asked for again for every member.
      s.header = gz_header{};
      inflateGetHeader(&s.strm, &s.header);
      s.member_start = s.consumed();
      s.between_members = false;
      ++s.members;
    }
    const int rc = inflate(&s.strm, Z_NO_FLUSH);
    // A later "member" that does not even have a gzip header is not one: say what it is. zlib
    // sets done to 1 once a header is read, to -1 when the bytes are not a gzip header.
    const bool not_a_member = s.members > 1 && s.header.done != 1;
    if (rc == Z_STREAM_END) {
      s.between_members = true;
    } else if (rc == Z_OK || (rc == Z_BUF_ERROR && !(s.strm.avail_in == 0 && s.source_end))) {
      // Progress, or more input needed and still to come.
    } else if (rc == Z_BUF_ERROR || (rc == Z_DATA_ERROR && not_a_member)) {
      if (not_a_member) {
        return Fail("trailing garbage after the last gzip member, at byte " +
                    std::to_string(s.member_start));
      }
      return Fail("truncated gzip data: it ends at byte " + std::to_string(s.consumed()) +
                  " inside member " + std::to_string(s.members));
    } else if (rc == Z_DATA_ERROR) {
      const std::string msg = s.strm.msg == nullptr ? "corrupt data" : s.strm.msg;
      std::string why = msg;
      if (msg == "incorrect data check") why = "CRC-32 does not match the data (" + msg + ")";
      if (msg == "incorrect length check") why = "length does not match ISIZE (" + msg + ")";
      return Fail("corrupt gzip member " + std::to_string(s.members) + " (starting at byte " +
                  std::to_string(s.member_start) + "), near byte " + std::to_string(s.consumed()) +
                  ": " + why);
    } else {
      return Fail("cannot inflate (zlib error " + std::to_string(rc) + ")");
    }
  }
  const std::size_t produced = want - s.strm.avail_out;
  s.out_total += produced;
  if (s.out_total > max_bytes_) {
    return Fail("inflates to more than the limit of " + std::to_string(max_bytes_) +
                kInflateLimitHint);
  }
  return produced;
}

Result<std::string> InflateGzip(const std::string& name, const std::string& bytes,
                                std::uint64_t max_bytes) {
  std::size_t offset = 0;
  GzipReader reader(
      name,
      [&](char* buffer, std::size_t capacity) -> Result<std::size_t> {
        const std::size_t n = std::min(capacity, bytes.size() - offset);
        std::memcpy(buffer, bytes.data() + offset, n);
        offset += n;
        return n;
      },
      max_bytes);
  std::string out;
  out.reserve(std::min<std::uint64_t>(max_bytes, std::uint64_t{bytes.size()} * 4));
  std::vector<char> piece(std::size_t{1} << 20);
  while (true) {
    Result<std::size_t> n = reader.Read(piece.data(), piece.size());
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    out.append(piece.data(), *n);
  }
  return out;
}

}  // namespace receipts
