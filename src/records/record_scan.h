// Reads the record files a job needs at the speed of memory: every row's structure is checked
// (quotes, field count, UTF-8, physical line), but only the rows of wanted awards are decoded in
// full. Plain files are mapped and split across threads; .gz and .zip are decompressed as
// streams. Memory follows the claims and the matched actions, not the files' size.
//
// Rows of awards no claim names are only counted: the distinct awards, their actions (less the
// rows a delta file deletes) and their latest action date go into RecordSet's skipped_* figures,
// so the totals a report prints stay those of the whole file. What is not checked for them: the
// values of their cells beyond the action date (a bad amount in an award nobody claimed does not
// stop the job), and duplicates among their actions (FinishRecords drops duplicates of kept
// awards only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/award.h"
#include "core/status.h"
#include "io/progress.h"
#include "records/record_filter.h"

namespace receipts {

struct ScanStats {
  std::uint64_t bytes = 0;             // CSV bytes scanned (after decompression)
  std::uint64_t rows = 0;              // records
  std::uint64_t decoded_rows = 0;      // records decoded in full
  std::uint64_t rescanned_chunks = 0;  // chunks of a plain file scanned twice (start guessed wrong)
};

struct ScanOptions {
  unsigned threads = 0;                      // 0: one per core
  std::size_t chunk_bytes = 32 << 20;        // a plain file is split into chunks of about this size
  std::size_t stream_piece_bytes = 8 << 20;  // a .gz or .zip is decompressed in such pieces
  ProgressMeter* progress = nullptr;         // may be null
};

// Adds the actions of the awards `wanted` names, from each of `paths` in order, to `records`
// (FPDS element files are read whole, as ReadRecordsFile does; USAspending files are scanned).
// Call FinishRecords after. On failure the status names file, line and field; `records` may then
// hold the files read before the failing one.
Status ScanRecordFiles(const std::vector<std::string>& paths, const RecordFilter& wanted,
                       RecordSet* records, ScanStats* stats, const ScanOptions& options = {});

}  // namespace receipts
