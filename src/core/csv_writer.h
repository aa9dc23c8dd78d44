// Writing CSV (RFC 4180): one field at a time, so every CSV output quotes the same way.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace receipts {

// `text` as one CSV field: quoted iff it contains a comma, a double quote, CR or LF, with every
// double quote doubled. Otherwise returned unchanged (so "" stays an empty cell).
std::string CsvField(std::string_view text);

// Appends `fields` to `out` as one CSV record: each as CsvField, separated by commas, then "\n".
void AppendCsvRow(std::span<const std::string> fields, std::string* out);

}  // namespace receipts
