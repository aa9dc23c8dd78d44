// The agencies' own terminated-grant lists: detected by header, summed per FAIN, Windows-1252
// read, and bad cells refused naming file, line and field.
#include "records/termination_lists.h"

#include <gtest/gtest.h>

#include <string>

#include "records/records_reader.h"

namespace receipts::records {
namespace {

constexpr const char* kHhsHeader =
    "awarding_office,fain,award_num,org_type,recip_name_standardized,recipient_name,"
    "RecipientState,RecipientCountry,date_terminated,amt_obligated,amt_expended,"
    "total_payment_amt,amt_unliquidated,award_title,pres_action,for_cause,for_cause_num\n";

std::string HhsRow(const std::string& fain, const std::string& num, const std::string& date,
                   const std::string& obligated, const std::string& expended,
                   const std::string& unliquidated) {
  return "\"NIH\",\"" + fain + "\",\"" + num + "\",\"U\",\"R\",\"R\",\"MA\",\"US\"," + date + "," +
         obligated + "," + expended + "," + expended + "," + unliquidated +
         ",\"T\",\"-\",\"-\",0\n";
}

TEST(TerminationListsTest, HhsRowsAreSummedPerFain) {
  const std::string bytes = kHhsHeader +
                            HhsRow("R01X1", "1R01X1-01", "21mar2025", "100", "40.5", "59.5") +
                            HhsRow("R01X1", "1R01X1-02", "10mar2025", "50", "50", "0") +
                            HhsRow("R01X2", "1R01X2-01", "24mar2025", "84565.53999999999", "", "");
  ASSERT_TRUE(LooksLikeTerminationList(bytes));
  std::vector<GrantTermination> out;
  Status s = ReadTerminationList("hhs.csv", bytes, &out);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].list, "HHS");
  EXPECT_EQ(out[0].obligated, 150'00);
  EXPECT_EQ(out[0].expended, 90'50);
  EXPECT_EQ(out[0].unliquidated, 59'50);
  EXPECT_EQ(out[0].terminated->ToIso(), "2025-03-10");  // the earliest of its periods
  ASSERT_EQ(out[0].rows.size(), 2u);
  EXPECT_EQ(out[0].rows[1].ToString(), "HHS/R01X1/1R01X1-02");
  // Float noise rounds to the cent on its digits; a blank cell leaves the figure unknown.
  EXPECT_EQ(out[1].obligated, 84'565'54);
  EXPECT_FALSE(out[1].expended);
  EXPECT_FALSE(out[1].unliquidated);
}

TEST(TerminationListsTest, NsfListInWindows1252WithItsExportDate) {
  const std::string bytes =
      "Award ID,Directorate,Recipient,Title,Obligated,,Date of export: 6/5/2025\r\n"
      "1231319,MPS ,Harvard University   ,Center for Integrated Quantum Materials,"
      "\"$44,434,393 \",,\r\n"
      "2000001,EDU ,Men\x92s College,\"A \x93quoted\x94 title\",\"$1,000 \",,\r\n";
  ASSERT_TRUE(LooksLikeTerminationList(bytes));
  std::vector<GrantTermination> out;
  Status s = ReadTerminationList("nsf.csv", bytes, &out);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].list, "NSF");
  EXPECT_EQ(out[0].obligated, 44'434'393'00);
  EXPECT_EQ(out[0].list_date->ToIso(), "2025-06-05");
  EXPECT_EQ(out[0].office, "MPS");
  EXPECT_EQ(out[1].recipient, "Men\u2019s College");
  EXPECT_EQ(out[1].rows[0].ToString(), "NSF/2000001/L3");
}

TEST(TerminationListsTest, MoneyThatDoesNotParseNamesFileLineAndField) {
  const std::string bytes =
      kHhsHeader + HhsRow("R01X1", "n", "21mar2025", "100", "\"1,0000\"", "0");
  std::vector<GrantTermination> out;
  Status s = ReadTerminationList("hhs.csv", bytes, &out);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind("hhs.csv:2: field 'amt_expended'", 0), 0u) << s.message();
  EXPECT_TRUE(out.empty());
  const std::string bad_date = kHhsHeader + HhsRow("R01X1", "n", "31feb2025", "1", "1", "0");
  s = ReadTerminationList("hhs.csv", bad_date, &out);
  EXPECT_EQ(s.message().rfind("hhs.csv:2: field 'date_terminated'", 0), 0u) << s.message();
  const std::string blank_fain = kHhsHeader + HhsRow("", "n", "1mar2025", "1", "1", "0");
  s = ReadTerminationList("hhs.csv", blank_fain, &out);
  EXPECT_EQ(s.message().rfind("hhs.csv:2: field 'fain'", 0), 0u) << s.message();
}

TEST(TerminationListsTest, RecordsReaderKeepsThemBesideTheAwards) {
  RecordSet records;
  Status s =
      ParseRecords("hhs.csv", kHhsHeader + HhsRow("R1", "n", "1mar2025", "9", "9", "0"), &records);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(records.awards.empty());
  ASSERT_EQ(records.grant_terminations.size(), 1u);
  // A failing file adds nothing.
  s = ParseRecords("hhs2.csv", kHhsHeader + HhsRow("R2", "n", "1mar2025", "x", "9", "0"), &records);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(records.grant_terminations.size(), 1u);
}

}  // namespace
}  // namespace receipts::records
