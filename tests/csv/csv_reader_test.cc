#include "csv/csv_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace receipts {
namespace {

TEST(CsvReaderTest, QuotedFieldsSpanLinesAndLinesAreCounted) {
  std::string data = "a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\n\n4,5,6\n";
  CsvReader csv("t.csv", data);
  ASSERT_TRUE(csv.ReadHeader().ok());
  EXPECT_EQ(csv.Find("B"), 1);  // case-insensitive fallback
  auto more = csv.Next();
  ASSERT_TRUE(more.ok() && *more);
  EXPECT_EQ(csv.line(), 2u);
  EXPECT_EQ(csv.field(1), "x, \"y\"\nz");
  more = csv.Next();
  ASSERT_TRUE(more.ok() && *more);
  EXPECT_EQ(csv.line(), 5u);  // the quoted newline and the blank line both count
  EXPECT_EQ(csv.field(2), "6");
  more = csv.Next();
  ASSERT_TRUE(more.ok());
  EXPECT_FALSE(*more);
}

TEST(CsvReaderTest, ByteOrderMarkIsSkipped) {
  CsvReader csv("t.csv", "\xEF\xBB\xBFLINK,VALUE\nx,1\n");
  ASSERT_TRUE(csv.ReadHeader().ok());
  EXPECT_EQ(csv.Find("LINK"), 0);
}

TEST(CsvReaderTest, EmptyFileIsAnError) {
  CsvReader csv("empty.csv", "");
  Status s = csv.ReadHeader();
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("empty.csv: empty file"), std::string::npos) << s.message();
}

TEST(CsvReaderTest, TruncatedQuoteNamesTheLine) {
  CsvReader csv("cut.csv", "a,b\n1,2\n3,\"unterminated\n");
  ASSERT_TRUE(csv.ReadHeader().ok());
  ASSERT_TRUE(*csv.Next());
  auto more = csv.Next();
  ASSERT_FALSE(more.ok());
  EXPECT_NE(more.status().message().find("cut.csv:3: unterminated quoted field"), std::string::npos)
      << more.status().message();
}

TEST(CsvReaderTest, WrongFieldCountNamesTheLine) {
  CsvReader csv("ragged.csv", "a,b\n1,2\n3\n");
  ASSERT_TRUE(csv.ReadHeader().ok());
  ASSERT_TRUE(*csv.Next());
  auto more = csv.Next();
  ASSERT_FALSE(more.ok());
  EXPECT_NE(
      more.status().message().find("ragged.csv:3: expected 2 fields as in the header, found 1"),
      std::string::npos)
      << more.status().message();
}

TEST(CsvReaderTest, InvalidUtf8NamesLineAndField) {
  CsvReader csv("bytes.csv", "piid,vendor\nX1,ok\nX2,caf\xE9\n");
  ASSERT_TRUE(csv.ReadHeader().ok());
  ASSERT_TRUE(*csv.Next());
  auto more = csv.Next();
  ASSERT_FALSE(more.ok());
  EXPECT_EQ(more.status().message(), "bytes.csv:3: field 'vendor': not valid UTF-8");
}

// A 100 MB line (a runaway quote, a binary file) is refused at the record bound, not read whole
// into one field.
TEST(CsvReaderTest, HundredMegabyteLineIsRefused) {
  std::string data = "piid,description\nX1,";
  data.append(100u << 20, 'a');
  data += "\n";
  CsvReader csv("huge.csv", data);
  ASSERT_TRUE(csv.ReadHeader().ok());
  auto more = csv.Next();
  ASSERT_FALSE(more.ok());
  EXPECT_NE(more.status().message().find("huge.csv:2: record longer than 16 MiB"),
            std::string::npos)
      << more.status().message();
}

// Two columns of one name were accepted and the first won: which figure was read was chance.
TEST(CsvReaderTest, RepeatedColumnNameIsRefusedNamingBothColumns) {
  CsvReader csv("t.csv", "piid,agency,savings,value,link,date,savings\nP,A,1,2,L,D,3\n");
  Status s = csv.ReadHeader();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "t.csv:1: columns 3 and 7 are both named 'savings'");
}

// Of several repeated names, the pair reported is the one a scan from the left meets first: the
// first two columns of the name whose second column comes first.
TEST(CsvReaderTest, OfSeveralRepeatsTheFirstMetIsReported) {
  CsvReader csv("t.csv", "b,a,x,b,a,b\n1,2,3,4,5,6\n");
  Status s = csv.ReadHeader();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "t.csv:1: columns 1 and 4 are both named 'b'");
}

// Lookups are binary searches over orders kept per header: readers of different headers taking
// turns on one thread (a per-award download's members) each find their own columns, exact
// matches first, then the first column equal ignoring case.
TEST(CsvReaderTest, ReadersOfDifferentHeadersTakingTurnsFindTheirOwnColumns) {
  for (int round = 0; round < 3; ++round) {
    CsvReader history("h.csv", "PIID,piid,Agency,zeta,Amount\n1,2,3,4,5\n");
    ASSERT_TRUE(history.ReadHeader().ok());
    CsvReader funding("f.csv", "award_unique_key,AMOUNT,amount\nK,1,2\n");
    ASSERT_TRUE(funding.ReadHeader().ok());
    EXPECT_EQ(history.Find("PIID"), 0);
    EXPECT_EQ(history.Find("piid"), 1);
    EXPECT_EQ(history.Find("Piid"), 0);
    EXPECT_EQ(history.Find("agency"), 2);
    EXPECT_EQ(history.Find("AMOUNT"), 4);
    EXPECT_EQ(history.Find("award_unique_key"), -1);
    EXPECT_EQ(history.Find("zet"), -1);
    EXPECT_EQ(history.Find("zetas"), -1);
    EXPECT_EQ(funding.Find("amount"), 2);
    EXPECT_EQ(funding.Find("Amount"), 1);
    EXPECT_EQ(funding.Find("AWARD_UNIQUE_KEY"), 0);
    EXPECT_EQ(funding.Find("piid"), -1);
  }
}

TEST(CsvReaderTest, NamesAllowedToRepeatKeepTheFirst) {
  CsvReader csv("t.csv", "description,savings,description\nDOGE's,1,USAspending's\n");
  ASSERT_TRUE(csv.ReadHeader({"description"}).ok());
  EXPECT_EQ(csv.Find("description"), 0);
  CsvReader strict("t.csv", "description,savings,savings\nx,1,2\n");
  EXPECT_FALSE(strict.ReadHeader({"description"}).ok());
}

// NUL bytes were stored as text.
TEST(CsvReaderTest, NulByteIsRefusedNamingLineAndField) {
  using namespace std::string_literals;
  std::string data = "piid,savings\nP1,1.00\n\"P\n2\",2\0.00\n"s;
  CsvReader csv("t.csv", data);
  ASSERT_TRUE(csv.ReadHeader().ok());
  auto more = csv.Next();
  ASSERT_TRUE(more.ok() && *more);
  more = csv.Next();
  ASSERT_FALSE(more.ok());
  EXPECT_EQ(more.status().message(), "t.csv:3: field 'savings': holds a NUL byte (not text)");
  std::string header_data = "piid,sav\0ings\nP1,1\n"s;
  CsvReader header("t.csv", header_data);
  Status s = header.ReadHeader();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("t.csv:1: header column 2 holds a NUL byte"), std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace receipts
