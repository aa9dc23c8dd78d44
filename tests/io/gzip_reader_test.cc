// gzip and zip inputs are checked, member by member: libarchive's gzip filter let a flipped digit
// in a stored block through (a claim of $1,406,809.57 read as $9,406,809.57, exit 0).
#include "io/gzip_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "../archive_bytes.h"
#include "../test_files.h"
#include "claims/claims_reader.h"
#include "io/archive_stream.h"
#include "io/input_file.h"

namespace receipts {
namespace {

using testing::GzipBytes;
using testing::ZipBytes;

namespace fs = std::filesystem;

constexpr char kClaims[] =
    "piid,agency,savings\n"
    "70CMSD22A00000008,Department of Homeland Security,1406809.57\n";

// The stored claims with the savings' first digit turned from 1 into 9.
std::string FlippedDigitGzip() {
  std::string gz = GzipBytes(kClaims, 0);
  std::size_t at = gz.find("1406809.57");
  EXPECT_NE(at, std::string::npos);
  gz[at] = '9';
  return gz;
}

std::string ErrorOfDecode(const std::string& bytes, const InputLimits& limits = {}) {
  Result<std::vector<InputPart>> parts = DecodeInput("in.gz", bytes, limits);
  EXPECT_FALSE(parts.ok()) << "decoded into " << (parts.ok() ? parts->size() : 0) << " parts";
  return parts.ok() ? std::string() : parts.status().message();
}

class GzipReaderTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::MakeTestDir("receipts_gzip_"); }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  // Everything ArchiveStream gives for `path`, every part; the error when it fails.
  static Result<std::string> Stream(const std::string& path, const InputLimits& limits = {}) {
    Result<ArchiveStream::Kind> kind = ArchiveStream::Detect(path);
    if (!kind.ok()) return kind.status();
    Result<std::unique_ptr<ArchiveStream>> stream = ArchiveStream::Open(path, *kind, limits);
    if (!stream.ok()) return stream.status();
    std::string out;
    std::string name;
    while (true) {
      Result<bool> more = (*stream)->NextPart(&name);
      if (!more.ok()) return more.status();
      if (!*more) break;
      char buffer[4096];
      while (true) {
        Result<std::size_t> n = (*stream)->Read(buffer, sizeof buffer);
        if (!n.ok()) return n.status();
        if (*n == 0) break;
        out.append(buffer, *n);
      }
    }
    return out;
  }

  fs::path dir_;
};

TEST_F(GzipReaderTest, FlippedDigitInAStoredBlockIsRefusedByItsCrc32) {
  std::string message = ErrorOfDecode(FlippedDigitGzip());
  EXPECT_NE(message.find("in.gz: "), std::string::npos) << message;
  EXPECT_NE(message.find("CRC-32"), std::string::npos) << message;
}

TEST_F(GzipReaderTest, FlippedDigitIsRefusedWhenStreamedToo) {
  Result<std::string> read = Stream(Write("claims.csv.gz", FlippedDigitGzip()));
  ASSERT_FALSE(read.ok()) << *read;
  EXPECT_NE(read.status().message().find("claims.csv.gz: "), std::string::npos);
  EXPECT_NE(read.status().message().find("CRC-32"), std::string::npos) << read.status().message();
}

// The path of claims lists, uploads to serve (ParseClaims) and ledger pages alike.
TEST_F(GzipReaderTest, ClaimsWithAFlippedDigitAreRefusedNotMisread) {
  Result<std::vector<Claim>> claims = ParseClaims("upload.csv.gz", FlippedDigitGzip(), {});
  ASSERT_FALSE(claims.ok()) << "read " << claims->size() << " claims, savings "
                            << claims->front().claimed_savings.value_or(0);
  EXPECT_NE(claims.status().message().find("CRC-32"), std::string::npos);
  Result<std::vector<Claim>> good = ParseClaims("upload.csv.gz", GzipBytes(kClaims, 0), {});
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ(good->front().claimed_savings, 140'680'957);
}

TEST_F(GzipReaderTest, WrongLengthIsRefused) {
  std::string gz = GzipBytes(kClaims);
  gz[gz.size() - 4] ^= 1;  // ISIZE, the last four bytes
  std::string message = ErrorOfDecode(gz);
  EXPECT_NE(message.find("ISIZE"), std::string::npos) << message;
}

TEST_F(GzipReaderTest, ConcatenatedMembersReadAsOneStream) {
  std::string gz = GzipBytes("piid,agency,savings\n") + GzipBytes("P1,A,1.00\n") + GzipBytes("") +
                   GzipBytes("P2,B,2.00\n", 0);
  Result<std::vector<InputPart>> parts = DecodeInput("in.gz", gz);
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].bytes, "piid,agency,savings\nP1,A,1.00\nP2,B,2.00\n");
  Result<std::string> streamed = Stream(Write("multi.gz", gz));
  ASSERT_TRUE(streamed.ok()) << streamed.status().ToString();
  EXPECT_EQ(*streamed, (*parts)[0].bytes);
}

TEST_F(GzipReaderTest, TrailingGarbageIsRefusedWithItsOffset) {
  std::string gz = GzipBytes(kClaims);
  const std::string at = "at byte " + std::to_string(gz.size());
  for (const std::string& tail :
       {std::string("x"), std::string("garbage after it\n"), std::string(512, '\0')}) {
    std::string message = ErrorOfDecode(gz + tail);
    EXPECT_NE(message.find("trailing garbage"), std::string::npos) << message;
    EXPECT_NE(message.find(at), std::string::npos) << message;
    Result<std::string> streamed = Stream(Write("tail.gz", gz + tail));
    ASSERT_FALSE(streamed.ok());
    EXPECT_NE(streamed.status().message().find(at), std::string::npos)
        << streamed.status().message();
  }
}

TEST_F(GzipReaderTest, TruncatedMemberIsRefused) {
  std::string gz = GzipBytes(kClaims);
  std::string message = ErrorOfDecode(gz.substr(0, gz.size() - 6));
  EXPECT_NE(message.find("truncated"), std::string::npos) << message;
  message = ErrorOfDecode(gz + gz.substr(0, 12));
  EXPECT_NE(message.find("truncated"), std::string::npos) << message;
}

// A small bomb: 64 MiB of zeros deflate to about 64 KB.
TEST_F(GzipReaderTest, DecompressionBombPastTheCapIsRefused) {
  const std::string gz = GzipBytes(std::string(64 << 20, '\0'), 9);
  ASSERT_LT(gz.size(), 100'000u);
  InputLimits limits;
  limits.max_inflated_bytes = 1 << 20;
  limits.max_streamed_bytes = 1 << 20;
  std::string message = ErrorOfDecode(gz, limits);
  EXPECT_NE(message.find("in.gz: inflates to more than the limit of 1048576 bytes"),
            std::string::npos)
      << message;
  Result<std::string> streamed = Stream(Write("bomb.gz", gz), limits);
  ASSERT_FALSE(streamed.ok());
  EXPECT_NE(streamed.status().message().find("more than the limit of 1048576 bytes"),
            std::string::npos)
      << streamed.status().message();
  // Exactly at the limit is not past it.
  limits.max_inflated_bytes = 64 << 20;
  EXPECT_TRUE(DecodeInput("in.gz", gz, limits).ok());
}

TEST_F(GzipReaderTest, ZipBombPastTheCapIsRefused) {
  std::string zip =
      ZipBytes({{"a.csv", std::string(600 << 10, 'a')}, {"b.csv", std::string(600 << 10, 'b')}},
               /*store=*/true);
  InputLimits limits;
  limits.max_inflated_bytes = 1 << 20;  // each member is under it; both are not
  Result<std::vector<InputPart>> parts = DecodeInput("in.zip", zip, limits);
  ASSERT_FALSE(parts.ok());
  EXPECT_NE(parts.status().message().find("in.zip:b.csv: the archive inflates to more than"),
            std::string::npos)
      << parts.status().message();
  limits.max_streamed_bytes = 512 << 10;
  Result<std::string> streamed = Stream(Write("bomb.zip", zip), limits);
  ASSERT_FALSE(streamed.ok());
  EXPECT_NE(streamed.status().message().find("bomb.zip:a.csv: inflates to more than"),
            std::string::npos)
      << streamed.status().message();
}

TEST_F(GzipReaderTest, CorruptSecondZipMemberIsRefused) {
  std::string zip =
      ZipBytes({{"a.csv", "piid,savings\nP1,1.00\n"}, {"b.csv", "piid,savings\nP2,1406809.57\n"}},
               /*store=*/true);
  std::size_t at = zip.find("1406809.57");
  ASSERT_NE(at, std::string::npos);
  zip[at] = '9';
  Result<std::vector<InputPart>> parts = DecodeInput("in.zip", zip);
  ASSERT_FALSE(parts.ok()) << parts->back().bytes;
  EXPECT_NE(parts.status().message().find("in.zip:b.csv"), std::string::npos)
      << parts.status().message();
  Result<std::string> streamed = Stream(Write("bad.zip", zip));
  ASSERT_FALSE(streamed.ok()) << *streamed;
  EXPECT_NE(streamed.status().message().find("bad.zip:b.csv"), std::string::npos)
      << streamed.status().message();
}

}  // namespace
}  // namespace receipts
