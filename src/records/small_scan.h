// Many small record files (a folder of per-award CSVs, a list of thousands of paths): each is read
// whole and scanned on its own, on every core, and merged in file order, so the result is the
// same as scanning them one after the other, with no thread, mapping or 8 MiB stream buffer per
// file. Internal to records/ (record_scan.h is the entry point).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "io/archive_stream.h"
#include "records/chunk_scan.h"

namespace receipts::scan {

// True when a file of `size` bytes and this kind is read whole: a plain file of a few MB, or a
// compressed one small enough that it cannot inflate past 66 MB; in either case no bigger than
// one chunk or stream piece of `options` (which a file larger than them is split into).
bool IsSmallRecordFile(std::uint64_t size, ArchiveStream::Kind kind, const ScanOptions& options);

// Scans `paths` (each IsSmallRecordFile) into `records`, as ScanRecordFiles scans files one by
// one (FPDS files read whole). On failure the status names file, line and field, and `records`
// holds the files before the failing one.
Status ScanSmallFiles(const std::vector<std::string>& paths, const RecordFilter& filter,
                      const ScanOptions& options, KeySet* skipped_keys, RecordSet* records,
                      ScanStats* stats);

}  // namespace receipts::scan
