// What --records names, read into one RecordSet: per-award downloads (their outlays included),
// saved ATOM pages found in a directory, a record store whose every body is checked against its
// index, and the failures a user must see.
#include "jobs/record_inputs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../archive_bytes.h"
#include "../test_files.h"
#include "fetch/record_store.h"
#include "records/records_reader.h"
#include "verify/verifier.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using namespace testing;  // MakeTestDir, Slurp, ZipBytes

const std::string kFixtures = std::string(RECEIPTS_SOURCE_DIR) + "/tests/fixtures";
const std::string kKey = "CONT_AWD_93310023P0021_9300_-NONE-_-NONE-";

// File C rows of one award: two accounts in FY2025 period 6, an earlier period of FY2025 (not
// added: outlays are year-to-date), and FY2024's last period, with a USSGL 487200 adjustment.
std::string Funding() {
  return "submission_period,treasury_account_symbol,gross_outlay_amount_FYB_to_period_end,"
         "USSGL487200_downward_adj_prior_year_prepaid_undeliv_order_oblig,"
         "USSGL497200_downward_adj_of_prior_year_paid_deliv_orders_oblig,award_unique_key\n"
         "FY2025P03,014-1109,100000.00,,," +
         kKey +
         "\n"
         "FY2025P06,014-1109,150000.00,0,0," +
         kKey +
         "\n"
         "FY2025P06,014-1110,20000.00,,," +
         kKey +
         "\n"
         "2024-09-30,014-1109,50000.00,-1000.00,," +
         kKey + "\n";
}

std::string Download(const std::string& funding) {
  return ZipBytes({{"Contract_93310023P0021_TransactionHistory_1.csv",
                    Slurp(kFixtures + "/records/contracts_prime_transactions.csv")},
                   {"Contract_93310023P0021_FederalAccountFunding_1.csv", funding},
                   {"Contract_93310023P0021_Sub-Awards_1.csv", "prime_award_unique_key\n"}});
}

const Award* Find(const RecordSet& records, const std::string& key) {
  for (const Award& award : records.awards) {
    if (award.key == key) return &award;
  }
  return nullptr;
}

class RecordInputsTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTestDir("receipts_record_inputs_"); }
  void TearDown() override { fs::remove_all(dir_); }
  Status Read(const std::vector<std::string>& inputs, RecordSet* records,
              std::vector<std::string>* files = nullptr) {
    ScanStats stats;
    Status s = ReadRecordInputs(inputs, RecordFilter::All(), records, &stats, ScanOptions{}, files);
    if (s.ok()) FinishRecords(records);
    return s;
  }
  fs::path dir_;
};

TEST_F(RecordInputsTest, ADirectoryIsEveryFileBeneathIt) {
  fs::create_directories(dir_ / "awards" / "feeds");
  std::ofstream(dir_ / "awards" / "Contract_93310023P0021.zip", std::ios::binary)
      << Download(Funding());
  fs::copy_file(kFixtures + "/atom/raw_award_idv.xml", dir_ / "awards" / "feeds" / "page1.xml");
  std::ofstream(dir_ / "awards" / ".DS_Store") << "not a record file";
  RecordSet records;
  std::vector<std::string> files;
  Status s = Read({(dir_ / "awards").string()}, &records, &files);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(files.size(), 2u);
  const Award* award = Find(records, kKey);
  ASSERT_NE(award, nullptr);
  EXPECT_FALSE(award->actions.empty());
  // (150,000 + 20,000) for FY2025 at its latest period, + (50,000 − 1,000) for FY2024.
  ASSERT_TRUE(award->total_outlayed.has_value());
  EXPECT_EQ(*award->total_outlayed, 21'900'000);
  EXPECT_GT(records.awards.size(), 1u);  // the ATOM page's awards too
}

TEST_F(RecordInputsTest, NoFileCRowsMeansUnknownOutlaysNotZero) {
  std::string header = Funding().substr(0, Funding().find('\n') + 1);
  std::ofstream(dir_ / "a.zip", std::ios::binary) << Download(header);
  RecordSet records;
  ASSERT_TRUE(Read({(dir_ / "a.zip").string()}, &records).ok());
  const Award* award = Find(records, kKey);
  ASSERT_NE(award, nullptr);
  // The transactions' total_outlayed_amount_for_overall_award, not a zero from File C.
  ASSERT_TRUE(award->total_outlayed.has_value());
  EXPECT_EQ(*award->total_outlayed, 18'000'000);
}

TEST_F(RecordInputsTest, ABadFileCValueNamesFileLineAndField) {
  std::string funding = Funding() + "FY2025X06,014-1109,1.00,,," + kKey + "\n";
  std::ofstream(dir_ / "a.zip", std::ios::binary) << Download(funding);
  RecordSet records;
  Status s = Read({(dir_ / "a.zip").string()}, &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("Contract_93310023P0021_FederalAccountFunding_1.csv:6: field "
                             "'submission_period': 'FY2025X06' is not a submission period"),
            std::string::npos)
      << s.message();
  EXPECT_TRUE(records.awards.empty());
}

TEST_F(RecordInputsTest, AnEmptyDirectoryIsAnError) {
  fs::create_directories(dir_ / "empty");
  RecordSet records;
  Status s = Read({(dir_ / "empty").string()}, &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("holds no record files"), std::string::npos);
}

// A store whose body no longer has the SHA-256 its index gives is refused, naming the body.
TEST_F(RecordInputsTest, AnAlteredStoreBodyIsRefused) {
  auto store = RecordStore::Open((dir_ / "store").string(), /*create=*/true);
  ASSERT_TRUE(store.ok());
  StoreEntry file;
  file.fetched_at = "2026-12-01T10:00:00Z";
  file.source = "usaspending";
  file.role = "file";
  file.award_key = kKey;
  file.note = kKey;
  ASSERT_TRUE((*store)->Put(file, Download(Funding())).ok());
  StoreEntry done = file;
  done.role = "done";
  ASSERT_TRUE((*store)->Put(done, "", /*has_body=*/false).ok());
  {
    RecordSet records;
    ASSERT_TRUE(Read({(dir_ / "store").string()}, &records).ok());
    ASSERT_NE(Find(records, kKey), nullptr);
    EXPECT_EQ(records.as_of->ToIso(), "2026-12-01");  // the fetch day, not the last action
  }
  const std::string body = (*store)->BodyPath((*store)->Entries()[0].sha256);
  std::string bytes = Slurp(body);
  bytes[bytes.size() / 2] ^= 0x20;
  fs::permissions(body, fs::perms::owner_write, fs::perm_options::add);
  std::ofstream(body, std::ios::binary | std::ios::trunc) << bytes;
  RecordSet records;
  Status s = Read({(dir_ / "store").string()}, &records);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find(body + ": SHA-256 differs"), std::string::npos) << s.message();
}

TEST_F(RecordInputsTest, AnAbsentAwardIsSaidSo) {
  auto store = RecordStore::Open((dir_ / "store").string(), /*create=*/true);
  ASSERT_TRUE(store.ok());
  StoreEntry absent;
  absent.fetched_at = "2026-12-01T10:00:00Z";
  absent.source = "usaspending";
  absent.role = "absent";
  absent.award_key = "CONT_AWD_X1_9700_-NONE-_-NONE-";
  absent.http_status = 404;
  ASSERT_TRUE((*store)->Put(absent, R"({"detail":"No Award found"})").ok());
  RecordSet records;
  ASSERT_TRUE(Read({(dir_ / "store").string()}, &records).ok());
  ASSERT_EQ(records.absent_awards.size(), 1u);
  EXPECT_EQ(records.absent_awards.begin()->second.asked->ToIso(), "2026-12-01");
  // Asked after the listing, the absence is the answer; asked before, the record is only old.
  Claim claim;
  claim.piid = "X1";
  claim.agency_id = "9700";
  claim.earliest_date = *Date::FromYmd(2026, 11, 2);
  claim.date = claim.earliest_date;
  Claim later = claim;
  later.earliest_date = *Date::FromYmd(2027, 1, 5);
  later.date = later.earliest_date;
  std::vector<ClaimResult> results =
      VerifyClaims({claim, later}, records, VerifyOptions{DefaultSince()});
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(VerdictName(results[0].verdict), std::string("not_found")) << results[0].reason;
  EXPECT_NE(results[0].reason.find("USAspending has no award"), std::string::npos);
  EXPECT_EQ(VerdictName(results[1].verdict), std::string("after_records")) << results[1].reason;
  EXPECT_EQ(records.absent_awards.begin()->second.sentence,
            "USAspending has no award CONT_AWD_X1_9700_-NONE-_-NONE- (asked 2026-12-01).");
}

}  // namespace
}  // namespace receipts
