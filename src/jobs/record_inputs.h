// What `--records` names, read into one RecordSet: record files (FPDS element CSV, USAspending
// bulk files, plain, .gz or .zip), USAspending per-award downloads (read member by member), and
// directories: a record store (fetch/record_store.h) when it holds an index.tsv, else every file
// beneath it in name order.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/award.h"
#include "core/status.h"
#include "records/record_filter.h"
#include "records/record_scan.h"

namespace receipts {

// Adds what `inputs` hold to `records` (call FinishRecords after). Bulk files are scanned for
// the awards `wanted` names (records/record_scan.h); per-award downloads and store bodies are read
// whole. Every store body is checked against its index (size and SHA-256) before it is read.
// `files_read` (may be null) gets every file read, in order, for the digests a ledger keeps.
// Fails naming the file (and line and field) that could not be read.
Status ReadRecordInputs(const std::vector<std::string>& inputs, const RecordFilter& wanted,
                        RecordSet* records, ScanStats* stats, const ScanOptions& options,
                        std::vector<std::string>* files_read);

// The awards `wanted` names in `inputs`, finished (FinishRecords), less any award of another
// part (RecordFilter::KeepsAward). What `vendor` and `leads` read, a family or a part at a time.
Result<RecordSet> ReadAwards(const std::vector<std::string>& inputs, const RecordFilter& wanted);

// The CSV text a job that must see every award reads in one part: about 1 GB of memory decoded.
constexpr std::uint64_t kPartBytes = std::uint64_t{512} << 20;

// How many parts (RecordFilter::Part) to read `inputs` in so that each holds about `part_bytes`
// of CSV text at most: plain files count their size, compressed ones eight times theirs
// (USAspending's CSV zips compress about 6:1 to 8:1), directories the files beneath them. At
// least 1.
unsigned PartsFor(const std::vector<std::string>& inputs, std::uint64_t part_bytes);

// Calls `take` with every award of `inputs`, finished, a part at a time, so memory follows a
// part: files in PartsFor parts by award (RecordFilter::Part); a database (given alone) streamed
// by award, a batch of about `part_bytes` of rows at a time (ScanPostgresRecords). `whole` is true
// when the one part holds every award. A database beside record files is refused: an award's rows
// in both could not be joined a part at a time.
Status ForEachRecordPart(const std::vector<std::string>& inputs, std::uint64_t part_bytes,
                         const std::function<Status(RecordSet* part, bool whole)>& take);

}  // namespace receipts
