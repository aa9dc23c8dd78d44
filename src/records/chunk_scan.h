// The pieces a record scan is made of, shared by the plain-file scan (plain_scan.h) and the
// archive scan (archive_scan.h): a part's columns, a chunk scanned into kept rows and counts, and
// the file-wide merge of chunks in file order. Internal to records/.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/award.h"
#include "core/date.h"
#include "core/status.h"
#include "csv/csv_reader.h"
#include "csv/csv_scanner.h"
#include "records/record_filter.h"
#include "records/record_scan.h"
#include "records/records_batch.h"
#include "records/records_usaspending.h"

namespace receipts::scan {

// The header must be whole within this many bytes of a part's start.
constexpr std::size_t kHeaderWindow = 1 << 20;

// FNV-1a of the trimmed, upper-cased text: an award key as RecordBatch stores it.
std::uint64_t KeyHash(std::string_view text);

// A set of 64-bit hashes, open addressing: 16 bytes a key at most, however many keys.
class KeySet {
 public:
  void Insert(std::uint64_t h);
  bool Contains(std::uint64_t h) const;
  std::size_t size() const { return size_; }

 private:
  std::size_t Slot(std::uint64_t h) const;
  void Grow();
  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

// The threads a scan may use: options.threads, else one per core.
unsigned ScanThreads(const ScanOptions& options);

// Tells a scan's worker threads to stop, then joins them, when the scan returns, however it
// returns. Declare it after everything the workers use, so it goes first.
class StopAndJoin {
 public:
  StopAndJoin(std::vector<std::thread>* threads, std::atomic<bool>* stop)
      : threads_(threads), stop_(stop) {}
  ~StopAndJoin();
  StopAndJoin(const StopAndJoin&) = delete;
  StopAndJoin& operator=(const StopAndJoin&) = delete;

 private:
  std::vector<std::thread>* threads_;
  std::atomic<bool>* stop_;
};

// One part (a plain file, the .gz, or a zip member): its header and the means to scan and
// decode its rows. An FPDS part is read whole instead (fpds = true, nothing else is set).
struct Part {
  std::string name;
  bool fpds = false;
  std::size_t header_bytes = 0;  // where the records begin
  std::size_t first_line = 1;    // the physical line they begin on
  std::vector<std::string> header;
  records::UsaspendingRows::KeyColumns keys;
  std::unique_ptr<CsvReader> decoder;
  std::unique_ptr<records::UsaspendingRows> rows;
  std::unique_ptr<CsvScanner> scanner;
};

// Reads the header of part `name` from its first bytes `head` and binds its columns. With
// `vendor_cells` the scanner also reports each row's UEI and parent UEI (a filter that wants
// vendors reads them; others need not pay for them).
Status OpenPart(const std::string& name, std::string_view head, bool vendor_cells, Part* part);

// A record handed over for full decoding; its bytes are in ChunkResult::bytes.
struct KeptRow {
  std::size_t offset = 0;
  std::size_t size = 0;
  std::size_t line = 0;  // relative to the chunk's first line
};

// What scanning a stretch of a part yields, merged in file order by the reading thread.
struct ChunkResult {
  std::size_t begin = 0;  // offset in the part where the scan started
  std::size_t end = 0;    // offset of the first record not handed over
  std::size_t lines = 0;  // physical lines in [begin, end)
  std::uint64_t rows = 0;
  std::uint64_t skipped_rows = 0;
  std::uint64_t skipped_deletes = 0;
  std::string bytes;
  std::vector<KeptRow> kept;
  std::vector<std::uint64_t> skipped_keys;
  std::string latest_iso;  // latest YYYY-MM-DD date of skipped rows
  std::optional<Date> latest_other;
  // The first error, its line relative to the chunk's first line.
  bool failed = false;
  std::size_t error_line = 0;
  std::string error_field;
  std::string error_what;
};

// Scans data[begin, ...) of `part` as one chunk: records starting at or after `stop_at` (npos:
// none) are left to the next chunk; without `final` an unended last record is left too.
void ScanChunk(const Part& part, const RecordFilter& filter, std::string_view data,
               std::size_t begin, std::size_t stop_at, bool final, ChunkResult* out);

// One file's scan: its batch of decoded actions and what it counted, merged chunk by chunk in
// file order.
class FileScan {
 public:
  FileScan(KeySet* keys, RecordSet* records, ScanStats* stats)
      : keys_(keys), records_(records), stats_(stats) {}

  // An FPDS part, whole in memory: read as ReadRecordsFile reads it (no filter).
  Status ReadFpdsPart(const std::string& name, std::string_view data);

  // Merges a chunk of `part` whose first line is `line`: decodes its kept rows, counts the rest.
  Status Absorb(Part* part, ChunkResult* chunk, std::size_t line);

  // Everything read: the batch joins `records` (as ReadRecordsFile's ParseParts does).
  void Finish(const std::string& path);

 private:
  KeySet* keys_;
  RecordSet* records_;
  ScanStats* stats_;
  records::RecordBatch batch_;
  std::uint64_t skipped_actions_ = 0;
  std::uint64_t skipped_deletes_ = 0;
  std::string latest_iso_;
  std::optional<Date> latest_other_;
};

}  // namespace receipts::scan
