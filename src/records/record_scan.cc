#include "records/record_scan.h"

#include <filesystem>
#include <unordered_set>

#include "io/archive_stream.h"
#include "records/archive_scan.h"
#include "records/chunk_scan.h"
#include "records/plain_scan.h"
#include "records/small_scan.h"

namespace receipts {

Status ScanRecordFiles(const std::vector<std::string>& paths, const RecordFilter& wanted,
                       RecordSet* records, ScanStats* stats, const ScanOptions& options) {
  scan::KeySet skipped_keys;
  std::vector<std::string> small;  // consecutive small files, scanned together
  auto scan_small = [&]() -> Status {
    if (small.empty()) return Status::Ok();
    if (options.progress != nullptr) {
      options.progress->Begin(std::to_string(small.size()) + " small files", 0);
    }
    Status s = scan::ScanSmallFiles(small, wanted, options, &skipped_keys, records, stats);
    if (options.progress != nullptr) options.progress->End();
    small.clear();
    return s;
  };
  for (const std::string& path : paths) {
    Result<ArchiveStream::Kind> kind = ArchiveStream::Detect(path);
    if (!kind.ok()) return kind.status();
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && scan::IsSmallRecordFile(size, *kind, options)) {
      small.push_back(path);
      continue;
    }
    if (Status s = scan_small(); !s.ok()) return s;
    if (options.progress != nullptr) options.progress->Begin(path, ec ? 0 : size);
    scan::FileScan file_scan(&skipped_keys, records, stats);
    Status s = *kind == ArchiveStream::Kind::kPlain
                   ? scan::ScanPlainFile(path, wanted, options, &file_scan, stats)
                   : scan::ScanArchiveFile(path, *kind, wanted, options, &file_scan, stats);
    if (options.progress != nullptr) options.progress->End();
    if (!s.ok()) return s;
    file_scan.Finish(path);
  }
  if (Status s = scan_small(); !s.ok()) return s;
  // An award some rows of which were kept is counted with the kept awards.
  std::unordered_set<std::uint64_t> kept;
  std::size_t overlap = 0;
  for (const Award& award : records->awards) {
    std::uint64_t h = scan::KeyHash(award.key);
    if (kept.insert(h).second && skipped_keys.Contains(h)) ++overlap;
  }
  records->skipped_awards += skipped_keys.size() - overlap;
  return Status::Ok();
}

}  // namespace receipts
