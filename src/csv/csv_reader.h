// An RFC 4180 reader over a buffer in memory, with physical line numbers for every error and
// columns looked up by header name, never by position.
//
// Hand-written rather than libcsv: errors must name the physical line where a record starts
// (quoted fields span lines), and a record must have a hard size bound. Its speed is measured in
// bench/ (issue 4).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace receipts {

class CsvReader {
 public:
  // A record longer than this is refused: no real row comes near it, and a runaway quote or a
  // binary file must not eat the memory.
  static constexpr std::size_t kMaxRecordBytes = 16 << 20;

  // `name` is used in errors; `data` must outlive the reader.
  CsvReader(std::string name, std::string_view data);

  // Reads the header row (a UTF-8 byte order mark is skipped). Fails on an empty file, a NUL
  // byte, and on two columns of the same name (which one a lookup found was chance), except for
  // the names in `may_repeat` (then Find gives the first).
  Status ReadHeader(const std::vector<std::string_view>& may_repeat = {});
  const std::vector<std::string>& header() const { return header_; }

  // The column called `name`: exact match first, then ignoring ASCII case; -1 when absent.
  int Find(std::string_view name) const;
  // The first of `names` present, or -1.
  int FindAny(std::initializer_list<std::string_view> names) const;

  // Reads the next record. Returns false at the end of the data. Fails (with file, line and
  // field named) on a wrong field count, an unterminated quote, invalid UTF-8, a NUL byte or an
  // oversized record. A blank line at the very end is not a record.
  Result<bool> Next();

  // Reads `data` next (it must outlive the reader), its first byte on physical line `line`; the
  // header is kept. Lets a scanner that found the records hand over the few worth decoding.
  void Reset(std::string_view data, std::size_t line);
  // Bytes of the data consumed so far (after ReadHeader: where the first record starts).
  std::size_t position() const { return pos_; }

  // The current record's field at `column`; "" when column is -1.
  std::string_view field(int column) const {
    return column < 0 ? std::string_view()
                      : std::string_view(fields_[static_cast<std::size_t>(column)]);
  }
  std::size_t field_count() const { return fields_.size(); }
  // Physical line (1-based) where the current record starts.
  std::size_t line() const { return record_line_; }
  const std::string& name() const { return name_; }

  // An error about the current record's `column`: "FILE:LINE: field 'NAME': what".
  Status FieldError(int column, std::string_view what) const;

 private:
  Status ParseRecord(std::vector<std::string>* out);

  std::string name_;
  std::string_view data_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;         // line at pos_
  std::size_t record_line_ = 0;  // line where the current record starts
  bool utf8_valid_ = true;       // whole buffer checked once; per field only when it fails
  bool has_nul_ = false;         // the same for NUL bytes
  // ASCII case-insensitive order.
  static bool FoldedLess(std::string_view a, std::string_view b);
  static unsigned char AsciiLower(char c) {
    return static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }

  std::vector<std::string> header_;
  std::vector<int> by_name_;    // column indexes by name, then by index
  std::vector<int> by_folded_;  // the same, ignoring ASCII case
  std::vector<std::string> fields_;
};

}  // namespace receipts
