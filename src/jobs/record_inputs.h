// What `--records` names, read into one RecordSet: record files (FPDS element CSV, USAspending
// bulk files, plain, .gz or .zip), USAspending per-award downloads (read member by member), and
// directories: a record store (fetch/record_store.h) when it holds an index.tsv, else every file
// beneath it in name order.
#pragma once

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

// Every award `inputs` hold (RecordFilter::All), finished (FinishRecords): what `vendor` and
// `leads` read, since a family or a rule may need any award.
Result<RecordSet> ReadEveryAward(const std::vector<std::string>& inputs);

}  // namespace receipts
