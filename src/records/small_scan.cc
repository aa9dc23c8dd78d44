#include "records/small_scan.h"

#include <algorithm>
#include <memory>

#include "core/ordered_work.h"
#include "io/input_file.h"
#include "io/input_limits.h"

namespace receipts::scan {
namespace {

// The largest plain file read whole: far below a scan chunk (32 MiB), which one thread scans
// anyway.
constexpr std::uint64_t kSmallPlainBytes = std::uint64_t{4} << 20;
// The largest compressed file read whole: deflate expands at most 1,032 times, so it holds at
// most 66 MB. A per-award download is a few KB (the 2025-03-13 awards' average 5 KB).
constexpr std::uint64_t kSmallCompressedBytes = std::uint64_t{64} << 10;
// At most this many files are held read and scanned beyond the one being merged: 1 GiB at the
// very worst, a few MB for real files.
constexpr std::size_t kWindow = 16;

// One file, read and scanned by a worker; merged in place (its parts' bytes back its Parts).
struct SmallFile {
  Status status;
  std::vector<InputPart> parts;
  std::vector<Part> scanned;  // one per part, in order
  std::vector<ChunkResult> chunks;
};

void ReadAndScan(const std::string& path, const RecordFilter& filter, SmallFile* file) {
  // A record file's parts may inflate as far as a streamed one's (not an input read whole's).
  InputLimits limits;
  limits.max_inflated_bytes = limits.max_streamed_bytes;
  Result<std::vector<InputPart>> parts = ReadInputFile(path, limits);
  if (!parts.ok()) {
    file->status = parts.status();
    return;
  }
  file->parts = std::move(parts).value();
  file->scanned.resize(file->parts.size());
  file->chunks.resize(file->parts.size());
  for (std::size_t i = 0; i < file->parts.size(); ++i) {
    const InputPart& in = file->parts[i];
    Part& part = file->scanned[i];
    if (Status s = OpenPart(in.name, in.bytes, filter.wants_vendors(), &part); !s.ok()) {
      file->status = s;
      return;
    }
    if (part.fpds) continue;
    ScanChunk(part, filter, in.bytes, part.header_bytes, std::string_view::npos, true,
              &file->chunks[i]);
  }
}

}  // namespace

bool IsSmallRecordFile(std::uint64_t size, ArchiveStream::Kind kind, const ScanOptions& options) {
  if (kind == ArchiveStream::Kind::kPlain) {
    return size < std::min<std::uint64_t>(kSmallPlainBytes, options.chunk_bytes);
  }
  return size < std::min<std::uint64_t>(kSmallCompressedBytes, options.stream_piece_bytes);
}

Status ScanSmallFiles(const std::vector<std::string>& paths, const RecordFilter& filter,
                      const ScanOptions& options, KeySet* skipped_keys, RecordSet* records,
                      ScanStats* stats) {
  std::vector<SmallFile> files(paths.size());
  std::uint64_t done_bytes = 0;
  return RunInOrder(
      paths.size(), ScanThreads(options), kWindow,
      [&](std::size_t i) { ReadAndScan(paths[i], filter, &files[i]); },
      [&](std::size_t i) -> Status {
        SmallFile& file = files[i];
        if (!file.status.ok()) return file.status;
        FileScan scan(skipped_keys, records, stats);
        for (std::size_t p = 0; p < file.parts.size(); ++p) {
          Part& part = file.scanned[p];
          const InputPart& in = file.parts[p];
          if (part.fpds) {
            if (Status s = scan.ReadFpdsPart(in.name, in.bytes); !s.ok()) return s;
            continue;
          }
          ChunkResult& chunk = file.chunks[p];
          if (Status s = scan.Absorb(&part, &chunk, part.first_line); !s.ok()) return s;
          stats->bytes += part.header_bytes + (chunk.end - chunk.begin);
          done_bytes += in.bytes.size();
        }
        scan.Finish(paths[i]);
        if (options.progress != nullptr) options.progress->Update(done_bytes, stats->rows);
        file = SmallFile();  // its memory goes back now, not at the end
        return Status::Ok();
      });
}

}  // namespace receipts::scan
