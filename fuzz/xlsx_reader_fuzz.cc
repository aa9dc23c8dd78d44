// libFuzzer target: any bytes (plain, gzip or zip) through DecodeInput, IsXlsxWorkbook and
// ReadXlsxWorkbook must give a status or sheets, never a crash, a leak or undefined behaviour; the
// sheets it gives must keep the reader's promises. A mutated zip rarely survives its CRCs, so bytes
// that are no workbook are also read as each XML member of an otherwise fixed workbook, and the
// first few as an Excel serial date. Seeded from tests/fixtures/xlsx by scripts/test.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/input_file.h"
#include "records/xlsx_workbook.h"

namespace {

constexpr std::size_t kMaxColumns = 16384;
constexpr std::size_t kMaxRows = 1048576;

// Traps unless `sheets` are as ReadXlsxWorkbook promises, or `status` an error naming the file.
void Check(const receipts::Result<std::vector<receipts::records::XlsxSheet>>& sheets,
           const std::string& name) {
  if (!sheets.ok()) {
    if (sheets.status().message().rfind(name, 0) != 0) __builtin_trap();
    return;
  }
  for (const receipts::records::XlsxSheet& sheet : *sheets) {
    if (sheet.rows.size() != sheet.row_numbers.size()) __builtin_trap();
    std::size_t last = 0;
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
      const std::vector<std::string>& row = sheet.rows[i];
      if (row.empty() || row.size() > kMaxColumns) __builtin_trap();
      bool has_text = false;
      for (const std::string& cell : row) has_text = has_text || !cell.empty();
      if (!has_text) __builtin_trap();
      if (sheet.row_numbers[i] <= last || sheet.row_numbers[i] > kMaxRows) __builtin_trap();
      last = sheet.row_numbers[i];
    }
  }
}

// A one-sheet workbook with shared strings, its member `replaced` holding `bytes`.
std::vector<receipts::InputPart> FixedWorkbook(const std::string& replaced,
                                               const std::string& bytes) {
  std::vector<receipts::InputPart> parts = {
      {"fuzz.xlsx:xl/workbook.xml",
       "<workbook xmlns:r=\"urn:r\"><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>"},
      {"fuzz.xlsx:xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
       "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"x/sharedStrings\" "
       "Target=\"sharedStrings.xml\"/></Relationships>"},
      {"fuzz.xlsx:xl/sharedStrings.xml",
       "<sst><si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r></si></sst>"},
      {"fuzz.xlsx:xl/worksheets/sheet1.xml",
       "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row></sheetData>"
       "</worksheet>"},
  };
  for (receipts::InputPart& part : parts) {
    if (part.name == "fuzz.xlsx:" + replaced) part.bytes = bytes;
  }
  return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  receipts::Result<std::vector<receipts::InputPart>> parts =
      receipts::DecodeInput("fuzz.xlsx", bytes);
  if (parts.ok() && receipts::records::IsXlsxWorkbook(*parts)) {
    Check(receipts::records::ReadXlsxWorkbook("fuzz.xlsx", *parts), "fuzz.xlsx");
    return 0;
  }
  for (const char* member : {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
                             "xl/_rels/workbook.xml.rels"}) {
    Check(receipts::records::ReadXlsxWorkbook("fuzz.xlsx", FixedWorkbook(member, bytes)),
          "fuzz.xlsx");
  }
  (void)receipts::records::DateFromExcelSerial(std::string_view(bytes).substr(0, 32));
  return 0;
}
