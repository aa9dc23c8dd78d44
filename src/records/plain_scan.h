// A plain CSV record file: mapped, split into chunks scanned in parallel, merged in file order.
// Internal to records/ (record_scan.h is the entry point).
#pragma once

#include <string>

#include "core/status.h"
#include "records/chunk_scan.h"

namespace receipts::scan {

// Scans the plain file `path` into `scan` (an FPDS file is read whole). On failure the status
// names file, line and field.
Status ScanPlainFile(const std::string& path, const RecordFilter& filter,
                     const ScanOptions& options, FileScan* scan, ScanStats* stats);

}  // namespace receipts::scan
