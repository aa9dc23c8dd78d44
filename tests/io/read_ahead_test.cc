// ReadAhead hands over a part's bytes in order and whole, stops cleanly when dropped early, and
// passes a corrupt stream's error on after the good pieces.
#include "io/read_ahead.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "../test_files.h"
#include "io/archive_stream.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;

class ReadAheadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTestDir("receipts_read_ahead_");
    for (int i = 0; i < 40000; ++i) text_ += "row " + std::to_string(i * 7919 % 100003) + ",x\n";
    std::ofstream((dir_ / "rows.csv").string(), std::ios::binary) << text_;
    gz_ = (dir_ / "rows.csv.gz").string();
    ASSERT_EQ(std::system(("gzip -c " + (dir_ / "rows.csv").string() + " > " + gz_).c_str()), 0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<ArchiveStream> OpenPart(const std::string& path) {
    auto stream = ArchiveStream::Open(path, ArchiveStream::Kind::kGzip);
    EXPECT_TRUE(stream.ok()) << stream.status().ToString();
    std::string name;
    Result<bool> more = (*stream)->NextPart(&name);
    EXPECT_TRUE(more.ok() && *more);
    return std::move(*stream);
  }

  fs::path dir_;
  std::string text_;
  std::string gz_;
};

TEST_F(ReadAheadTest, HandsOverEveryByteInOrder) {
  for (std::size_t piece : {1000u, 4096u, 1u << 20}) {
    for (std::size_t depth : {1u, 3u}) {
      SCOPED_TRACE(::testing::Message() << "piece " << piece << " depth " << depth);
      std::unique_ptr<ArchiveStream> stream = OpenPart(gz_);
      ReadAhead ahead(stream.get(), piece, depth);
      std::string got;
      while (true) {
        Result<std::size_t> n = ahead.AppendNext(&got);
        ASSERT_TRUE(n.ok()) << n.status().ToString();
        if (*n == 0) break;
        EXPECT_LE(*n, piece);
      }
      EXPECT_EQ(got, text_);
      EXPECT_GT(ahead.compressed_bytes(), 0u);
      Result<std::size_t> after = ahead.AppendNext(&got);
      ASSERT_TRUE(after.ok());
      EXPECT_EQ(*after, 0u);
    }
  }
}

TEST_F(ReadAheadTest, DroppedEarlyStopsItsThread) {
  std::unique_ptr<ArchiveStream> stream = OpenPart(gz_);
  {
    ReadAhead ahead(stream.get(), 1000, 2);
    std::string got;
    Result<std::size_t> n = ahead.AppendNext(&got);
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(got, text_.substr(0, *n));
  }  // the destructor must return though the part is not read to its end
  SUCCEED();
}

TEST_F(ReadAheadTest, CorruptStreamFailsAfterTheGoodPieces) {
  std::string bad = (dir_ / "bad.csv.gz").string();
  fs::copy_file(gz_, bad);
  fs::resize_file(bad, fs::file_size(bad) / 2);
  std::unique_ptr<ArchiveStream> stream = OpenPart(bad);
  ReadAhead ahead(stream.get(), 4096, 2);
  std::string got;
  Status failure;
  while (true) {
    Result<std::size_t> n = ahead.AppendNext(&got);
    if (!n.ok()) {
      failure = n.status();
      break;
    }
    ASSERT_NE(*n, 0u) << "a truncated stream must not end quietly";
  }
  EXPECT_NE(failure.message().find(bad), std::string::npos) << failure.ToString();
  EXPECT_EQ(got, text_.substr(0, got.size()));
  EXPECT_GT(got.size(), 0u);
}

}  // namespace
}  // namespace receipts
