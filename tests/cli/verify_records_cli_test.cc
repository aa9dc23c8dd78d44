// `verify --records` given saved FPDS ATOM pages (gzipped) or a directory: the same figures as
// the FPDS element CSV of the same actions.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "claims_slice.h"
#include "run_binary.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using namespace testing;  // kSource, MakeTestDir, Ran, RunBinary, …

class VerifyRecordsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTestDir("receipts_verify_records_");
    claims_ = (dir_ / "2025-03-13_contracts_grab.csv").string();
    std::ofstream(claims_) << testing::ClaimsOfPiids(
        {"93310023P0021", "9531CB23C0008", "75D30124C20075", "9531CB24A0009", "70CMSD22A00000008"});
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Verdicts(const std::string& records, const std::string& out) {
    Ran ran = RunBinary(dir_, "verify --claims " + claims_ + " --records " + records + " --out " +
                                  (dir_ / out).string() + " --no-cache --quiet");
    EXPECT_EQ(ran.exit_code, 0) << ran.err;
    return testing::Slurp(dir_ / out / "verdicts.csv");
  }
  fs::path dir_;
  std::string claims_;
};

TEST_F(VerifyRecordsCliTest, SavedAtomPagesGiveTheFpdsFigures) {
  const std::string feed = (dir_ / "feed.xml.gz").string();
  ASSERT_EQ(
      std::system(
          ("gzip -c " + kSource + "/tests/fixtures/atom/fpds_slices_feed.xml > " + feed).c_str()),
      0);
  std::string from_csv = Verdicts(kSource + "/tests/fixtures/records/fpds_awards_slice.csv " +
                                      kSource + "/tests/fixtures/records/fpds_idvs_slice.csv",
                                  "csv");
  std::string from_atom = Verdicts(feed, "atom");
  ASSERT_FALSE(from_csv.empty());
  EXPECT_EQ(from_atom, from_csv);
  EXPECT_NE(from_csv.find(",overstated,"), std::string::npos);
  // A directory holding the feed reads the same.
  fs::create_directories(dir_ / "saved");
  fs::copy_file(feed, dir_ / "saved" / "feed.xml.gz");
  EXPECT_EQ(Verdicts((dir_ / "saved").string(), "dir"), from_csv);
}

}  // namespace
}  // namespace receipts
