// GSA's lease inventory (IOLP) as a workbook and as a CSV export: the leases header found, dates
// and square feet read, the publication date from the name, and bad input refused naming file,
// sheet, row and field.
#include "records/lease_inventory.h"

#include <gtest/gtest.h>

#include <string>

#include "../archive_bytes.h"
#include "../test_files.h"
#include "records/records_reader.h"

namespace receipts::records {
namespace {

constexpr const char* kCsvHeader =
    "Location Code,Real Property Asset Name,Installation Name,Federal Leased Code,GSA Region,"
    "Street Address,City,State,Zip Code,Latitude,Longitude,Building Rentable Square Feet,"
    "Available Square Feet,Congressional District,Congressional District Representative,"
    "Lease Number,Lease Effective Date,Lease Expiration Date,Real Property Asset type\n";

TEST(LeaseInventoryTest, PublicationDateFromTheName) {
  EXPECT_EQ(InventoryDateFromName("dir/2025-5-23-iolp-leases.xlsx")->ToIso(), "2025-05-23");
  EXPECT_EQ(InventoryDateFromName("2026-02-20_iolp_leases.xlsx")->ToIso(), "2026-02-20");
  EXPECT_FALSE(InventoryDateFromName("iolp-leases.xlsx"));
  EXPECT_FALSE(InventoryDateFromName("2025-2-30-iolp.xlsx"));
}

TEST(LeaseInventoryTest, CsvExportWithTextDates) {
  const std::string bytes =
      std::string(kCsvHeader) +
      "PA0656,THE GATEWAY BLDG,NA,L,3,201 PENN ST,reading,pa,19601,40.3,-75.9,54742.5,,4206,X,"
      "LPA00132,2/12/2020,49351,BUILDING\n";
  ASSERT_TRUE(LooksLikeLeaseInventoryCsv(bytes));
  LeaseInventory inventory;
  Status s = ReadLeaseCsv("2025-6-6-IOLP-Leased-Properties.csv", bytes, &inventory);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(inventory.published.ToIso(), "2025-06-06");
  ASSERT_EQ(inventory.leases.size(), 1u);
  const Lease& lease = inventory.leases[0];
  EXPECT_EQ(lease.lease_number, "LPA00132");
  EXPECT_EQ(lease.city, "READING");
  EXPECT_EQ(lease.state, "PA");
  EXPECT_EQ(lease.rentable_square_feet, 54743);  // half up
  EXPECT_EQ(lease.effective->ToIso(), "2020-02-12");
  EXPECT_EQ(lease.expiration->ToIso(), "2035-02-11");  // a serial day in a CSV cell
  EXPECT_EQ(lease.source_row, 2u);
}

TEST(LeaseInventoryTest, BadCellsNameFileLineAndField) {
  LeaseInventory inventory;
  Status s = ReadLeaseCsv(
      "2025-06-06_iolp.csv",
      std::string(kCsvHeader) + "A,B,NA,L,3,S,C,PA,1,0,0,12x,,1,X,L1,2/12/2020,49351,BUILDING\n",
      &inventory);
  EXPECT_EQ(s.message().rfind("2025-06-06_iolp.csv:2: field 'Building Rentable Square Feet'", 0),
            0u)
      << s.message();
  s = ReadLeaseCsv("iolp.csv", std::string(kCsvHeader), &inventory);
  EXPECT_NE(s.message().find("publication date"), std::string::npos) << s.message();
}

// The tiny workbook of tests/fixtures/xlsx (three real rows of the 2025-05-23 inventory).
TEST(LeaseInventoryTest, WorkbookThroughTheRecordsReader) {
  RecordSet records;
  const std::string bytes = testing::Slurp(testing::FixturePath("xlsx", "tiny_leases.xlsx"));
  Status s = ParseRecords("2025-05-23_iolp_leases.xlsx", bytes, &records);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(records.lease_inventories.size(), 1u);
  EXPECT_EQ(records.lease_inventories[0].leases.size(), 3u);
  EXPECT_EQ(records.lease_inventories[0].leases[0].lease_number, "LPA00132");
}

TEST(LeaseInventoryTest, AWorkbookWithoutALeasesSheetIsRefused) {
  const std::string workbook =
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
      "<sheet name=\"Buildings\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
  const std::string sheet =
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Building</t></is></c></row>"
      "</sheetData></worksheet>";
  const std::string bytes = receipts::testing::ZipBytes({{"xl/workbook.xml", workbook},
                                                         {"xl/_rels/workbook.xml.rels", rels},
                                                         {"xl/worksheets/sheet1.xml", sheet}});
  RecordSet records;
  Status s = ParseRecords("2025-05-23_iolp_buildings.xlsx", bytes, &records);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no leases sheet"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().rfind("2025-05-23_iolp_buildings.xlsx", 0), 0u) << s.message();
  EXPECT_TRUE(records.lease_inventories.empty());
}

TEST(LeaseInventoryTest, ATruncatedWorkbookIsRefused) {
  const std::string bytes = testing::Slurp(testing::FixturePath("xlsx", "tiny_leases.xlsx"));
  RecordSet records;
  Status s =
      ParseRecords("2025-05-23_iolp_leases.xlsx", bytes.substr(0, bytes.size() * 2 / 3), &records);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind("2025-05-23_iolp_leases.xlsx", 0), 0u) << s.message();
  EXPECT_TRUE(records.lease_inventories.empty());
}

}  // namespace
}  // namespace receipts::records
