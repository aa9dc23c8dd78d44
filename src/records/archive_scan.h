// A .gz or .zip record file, decompressed as a stream and never whole. Each part is inflated on a
// thread of its own (ReadAhead) while another scans it; the members of a zip (an Award Data
// Archive holds several CSVs) are read by up to one worker per core, each with its own stream,
// and merged in member order, so the result is the same as reading them one after the other.
// Internal to records/ (record_scan.h is the entry point).
#pragma once

#include <string>

#include "core/status.h"
#include "io/archive_stream.h"
#include "records/chunk_scan.h"

namespace receipts::scan {

// Scans every part of the archive `path` into `scan` (FPDS parts are read whole). On failure
// the status names the part ("archive.zip:member.csv"), line and field; the parts before it have
// been merged.
Status ScanArchiveFile(const std::string& path, ArchiveStream::Kind kind,
                       const RecordFilter& filter, const ScanOptions& options, FileScan* scan,
                       ScanStats* stats);

}  // namespace receipts::scan
