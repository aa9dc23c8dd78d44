// Zip archives read through their central directory with ISA-L: every member's CRC-32 and size
// checked, zip64 fields read, a cut-short download refused naming the file, and the members ISA-L
// cannot inflate left to libarchive.
#include "io/zip_archive.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "../archive_bytes.h"
#include "../test_files.h"
#include "io/archive_stream.h"
#include "io/input_file.h"

namespace receipts {
namespace {

using testing::ZipBytes;
namespace fs = std::filesystem;

const std::string kHistory = "piid,savings\nP1,1406809.57\n" + std::string(5000, 'x') + "\n";
const std::string kFunding = "award_unique_key,gross\nK,1.00\n";

std::string TwoMembers(bool store = false, const char* options = nullptr) {
  return ZipBytes({{"dir/", ""}, {"history.csv", kHistory}, {"funding.csv", kFunding}}, store,
                  options);
}

// Every member of `zip` read through ZipArchive, concatenated; the first error otherwise.
Result<std::string> ReadAll(const std::string& zip, std::uint64_t max_bytes = 1 << 20) {
  Result<std::shared_ptr<ZipArchive>> archive = ZipArchive::OpenBytes("in.zip", zip);
  if (!archive.ok()) return archive.status();
  std::string out;
  for (std::size_t i = 0; i < (*archive)->members().size(); ++i) {
    if ((*archive)->members()[i].directory()) continue;
    Result<std::unique_ptr<ZipMemberReader>> reader = (*archive)->OpenMember(i, max_bytes);
    if (!reader.ok()) return reader.status();
    char buffer[777];
    while (true) {
      Result<std::size_t> n = (*reader)->Read(buffer, sizeof buffer);
      if (!n.ok()) return n.status();
      if (*n == 0) break;
      out.append(buffer, *n);
    }
  }
  return out;
}

// The offset of the central directory entry of member `index` (0-based).
std::size_t DirectoryEntry(const std::string& zip, std::size_t index) {
  std::size_t at = zip.find("PK\x01\x02");
  for (std::size_t i = 0; i < index; ++i) at = zip.find("PK\x01\x02", at + 4);
  EXPECT_NE(at, std::string::npos);
  return at;
}

void Put32(std::string* zip, std::size_t at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) (*zip)[at + i] = static_cast<char>((value >> (8 * i)) & 0xff);
}

TEST(ZipArchiveTest, ReadsDeflatedAndStoredMembersThroughTheDirectory) {
  for (bool store : {false, true}) {
    Result<std::shared_ptr<ZipArchive>> archive =
        ZipArchive::OpenBytes("in.zip", TwoMembers(store));
    ASSERT_TRUE(archive.ok()) << archive.status().message();
    ASSERT_EQ((*archive)->members().size(), 3u);
    EXPECT_TRUE((*archive)->members()[0].directory());
    EXPECT_EQ((*archive)->members()[1].name, "history.csv");
    EXPECT_EQ((*archive)->members()[1].size, kHistory.size());
    EXPECT_EQ((*archive)->members()[1].method, store ? 0 : 8);
    EXPECT_TRUE((*archive)->ReadableByIsal());
    Result<std::string> all = ReadAll(TwoMembers(store));
    ASSERT_TRUE(all.ok()) << all.status().message();
    EXPECT_EQ(*all, kHistory + kFunding);
  }
}

TEST(ZipArchiveTest, Zip64FieldsAreRead) {
  const std::string zip = TwoMembers(false, "zip:zip64");
  ASSERT_NE(zip.find("PK\x06\x06"), std::string::npos) << "no zip64 end record was written";
  Result<std::string> all = ReadAll(zip);
  ASSERT_TRUE(all.ok()) << all.status().message();
  EXPECT_EQ(*all, kHistory + kFunding);
}

TEST(ZipArchiveTest, ACutShortDownloadIsRefusedNamingTheFile) {
  std::string zip = TwoMembers();
  zip.resize(zip.size() / 2);
  Result<std::string> all = ReadAll(zip);
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.status().message(),
            "in.zip: corrupt or truncated archive: no end-of-directory record (the file is cut "
            "short, or not a zip)");
}

TEST(ZipArchiveTest, ADirectoryPointingPastTheEndIsRefused) {
  std::string zip = TwoMembers();
  Put32(&zip, DirectoryEntry(zip, 2) + 20, 1u << 30);  // the compressed size of funding.csv
  Result<std::string> all = ReadAll(zip);
  ASSERT_FALSE(all.ok());
  EXPECT_NE(all.status().message().find("in.zip:funding.csv: corrupt or truncated archive"),
            std::string::npos)
      << all.status().message();
}

TEST(ZipArchiveTest, ASizeOrCrcThatDiffersFromTheDirectoryIsRefused) {
  for (std::size_t field : {16u, 24u}) {  // CRC-32, uncompressed size
    std::string zip = TwoMembers();
    const std::size_t at = DirectoryEntry(zip, 1) + field;
    zip[at] = static_cast<char>(zip[at] ^ 1);
    Result<std::string> all = ReadAll(zip);
    ASSERT_FALSE(all.ok()) << field;
    EXPECT_EQ(all.status().message(),
              "in.zip:history.csv: corrupt member: its CRC-32 or size does not match the "
              "archive's directory");
  }
}

TEST(ZipArchiveTest, AFlippedDigitInAStoredMemberIsRefused) {
  std::string zip = TwoMembers(/*store=*/true);
  zip[zip.find("1406809.57")] = '9';
  Result<std::string> all = ReadAll(zip);
  ASSERT_FALSE(all.ok());
  EXPECT_NE(all.status().message().find("in.zip:history.csv: corrupt member"), std::string::npos);
}

TEST(ZipArchiveTest, CorruptDeflateDataIsRefusedNamingTheMember) {
  std::string zip = TwoMembers();
  Result<std::shared_ptr<ZipArchive>> archive = ZipArchive::OpenBytes("in.zip", zip);
  ASSERT_TRUE(archive.ok());
  // Every byte of the member's compressed data flipped in turn: each is refused, none crashes.
  const ZipMember& member = (*archive)->members()[1];
  const std::size_t local = member.local_header_offset;
  auto u16 = [&zip](std::size_t at) {
    return static_cast<std::size_t>(static_cast<unsigned char>(zip[at]) |
                                    (static_cast<unsigned char>(zip[at + 1]) << 8));
  };
  const std::size_t data = local + 30 + u16(local + 26) + u16(local + 28);
  for (std::size_t i = 0; i < member.compressed_size; ++i) {
    std::string bad = zip;
    bad[data + i] = static_cast<char>(bad[data + i] ^ 0x55);
    Result<std::string> all = ReadAll(bad);
    if (all.ok()) {
      ADD_FAILURE() << "byte " << i << " flipped and read";
      continue;
    }
    EXPECT_NE(all.status().message().find("in.zip:history.csv: "), std::string::npos)
        << all.status().message();
  }
}

TEST(ZipArchiveTest, InflatingPastTheLimitIsRefused) {
  Result<std::string> all = ReadAll(TwoMembers(), 1000);
  ASSERT_FALSE(all.ok());
  EXPECT_NE(all.status().message().find("in.zip:history.csv: inflates to more than the limit of "
                                        "1000 bytes"),
            std::string::npos)
      << all.status().message();
}

TEST(ZipArchiveTest, MembersIsalCannotInflateAreLeftToLibarchive) {
  std::string zip = TwoMembers();
  // funding.csv said to be bzip2 (method 12), in its directory entry and its local header.
  const std::size_t entry = DirectoryEntry(zip, 2);
  zip[entry + 10] = 12;
  zip[zip.find("PK\x03\x04", zip.find("history.csv") + 20) + 8] = 12;
  Result<std::shared_ptr<ZipArchive>> archive = ZipArchive::OpenBytes("in.zip", zip);
  ASSERT_TRUE(archive.ok());
  EXPECT_FALSE((*archive)->ReadableByIsal());
  Result<std::unique_ptr<ZipMemberReader>> reader = (*archive)->OpenMember(2, 1 << 20);
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().message().find("compression method 12 is not read"), std::string::npos);
  // DecodeInput hands such an archive to libarchive, which reads the first member and fails on
  // the second (its data is not bzip2), naming it.
  Result<std::vector<InputPart>> parts = DecodeInput("in.zip", zip);
  ASSERT_FALSE(parts.ok());
  EXPECT_NE(parts.status().message().find("in.zip"), std::string::npos) << parts.status().message();
}

TEST(ZipArchiveTest, StreamAndWholeReadsAgreeAndSkipDirectories) {
  fs::path dir = testing::MakeTestDir("receipts_zip_");
  const std::string zip = TwoMembers(false, "zip:zip64");
  const fs::path path = dir / "a.zip";
  std::ofstream(path, std::ios::binary) << zip;
  Result<std::vector<InputPart>> parts = DecodeInput("a.zip", zip);
  ASSERT_TRUE(parts.ok()) << parts.status().message();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "a.zip:history.csv");
  EXPECT_EQ((*parts)[0].bytes, kHistory);
  EXPECT_EQ((*parts)[1].bytes, kFunding);
  Result<std::unique_ptr<ArchiveStream>> stream =
      ArchiveStream::Open(path.string(), ArchiveStream::Kind::kZip);
  ASSERT_TRUE(stream.ok()) << stream.status().message();
  std::vector<std::pair<std::string, std::string>> streamed;
  std::string name;
  while (true) {
    Result<bool> more = (*stream)->NextPart(&name);
    ASSERT_TRUE(more.ok()) << more.status().message();
    if (!*more) break;
    std::string bytes(1 << 16, '\0');
    Result<std::size_t> n = (*stream)->Read(bytes.data(), bytes.size());
    ASSERT_TRUE(n.ok()) << n.status().message();
    bytes.resize(*n);
    streamed.emplace_back(name, bytes);
  }
  ASSERT_EQ(streamed.size(), 2u);
  EXPECT_EQ(streamed[0].first, path.string() + ":history.csv");
  EXPECT_EQ(streamed[0].second, kHistory);
  EXPECT_EQ(streamed[1].second, kFunding);
  // Progress: once the last part is read, the whole file counts.
  EXPECT_EQ((*stream)->compressed_bytes(), zip.size());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace receipts
