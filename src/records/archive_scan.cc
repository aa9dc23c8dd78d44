#include "records/archive_scan.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "core/fatal.h"
#include "io/read_ahead.h"

namespace receipts::scan {
namespace {

// Takes a scanned chunk with the physical line it starts on and the compressed bytes read so far;
// a failure stops the part's scan.
using ChunkTaker =
    std::function<Status(ChunkResult&& chunk, std::size_t line, std::uint64_t compressed)>;

// Scans the part `stream` is on: its header goes into `part`, then each chunk to `take`. An
// FPDS part is not scanned: its whole text goes into `*whole`.
Status ScanStreamPart(ArchiveStream* stream, const std::string& name, const RecordFilter& filter,
                      const ScanOptions& options, Part* part, std::string* whole,
                      const ChunkTaker& take) {
  std::string buffer;
  bool eof = false;
  std::size_t line = 1;
  ReadAhead ahead(stream, std::max<std::size_t>(options.stream_piece_bytes, 1));
  auto fill = [&]() -> Status {  // appends a piece; sets eof at the part's end
    Result<std::size_t> n = ahead.AppendNext(&buffer);
    if (!n.ok()) return Status::BadInput(name, line, "", n.status().message());
    if (*n == 0) eof = true;
    return Status::Ok();
  };
  while (!eof && buffer.size() < kHeaderWindow) {
    if (Status s = fill(); !s.ok()) return s;
  }
  if (Status s = OpenPart(name, buffer, part); !s.ok()) return s;
  if (part->fpds) {
    while (!eof) {
      if (Status s = fill(); !s.ok()) return s;
    }
    *whole = std::move(buffer);
    return Status::Ok();
  }
  line = part->first_line;
  buffer.erase(0, part->header_bytes);
  while (true) {
    ChunkResult chunk;
    ScanChunk(*part, filter, buffer, 0, std::string_view::npos, eof, &chunk);
    std::size_t consumed = chunk.end, lines = chunk.lines;
    if (Status s = take(std::move(chunk), line, ahead.compressed_bytes()); !s.ok()) return s;
    line += lines;
    buffer.erase(0, consumed);
    if (eof) return Status::Ok();
    if (Status s = fill(); !s.ok()) return s;
  }
}

// One part as a worker scans it and the merging thread takes it, chunk by chunk. Guarded by the
// scan's mutex, except `part`, which the worker fills before handing over its first chunk.
struct Member {
  std::string name;
  Part part;
  struct Pending {
    ChunkResult chunk;
    std::size_t line = 0;          // the physical line it starts on
    std::uint64_t compressed = 0;  // compressed bytes read by then, for progress
  };
  std::deque<Pending> chunks;
  std::string fpds_text;
  Status status;        // why the worker stopped early, if it did (beyond a failed chunk)
  bool absent = false;  // the archive has no part of this index
  bool done = false;
};

// Opens `path` and moves to its part number `index` (0-based).
Result<std::unique_ptr<ArchiveStream>> OpenAtPart(const std::string& path, ArchiveStream::Kind kind,
                                                  std::size_t index, std::string* name,
                                                  bool* absent) {
  Result<std::unique_ptr<ArchiveStream>> stream = ArchiveStream::Open(path, kind);
  if (!stream.ok()) return stream;
  for (std::size_t i = 0; i <= index; ++i) {
    Result<bool> more = (*stream)->NextPart(name);
    if (!more.ok()) return more.status();
    if (!*more) {
      *absent = true;
      break;
    }
  }
  return stream;
}

}  // namespace

Status ScanArchiveFile(const std::string& path, ArchiveStream::Kind kind,
                       const RecordFilter& filter, const ScanOptions& options, FileScan* scan,
                       ScanStats* stats) {
  // A gzip file has one part, and reaching a later zip member means skipping the earlier ones'
  // compressed bytes, which costs a seek; so zip members get a worker each, up to one per core.
  unsigned workers = ScanThreads(options);
  if (kind != ArchiveStream::Kind::kZip) workers = 1;

  std::mutex mu;
  std::mutex open_mu;
  std::condition_variable changed;
  std::deque<Member> members;  // grows as workers claim parts, in part order
  bool no_more = false;        // a worker found the archive's end
  unsigned running = workers;
  std::atomic<bool> stop{false};

  auto work = [&] {
    while (!stop.load()) {
      Member* m = nullptr;
      std::size_t index = 0;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (no_more) break;
        index = members.size();
        m = &members.emplace_back();
      }
      std::string name;
      bool absent = false;
      Status status;
      // Reading a zip header calls mktime() (DOS timestamps), whose time-zone state is global:
      // workers take turns here, which costs nothing beside inflating a member.
      std::unique_lock<std::mutex> opening(open_mu);
      Result<std::unique_ptr<ArchiveStream>> stream = OpenAtPart(path, kind, index, &name, &absent);
      opening.unlock();
      if (!stream.ok()) {
        status = stream.status();
      } else if (!absent) {
        {
          std::lock_guard<std::mutex> lock(mu);
          m->name = name;
        }
        std::string whole;
        bool chunk_failed = false;
        status = ScanStreamPart(
            stream->get(), name, filter, options, &m->part, &whole,
            [&](ChunkResult&& chunk, std::size_t line, std::uint64_t compressed) -> Status {
              chunk_failed = chunk.failed;
              {
                std::lock_guard<std::mutex> lock(mu);
                m->chunks.push_back({std::move(chunk), line, compressed});
              }
              changed.notify_all();
              // A failed chunk carries its own error; later chunks would only repeat it.
              if (chunk_failed || stop.load()) return Status::InvalidInput("stopped");
              return Status::Ok();
            });
        if (chunk_failed || stop.load()) status = Status::Ok();
        m->fpds_text = std::move(whole);
      }
      {
        std::lock_guard<std::mutex> lock(mu);
        m->status = status;
        m->absent = absent;
        m->done = true;
        if (absent || !status.ok()) no_more = true;
      }
      changed.notify_all();
    }
    std::lock_guard<std::mutex> lock(mu);
    --running;
    changed.notify_all();
  };
  std::vector<std::thread> threads;
  StopAndJoin joiner(&threads, &stop);  // before the threads: one that fails to start throws
  for (unsigned t = 0; t < workers; ++t) {
    threads.emplace_back([&] { RunOrExit("archive scan worker", work); });
  }

  std::size_t parts = 0;
  std::unique_lock<std::mutex> lock(mu);
  for (std::size_t index = 0;; ++index) {
    changed.wait(lock, [&] { return members.size() > index || running == 0; });
    if (members.size() <= index) break;
    Member& m = members[index];
    bool counted = false;
    while (true) {
      changed.wait(lock, [&] { return !m.chunks.empty() || m.done; });
      if (m.chunks.empty()) break;
      Member::Pending pending = std::move(m.chunks.front());
      m.chunks.pop_front();
      if (!counted) {  // the part's header was read: its bytes count
        stats->bytes += m.part.header_bytes;
        counted = true;
      }
      lock.unlock();
      Status s = scan->Absorb(&m.part, &pending.chunk, pending.line);
      stats->bytes += pending.chunk.end;
      if (options.progress != nullptr) options.progress->Update(pending.compressed, stats->rows);
      lock.lock();
      if (!s.ok()) return s;
    }
    if (m.absent) break;
    if (!m.status.ok()) return m.status;
    ++parts;
    if (m.part.fpds) {
      std::string text = std::move(m.fpds_text);
      std::string name = m.name;
      lock.unlock();
      Status s = scan->ReadFpdsPart(name, text);
      lock.lock();
      if (!s.ok()) return s;
    }
  }
  if (parts == 0) return Status::InvalidInput(path + ": archive holds no file");
  return Status::Ok();
}

}  // namespace receipts::scan
