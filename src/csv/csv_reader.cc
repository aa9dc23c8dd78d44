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
  // Two sorted orders of the columns, so that Find is a binary search: a record store reads
  // thousands of small files, each with a 297-column header and a hundred lookups, and a linear
  // search lower-casing every name took a third of verifying one (6,030 files). Their members
  // have a few headers between them, so the orders of the last few headers read on this thread
  // are kept (sorting took another sixth).
  struct Orders {
    std::vector<std::string> header;
    std::vector<int> by_name, by_folded;
  };
  thread_local std::vector<Orders> recent;
  auto known = std::find_if(recent.begin(), recent.end(),
                            [this](const Orders& o) { return o.header == header_; });
  if (known != recent.end()) {
    by_name_ = known->by_name;
    by_folded_ = known->by_folded;
  } else {
    by_name_.resize(header_.size());
    for (std::size_t i = 0; i < header_.size(); ++i) by_name_[i] = static_cast<int>(i);
    by_folded_ = by_name_;
    std::stable_sort(by_name_.begin(), by_name_.end(),
                     [this](int a, int b) { return header_[a] < header_[b]; });
    std::stable_sort(by_folded_.begin(), by_folded_.end(),
                     [this](int a, int b) { return FoldedLess(header_[a], header_[b]); });
    constexpr std::size_t kRecentHeaders = 4;
    if (recent.size() == kRecentHeaders) recent.erase(recent.begin());
    recent.push_back({header_, by_name_, by_folded_});
  }
  // Two columns of one name sit side by side in by_name_: report the pair whose second column
  // comes first in the header.
  std::size_t first = 0, second = header_.size();
  for (std::size_t k = 1; k < by_name_.size(); ++k) {
    const std::string& name = header_[by_name_[k]];
    if (name != header_[by_name_[k - 1]]) continue;
    if (std::find(may_repeat.begin(), may_repeat.end(), name) != may_repeat.end()) continue;
    if (static_cast<std::size_t>(by_name_[k]) < second) {
      second = static_cast<std::size_t>(by_name_[k]);
      first = static_cast<std::size_t>(by_name_[k - 1]);
      // The lowest column of the name, as a scan from the left would find.
      for (std::size_t back = k - 1; back > 0 && header_[by_name_[back - 1]] == name; --back) {
        first = static_cast<std::size_t>(by_name_[back - 1]);
      }
    }
  }
  if (second < header_.size()) {
    return Status::BadInput(name_, record_line_, "",
                            fmt::format("columns {} and {} are both named '{}'", first + 1,
                                        second + 1, header_[second]));
  }
  return Status::Ok();
}

bool CsvReader::FoldedLess(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char x = AsciiLower(a[i]), y = AsciiLower(b[i]);
    if (x != y) return x < y;
  }
  return a.size() < b.size();
}

int CsvReader::Find(std::string_view wanted) const {
  auto exact = std::lower_bound(by_name_.begin(), by_name_.end(), wanted,
                                [this](int i, std::string_view w) { return header_[i] < w; });
  if (exact != by_name_.end() && header_[*exact] == wanted) return *exact;
  auto folded =
      std::lower_bound(by_folded_.begin(), by_folded_.end(), wanted,
                       [this](int i, std::string_view w) { return FoldedLess(header_[i], w); });
  if (folded != by_folded_.end() && !FoldedLess(wanted, header_[*folded])) return *folded;
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
