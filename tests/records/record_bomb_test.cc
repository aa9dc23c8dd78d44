// Record bombs: a file repeating one wanted row millions of times grew to 4.4-4.9 GB. The cap on
// actions per award (RecordBatch, RECEIPTS_MAX_ACTIONS_PER_AWARD) stops it with an error naming
// the file, the line and the award, in the full reader and in the scan alike.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../test_files.h"
#include "records/record_scan.h"
#include "records/records_batch.h"
#include "records/records_reader.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;

constexpr const char* kAward = "CONT_AWD_93310023P0021_9300_-NONE-_-NONE-";

class RecordBombTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTestDir("receipts_bomb_");
    setenv("RECEIPTS_MAX_ACTIONS_PER_AWARD", "50", 1);
  }
  void TearDown() override {
    unsetenv("RECEIPTS_MAX_ACTIONS_PER_AWARD");
    fs::remove_all(dir_);
  }

  // The fixture's header and its first row repeated `copies` times: one award, many actions.
  std::string WriteBomb(int copies) {
    std::ifstream in(std::string(RECEIPTS_SOURCE_DIR) +
                     "/tests/fixtures/records/contracts_prime_transactions.csv");
    std::string header, row;
    std::getline(in, header);
    std::getline(in, row);
    fs::path path = dir_ / "bomb.csv";
    std::ofstream out(path, std::ios::binary);
    out << header << "\n";
    for (int i = 0; i < copies; ++i) out << row << "\n";
    return path.string();
  }

  fs::path dir_;
};

TEST_F(RecordBombTest, OneRowRepeatedPastTheCapIsAnErrorNamingFileLineAndAward) {
  std::string path = WriteBomb(51);
  RecordSet records;
  Status s = ReadRecordsFile(path, &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path + ":52:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(kAward), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("more than 50 actions"), std::string::npos) << s.message();
}

TEST_F(RecordBombTest, TheScanStopsTheBombToo) {
  std::string path = WriteBomb(200);
  RecordSet records;
  ScanStats stats;
  Status s = ScanRecordFiles({path}, RecordFilter::All(), &records, &stats);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path + ":52:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(kAward), std::string::npos) << s.message();
}

TEST_F(RecordBombTest, UpToTheCapIsRead) {
  std::string path = WriteBomb(50);
  RecordSet records;
  Status s = ReadRecordsFile(path, &records);
  ASSERT_TRUE(s.ok()) << s.ToString();
}

TEST(RecordBombCap, DefaultIsGenerousAndAnUnreadableSettingKeepsIt) {
  unsetenv("RECEIPTS_MAX_ACTIONS_PER_AWARD");
  EXPECT_EQ(records::MaxActionsPerAward(), records::kDefaultMaxActionsPerAward);
  EXPECT_GE(records::kDefaultMaxActionsPerAward, 10000u);
  setenv("RECEIPTS_MAX_ACTIONS_PER_AWARD", "lots", 1);
  EXPECT_EQ(records::MaxActionsPerAward(), records::kDefaultMaxActionsPerAward);
  unsetenv("RECEIPTS_MAX_ACTIONS_PER_AWARD");
}

}  // namespace
}  // namespace receipts
