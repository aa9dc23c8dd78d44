#include "csv/csv_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "core/text.h"

namespace receipts {

CsvReader::CsvReader(std::string name, std::string_view data)
    : name_(std::move(name)), data_(data) {
  utf8_valid_ = IsValidUtf8(data_);
  has_nul_ = data_.find('\0') != std::string_view::npos;
}

void CsvReader::Reset(std::string_view data, std::size_t line) {
  data_ = data;
  pos_ = 0;
  line_ = line;
  record_line_ = line;
  utf8_valid_ = IsValidUtf8(data_);
  has_nul_ = data_.find('\0') != std::string_view::npos;
}

Status CsvReader::FieldError(int column, std::string_view what) const {
  std::string_view field_name;
  if (column >= 0 && static_cast<std::size_t>(column) < header_.size())
    field_name = header_[column];
  return Status::BadInput(name_, record_line_, field_name, what);
}

Status CsvReader::ReadHeader(const std::vector<std::string_view>& may_repeat) {
  if (data_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
  if (Trim(data_.substr(pos_)).empty()) {
    return Status::BadInput(name_, 0, "", "empty file: no header row");
  }
  record_line_ = line_;
  Status s = ParseRecord(&header_);
  if (!s.ok()) return s;
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (!utf8_valid_ && !IsValidUtf8(header_[i])) {
      return Status::BadInput(name_, record_line_, "",
                              fmt::format("header column {} is not valid UTF-8", i + 1));
    }
    if (has_nul_ && header_[i].find('\0') != std::string::npos) {
      return Status::BadInput(name_, record_line_, "",
                              fmt::format("header column {} holds a NUL byte", i + 1));
    }
    header_[i] = std::string(Trim(header_[i]));
  }
  // Quadratic, but headers are a few hundred columns and read once.
  for (std::size_t j = 1; j < header_.size(); ++j) {
    if (std::find(may_repeat.begin(), may_repeat.end(), header_[j]) != may_repeat.end()) continue;
    for (std::size_t i = 0; i < j; ++i) {
      if (header_[i] == header_[j]) {
        return Status::BadInput(
            name_, record_line_, "",
            fmt::format("columns {} and {} are both named '{}'", i + 1, j + 1, header_[j]));
      }
    }
  }
  return Status::Ok();
}

int CsvReader::Find(std::string_view wanted) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == wanted) return static_cast<int>(i);
  }
  std::string lower = ToLowerAscii(wanted);
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (ToLowerAscii(header_[i]) == lower) return static_cast<int>(i);
  }
  return -1;
}

int CsvReader::FindAny(std::initializer_list<std::string_view> names) const {
  for (std::string_view n : names) {
    int column = Find(n);
    if (column >= 0) return column;
  }
  return -1;
}

// Copies runs of bytes at once (memchr for the closing quote, a tight loop for unquoted text):
// decoding the rows a scan selected runs at several hundred MB/s instead of a byte at a time.
// Field strings are reused from the previous record to keep their capacity.
Status CsvReader::ParseRecord(std::vector<std::string>* out) {
  std::size_t n = 0;  // fields of `out` in use
  const std::size_t start = pos_;
  const std::size_t limit = std::min(data_.size(), start + kMaxRecordBytes + 1);
  const char* data = data_.data();
  auto next_field = [&]() -> std::string* {
    if (n == out->size()) out->emplace_back();
    std::string* field = &(*out)[n++];
    field->clear();
    return field;
  };
  std::string* current = next_field();
  bool in_quotes = false;
  bool field_started_quoted = false;
  while (pos_ < data_.size()) {
    if (pos_ >= limit) {
      out->resize(n);
      return Status::BadInput(
          name_, record_line_, "",
          fmt::format("record longer than {} MiB (runaway quote or not a CSV file?)",
                      kMaxRecordBytes >> 20));
    }
    if (in_quotes) {
      const void* quote = std::memchr(data + pos_, '"', limit - pos_);
      std::size_t stop = quote == nullptr ? limit : static_cast<const char*>(quote) - data;
      line_ += static_cast<std::size_t>(std::count(data + pos_, data + stop, '\n'));
      current->append(data + pos_, stop - pos_);
      pos_ = stop;
      if (quote == nullptr) continue;
      ++pos_;
      if (pos_ < data_.size() && data[pos_] == '"') {
        current->push_back('"');
        ++pos_;
      } else {
        in_quotes = false;
      }
      continue;
    }
    char c = data[pos_];
    if (c == ',') {
      ++pos_;
      current = next_field();
      field_started_quoted = false;
    } else if (c == '\n' || c == '\r') {
      ++pos_;
      if (c == '\r' && pos_ < data_.size() && data[pos_] == '\n') ++pos_;
      ++line_;
      out->resize(n);
      return Status::Ok();
    } else if (c == '"' && current->empty() && !field_started_quoted) {
      ++pos_;
      in_quotes = true;
      field_started_quoted = true;
    } else {
      // A run of text; a stray quote inside an unquoted field is kept as text.
      std::size_t run = pos_ + 1;
      while (run < limit && data[run] != ',' && data[run] != '\n' && data[run] != '\r') ++run;
      current->append(data + pos_, run - pos_);
      pos_ = run;
    }
  }
  out->resize(n);
  if (in_quotes) {
    return Status::BadInput(name_, record_line_, "",
                            "unterminated quoted field at end of file (truncated file?)");
  }
  return Status::Ok();
}

Result<bool> CsvReader::Next() {
  // Skip blank lines (a trailing newline, or blank separators some exports leave). A line ends
  // as a record does, at LF, CRLF or a lone CR: counting a blank lone CR too keeps the physical
  // lines the same as CsvScanner's (csv_scanner_fuzz found them one apart).
  while (pos_ < data_.size() && (data_[pos_] == '\n' || data_[pos_] == '\r')) {
    if (data_[pos_] == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') ++pos_;
    ++line_;
    ++pos_;
  }
  if (pos_ >= data_.size()) return false;
  record_line_ = line_;
  Status s = ParseRecord(&fields_);
  if (!s.ok()) return s;
  if (fields_.size() != header_.size()) {
    return Status::BadInput(
        name_, record_line_, "",
        fmt::format("expected {} fields as in the header, found {}{}", header_.size(),
                    fields_.size(), pos_ >= data_.size() ? " (truncated file?)" : ""));
  }
  if (!utf8_valid_) {
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      if (!IsValidUtf8(fields_[i])) return FieldError(static_cast<int>(i), "not valid UTF-8");
    }
  }
  if (has_nul_) {
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      if (fields_[i].find('\0') != std::string::npos) {
        return FieldError(static_cast<int>(i), "holds a NUL byte (not text)");
      }
    }
  }
  return true;
}

}  // namespace receipts
