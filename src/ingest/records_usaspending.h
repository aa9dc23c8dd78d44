// USAspending bulk CSV (Award Data Archive and custom award downloads): Contracts and Assistance,
// PrimeTransactions (one row per action) and PrimeAwardSummaries (one row per award, read as one
// synthetic action carrying the award's totals). Delta files' 'D' rows delete actions read
// before; their 'C' rows replace them (the later row wins in FinishRecords).
#pragma once

#include "core/status.h"
#include "ingest/csv_reader.h"
#include "ingest/records_batch.h"

namespace receipts::records {

enum class UsaspendingFile {
  kNone,
  kContractTransactions,    // contract_transaction_unique_key
  kContractSummaries,       // contract_award_unique_key, no transaction key
  kAssistanceTransactions,  // assistance_transaction_unique_key
  kAssistanceSummaries,     // assistance_award_unique_key, no transaction key
};

// Which USAspending file the header belongs to, or kNone.
UsaspendingFile DetectUsaspending(const CsvReader& csv);

// The mod_number of a summary's synthetic action.
inline constexpr const char* kSummaryMod = "SUMMARY";

// Reads every row after the header (already read) into `batch`.
Status ReadUsaspendingRows(UsaspendingFile kind, CsvReader* csv, RecordBatch* batch);

}  // namespace receipts::records
