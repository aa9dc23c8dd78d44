// A directory, a FIFO or a device named as an input file is a clear error from every reader,
// never an abort (a directory read whole was an impossible size: std::bad_alloc, exit 134) or a
// hang (a FIFO without a writer blocks its open forever).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../test_files.h"
#include "core/input_open.h"
#include "io/archive_stream.h"
#include "io/input_file.h"
#include "io/mapped_file.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;

class InputKindTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTestDir("receipts_input_kind_");
    fifo_ = (dir_ / "pipe").string();
    ASSERT_EQ(::mkfifo(fifo_.c_str(), 0600), 0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static void ExpectNamed(const Status& s, const std::string& path, const std::string& what) {
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.message(), path + ": is " + what + ", not a file");
  }

  fs::path dir_;
  std::string fifo_;
};

TEST_F(InputKindTest, ReadInputFileRefusesADirectoryAFifoAndADevice) {
  ExpectNamed(ReadInputFile(dir_.string()).status(), dir_.string(), "a directory");
  ExpectNamed(ReadInputFile(fifo_).status(), fifo_, "a FIFO");
  ExpectNamed(ReadInputFile("/dev/zero").status(), "/dev/zero", "a device");
}

TEST_F(InputKindTest, ArchiveStreamRefusesADirectoryAndAFifo) {
  ExpectNamed(ArchiveStream::Detect(dir_.string()).status(), dir_.string(), "a directory");
  ExpectNamed(ArchiveStream::Detect(fifo_).status(), fifo_, "a FIFO");
  ExpectNamed(ArchiveStream::Open(fifo_, ArchiveStream::Kind::kGzip).status(), fifo_, "a FIFO");
}

TEST_F(InputKindTest, MappedFileRefusesADirectoryAndAFifo) {
  ExpectNamed(MappedFile::Open(dir_.string()).status(), dir_.string(), "a directory");
  ExpectNamed(MappedFile::Open(fifo_).status(), fifo_, "a FIFO");
}

TEST_F(InputKindTest, ARegularFileIsStillRead) {
  fs::path file = dir_ / "claims.csv";
  std::ofstream(file) << "piid\nX1\n";
  Result<std::vector<InputPart>> parts = ReadInputFile(file.string());
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].bytes, "piid\nX1\n");
  EXPECT_TRUE(CheckInputFile(file.string()).ok());
  EXPECT_EQ(CheckInputFile((dir_ / "missing").string()).code(), Status::Code::kIoError);
}

}  // namespace
}  // namespace receipts
