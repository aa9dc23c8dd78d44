#include "ingest/csv_reader.h"

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

}  // namespace
}  // namespace receipts
