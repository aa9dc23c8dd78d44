// libFuzzer target, differential: the AVX2 CsvScanner against CsvReader, the reference whose
// semantics it must reproduce. For any bytes, cut into any pieces and scanned as a stream, every
// record the scanner hands over must be the record CsvReader reads at that place (same start,
// same physical line, same length, same field count, same target cells once decoded), the
// records must follow one another with nothing skipped, and an unterminated quote must be
// reported where CsvReader reports it. Any difference traps.
//
// The first bytes of the input choose the run: byte 0 the number of target columns (0-6),
// bytes 1-6 the target indices (0-15, 255 = -1), byte 7 the piece size (0 = the whole input at
// once, else 1-255 bytes per piece).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "csv/csv_reader.h"
#include "csv/csv_scanner.h"

namespace {

using receipts::CsvReader;
using receipts::CsvScanner;
using receipts::ScannedRecord;

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

// CsvReader positioned on one record: a header of `fields` columns named c0, c1, … so that its
// field-count rule holds exactly when the scanner counted right.
struct ReferenceRecord {
  std::string header;
  CsvReader reader;
  receipts::Result<bool> read = false;

  ReferenceRecord(std::size_t fields, std::string_view from, std::size_t line)
      : header(HeaderOf(fields)), reader("fuzz.csv", header) {
    Check(reader.ReadHeader().ok());
    reader.Reset(from, line);
    read = reader.Next();
  }

  static std::string HeaderOf(std::size_t fields) {
    std::string text;
    for (std::size_t i = 0; i < fields; ++i) text += (i ? ",c" : "c") + std::to_string(i);
    return text + "\n";
  }
};

// A raw cell (quotes kept) as CsvReader decodes one field.
std::string Decoded(std::string_view raw) {
  std::string header = "c0\n";
  CsvReader reader("cell", header);
  Check(reader.ReadHeader().ok());
  reader.Reset(raw, 1);
  auto read = reader.Next();
  if (!read.ok() || !*read) return std::string(raw);  // UTF-8 or NUL: compared raw below
  return std::string(reader.field(0));
}

// Bytes a record's line end takes at `at`: 0 at the end of the data, else "\r\n", "\n" or "\r".
std::size_t LineEndAt(std::string_view data, std::size_t at) {
  if (at >= data.size()) return 0;
  if (data.substr(at, 2) == "\r\n") return 2;
  Check(data[at] == '\n' || data[at] == '\r');
  return 1;
}

// The line ends (LF, CRLF or a lone CR) in blank bytes [from, to), as CsvReader counts them.
std::size_t BlankLines(std::string_view data, std::size_t from, std::size_t to) {
  std::size_t lines = 0;
  for (std::size_t at = from; at < to; ++at) {
    if (data[at] == '\r' && at + 1 < to && data[at + 1] == '\n') ++at;
    ++lines;
  }
  return lines;
}

// Where the record after offset `at` starts, blank lines skipped as CsvReader::Next skips them.
std::size_t SkipBlankLines(std::string_view data, std::size_t at) {
  while (at < data.size() && (data[at] == '\n' || data[at] == '\r')) ++at;
  return at;
}

class DifferentialSink : public receipts::RecordSink {
 public:
  DifferentialSink(std::string_view all, const std::vector<int>& targets)
      : all_(all), targets_(targets) {}

  // `buffer_offset`: where in the whole input the buffer being scanned starts.
  void set_buffer(const char* buffer, std::size_t buffer_offset) {
    buffer_ = buffer;
    buffer_offset_ = buffer_offset;
  }

  bool OnRecord(const ScannedRecord& record) override {
    const std::size_t start =
        buffer_offset_ + static_cast<std::size_t>(record.bytes.data() - buffer_);
    Check(start == SkipBlankLines(all_, next_start_));
    // Physical lines run on from the record before, blank lines counted as CsvReader counts them.
    Check(record.line == next_line_ + BlankLines(all_, next_start_, start));
    Check(all_.substr(start, record.bytes.size()) == record.bytes);
    ReferenceRecord reference(record.fields, all_.substr(start), record.line);
    const std::size_t end = start + record.bytes.size();
    if (reference.read.ok()) {
      Check(*reference.read);
      Check(reference.reader.line() == record.line);
      Check(reference.reader.field_count() == record.fields);
      Check(reference.reader.position() == record.bytes.size() + LineEndAt(all_, end));
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        const int column = targets_[i];
        if (column < 0 || static_cast<std::size_t>(column) >= record.fields) {
          Check(record.cells[i].empty());
          continue;
        }
        Check(Decoded(record.cells[i]) == reference.reader.field(column));
      }
    } else {
      // The scanner leaves text checks to the sink: the only refusals it does not see are of
      // bytes it flags for a closer look.
      const std::string& message = reference.read.status().message();
      Check(record.non_ascii && (message.find("UTF-8") != std::string::npos ||
                                 message.find("NUL") != std::string::npos));
    }
    next_start_ = end + LineEndAt(all_, end);
    next_line_ =
        record.line +
        static_cast<std::size_t>(std::count(record.bytes.begin(), record.bytes.end(), '\n')) +
        (LineEndAt(all_, end) > 0 ? 1 : 0);
    ++records_;
    return true;
  }

  std::size_t next_start() const { return next_start_; }
  std::size_t next_line() const { return next_line_; }
  std::size_t records() const { return records_; }

 private:
  std::string_view all_;
  std::vector<int> targets_;
  const char* buffer_ = nullptr;
  std::size_t buffer_offset_ = 0;
  std::size_t next_start_ = 0;
  std::size_t next_line_ = 1;
  std::size_t records_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 8) return 0;
  std::vector<int> targets;
  for (std::size_t i = 0; i < data[0] % 7; ++i) {
    targets.push_back(data[1 + i] == 255 ? -1 : data[1 + i] % 16);
  }
  const std::size_t piece = data[7];
  const std::string all(reinterpret_cast<const char*>(data) + 8, size - 8);

  CsvScanner scanner(targets);
  DifferentialSink sink(all, targets);
  std::string buffer;
  std::size_t buffer_offset = 0;  // where `buffer` starts in `all`
  std::size_t fed = 0;
  std::size_t line = 1;
  for (;;) {
    const std::size_t take = piece == 0 ? all.size() - fed : std::min(piece, all.size() - fed);
    buffer.append(all, fed, take);
    fed += take;
    const bool final = fed == all.size();
    sink.set_buffer(buffer.data(), buffer_offset);
    CsvScanner::Outcome outcome = scanner.Scan(buffer, line, std::string::npos, final, &sink);
    Check(!outcome.stopped && !outcome.oversized);
    if (outcome.unterminated_quote) {
      // CsvReader refuses the same record, at the same line.
      Check(final);
      const std::size_t start = SkipBlankLines(all, sink.next_start());
      ReferenceRecord reference(1, std::string_view(all).substr(start), outcome.error_line);
      Check(!reference.read.ok());
      Check(reference.read.status().message().find("unterminated") != std::string::npos);
      Check(reference.reader.line() == outcome.error_line);
      Check(outcome.error_line == sink.next_line() + BlankLines(all, sink.next_start(), start));
      return 0;
    }
    Check(outcome.consumed <= buffer.size());
    line += outcome.lines;
    buffer_offset += outcome.consumed;
    buffer.erase(0, outcome.consumed);
    if (final) break;
  }
  // Everything was handed over: what is left is blank lines at most.
  Check(SkipBlankLines(all, sink.next_start()) == all.size());
  return 0;
}
