#include "records/plain_scan.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

#include "core/fatal.h"
#include "io/mapped_file.h"

namespace receipts::scan {
namespace {

// Counts the records a scan hands over and whether they had the header's field count.
class ShapeProbe : public RecordSink {
 public:
  explicit ShapeProbe(std::size_t fields) : fields_(fields) {}
  bool OnRecord(const ScannedRecord& record) override {
    ok_ = ok_ && record.fields == fields_;
    return ++records_ < 2;
  }
  bool ok() const { return ok_ && records_ == 2; }

 private:
  std::size_t fields_;
  std::size_t records_ = 0;
  bool ok_ = true;
};

// The first record start at or after `offset` if the byte before it ends a line.
std::size_t NextLineStart(std::string_view data, std::size_t offset) {
  if (offset == 0) return 0;
  const void* nl = std::memchr(data.data() + offset - 1, '\n', data.size() - (offset - 1));
  return nl == nullptr ? data.size()
                       : static_cast<std::size_t>(static_cast<const char*>(nl) - data.data()) + 1;
}

// Where a chunk should start: the first line start at or after `offset` from which the next two
// records have the header's field count. A line end inside a quoted field (descriptions hold
// them) fails that test in practice; when no candidate passes, the plain line start is taken and
// the in-order merge corrects it if need be.
std::size_t GuessChunkStart(std::string_view data, std::size_t offset, const CsvScanner& scanner,
                            std::size_t fields) {
  std::size_t first = NextLineStart(data, offset);
  std::size_t candidate = first;
  for (int tries = 0; tries < 32 && candidate < data.size(); ++tries) {
    ShapeProbe probe(fields);
    std::string_view window = data.substr(candidate, 1 << 20);
    scanner.Scan(window, 0, window.size(), window.size() < (1u << 20), &probe);
    if (probe.ok()) return candidate;
    candidate = NextLineStart(data, candidate + 1);
  }
  return first;
}

// A plain file: mapped, split into chunks scanned in parallel, merged in order. A chunk starts
// at the first line start after its nominal offset; if the previous chunk (whose start is right)
// ends elsewhere (the line end was inside a quoted field), the chunk is scanned again from there.
class PlainScan {
 public:
  PlainScan(const MappedFile& map, Part& part, const RecordFilter& filter,
            const ScanOptions& options)
      : map_(map),
        data_(map.data()),
        part_(part),
        filter_(filter),
        options_(options),
        chunk_bytes_(std::max<std::size_t>(options.chunk_bytes, 1)),
        chunks_(std::max<std::size_t>(
            1, (data_.size() - part.header_bytes + chunk_bytes_ - 1) / chunk_bytes_)),
        slots_(chunks_) {}

  // Scans the chunks with up to ScanThreads workers and absorbs them into `scan` in order.
  Status Run(FileScan* scan, ScanStats* stats) {
    unsigned threads = static_cast<unsigned>(std::min<std::size_t>(ScanThreads(options_), chunks_));
    std::vector<std::thread> workers;
    StopAndJoin joiner(&workers, &stop_);  // before the threads: one that fails to start throws
    for (unsigned t = 0; t < threads; ++t) {
      workers.emplace_back([this] { RunOrExit("record scan worker", [this] { Work(); }); });
    }
    return AbsorbInOrder(scan, stats);
  }

 private:
  struct Slot {
    ChunkResult result;
    bool done = false;
  };

  // Where chunk `i` nominally starts (the data's end past the last).
  std::size_t Nominal(std::size_t i) const {
    return i >= chunks_ ? data_.size() : part_.header_bytes + i * chunk_bytes_;
  }
  // Where the records chunk `i` hands over must start before (npos: the last chunk).
  std::size_t StopAt(std::size_t i) const {
    return i + 1 < chunks_ ? Nominal(i + 1) : std::string_view::npos;
  }

  // Scans chunk `i` from `begin` into `result`; false (and an empty result) when `begin` is
  // already at or past the chunk's end.
  bool ScanFrom(std::size_t i, std::size_t begin, ChunkResult* result) const {
    *result = ChunkResult();
    std::size_t stop_at = StopAt(i);
    if (begin < data_.size() && (stop_at == std::string_view::npos || begin < stop_at)) {
      ScanChunk(part_, filter_, data_, begin, stop_at, true, result);
      return true;
    }
    result->begin = result->end = begin;
    return false;
  }

  // A worker: scans the next unclaimed chunk from its guessed start until none is left.
  void Work() {
    while (!stop_.load(std::memory_order_relaxed)) {
      std::size_t i = next_.fetch_add(1);
      if (i >= chunks_) break;
      std::size_t begin =
          i == 0 ? part_.header_bytes
                 : GuessChunkStart(data_, Nominal(i), *part_.scanner, part_.header.size());
      map_.Prefetch(begin, chunk_bytes_ + 65536);
      ChunkResult result;
      ScanFrom(i, begin, &result);
      map_.Release(begin, result.end - begin);
      {
        std::lock_guard<std::mutex> lock(mu_);
        slots_[i].result = std::move(result);
        slots_[i].done = true;
      }
      done_.notify_all();
    }
  }

  // Takes the chunks in order, scanning again one whose guessed start was wrong.
  Status AbsorbInOrder(FileScan* scan, ScanStats* stats) {
    std::size_t expected = part_.header_bytes;
    std::size_t line = part_.first_line;
    for (std::size_t i = 0; i < chunks_; ++i) {
      ChunkResult result;
      {
        std::unique_lock<std::mutex> lock(mu_);
        done_.wait(lock, [&] { return slots_[i].done; });
        result = std::move(slots_[i].result);
      }
      if (result.begin != expected) {
        // The guessed start was inside a quoted field: scan again from the true one.
        if (ScanFrom(i, expected, &result)) {
          map_.Release(expected, result.end - expected);
          ++stats->rescanned_chunks;
        }
      }
      if (Status s = scan->Absorb(&part_, &result, line); !s.ok()) return s;
      line += result.lines;
      expected = result.end;
      stats->bytes += result.end - result.begin;
      if (options_.progress != nullptr) options_.progress->Update(result.end, stats->rows);
    }
    stats->bytes += part_.header_bytes;
    return Status::Ok();
  }

  const MappedFile& map_;
  const std::string_view data_;
  Part& part_;
  const RecordFilter& filter_;
  const ScanOptions& options_;
  const std::size_t chunk_bytes_;
  const std::size_t chunks_;

  std::vector<Slot> slots_;
  std::mutex mu_;
  std::condition_variable done_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> stop_{false};
};

}  // namespace

Status ScanPlainFile(const std::string& path, const RecordFilter& filter,
                     const ScanOptions& options, FileScan* scan, ScanStats* stats) {
  Result<std::unique_ptr<MappedFile>> mapped = MappedFile::Open(path);
  if (!mapped.ok()) return mapped.status();
  std::string_view data = (*mapped)->data();
  Part part;
  if (Status s = OpenPart(path, data, filter.wants_vendors(), &part); !s.ok()) return s;
  if (part.fpds) return scan->ReadFpdsPart(path, data);
  PlainScan plain(**mapped, part, filter, options);
  return plain.Run(scan, stats);
}

}  // namespace receipts::scan
