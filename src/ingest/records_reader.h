// Reads the authoritative record into one model (core/award.h), whatever the source:
//   - FPDS element CSV (columns named as FPDS ATOM elements: agencyID, PIID, modNumber,
//     obligatedAmount, baseAndAllOptionsValue, …), awards and IDVs files;
//   - USAspending Contracts_PrimeTransactions and Contracts_PrimeAwardSummaries CSV (and the
//     Assistance_* equivalents), including Award Data Archive zips and delta files.
// Plain, .gz or .zip; columns by header name, never position.
#pragma once

#include <string>

#include "core/award.h"
#include "core/status.h"

namespace receipts {

// Adds every action of `path` to `records` (the file's format is detected from its header).
// On failure `records` is left as it was, and the status names file, line and field.
Status ReadRecordsFile(const std::string& path, RecordSet* records);

// The same over bytes in memory; `name` is used in errors.
Status ParseRecords(const std::string& name, std::string bytes, RecordSet* records);

// Merges awards that share a key, drops exact duplicate actions (same mod and transaction
// number: the later row wins), sorts each award's actions, and sets as_of and action_count.
// Call once after the last file.
void FinishRecords(RecordSet* records);

}  // namespace receipts
