#include "records/xlsx_workbook.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "../archive_bytes.h"
#include "../test_files.h"

namespace receipts::records {
namespace {

using Members = std::vector<std::pair<std::string, std::string>>;
using Row = std::vector<std::string>;

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string Workbook(const std::string& sheets) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"") + kMain +
         "\" xmlns:r=\"" + kRel + "\"><sheets>" + sheets + "</sheets></workbook>";
}

// A relationships member; each of `relationships` is {Id, kind (worksheet…), Target}.
std::string Rels(const std::vector<std::vector<std::string>>& relationships) {
  std::string out =
      "<Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (const auto& r : relationships) {
    out += "<Relationship Id=\"" + r[0] + "\" Type=\"" + kRel + "/" + r[1] + "\" Target=\"" + r[2] +
           "\"/>";
  }
  return out + "</Relationships>";
}

std::string Sheet(const std::string& rows) {
  return std::string("<worksheet xmlns=\"") + kMain + "\"><sheetData>" + rows +
         "</sheetData></worksheet>";
}

std::string SharedStrings(const std::string& items) {
  return std::string("<sst xmlns=\"") + kMain + "\">" + items + "</sst>";
}

// One sheet "Leases" (xl/worksheets/sheet1.xml holding `rows`) with shared strings `items`.
Members OneSheet(const std::string& rows, const std::string& items = "") {
  return {{"xl/workbook.xml", Workbook(R"(<sheet name="Leases" sheetId="1" r:id="rId1"/>)")},
          {"xl/_rels/workbook.xml.rels", Rels({{"rId1", "worksheet", "worksheets/sheet1.xml"},
                                               {"rId2", "sharedStrings", "sharedStrings.xml"}})},
          {"xl/sharedStrings.xml", SharedStrings(items)},
          {"xl/worksheets/sheet1.xml", Sheet(rows)}};
}

// The members zipped and decoded, as ReadInputFile gives a .xlsx.
std::vector<InputPart> Parts(const Members& members) {
  Result<std::vector<InputPart>> parts =
      DecodeInput("book.xlsx", testing::ZipBytes(members, /*store=*/true));
  EXPECT_TRUE(parts.ok()) << parts.status().ToString();
  return parts.ok() ? *parts : std::vector<InputPart>();
}

std::vector<XlsxSheet> Read(const Members& members) {
  Result<std::vector<XlsxSheet>> sheets = ReadXlsxWorkbook("book.xlsx", Parts(members));
  EXPECT_TRUE(sheets.ok()) << sheets.status().ToString();
  return sheets.ok() ? *sheets : std::vector<XlsxSheet>();
}

// The error ReadXlsxWorkbook gives; every one names the file first.
std::string ErrorOf(const Members& members) {
  Result<std::vector<XlsxSheet>> sheets = ReadXlsxWorkbook("book.xlsx", Parts(members));
  EXPECT_FALSE(sheets.ok());
  EXPECT_EQ(sheets.status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(sheets.status().message().rfind("book.xlsx", 0), 0u) << sheets.status().message();
  return sheets.status().message();
}

#define EXPECT_HAS(text, part) EXPECT_NE((text).find(part), std::string::npos) << (text)

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

TEST(XlsxWorkbookTest, RecognisesAWorkbookByItsMember) {
  EXPECT_TRUE(IsXlsxWorkbook(Parts(OneSheet(""))));
  EXPECT_FALSE(IsXlsxWorkbook(Parts({{"data.csv", "a,b\n"}, {"xl/other.xml", "<x/>"}})));
  EXPECT_FALSE(IsXlsxWorkbook({{"xl/workbook.xml", "<workbook/>"}}));  // a plain file, no archive
  EXPECT_TRUE(IsXlsxWorkbook(Parts({{"XL/Workbook.xml", "<workbook/>"}})));  // OPC ignores case
}

TEST(XlsxWorkbookTest, SharedStringsPlainAndRichTextRuns) {
  std::vector<XlsxSheet> sheets = Read(OneSheet(
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
      R"(<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>)",
      "<si><t>Lease Number</t></si>"
      R"(<si><r><rPr><b/></rPr><t xml:space="preserve">LPA </t></r><r><t>00132</t></r></si>)"
      "<si><t>A &amp; B &#x263A;</t></si>"
      // A phonetic guide is not part of the string.
      R"(<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>)"));
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(sheets[0].name, "Leases");
  ASSERT_EQ(sheets[0].rows.size(), 1u);
  EXPECT_EQ(sheets[0].rows[0], (Row{"Lease Number", "LPA 00132", "A & B \u263A", "東京"}));
  EXPECT_EQ(sheets[0].row_numbers, (std::vector<std::size_t>{1}));
}

TEST(XlsxWorkbookTest, InlineStringsAndOtherTypesVerbatim) {
  std::vector<XlsxSheet> sheets = Read(
      OneSheet(R"(<row r="3"><c r="A3" t="inlineStr"><is><t>READING</t></is></c>)"
               R"(<c r="B3" t="inlineStr"><is><r><t>201 </t></r><r><t>PENN ST</t></r></is></c>)"
               R"(<c r="C3"><v>-75.933271000000005</v></c><c r="D3" t="n" s="1"><v>49351</v></c>)"
               R"(<c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><v>#N/A</v></c>)"
               R"(<c r="G3" t="str"><f>A3&amp;"!"</f><v>READING!</v></c>)"
               R"(<c r="H3" t="d"><v>2025-05-23T00:00:00</v></c></row>)"));
  ASSERT_EQ(sheets.size(), 1u);
  ASSERT_EQ(sheets[0].rows.size(), 1u);
  EXPECT_EQ(sheets[0].rows[0], (Row{"READING", "201 PENN ST", "-75.933271000000005", "49351", "1",
                                    "#N/A", "READING!", "2025-05-23T00:00:00"}));
  EXPECT_EQ(sheets[0].row_numbers, (std::vector<std::size_t>{3}));
}

TEST(XlsxWorkbookTest, GapsArePaddedByColumnLetters) {
  std::vector<XlsxSheet> sheets = Read(OneSheet(
      R"(<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row>)"
      R"(<row r="2"><c r="AA2"><v>27</v></c></row>)"
      // A row runs to its last cell, blank or not; a cell with no r follows the one before.
      R"(<row r="4"><c r="B4"><v>2</v></c><c><v>3</v></c><c r="E4" s="1"/></row>)"));
  ASSERT_EQ(sheets.size(), 1u);
  const XlsxSheet& sheet = sheets[0];
  ASSERT_EQ(sheet.rows.size(), 3u);
  EXPECT_EQ(sheet.rows[0], (Row{"1", "", "3"}));
  ASSERT_EQ(sheet.rows[1].size(), 27u);
  EXPECT_EQ(sheet.rows[1][26], "27");
  EXPECT_EQ(sheet.rows[1][0], "");
  EXPECT_EQ(sheet.rows[2], (Row{"", "2", "3", "", ""}));
  EXPECT_EQ(sheet.row_numbers, (std::vector<std::size_t>{1, 2, 4}));
}

TEST(XlsxWorkbookTest, EmptyRowsAreKeptOut) {
  std::vector<XlsxSheet> sheets =
      Read(OneSheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"
                    R"(<row r="2"/><row r="3"><c r="A3" s="2"/><c r="B3" t="s"><v>1</v></c></row>)"
                    R"(<row r="5"><c r="C5"><v>x</v></c></row>)",
                    "<si><t>Header</t></si><si><t></t></si>"));
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(sheets[0].rows, (std::vector<Row>{{"Header"}, {"", "", "x"}}));
  EXPECT_EQ(sheets[0].row_numbers, (std::vector<std::size_t>{1, 5}));
}

TEST(XlsxWorkbookTest, RowsWithoutNumbersFollowTheLast) {
  std::vector<XlsxSheet> sheets =
      Read(OneSheet(R"(<row r="2"><c><v>a</v></c></row><row><c r="A3"><v>b</v></c></row>)"));
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(sheets[0].rows, (std::vector<Row>{{"a"}, {"b"}}));
  EXPECT_EQ(sheets[0].row_numbers, (std::vector<std::size_t>{2, 3}));
}

TEST(XlsxWorkbookTest, SheetsInWorkbookOrderThroughTheirRelationships) {
  Members members = {
      {"xl/worksheets/sheet1.xml", Sheet(R"(<row r="1"><c r="A1"><v>1</v></c></row>)")},
      {"xl/worksheets/sheet2.xml", Sheet(R"(<row r="1"><c r="A1"><v>2</v></c></row>)")},
      {"xl/workbook.xml", Workbook(R"(<sheet name="Second" sheetId="2" r:id="rId7"/>)"
                                   R"(<sheet name="Chart" sheetId="3" r:id="rId8"/>)"
                                   R"(<sheet name="First" sheetId="1" r:id="rId3"/>)")},
      {"xl/_rels/workbook.xml.rels",
       Rels({{"rId3", "worksheet", "/xl/worksheets/sheet1.xml"},
             {"rId7", "worksheet", "./worksheets/../worksheets/sheet2.xml"},
             {"rId8", "chartsheet", "chartsheets/sheet1.xml"}})}};
  std::vector<XlsxSheet> sheets = Read(members);  // no shared strings at all: none needed
  ASSERT_EQ(sheets.size(), 2u);
  EXPECT_EQ(sheets[0].name, "Second");
  EXPECT_EQ(sheets[0].rows, (std::vector<Row>{{"2"}}));
  EXPECT_EQ(sheets[1].name, "First");
  EXPECT_EQ(sheets[1].rows, (std::vector<Row>{{"1"}}));
}

TEST(XlsxWorkbookTest, AWorkbookWithoutSheetsHasNone) {
  Result<std::vector<XlsxSheet>> sheets =
      ReadXlsxWorkbook("book.xlsx", Parts({{"xl/workbook.xml", Workbook("")}}));
  ASSERT_TRUE(sheets.ok()) << sheets.status().ToString();
  EXPECT_TRUE(sheets->empty());
}

TEST(XlsxWorkbookTest, MissingMembersAreNamed) {
  std::string error = ErrorOf({{"xl/other.xml", "<x/>"}});
  EXPECT_HAS(error, "xl/workbook.xml");

  Members members = OneSheet("");
  members.pop_back();  // the worksheet
  error = ErrorOf(members);
  EXPECT_HAS(error, "xl/worksheets/sheet1.xml");
  EXPECT_HAS(error, "sheet 'Leases'");
  EXPECT_HAS(error, "the archive lacks this member");

  members = OneSheet("");
  members.erase(members.begin() + 2);  // the shared strings a relationship names
  EXPECT_HAS(ErrorOf(members), "xl/sharedStrings.xml");

  members = OneSheet("");
  members.erase(members.begin() + 1);  // the relationships
  EXPECT_HAS(ErrorOf(members), "xl/_rels/workbook.xml.rels");

  members = OneSheet("");
  members[0].second = Workbook(R"(<sheet name="Leases" sheetId="1" r:id="rId9"/>)");
  error = ErrorOf(members);
  EXPECT_HAS(error, "'rId9'");
  EXPECT_HAS(error, "sheet 'Leases'");
}

TEST(XlsxWorkbookTest, MalformedXmlGivesExpatsErrorAndLine) {
  Members members = OneSheet("");
  std::string sheet = Sheet(R"(<row r="1"><c r="A1"><v>1</v></c></row>)");
  members[3].second = sheet.substr(0, sheet.find("</v>") + 4);  // cut after a tag
  std::string error = ErrorOf(members);
  EXPECT_HAS(error, "book.xlsx: field 'xl/worksheets/sheet1.xml': malformed XML at line 1");
  EXPECT_HAS(error, "the member ends before its elements close");
  members[3].second = sheet.substr(0, sheet.find("</v>") + 2);  // cut inside one
  EXPECT_HAS(ErrorOf(members), "malformed XML at line 1, column ");

  members[3].second = "<worksheet>\n<sheetData><row></sheetData></worksheet>";
  error = ErrorOf(members);
  EXPECT_HAS(error, "malformed XML at line 2, column ");
  EXPECT_HAS(error, "mismatched tag");

  members = OneSheet("");
  members[2].second = "";  // an empty shared strings member
  EXPECT_HAS(ErrorOf(members), "field 'xl/sharedStrings.xml': malformed XML");

  members = OneSheet("");
  members[0].second = "<workbook xmlns=\"x\"><sheets><sheet name=\"a\" r:id=\"rId1\"/>";
  EXPECT_HAS(ErrorOf(members), "unbound prefix");  // r: was never declared

  members = OneSheet("");
  members[3].second = "<sst/>";  // a worksheet member holding something else
  EXPECT_HAS(ErrorOf(members), "the root element is 'sst', not 'worksheet'");
}

TEST(XlsxWorkbookTest, ADtdIsRefused) {
  Members members = OneSheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)");
  members[2].second =
      "<!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>" +
      SharedStrings("<si><t>&b;</t></si>");
  EXPECT_HAS(ErrorOf(members), "(DTD) is not allowed");
}

TEST(XlsxWorkbookTest, DeepNestingIsRefused) {
  Members members = OneSheet("");
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "<x>";
  for (int i = 0; i < 300; ++i) deep += "</x>";
  members[3].second = Sheet(deep);
  EXPECT_HAS(ErrorOf(members),
             "field 'xl/worksheets/sheet1.xml': elements nest more than 256 deep");
}

TEST(XlsxWorkbookTest, SharedStringIndexOutOfRangeNamesSheetAndCell) {
  std::string error = ErrorOf(
      OneSheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"
               R"(<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>2</v></c></row>)",
               "<si><t>a</t></si><si><t>b</t></si>"));
  EXPECT_HAS(error,
             "book.xlsx:2: field 'sheet Leases cell B2': shared string 2 is out of range: "
             "xl/sharedStrings.xml holds 2");
  EXPECT_HAS(ErrorOf(OneSheet(R"(<row r="1"><c r="A1" t="s"><v>x1</v></c></row>)")),
             "'sheet Leases cell A1': shared string index 'x1' is not a number");

  Members members = OneSheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)");
  members.erase(members.begin() + 2);
  members[1].second = Rels({{"rId1", "worksheet", "worksheets/sheet1.xml"}});
  EXPECT_HAS(ErrorOf(members), "the workbook has no shared strings");
}

TEST(XlsxWorkbookTest, BadCellReferencesAndExcelsLimits) {
  for (const char* ref : {"1A", "A", "A0", "A01", "$A$1", "A1:B2", "ABCDEFGH1"}) {
    std::string error =
        ErrorOf(OneSheet(std::string(R"(<row r="1"><c r=")") + ref + R"("><v>1</v></c></row>)"));
    EXPECT_HAS(error, "bad cell reference");
    EXPECT_HAS(error, "'sheet Leases cell " + std::string(ref) + "'");
  }
  // XFD is Excel's last column, 1048576 its last row.
  std::vector<XlsxSheet> sheets =
      Read(OneSheet(R"(<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>)"));
  ASSERT_EQ(sheets.size(), 1u);
  ASSERT_EQ(sheets[0].rows.size(), 1u);
  EXPECT_EQ(sheets[0].rows[0].size(), 16384u);
  EXPECT_EQ(sheets[0].row_numbers[0], 1048576u);
  EXPECT_HAS(ErrorOf(OneSheet(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)")),
             "past Excel's last, XFD");
  EXPECT_HAS(ErrorOf(OneSheet(R"(<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>)")),
             "more than 16384 cells");
  EXPECT_HAS(ErrorOf(OneSheet(R"(<row r="1048577"><c r="A1048577"><v>1</v></c></row>)")),
             "row 1048577 is past Excel's last row, 1048576");
  EXPECT_HAS(ErrorOf(OneSheet(R"(<row r="0"/>)")), "bad row number '0'");
  EXPECT_HAS(ErrorOf(OneSheet(R"(<row r="2"><c r="A3"><v>1</v></c></row>)")),
             "book.xlsx:2: field 'sheet Leases cell A3': the cell is not in its row, 2");
  EXPECT_HAS(ErrorOf(OneSheet(R"(<row r="1"><c r="B1"/><c r="A1"/></row>)")),
             "cell A1': the cell comes after B1");
  EXPECT_HAS(ErrorOf(OneSheet(R"(<row r="1"><c r="B1"/><c r="B1"/></row>)")),
             "the cell comes after B1");
  EXPECT_HAS(ErrorOf(OneSheet(R"(<row r="3"/><row r="2"/>)")), "row 2 comes after row 3");
  EXPECT_HAS(ErrorOf(OneSheet(R"(<row r="1"><c r="A1" t="q"><v>1</v></c></row>)")),
             "unknown cell type 'q'");
}

TEST(XlsxWorkbookTest, TwoSheetsOfOneMemberAreRefused) {
  Members members = OneSheet(R"(<row r="1"><c r="A1"><v>1</v></c></row>)");
  members[0].second = Workbook(R"(<sheet name="A" sheetId="1" r:id="rId1"/>)"
                               R"(<sheet name="B" sheetId="2" r:id="rId1"/>)");
  EXPECT_HAS(ErrorOf(members), "sheet 'B' is a member another sheet already is");
}

TEST(XlsxWorkbookTest, AMemberTwiceInTheArchiveIsRefused) {
  Members members = OneSheet(R"(<row r="1"><c r="A1"><v>1</v></c></row>)");
  members.push_back({"xl/worksheets/Sheet1.xml", Sheet("")});
  EXPECT_HAS(ErrorOf(members), "field 'xl/worksheets/sheet1.xml': the archive holds two members");
}

TEST(XlsxWorkbookTest, MoreThanFourMillionSharedStringsAreRefused) {
  std::string items;
  items.reserve(4'000'001 * 5);
  for (int i = 0; i < 4'000'001; ++i) items += "<si/>";
  Members members = OneSheet("", "");
  members[2].second = SharedStrings(items);
  EXPECT_HAS(ErrorOf(members), "more than 4000000 shared strings");
}

TEST(XlsxWorkbookTest, OneLongSharedStringInManyCellsIsRefused) {
  // 33 cells naming one 8 MiB string would copy 264 MiB: past the 256 MiB cap on cell text.
  std::string rows;
  for (int i = 1; i <= 33; ++i) {
    rows += "<row r=\"" + std::to_string(i) + "\"><c t=\"s\"><v>0</v></c></row>";
  }
  std::string error =
      ErrorOf(OneSheet(rows, "<si><t>" + std::string(std::size_t{8} << 20, 'x') + "</t></si>"));
  EXPECT_HAS(error, "book.xlsx:33: field 'sheet Leases cell A33'");
  EXPECT_HAS(error, "more than 268435456 bytes of text");
}

TEST(XlsxWorkbookTest, GapsFarBeyondTheCellsAreRefused) {
  // Each row's one cell at XFD pads 16,383 blanks; 300 rows would make 4.9 million.
  std::string rows;
  for (int i = 1; i <= 300; ++i) {
    rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"XFD" + std::to_string(i) +
            "\"><v>1</v></c></row>";
  }
  EXPECT_HAS(ErrorOf(OneSheet(rows)), "blank gaps");
}

TEST(XlsxWorkbookTest, DateFromExcelSerial) {
  auto date = [](std::string_view text) {
    Result<std::optional<Date>> d = DateFromExcelSerial(text);
    EXPECT_TRUE(d.ok()) << text << ": " << d.status().ToString();
    return d.ok() ? *d : std::nullopt;
  };
  // Lease LPA00132 of the IOLP workbook: effective at serial 43873, expiring at 49351, a 15-year
  // term ending the day before its anniversary.
  EXPECT_EQ(date("43873"), D(2020, 2, 12));
  EXPECT_EQ(date("49351"), D(2035, 2, 11));
  EXPECT_EQ(date("43831"), D(2020, 1, 1));
  EXPECT_EQ(date("45800"), D(2025, 5, 23));
  EXPECT_EQ(date("45800.5"), D(2025, 5, 23));  // noon: the time of day is dropped
  EXPECT_EQ(date(" 45800.99999 "), D(2025, 5, 23));
  EXPECT_EQ(date("25569"), D(1970, 1, 1));
  EXPECT_EQ(date("1"), D(1900, 1, 1));
  EXPECT_EQ(date("59"), D(1900, 2, 28));
  EXPECT_EQ(date("61"), D(1900, 3, 1));
  EXPECT_EQ(date("2958465"), D(9999, 12, 31));
  EXPECT_EQ(date(""), std::nullopt);
  EXPECT_EQ(date("  "), std::nullopt);
  for (const char* bad : {"abc", "-1", "1e5", "45800.", ".5", "4 5", "0", "0.5", "60", "2958466",
                          "99999999999999999999", "45800x"}) {
    Result<std::optional<Date>> d = DateFromExcelSerial(bad);
    EXPECT_FALSE(d.ok()) << bad;
    EXPECT_EQ(d.status().code(), Status::Code::kInvalidInput) << bad;
  }
  EXPECT_HAS(DateFromExcelSerial("abc").status().message(), "'abc' is not an Excel serial date");
}

// The seed the fuzzer starts from, made by tests/fixtures/xlsx/make_tiny_leases.py.
TEST(XlsxWorkbookTest, ReadsTheTinyLeasesFixture) {
  std::string path = testing::FixturePath("xlsx", "tiny_leases.xlsx");
  Result<std::vector<InputPart>> parts = ReadInputFile(path);
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  ASSERT_TRUE(IsXlsxWorkbook(*parts));
  Result<std::vector<XlsxSheet>> sheets = ReadXlsxWorkbook(path, *parts);
  ASSERT_TRUE(sheets.ok()) << sheets.status().ToString();
  ASSERT_EQ(sheets->size(), 1u);
  const XlsxSheet& sheet = (*sheets)[0];
  EXPECT_EQ(sheet.name, "Sheet1");
  ASSERT_EQ(sheet.rows.size(), 4u);
  EXPECT_EQ(sheet.row_numbers, (std::vector<std::size_t>{1, 2, 3, 4}));
  EXPECT_EQ(sheet.rows[0][15], "Lease Number");
  EXPECT_EQ(sheet.rows[3][15], "LCA00282");
  EXPECT_EQ(sheet.rows[3][6], "LOS ANGELES");
}

// GSA's IOLP lease workbook of 2025-05-23 (demo/records): one sheet of 7,524 rows (a header and
// 7,523 leases) by 19 columns, counted and read with Python's zipfile and xml.etree.
TEST(XlsxWorkbookTest, ReadsTheRealIolpLeaseWorkbook) {
  std::string path = std::string(RECEIPTS_SOURCE_DIR) + "/demo/records/2025-05-23_iolp_leases.xlsx";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is not there";
  Result<std::vector<InputPart>> parts = ReadInputFile(path);
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  ASSERT_TRUE(IsXlsxWorkbook(*parts));
  Result<std::vector<XlsxSheet>> sheets = ReadXlsxWorkbook(path, *parts);
  ASSERT_TRUE(sheets.ok()) << sheets.status().ToString();
  ASSERT_EQ(sheets->size(), 1u);
  const XlsxSheet& sheet = (*sheets)[0];
  EXPECT_EQ(sheet.name, "Sheet1");
  ASSERT_EQ(sheet.rows.size(), 7524u);
  ASSERT_EQ(sheet.row_numbers.size(), 7524u);
  EXPECT_EQ(sheet.row_numbers.front(), 1u);
  EXPECT_EQ(sheet.row_numbers.back(), 7524u);
  for (const Row& row : sheet.rows) ASSERT_EQ(row.size(), 19u);
  EXPECT_EQ(sheet.rows[0],
            (Row{"Location Code", "Real Property Asset Name", "Installation Name",
                 "Federal Leased Code", "GSA Region", "Street Address", "City", "State", "Zip Code",
                 "Latitude", "Longitude", "Building Rentable Square Feet", "Available Square Feet",
                 "Congressional District", "Congressional District Representative", "Lease Number",
                 "Lease Effective Date", "Lease Expiration Date", "Real Property Asset type"}));
  EXPECT_EQ(sheet.rows[1],
            (Row{"PA0656", "THE GATEWAY BLDG", "NA", "L", "3", "201 PENN ST", "READING", "PA",
                 "19601", "40.33587", "-75.933271000000005", "54743", "0", "4206", "GARY PALMER",
                 "LPA00132", "43873", "49351", "BUILDING"}));
  // Row 1001: lease LOK01275 in Muskogee, 7,380 rentable square feet, expiring at serial 46356.
  const Row& muskogee = sheet.rows[1000];
  EXPECT_EQ(sheet.row_numbers[1000], 1001u);
  EXPECT_EQ(muskogee[0], "OK1558");
  EXPECT_EQ(muskogee[6], "MUSKOGEE");
  EXPECT_EQ(muskogee[11], "7380");
  EXPECT_EQ(muskogee[15], "LOK01275");
  EXPECT_EQ(muskogee[17], "46356");
  EXPECT_EQ(*DateFromExcelSerial(muskogee[17]), D(2026, 11, 30));
  EXPECT_EQ(*DateFromExcelSerial(sheet.rows[1][17]), D(2035, 2, 11));
  EXPECT_EQ(sheet.rows.back()[15], "LCA00282");
  EXPECT_EQ(sheet.rows.back()[6], "LOS ANGELES");
}

}  // namespace
}  // namespace receipts::records
