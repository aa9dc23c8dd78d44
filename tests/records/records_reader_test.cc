#include "records/records_reader.h"

#include <gtest/gtest.h>

#include <numeric>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "../test_files.h"
#include "records_test_util.h"

namespace receipts {
namespace {

using testing::ReadAllRecords;
using testing::Slurp;

std::string Fixture(const std::string& name) {
  return receipts::testing::FixturePath("records", name);
}

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

const Award* Find(const RecordSet& records, const std::string& key) {
  for (const Award& award : records.awards) {
    if (award.key == key) return &award;
  }
  return nullptr;
}

Cents SumObligated(const Award& a) {
  return std::accumulate(a.actions.begin(), a.actions.end(), Cents{0},
                         [](Cents s, const Action& x) { return s + x.obligated; });
}
Cents SumBaseAndExercised(const Award& a) {
  return std::accumulate(a.actions.begin(), a.actions.end(), Cents{0},
                         [](Cents s, const Action& x) { return s + x.base_and_exercised; });
}
Cents SumBaseAndAll(const Award& a) {
  return std::accumulate(a.actions.begin(), a.actions.end(), Cents{0},
                         [](Cents s, const Action& x) { return s + x.base_and_all; });
}

constexpr const char* kEeoKey = "CONT_AWD_93310023P0021_9300_-NONE-_-NONE-";

// 93310023P0021 (agency 9300), checked by hand against the FPDS rows:
//   0       2023-09-11  obligated 220000     base+all 440000     (total 237518.75 / 382518.75)
//   A00001  2024-09-18  obligated 75000      base+all 0
//   A00002  2025-01-23  obligated 0          base+all 0          (completion set to 2025-01-22)
//   A00003  2025-02-11  obligated -57481.25  base+all -57481.25
void ExpectEeoAward(const Award& award) {
  EXPECT_EQ(award.family, AwardFamily::kContract);
  EXPECT_EQ(award.agency_id, "9300");
  EXPECT_EQ(award.piid, "93310023P0021");
  ASSERT_EQ(award.actions.size(), 4u);
  EXPECT_EQ(SumObligated(award), 23'751'875);
  EXPECT_EQ(SumBaseAndExercised(award), 23'751'875);
  EXPECT_EQ(SumBaseAndAll(award), 38'251'875);
  EXPECT_EQ(award.actions[0].mod_number, "0");
  EXPECT_EQ(award.actions[1].mod_number, "A00001");
  EXPECT_EQ(award.actions[2].mod_number, "A00002");
  EXPECT_EQ(award.actions[3].mod_number, "A00003");
  EXPECT_EQ(award.actions[0].obligated, 22'000'000);
  EXPECT_EQ(award.actions[0].base_and_all, 44'000'000);
  EXPECT_EQ(award.actions[3].obligated, -5'748'125);
  EXPECT_EQ(award.actions[0].signed_date, D(2023, 9, 11));
  EXPECT_EQ(award.actions[3].signed_date, D(2025, 2, 11));
  EXPECT_EQ(award.actions[2].current_completion_date, D(2025, 1, 22));
  EXPECT_EQ(award.vendor_name, "CORICHIA BRISCO ENTERPRISES LLC");
  EXPECT_EQ(award.actions[0].vendor_uei, "KMLTRR8Y96L9");
  EXPECT_EQ(award.actions[0].offers_received, 7);
  EXPECT_EQ(award.actions[0].extent_competed, "F");
  EXPECT_EQ(award.actions[0].action_type, "B");
}

TEST(RecordsReaderTest, ReadsFpdsAwardsSlice) {
  RecordSet records = ReadAllRecords({Fixture("fpds_awards_slice.csv")});
  EXPECT_EQ(records.awards.size(), 3u);
  EXPECT_EQ(records.action_count, 12u);
  EXPECT_EQ(records.as_of, D(2025, 2, 25));
  ASSERT_EQ(records.sources.size(), 1u);

  const Award* eeo = Find(records, kEeoKey);
  ASSERT_NE(eeo, nullptr);
  ExpectEeoAward(*eeo);
  const Action& first = eeo->actions[0];
  EXPECT_EQ(first.transaction_number, "0");
  EXPECT_EQ(first.current_completion_date, D(2024, 9, 17));
  EXPECT_EQ(first.ultimate_completion_date, D(2025, 9, 15));
  EXPECT_EQ(first.total_obligated, 23'751'875);  // as FPDS states it today, not at mod 0
  EXPECT_EQ(first.total_base_and_all, 38'251'875);
  EXPECT_EQ(first.reason_code, "G");  // as stated in the file (see the report on this column)
  EXPECT_EQ(first.source_file, Fixture("fpds_awards_slice.csv"));
  EXPECT_EQ(first.source_line, 2u);

  // 9531CB23C0008 (955F): 603993.60 + 0 + 616073.47 + 628394.94 - 628394.94.
  const Award* c508 = Find(records, "CONT_AWD_9531CB23C0008_955F_-NONE-_-NONE-");
  ASSERT_NE(c508, nullptr);
  EXPECT_EQ(c508->actions.size(), 5u);
  EXPECT_EQ(SumObligated(*c508), 122'006'707);
  EXPECT_EQ(SumBaseAndAll(*c508), 122'006'707);  // 3713712.34 - 2493645.27

  // 75D30124C20075 (7523): a 2025 de-obligation stated with reason F.
  const Award* cdc = Find(records, "CONT_AWD_75D30124C20075_7523_-NONE-_-NONE-");
  ASSERT_NE(cdc, nullptr);
  ASSERT_EQ(cdc->actions.size(), 3u);
  EXPECT_EQ(SumObligated(*cdc), 131'705'033);   // 3378083.36 - 2061033.03 + 0
  EXPECT_EQ(SumBaseAndAll(*cdc), 131'705'037);  // 17935133.76 - 16618083.39 + 0
  const Action& p1 = cdc->actions[1];
  EXPECT_EQ(p1.mod_number, "P00001");
  EXPECT_EQ(p1.signed_date, D(2025, 2, 11));
  EXPECT_EQ(p1.obligated, -206'103'303);
  EXPECT_EQ(p1.base_and_all, -1'661'808'339);
  EXPECT_EQ(p1.reason_code, "F");
}

TEST(RecordsReaderTest, ReadsFpdsIdvsSliceAndSkipsPlaceholders) {
  RecordSet records = ReadAllRecords({Fixture("fpds_idvs_slice.csv")});
  // Two "PIID:70RCSJ24T00000001" rows with nothing else are the scraper's not-found markers.
  EXPECT_EQ(records.awards.size(), 2u);
  EXPECT_EQ(records.action_count, 6u);
  EXPECT_EQ(records.as_of, D(2025, 1, 30));

  const Award* ice = Find(records, "CONT_IDV_70CMSD22A00000008_7012");
  ASSERT_NE(ice, nullptr);
  EXPECT_EQ(ice->family, AwardFamily::kIdv);
  EXPECT_EQ(ice->agency_id, "7012");
  EXPECT_EQ(ice->idv_piid, "");  // an IDV's key names no parent
  ASSERT_EQ(ice->actions.size(), 4u);
  EXPECT_EQ(ice->actions[0].base_and_all, 800'000'000'000);   // $8,000,000,000
  EXPECT_EQ(ice->actions[1].base_and_all, -799'200'000'000);  // 2025-01-22: -$7,992,000,000
  EXPECT_EQ(SumBaseAndAll(*ice), 800'000'000);                // $8,000,000 left
  EXPECT_EQ(SumObligated(*ice), 0);
  EXPECT_EQ(SumBaseAndExercised(*ice), 0);  // no such column for IDVs
  EXPECT_EQ(ice->actions[0].transaction_number, "");
  EXPECT_FALSE(ice->actions[0].total_base_and_exercised.has_value());
  EXPECT_EQ(ice->actions[0].current_completion_date, D(2027, 3, 29));  // lastDateToOrder
  EXPECT_EQ(ice->actions[3].current_completion_date, D(2025, 1, 30));
  EXPECT_EQ(ice->actions[0].action_type, "E");
  EXPECT_EQ(ice->actions[0].offers_received, 5);
  EXPECT_EQ(ice->vendor_name, "D&G SUPPORT SERVICES, LLC");

  const Award* bpa = Find(records, "CONT_IDV_9531CB24A0009_955F");
  ASSERT_NE(bpa, nullptr);
  EXPECT_EQ(bpa->actions.size(), 2u);
  EXPECT_EQ(SumBaseAndAll(*bpa), 999'999'900);
}

TEST(RecordsReaderTest, UsaspendingTransactionsGiveTheSameSumsAsFpds) {
  RecordSet records = ReadAllRecords({Fixture("contracts_prime_transactions.csv")});
  ASSERT_EQ(records.awards.size(), 1u);
  const Award& award = records.awards[0];
  EXPECT_EQ(award.key, kEeoKey);
  ExpectEeoAward(award);  // rows are listed newest first: sorted on finish
  EXPECT_EQ(award.total_outlayed, 18'000'000);
  EXPECT_EQ(award.actions[0].reason_code, "G");
  EXPECT_EQ(award.actions[0].total_base_and_exercised, 23'751'875);
  EXPECT_EQ(records.as_of, D(2025, 2, 11));
}

TEST(RecordsReaderTest, SameActionsFromTwoSourcesMergeIntoOneAward) {
  RecordSet records = ReadAllRecords(
      {Fixture("fpds_awards_slice.csv"), Fixture("contracts_prime_transactions.csv")});
  EXPECT_EQ(records.awards.size(), 3u);
  EXPECT_EQ(records.action_count, 12u);  // the 4 USAspending rows replace the 4 FPDS ones
  const Award* eeo = Find(records, kEeoKey);
  ASSERT_NE(eeo, nullptr);
  ExpectEeoAward(*eeo);
  for (const Action& a : eeo->actions) {
    EXPECT_EQ(a.source_file, Fixture("contracts_prime_transactions.csv"));  // later read wins
  }
  EXPECT_EQ(eeo->total_outlayed, 18'000'000);
}

TEST(RecordsReaderTest, DeltaFileDeletesAndCorrectsActions) {
  RecordSet records;
  ASSERT_TRUE(ReadRecordsFile(Fixture("contracts_prime_transactions.csv"), &records).ok());
  Status s = ReadRecordsFile(Fixture("contracts_delta.csv"), &records);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(records.action_count, 4u);  // 4 read, 1 deleted, 1 correction read
  FinishRecords(&records);
  EXPECT_EQ(records.action_count, 3u);
  const Award* eeo = Find(records, kEeoKey);
  ASSERT_NE(eeo, nullptr);
  ASSERT_EQ(eeo->actions.size(), 3u);
  EXPECT_EQ(eeo->actions[2].mod_number, "A00002");  // A00003 deleted
  EXPECT_EQ(eeo->actions[1].mod_number, "A00001");
  EXPECT_EQ(eeo->actions[1].obligated, 7'000'000);  // corrected from 75000.00
  EXPECT_EQ(eeo->actions[1].source_file, Fixture("contracts_delta.csv"));
  EXPECT_EQ(SumObligated(*eeo), 29'000'000);
  EXPECT_EQ(records.as_of, D(2025, 1, 23));
}

TEST(RecordsReaderTest, AwardSummaryIsOneSyntheticAction) {
  RecordSet records = ReadAllRecords({Fixture("contracts_award_summaries.csv")});
  ASSERT_EQ(records.awards.size(), 1u);
  const Award& award = records.awards[0];
  EXPECT_EQ(award.key, kEeoKey);
  EXPECT_EQ(award.agency_id, "9300");
  EXPECT_EQ(award.piid, "93310023P0021");
  EXPECT_EQ(award.total_outlayed, 18'000'000);
  ASSERT_EQ(award.actions.size(), 1u);
  const Action& a = award.actions[0];
  EXPECT_EQ(a.mod_number, "SUMMARY");
  EXPECT_EQ(a.obligated, 23'751'875);
  EXPECT_EQ(a.base_and_exercised, 23'751'875);
  EXPECT_EQ(a.base_and_all, 38'251'875);
  EXPECT_EQ(a.total_base_and_all, 38'251'875);
  EXPECT_EQ(a.signed_date, D(2025, 2, 11));
  EXPECT_EQ(records.as_of, D(2025, 2, 11));
}

TEST(RecordsReaderTest, ReadsAssistanceTransactions) {
  RecordSet records = ReadAllRecords({Fixture("assistance_prime_transactions.csv")});
  ASSERT_EQ(records.awards.size(), 1u);
  const Award& award = records.awards[0];
  EXPECT_EQ(award.family, AwardFamily::kAssistance);
  EXPECT_EQ(award.key, "ASST_NON_NU50CK000513_7523");
  EXPECT_EQ(award.piid, "NU50CK000513");
  EXPECT_EQ(award.agency_id, "7523");
  ASSERT_EQ(award.actions.size(), 3u);
  EXPECT_EQ(SumObligated(award), 887'479'021);  // 4439135 + 5893978 - 1458322.79
  EXPECT_EQ(award.actions[2].obligated, -145'832'279);
  EXPECT_EQ(award.actions[2].reason_code, "C");
  EXPECT_EQ(award.total_outlayed, 582'127'147);
  EXPECT_EQ(records.as_of, D(2025, 3, 24));
}

TEST(RecordsReaderTest, ReadsGzip) {
  RecordSet records = ReadAllRecords({Fixture("fpds_awards_slice.csv.gz")});
  EXPECT_EQ(records.awards.size(), 3u);
  EXPECT_EQ(records.action_count, 12u);
  const Award* eeo = Find(records, kEeoKey);
  ASSERT_NE(eeo, nullptr);
  ExpectEeoAward(*eeo);
}

TEST(RecordsReaderTest, ReadsEveryZipMember) {
  RecordSet records = ReadAllRecords({Fixture("records_bundle.zip")});
  EXPECT_EQ(records.awards.size(), 3u);  // 2 IDVs + 93310023P0021
  EXPECT_EQ(records.action_count, 10u);
  ASSERT_EQ(records.sources.size(), 1u);
  const Award* eeo = Find(records, kEeoKey);
  ASSERT_NE(eeo, nullptr);
  ExpectEeoAward(*eeo);
  EXPECT_EQ(eeo->actions[0].source_file,
            Fixture("records_bundle.zip") + ":contracts_prime_transactions.csv");
  ASSERT_NE(Find(records, "CONT_IDV_70CMSD22A00000008_7012"), nullptr);
}

// The whole FPDS pull of 2025-03-13 (the demo data): 19,473 award and 2,158 IDV modifications.
TEST(RecordsReaderTest, ReadsTheWholeFpdsPull) {
  const std::string dir = std::string(RECEIPTS_SOURCE_DIR) + "/demo/records/";
  RecordSet records;
  Status s = ReadRecordsFile(dir + "2025-03-13_fpds_awards.csv.gz", &records);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(records.action_count, 19'473u);
  s = ReadRecordsFile(dir + "2025-03-13_fpds_idvs.csv.gz", &records);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(records.action_count, 21'627u);  // 21,631 rows less 4 not-found placeholders
  FinishRecords(&records);
  // 4,878 award PIIDs and 475 IDVs (477 less the 2 not-found PIIDs). The awards file has no
  // idvPIID column, so task orders that share a PIID under different IDVs would share a key: 131
  // PIIDs hold several base actions (modification 0). They are kept apart by vendor UEI (6,030
  // awards in all); 40 actions still repeat a (mod, transaction) of their key and are dropped.
  std::set<std::string> piids;
  for (const Award& award : records.awards)
    piids.insert(award.agency_id + "/" + award.piid +
                 (award.family == AwardFamily::kIdv ? "/idv" : ""));
  EXPECT_EQ(piids.size(), 4'878u + 475u);
  EXPECT_EQ(records.awards.size(), 6'030u);
  EXPECT_EQ(records.action_count, 21'627u - 40u);
  EXPECT_EQ(records.sources.size(), 2u);

  std::set<std::string> keys;
  std::size_t idvs = 0;
  for (const Award& award : records.awards) {
    keys.insert(award.key);
    if (award.family == AwardFamily::kIdv) ++idvs;
    for (std::size_t i = 1; i < award.actions.size(); ++i) {
      ASSERT_LE(award.actions[i - 1].signed_date, award.actions[i].signed_date) << award.key;
    }
  }
  EXPECT_EQ(keys.size(), records.awards.size());
  EXPECT_EQ(idvs, 475u);

  const Award* eeo = Find(records, kEeoKey);
  ASSERT_NE(eeo, nullptr);
  ExpectEeoAward(*eeo);
  const Award* ice = Find(records, "CONT_IDV_70CMSD22A00000008_7012");
  ASSERT_NE(ice, nullptr);
  EXPECT_EQ(SumBaseAndAll(*ice), 800'000'000);
  ASSERT_TRUE(records.as_of.has_value());
  EXPECT_EQ(*records.as_of, D(2025, 3, 12));
}

// ---- Bad input: the status names file, line and field, and the RecordSet is left as it was.

constexpr const char* kFpdsHeader =
    "agencyID,PIID,modNumber,transactionNumber,signedDate,obligatedAmount,"
    "baseAndExercisedOptionsValue,baseAndAllOptionsValue,vendorName\n";

RecordSet OneFileRead() {
  RecordSet records;
  Status s = ParseRecords(
      "good.csv", std::string(kFpdsHeader) + "9700,W1,0,0,2024-01-02,10,10,20,ACME\n", &records);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return records;
}

void ExpectUnchanged(const RecordSet& records) {
  EXPECT_EQ(records.awards.size(), 1u);
  EXPECT_EQ(records.action_count, 1u);
  EXPECT_EQ(records.sources, std::vector<std::string>{"good.csv"});
}

TEST(RecordsReaderTest, MissingColumnIsNamed) {
  RecordSet records = OneFileRead();
  Status s = ParseRecords(
      "x.csv", "agencyID,PIID,modNumber,signedDate,baseAndAllOptionsValue\n9700,W1,0,,1\n",
      &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("x.csv:1: field 'obligatedAmount': missing column"), std::string::npos)
      << s.message();
  ExpectUnchanged(records);

  s = ParseRecords("u.csv", "contract_transaction_unique_key,contract_award_unique_key\nA,B\n",
                   &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("u.csv:1: field 'award_id_piid': missing column"), std::string::npos)
      << s.message();
  ExpectUnchanged(records);
}

TEST(RecordsReaderTest, BadMoneyNamesFileLineAndField) {
  RecordSet records = OneFileRead();
  Status s = ParseRecords("bad.csv",
                          std::string(kFpdsHeader) +
                              "9700,W2,0,0,2024-01-02,10,10,20,ACME\n"
                              "9700,W2,P00001,0,2024-02-02,ten dollars,0,0,ACME\n",
                          &records);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("bad.csv:3: field 'obligatedAmount'"), std::string::npos)
      << s.message();
  ExpectUnchanged(records);  // the good row before it is not kept either
}

TEST(RecordsReaderTest, BadDateAndCountAreNamed) {
  RecordSet records = OneFileRead();
  Status s = ParseRecords(
      "d.csv", std::string(kFpdsHeader) + "9700,W2,0,0,2025-02-30,10,10,20,ACME\n", &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("d.csv:2: field 'signedDate'"), std::string::npos) << s.message();
  s = ParseRecords("n.csv",
                   "agencyID,PIID,modNumber,signedDate,obligatedAmount,baseAndAllOptionsValue,"
                   "numberOfOffersReceived\n9700,W2,0,2025-01-02,1,1,many\n",
                   &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("n.csv:2: field 'numberOfOffersReceived'"), std::string::npos)
      << s.message();
  ExpectUnchanged(records);
}

TEST(RecordsReaderTest, TruncatedGzipFailsAndChangesNothing) {
  RecordSet records = OneFileRead();
  std::string gz = Slurp(Fixture("fpds_awards_slice.csv.gz"));
  ASSERT_GT(gz.size(), 100u);
  Status s = ParseRecords("cut.csv.gz", gz.substr(0, gz.size() / 2), &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("cut.csv.gz"), std::string::npos) << s.message();
  ExpectUnchanged(records);
}

TEST(RecordsReaderTest, NotARecordFile) {
  RecordSet records = OneFileRead();
  // A DOGE claims file has a piid column but none of the record's money or date columns.
  Status s = ParseRecords("claims.csv", "piid,agency,value,savings\nW1,DOD,10,5\n", &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("claims.csv:1: not a record file"), std::string::npos) << s.message();
  s = ParseRecords("empty.csv", "", &records);
  EXPECT_FALSE(s.ok());
  s = ParseRecords("garbage.bin", std::string("\x1f\x8b\x08\x00garbage", 12), &records);
  EXPECT_FALSE(s.ok());
  ExpectUnchanged(records);
}

TEST(RecordsReaderTest, FarFutureEndDateIsUnknownNotAnError) {
  RecordSet records;
  Status s = ParseRecords("e.csv",
                          "agencyID,PIID,modNumber,signedDate,obligatedAmount,"
                          "baseAndAllOptionsValue,ultimateCompletionDate\n"
                          "1630,DOLF069423054,0,2023-06-22,1,1,2207-06-22 00:00:00\n",
                          &records);
  ASSERT_TRUE(s.ok()) << s.ToString();
  // Read as stated when Date's range holds it, else unknown: never an error refusing the file.
  const std::optional<Date>& end = records.awards[0].actions[0].ultimate_completion_date;
  EXPECT_TRUE(!end.has_value() || *end == D(2207, 6, 22));
  s = ParseRecords("e2.csv",
                   "agencyID,PIID,modNumber,signedDate,obligatedAmount,"
                   "baseAndAllOptionsValue,ultimateCompletionDate\n"
                   "1630,X1,0,2023-06-22,1,1,2023-02-30\n",
                   &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("e2.csv:2: field 'ultimateCompletionDate'"), std::string::npos)
      << s.message();
}

// ---- FinishRecords

TEST(RecordsReaderTest, FinishMergesDedupesAndSorts) {
  RecordSet records;
  ASSERT_TRUE(ParseRecords("a.csv",
                           std::string(kFpdsHeader) + "9700,W1,P00002,0,2024-03-01,-5,0,-5,\n"
                                                      "9700,W1,0,0,2024-01-02,10,10,20,OLD NAME\n"
                                                      "9700,W1,P00001,0,2024-02-01,1,1,1,OLD NAME\n"
                                                      "9700,W2,0,0,,7,7,7,\n",
                           &records)
                  .ok());
  ASSERT_TRUE(ParseRecords("b.csv",
                           std::string(kFpdsHeader) + "9700,W1,P00001,0,2024-02-01,3,3,3,NEW NAME\n"
                                                      "9700,W1,P00003,0,2024-03-01,0,0,0,\n",
                           &records)
                  .ok());
  EXPECT_EQ(records.awards.size(), 3u);  // one per file and key until finished
  EXPECT_EQ(records.action_count, 6u);
  FinishRecords(&records);
  ASSERT_EQ(records.awards.size(), 2u);
  EXPECT_EQ(records.action_count, 5u);
  EXPECT_EQ(records.as_of, D(2024, 3, 1));
  const Award& w1 = records.awards[0];
  EXPECT_EQ(w1.key, "CONT_AWD_W1_9700_-NONE-_-NONE-");
  ASSERT_EQ(w1.actions.size(), 4u);
  EXPECT_EQ(w1.actions[0].mod_number, "0");
  EXPECT_EQ(w1.actions[1].mod_number, "P00001");
  EXPECT_EQ(w1.actions[1].obligated, 300);  // b.csv, read later, wins
  EXPECT_EQ(w1.actions[1].source_file, "b.csv");
  EXPECT_EQ(w1.actions[2].mod_number, "P00002");  // same date: by mod number
  EXPECT_EQ(w1.actions[3].mod_number, "P00003");
  EXPECT_EQ(w1.vendor_name, "NEW NAME");  // the latest action with a name: P00001
  EXPECT_EQ(SumObligated(w1), 1000 + 300 - 500);
  const Award& w2 = records.awards[1];
  EXPECT_FALSE(w2.actions[0].signed_date.has_value());
  EXPECT_EQ(w2.vendor_name, "");
}

TEST(RecordsReaderTest, BlankTotalsStayUnknownButBlankChangesAreZero) {
  RecordSet records;
  Status s = ParseRecords("t.csv",
                          "agencyID,PIID,modNumber,signedDate,obligatedAmount,"
                          "baseAndExercisedOptionsValue,baseAndAllOptionsValue,"
                          "totalObligatedAmount,numberOfOffersReceived\n"
                          "9700,w-1,0,2024-01-02,,,,,\n",
                          &records);
  ASSERT_TRUE(s.ok()) << s.ToString();
  FinishRecords(&records);
  ASSERT_EQ(records.awards.size(), 1u);
  EXPECT_EQ(records.awards[0].piid, "W1");
  const Action& a = records.awards[0].actions[0];
  EXPECT_EQ(a.obligated, 0);
  EXPECT_EQ(a.base_and_all, 0);
  EXPECT_FALSE(a.total_obligated.has_value());
  EXPECT_FALSE(a.offers_received.has_value());
}

// One award with many actions, half of them repeated: quadratic merging would not finish.
TEST(RecordsReaderTest, FinishIsFastOnLargeAwards) {
  std::ostringstream csv;
  csv << kFpdsHeader;
  constexpr int kActions = 100'000;
  for (int i = 0; i < kActions; ++i) {
    csv << "9700,W1,P" << i << ",0,2024-01-02,1,1,1,ACME\n";
  }
  for (int i = 0; i < kActions; i += 2) csv << "9700,W1,P" << i << ",0,2024-01-02,2,2,2,ACME\n";
  RecordSet records;
  ASSERT_TRUE(ParseRecords("big.csv", csv.str(), &records).ok());
  EXPECT_EQ(records.action_count, static_cast<std::size_t>(kActions + kActions / 2));
  FinishRecords(&records);
  ASSERT_EQ(records.awards.size(), 1u);
  EXPECT_EQ(records.action_count, static_cast<std::size_t>(kActions));
  EXPECT_EQ(SumObligated(records.awards[0]), Cents{100} * (kActions + kActions / 2));
}

}  // namespace
}  // namespace receipts
