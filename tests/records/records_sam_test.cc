#include "records/records_sam.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "../test_files.h"
#include "records/records_batch.h"
#include "records/records_reader.h"
#include "records_test_util.h"

namespace receipts::records {
namespace {

using testing::ReadAllRecords;
using testing::Slurp;

std::string Fixture(const std::string& path) {
  return std::string(RECEIPTS_SOURCE_DIR) + "/tests/fixtures/" + path;
}

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

// The records one SAM response gives, finished as `verify` would see them.
Status ReadSam(const std::string& json, RecordSet* records, const std::string& name = "sam.json") {
  RecordBatch batch;
  Status s = ReadSamResponse(name, json, &batch);
  if (!s.ok()) return s;
  batch.MoveInto(records);
  FinishRecords(records);
  return s;
}

RecordSet ReadSamOk(const std::string& json) {
  RecordSet records;
  Status s = ReadSam(json, &records);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return records;
}

// One record in the documented shape, with `contract_id`, `core` and `details` as the sections'
// JSON (empty: the section is left out, as includeSections does).
std::string Response(const std::string& contract_id, const std::string& core,
                     const std::string& details) {
  std::string record = "{\"contractId\":" + contract_id;
  if (!core.empty()) record += ",\"coreData\":" + core;
  if (!details.empty()) record += ",\"awardDetails\":" + details;
  record += "}";
  return "{\"awardSummary\":[" + record +
         "],\"totalRecords\":\"1\",\"limit\":\"1\",\"offset\":\"0\"}";
}

const char* kContractId =
    R"({"subtier":{"code":"9700","name":"DEPT OF DEFENSE"},"piid":"SPE3SU25F97V0",)"
    R"("modificationNumber":"0","transactionNumber":"0",)"
    R"("referencedIDVSubtier":{"code":"9700","name":"DEPT OF DEFENSE"},)"
    R"("referencedIDVPiid":"SPE30023DSA78","referencedIDVModificationNumber":"0"})";
const char* kCore =
    R"({"coreVersionId":"1.5","awardOrIDV":"AWARD","awardOrIDVType":{"code":"C","name":"DELIVERY ORDER"}})";

std::string Details(const std::string& date_signed, const std::string& obligation) {
  return R"({"dates":{"dateSigned":)" + date_signed +
         R"(,"ultimateCompletionDate":"2025-02-20 00:00:00.000"},"dollars":{"actionObligation":)" +
         obligation +
         R"(,"baseAndAllOptionsValue":"202.39"},"totalContractDollars":{"totalActionObligation":)"
         R"("202.39","totalBaseAndAllOptionsValue":"202.39"}})";
}

void ExpectSameAction(const Action& sam, const Action& fpds) {
  SCOPED_TRACE("mod " + fpds.mod_number);
  EXPECT_EQ(sam.mod_number, fpds.mod_number);
  EXPECT_EQ(sam.transaction_number, fpds.transaction_number);
  EXPECT_EQ(sam.signed_date, fpds.signed_date);
  EXPECT_EQ(sam.current_completion_date, fpds.current_completion_date);
  EXPECT_EQ(sam.ultimate_completion_date, fpds.ultimate_completion_date);
  EXPECT_EQ(sam.obligated, fpds.obligated);
  EXPECT_EQ(sam.base_and_exercised, fpds.base_and_exercised);
  EXPECT_EQ(sam.base_and_all, fpds.base_and_all);
  EXPECT_EQ(sam.total_obligated, fpds.total_obligated);
  EXPECT_EQ(sam.total_base_and_exercised, fpds.total_base_and_exercised);
  EXPECT_EQ(sam.total_base_and_all, fpds.total_base_and_all);
  EXPECT_EQ(sam.reason_code, fpds.reason_code);
  EXPECT_EQ(sam.action_type, fpds.action_type);
  EXPECT_EQ(sam.vendor_name, fpds.vendor_name);
  EXPECT_EQ(sam.vendor_uei, fpds.vendor_uei);
  EXPECT_EQ(sam.parent_uei, fpds.parent_uei);
  EXPECT_EQ(sam.extent_competed, fpds.extent_competed);
  EXPECT_EQ(sam.offers_received, fpds.offers_received);
}

// Every award, key and action figure equal; only where each action was read from differs.
void ExpectSameRecords(RecordSet sam, RecordSet fpds) {
  auto by_key = [](const Award& a, const Award& b) { return a.key < b.key; };
  std::sort(sam.awards.begin(), sam.awards.end(), by_key);
  std::sort(fpds.awards.begin(), fpds.awards.end(), by_key);
  EXPECT_EQ(sam.action_count, fpds.action_count);
  EXPECT_EQ(sam.as_of, fpds.as_of);
  ASSERT_EQ(sam.awards.size(), fpds.awards.size());
  for (std::size_t i = 0; i < fpds.awards.size(); ++i) {
    const Award& s = sam.awards[i];
    const Award& f = fpds.awards[i];
    SCOPED_TRACE(f.key);
    EXPECT_EQ(s.key, f.key);
    EXPECT_EQ(s.family, f.family);
    EXPECT_EQ(s.agency_id, f.agency_id);
    EXPECT_EQ(s.piid, f.piid);
    EXPECT_EQ(s.idv_agency_id, f.idv_agency_id);
    EXPECT_EQ(s.idv_piid, f.idv_piid);
    EXPECT_EQ(s.vendor_name, f.vendor_name);
    EXPECT_EQ(s.total_outlayed, f.total_outlayed);
    EXPECT_EQ(s.conflicting_duplicates, f.conflicting_duplicates);
    ASSERT_EQ(s.actions.size(), f.actions.size());
    for (std::size_t k = 0; k < f.actions.size(); ++k) ExpectSameAction(s.actions[k], f.actions[k]);
  }
}

TEST(SamReaderTest, AwardsSliceGivesWhatTheFpdsCsvGives) {
  RecordSet fpds = ReadAllRecords({Fixture("records/fpds_awards_slice.csv")});
  RecordSet sam = ReadSamOk(Slurp(Fixture("sam/fpds_awards_slice.json")));
  ASSERT_EQ(fpds.awards.size(), 3u);  // the fixture still holds what the comparison needs
  ExpectSameRecords(sam, fpds);
  // Spot checks against the figures records_reader_test pins for the CSV.
  for (const Award& award : sam.awards) {
    if (award.key != "CONT_AWD_75D30124C20075_7523_-NONE-_-NONE-") continue;
    ASSERT_EQ(award.actions.size(), 3u);
    EXPECT_EQ(award.actions[1].obligated, -206'103'303);
    EXPECT_EQ(award.actions[1].base_and_all, -1'661'808'339);
    EXPECT_EQ(award.actions[1].source_file, "sam.json");
    EXPECT_EQ(award.actions[1].source_line, 11u);  // the record's number in the response
  }
}

TEST(SamReaderTest, IdvsSliceGivesWhatTheFpdsCsvGives) {
  RecordSet fpds = ReadAllRecords({Fixture("records/fpds_idvs_slice.csv")});
  RecordSet sam = ReadSamOk(Slurp(Fixture("sam/fpds_idvs_slice.json")));
  ASSERT_EQ(fpds.awards.size(), 2u);
  ExpectSameRecords(sam, fpds);
  for (const Award& award : sam.awards) {
    EXPECT_EQ(award.family, AwardFamily::kIdv);
    EXPECT_TRUE(award.key == "CONT_IDV_70CMSD22A00000008_7012" ||
                award.key == "CONT_IDV_9531CB24A0009_955F")
        << award.key;
  }
}

TEST(SamReaderTest, SameActionFromBothSourcesLandsInOneAward) {
  RecordSet records;
  ASSERT_TRUE(ReadRecordsFile(Fixture("records/fpds_awards_slice.csv"), &records).ok());
  RecordBatch batch;
  ASSERT_TRUE(
      ReadSamResponse("sam.json", Slurp(Fixture("sam/fpds_awards_slice.json")), &batch).ok());
  batch.MoveInto(&records);
  FinishRecords(&records);
  EXPECT_EQ(records.awards.size(), 3u);  // same keys: merged
  EXPECT_EQ(records.action_count, 12u);  // same mod and transaction numbers: deduplicated
}

TEST(SamReaderTest, ReadsTheDocumentedRecord) {
  RecordSet records =
      ReadSamOk(Response(kContractId, kCore, Details("\"2025-02-20T00:00:00Z\"", "\"202.39\"")));
  ASSERT_EQ(records.awards.size(), 1u);
  const Award& award = records.awards[0];
  EXPECT_EQ(award.key, "CONT_AWD_SPE3SU25F97V0_9700_SPE30023DSA78_9700");
  EXPECT_EQ(award.family, AwardFamily::kContract);
  EXPECT_EQ(award.idv_piid, "SPE30023DSA78");
  EXPECT_EQ(award.idv_agency_id, "9700");
  ASSERT_EQ(award.actions.size(), 1u);
  const Action& a = award.actions[0];
  EXPECT_EQ(a.mod_number, "0");
  EXPECT_EQ(a.transaction_number, "0");
  EXPECT_EQ(a.signed_date, D(2025, 2, 20));
  EXPECT_EQ(a.ultimate_completion_date, D(2025, 2, 20));
  EXPECT_FALSE(a.current_completion_date.has_value());
  EXPECT_EQ(a.obligated, 20'239);
  EXPECT_EQ(a.base_and_all, 20'239);
  EXPECT_EQ(a.base_and_exercised, 0);  // absent change: none
  EXPECT_EQ(a.total_obligated, 20'239);
  EXPECT_FALSE(a.total_base_and_exercised.has_value());  // absent total: unknown
  EXPECT_EQ(a.action_type, "C");
  EXPECT_EQ(records.as_of, D(2025, 2, 20));
}

TEST(SamReaderTest, ThreeDateForms) {
  for (const char* form : {"\"2025-02-20T00:00:00Z\"", "\"2025-02-20T19:13:54.000Z\"",
                           "\"2025-02-20 00:00:00.000\"", "\"2025-02-20T05:00:00.000Z\""}) {
    SCOPED_TRACE(form);
    RecordSet records = ReadSamOk(Response(kContractId, kCore, Details(form, "\"1\"")));
    ASSERT_EQ(records.awards.size(), 1u);
    EXPECT_EQ(records.awards[0].actions[0].signed_date, D(2025, 2, 20));
  }
}

TEST(SamReaderTest, AmountsAsStringsOrNumbers) {
  const std::pair<const char*, Cents> cases[] = {{"\"202.39\"", 20'239},
                                                 {"202.39", 20'239},
                                                 {"\"-628394.94\"", -62'839'494},
                                                 {"-628394.94", -62'839'494},
                                                 {"8000000000", 800'000'000'000},
                                                 {"\"4544.500000000000\"", 454'450},
                                                 {"0", 0},
                                                 {"null", 0},
                                                 {"\"\"", 0},
                                                 {"\"9999999999999.99\"", 999'999'999'999'999}};
  for (const auto& [json, cents] : cases) {
    SCOPED_TRACE(json);
    RecordSet records =
        ReadSamOk(Response(kContractId, kCore, Details("\"2025-02-20T00:00:00Z\"", json)));
    ASSERT_EQ(records.awards.size(), 1u);
    EXPECT_EQ(records.awards[0].actions[0].obligated, cents);
  }
}

TEST(SamReaderTest, NumberTooLongForADoubleIsRefused) {
  RecordSet records;
  Status s = ReadSam(
      Response(kContractId, kCore, Details("\"2025-02-20T00:00:00Z\"", "12345678901234.567")),
      &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("sam.json:1: field 'awardDetails.dollars.actionObligation'"),
            std::string::npos)
      << s.message();
}

// SAM.gov's zero padding is not a third decimal; a digit other than 0 past the cents is.
TEST(SamReaderTest, ThirdDecimalIsRefusedUnlessZeroPadding) {
  RecordSet records;
  Status s =
      ReadSam(Response(kContractId, kCore, Details("\"2025-02-20T00:00:00Z\"", "\"4544.505000\"")),
              &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("'4544.505' is not money: more than two decimals"), std::string::npos)
      << s.message();
}

TEST(SamReaderTest, BadAmountNamesResponseRecordAndField) {
  std::string good = R"({"contractId":)" + std::string(kContractId) + R"(,"coreData":)" + kCore +
                     R"(,"awardDetails":)" + Details("\"2025-02-20T00:00:00Z\"", "\"1\"") + "}";
  std::string bad = R"({"contractId":)" + std::string(kContractId) + R"(,"coreData":)" + kCore +
                    R"(,"awardDetails":)" + Details("\"2025-02-20T00:00:00Z\"", "\"12x.5\"") + "}";
  RecordBatch batch;
  Status s = ReadSamResponse("page3.json", "{\"awardSummary\":[" + good + "," + bad + "]}", &batch);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind("page3.json:2: field 'awardDetails.dollars.actionObligation': ", 0),
            0u)
      << s.message();
}

TEST(SamReaderTest, BadDateAndCountAreNamed) {
  RecordSet records;
  Status s = ReadSam(Response(kContractId, kCore, Details("\"02/30/2025x\"", "\"1\"")), &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("sam.json:1: field 'awardDetails.dates.dateSigned'"),
            std::string::npos)
      << s.message();

  std::string details =
      R"({"dates":{"dateSigned":"2025-02-20T00:00:00Z"},"competitionInformation":{"numberOfOffersReceived":"many"}})";
  s = ReadSam(Response(kContractId, kCore, details), &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("field 'awardDetails.competitionInformation.numberOfOffersReceived'"),
            std::string::npos)
      << s.message();
}

TEST(SamReaderTest, EndDateTyposAreUnknownAsInTheFpdsReader) {
  auto end_date = [](const std::string& text) {
    std::string details =
        R"({"dates":{"dateSigned":"2023-06-22T00:00:00Z","ultimateCompletionDate":")" + text +
        R"("}})";
    RecordSet records = ReadSamOk(Response(kContractId, kCore, details));
    return records.awards.at(0).actions.at(0).ultimate_completion_date;
  };
  EXPECT_EQ(end_date("2207-06-22 00:00:00.000"), D(2207, 6, 22));  // Date holds it: as stated
  EXPECT_FALSE(end_date("0207-06-22 00:00:00.000").has_value());   // it cannot: unknown
  RecordSet records;
  Status s = ReadSam(Response(kContractId, kCore,
                              R"({"dates":{"dateSigned":"2023-06-22T00:00:00Z",)"
                              R"("currentCompletionDate":"2023-02-30 00:00:00.000"}})"),
                     &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("sam.json:1: field 'awardDetails.dates.currentCompletionDate'"),
            std::string::npos)
      << s.message();
}

TEST(SamReaderTest, RequiredFieldsAreNamed) {
  const std::string details = Details("\"2025-02-20T00:00:00Z\"", "\"1\"");
  const std::pair<std::string, std::string> cases[] = {
      {R"({"subtier":{"code":"9700"},"modificationNumber":"0"})", "contractId.piid"},
      {R"({"subtier":{"code":"9700"},"piid":null,"modificationNumber":"0"})", "contractId.piid"},
      {R"({"subtier":{"code":"9700"},"piid":"N/A","modificationNumber":"0"})", "contractId.piid"},
      {R"({"piid":"X1","modificationNumber":"0"})", "contractId.subtier"},
      {R"({"subtier":{"name":"DEPT OF DEFENSE"},"piid":"X1","modificationNumber":"0"})",
       "contractId.subtier.code"},
      {R"({"subtier":{"code":"9700"},"piid":"X1"})", "contractId.modificationNumber"},
  };
  for (const auto& [contract_id, field] : cases) {
    SCOPED_TRACE(contract_id);
    RecordSet records;
    Status s = ReadSam(Response(contract_id, kCore, details), &records);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.message().find("sam.json:1: field '" + field + "'"), std::string::npos)
        << s.message();
  }
  // A response cut to contractId (includeSections=contractId, as for deleted records) has no
  // signing date: not an action the record model can hold.
  RecordSet records;
  Status s = ReadSam(Response(kContractId, "", ""), &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("sam.json:1: field 'awardDetails.dates.dateSigned': missing"),
            std::string::npos)
      << s.message();
}

TEST(SamReaderTest, KeyIsBuiltAsTheFpdsReaderBuildsIt) {
  // Lower case, dashes and padding in identifiers; code and name swapped in other codes.
  std::string contract_id =
      R"({"subtier":{"code":" 955f ","name":"X"},"piid":"9531cb-23-c-0008 ","modificationNumber":"P00001",)"
      R"("referencedIDVSubtier":{"code":"4732"},"referencedIDVPiid":"47qsea21d004d",)"
      R"("reasonForModification":{"code":"M","name":"OTHER ADMINISTRATIVE ACTION"}})";
  std::string core =
      R"({"awardOrIDV":"Award","awardOrIDVType":{"code":"C","name":"DELIVERY ORDER"},)"
      R"("legislativeMandates":{"clingerCohenAct":{"code":"NO","name":"N"}}})";
  RecordSet records =
      ReadSamOk(Response(contract_id, core, Details("\"2025-01-29T00:00:00Z\"", "\"1\"")));
  ASSERT_EQ(records.awards.size(), 1u);
  EXPECT_EQ(records.awards[0].key, "CONT_AWD_9531CB23C0008_955F_47QSEA21D004D_4732");
  EXPECT_EQ(records.awards[0].actions[0].reason_code, "M");
  EXPECT_EQ(records.awards[0].actions[0].transaction_number, "");  // none stated

  // No parent: -NONE- parts, as for the FPDS awards file.
  std::string lone =
      R"({"subtier":{"code":"9300"},"piid":"93310023P0021","modificationNumber":"0",)"
      R"("referencedIDVSubtier":null,"referencedIDVPiid":null,"reasonForModification":null})";
  records = ReadSamOk(Response(lone, kCore, Details("\"2025-01-29T00:00:00Z\"", "\"1\"")));
  ASSERT_EQ(records.awards.size(), 1u);
  EXPECT_EQ(records.awards[0].key, "CONT_AWD_93310023P0021_9300_-NONE-_-NONE-");
}

TEST(SamReaderTest, IdvKeyAndOrderingEnd) {
  std::string contract_id =
      R"({"subtier":{"code":"1344"},"piid":"1333BJ25A00210044","modificationNumber":"0",)"
      R"("referencedIDVSubtier":{"code":"4732"},"referencedIDVPiid":"47QTCA19D0032"})";
  std::string core = R"({"awardOrIDV":"IDV","awardOrIDVType":{"code":"E","name":"BPA"}})";
  std::string details =
      R"({"dates":{"dateSigned":"2025-08-08T04:00:00.000Z","currentCompletionDate":"2025-09-30 00:00:00.000",)"
      R"("lastDateToOrder":"2025-12-31 00:00:00.000"},"dollars":{"actionObligation":"0",)"
      R"("baseAndAllOptionsValue":"200","totalEstimatedOrderValue":"0"}})";
  RecordSet records = ReadSamOk(Response(contract_id, core, details));
  ASSERT_EQ(records.awards.size(), 1u);
  const Award& idv = records.awards[0];
  EXPECT_EQ(idv.key, "CONT_IDV_1333BJ25A00210044_1344");
  EXPECT_EQ(idv.family, AwardFamily::kIdv);
  EXPECT_EQ(idv.idv_piid, "");  // an IDV's key names no parent
  EXPECT_EQ(idv.actions[0].current_completion_date, D(2025, 12, 31));  // lastDateToOrder
  EXPECT_EQ(idv.actions[0].base_and_all, 20'000);

  // Without coreData (includeSections), an ordering period says IDV.
  records = RecordSet();
  ASSERT_TRUE(ReadSam(Response(contract_id, "", details), &records).ok());
  ASSERT_EQ(records.awards.size(), 1u);
  EXPECT_EQ(records.awards[0].key, "CONT_IDV_1333BJ25A00210044_1344");

  records = RecordSet();
  Status s = ReadSam(Response(contract_id, R"({"awardOrIDV":"GRANT"})", details), &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("field 'coreData.awardOrIDV'"), std::string::npos) << s.message();
}

TEST(SamReaderTest, NullsAndMissingSectionsAreUnknown) {
  std::string details =
      R"({"dates":{"dateSigned":"2025-02-20T00:00:00Z","currentCompletionDate":null},)"
      R"("dollars":null,"totalContractDollars":{"totalActionObligation":null},"awardeeData":null,)"
      R"("competitionInformation":{"numberOfOffersReceived":null}})";
  RecordSet records = ReadSamOk(Response(kContractId, R"({"awardOrIDV":"AWARD"})", details));
  ASSERT_EQ(records.awards.size(), 1u);
  const Action& a = records.awards[0].actions[0];
  EXPECT_EQ(a.obligated, 0);
  EXPECT_FALSE(a.total_obligated.has_value());
  EXPECT_FALSE(a.current_completion_date.has_value());
  EXPECT_FALSE(a.offers_received.has_value());
  EXPECT_EQ(a.vendor_name, "");
  EXPECT_EQ(a.action_type, "");
}

TEST(SamReaderTest, AwardeeFields) {
  std::string details =
      R"({"dates":{"dateSigned":"2019-01-03T05:00:00.000Z"},"competitionInformation":{"numberOfOffersReceived":"1"},)"
      R"("awardeeData":{"awardeeHeader":{"legalBusinessName":"LAYHER, INC."},)"
      R"("awardeeUEIInformation":{"uniqueEntityId":"MASERJCJRAB7","awardeeUltimateParentUniqueEntityId":"MASERJCJRAB8"}}})";
  std::string core =
      R"({"awardOrIDV":"AWARD","competitionInformation":{"extentCompeted":{"code":"F","name":"COMPETED UNDER SAP"}}})";
  RecordSet records = ReadSamOk(Response(kContractId, core, details));
  const Action& a = records.awards.at(0).actions.at(0);
  EXPECT_EQ(a.vendor_name, "LAYHER, INC.");  // no awardeeName: the legal name
  EXPECT_EQ(a.vendor_uei, "MASERJCJRAB7");
  EXPECT_EQ(a.parent_uei, "MASERJCJRAB8");
  EXPECT_EQ(a.offers_received, 1);
  EXPECT_EQ(a.extent_competed, "F");
  EXPECT_EQ(records.awards[0].vendor_name, "LAYHER, INC.");
}

TEST(SamReaderTest, EmptyResponsesAddNothing) {
  for (
      const char* body :
      {"", " \r\n", "\xEF\xBB\xBF",
       R"({"awardResponse":{"totalRecords":"0","limit":"2","offset":"1"},"message":"No Data found"})",
       R"({"awardSummary":[],"totalRecords":"0","limit":"10","offset":"0"})",
       R"({"awardSummary":null,"totalRecords":0})", R"({"totalRecords":"0"})",
       R"({"totalRecords":null})"}) {
    SCOPED_TRACE(body);
    RecordBatch batch;
    Status s = ReadSamResponse("sam.json", body, &batch);
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(batch.action_count(), 0u);
  }
}

TEST(SamReaderTest, AwardResponseWrapperHoldingRecords) {
  std::string record = R"({"contractId":)" + std::string(kContractId) + R"(,"coreData":)" + kCore +
                       R"(,"awardDetails":)" + Details("\"2025-02-20T00:00:00Z\"", "\"5\"") + "}";
  for (const std::string& body :
       {R"({"awardResponse":{"awardSummary":[)" + record + R"(],"totalRecords":"1"}})",
        R"({"awardResponse":[)" + record + "]}"}) {
    RecordSet records = ReadSamOk(body);
    ASSERT_EQ(records.awards.size(), 1u);
    EXPECT_EQ(records.awards[0].actions.at(0).obligated, 500);
  }
}

TEST(SamReaderTest, TotalRecords) {
  auto total = [](std::string_view body) { return SamTotalRecords("sam.json", body); };
  EXPECT_EQ(*total(R"({"awardSummary":[],"totalRecords":"5691511","limit":"1"})"), 5691511);
  EXPECT_EQ(*total(R"({"awardSummary":[],"totalRecords":25061})"), 25061);
  EXPECT_EQ(*total(R"({"totalRecords":25061.0})"), 25061);
  EXPECT_EQ(*total(R"({"awardResponse":{"totalRecords":"0"},"message":"No Data found"})"), 0);
  EXPECT_FALSE(total(R"({"totalRecords":null})")->has_value());
  EXPECT_FALSE(total(R"({"totalRecords":"null"})")->has_value());
  EXPECT_FALSE(total(R"({"awardSummary":[]})")->has_value());
  EXPECT_FALSE(total("")->has_value());
  for (const char* bad :
       {R"({"totalRecords":"-1"})", R"({"totalRecords":"12 records"})", R"({"totalRecords":1.5})",
        R"({"totalRecords":true})", "[1]", R"({"totalRecords":"3")"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(total(bad).ok());
  }
  EXPECT_NE(total(R"({"totalRecords":"lots"})").status().message().find("field 'totalRecords'"),
            std::string::npos);
}

TEST(SamReaderTest, MalformedJsonFails) {
  std::string whole = Slurp(Fixture("sam/fpds_awards_slice.json"));
  for (const std::string& body :
       {whole.substr(0, whole.size() / 2), whole + "}", std::string("{\"awardSummary\":[{]}"),
        std::string("{\"awardSummary\": [1, 2,]}"), std::string("{awardSummary: []}")}) {
    RecordBatch batch;
    Status s = ReadSamResponse("sam.json", body, &batch);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.message().find("sam.json: invalid JSON"), std::string::npos) << s.message();
  }
}

TEST(SamReaderTest, NotSamResponsesFail) {
  const std::pair<const char*, const char*> cases[] = {
      {"[]", "expected a SAM.gov Contract Awards response"},
      {R"({"success":true,"result":{"contracts":[]}})", "not a SAM.gov Contract Awards response"},
      {R"({"message":"The max value allowed for parameter 'limit' is 100.","detail":"x"})",
       "SAM.gov answered \"The max value allowed"},
      {R"({"awardSummary":{"piid":"X"}})", "field 'awardSummary': expected a list"},
      {R"({"awardSummary":[7]})", "sam.json:1: expected an object"},
      {R"({"totalRecords":"4"})", "field 'awardSummary': missing, though totalRecords is 4"},
  };
  for (const auto& [body, what] : cases) {
    SCOPED_TRACE(body);
    RecordBatch batch;
    Status s = ReadSamResponse("sam.json", body, &batch);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.message().find(what), std::string::npos) << s.message();
  }
}

TEST(SamReaderTest, LooksLikeSamResponse) {
  EXPECT_TRUE(LooksLikeSamResponse(Slurp(Fixture("sam/fpds_awards_slice.json"))));
  EXPECT_TRUE(LooksLikeSamResponse(Slurp(Fixture("sam/fpds_idvs_slice.json"))));
  EXPECT_TRUE(LooksLikeSamResponse(
      "\xEF\xBB\xBF\n  " + Response(kContractId, kCore, Details("\"2025-02-20\"", "\"1\""))));
  EXPECT_TRUE(LooksLikeSamResponse(
      R"({"awardResponse":{"totalRecords":"0","limit":"2","offset":"1"},"message":"No Data found"})"));
  EXPECT_TRUE(LooksLikeSamResponse(R"({"totalRecords":2,"data":[{"contractId":{}}]})"));
  // Cut short: still SAM's, so that its reader reports the broken JSON.
  std::string whole = Slurp(Fixture("sam/fpds_awards_slice.json"));
  EXPECT_TRUE(LooksLikeSamResponse(whole.substr(0, 300)));

  EXPECT_FALSE(LooksLikeSamResponse(""));
  EXPECT_FALSE(LooksLikeSamResponse("   "));
  EXPECT_FALSE(LooksLikeSamResponse(
      R"({"success":true,"result":{"contracts":[{"piid":"X","value":1,"savings":1}]},"meta":{"total_results":1,"pages":1}})"));
  EXPECT_FALSE(LooksLikeSamResponse(
      R"({"id":123,"generated_unique_award_id":"CONT_AWD_X_9700_-NONE-_-NONE-","piid":"X","total_obligation":1.0})"));
  EXPECT_FALSE(LooksLikeSamResponse("agencyID,PIID,modNumber\n9700,X,0\n"));
  EXPECT_FALSE(LooksLikeSamResponse("<h1>API_KEY_INVALID</h1>"));
  EXPECT_FALSE(LooksLikeSamResponse(R"([{"contractId":{}}])"));
  EXPECT_FALSE(LooksLikeSamResponse(R"({"totalRecords":2,"data":[{"id":1}]})"));
  EXPECT_FALSE(LooksLikeSamResponse(R"({"message":"No API Key was supplied."})"));
}

}  // namespace
}  // namespace receipts::records
