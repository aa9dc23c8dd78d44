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
}  // namespace

Status ScanPlainFile(const std::string& path, const RecordFilter& filter,
                     const ScanOptions& options, FileScan* scan, ScanStats* stats) {
  Result<std::unique_ptr<MappedFile>> mapped = MappedFile::Open(path);
  if (!mapped.ok()) return mapped.status();
  const MappedFile& map = **mapped;
  std::string_view data = map.data();
  Part part;
  Status s = OpenPart(path, data, &part);
  if (!s.ok()) return s;
  if (part.fpds) return scan->ReadFpdsPart(path, data);
  const std::size_t header_bytes = part.header_bytes;

  const std::size_t body = data.size() - header_bytes;
  const std::size_t chunk_bytes = std::max<std::size_t>(options.chunk_bytes, 1);
  const std::size_t n_chunks = std::max<std::size_t>(1, (body + chunk_bytes - 1) / chunk_bytes);
  auto nominal = [&](std::size_t i) {
    return i >= n_chunks ? data.size() : header_bytes + i * chunk_bytes;
  };
  struct Slot {
    ChunkResult result;
    bool done = false;
  };
  std::vector<Slot> slots(n_chunks);
  std::mutex mu;
  std::condition_variable cv;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  const CsvScanner& scanner = *part.scanner;

  auto work = [&] {
    while (!stop.load(std::memory_order_relaxed)) {
      std::size_t i = next.fetch_add(1);
      if (i >= n_chunks) break;
      std::size_t begin =
          i == 0 ? header_bytes : GuessChunkStart(data, nominal(i), scanner, part.header.size());
      std::size_t stop_at = i + 1 < n_chunks ? nominal(i + 1) : std::string_view::npos;
      ChunkResult result;
      map.Prefetch(begin, chunk_bytes + 65536);
      if (begin < data.size() && (stop_at == std::string_view::npos || begin < stop_at)) {
        ScanChunk(part, filter, data, begin, stop_at, true, &result);
      } else {
        result.begin = result.end = begin;
      }
      map.Release(begin, result.end - begin);
      {
        std::lock_guard<std::mutex> lock(mu);
        slots[i].result = std::move(result);
        slots[i].done = true;
      }
      cv.notify_all();
    }
  };
  unsigned threads = static_cast<unsigned>(std::min<std::size_t>(ScanThreads(options), n_chunks));
  std::vector<std::thread> workers;
  StopAndJoin joiner(&workers, &stop);  // before the threads: one that fails to start throws
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] { RunOrExit("record scan worker", work); });
  }

  std::size_t expected = header_bytes;
  std::size_t line = part.first_line;
  for (std::size_t i = 0; i < n_chunks; ++i) {
    ChunkResult result;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return slots[i].done; });
      result = std::move(slots[i].result);
    }
    if (result.begin != expected) {
      // The guessed start was inside a quoted field: scan again from the true one.
      std::size_t stop_at = i + 1 < n_chunks ? nominal(i + 1) : std::string_view::npos;
      result = ChunkResult();
      if (expected < data.size() && (stop_at == std::string_view::npos || expected < stop_at)) {
        ScanChunk(part, filter, data, expected, stop_at, true, &result);
        map.Release(expected, result.end - expected);
        ++stats->rescanned_chunks;
      } else {
        result.begin = result.end = expected;
      }
    }
    s = scan->Absorb(&part, &result, line);
    if (!s.ok()) return s;
    line += result.lines;
    expected = result.end;
    stats->bytes += result.end - result.begin;
    if (options.progress != nullptr) options.progress->Update(result.end, stats->rows);
  }
  stats->bytes += header_bytes;
  return Status::Ok();
}

}  // namespace receipts::scan
