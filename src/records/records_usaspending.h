// USAspending bulk CSV (Award Data Archive and custom award downloads): Contracts and Assistance,
// PrimeTransactions (one row per action) and PrimeAwardSummaries (one row per award, read as one
// synthetic action carrying the award's totals). Delta files' 'D' rows delete actions read
// before; their 'C' rows replace them (the later row wins in FinishRecords).
#pragma once

#include <memory>

#include "core/status.h"
#include "csv/csv_reader.h"
#include "records/records_batch.h"

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

// The rows of one USAspending file: its columns found once from the header, then each record
// decoded on its own (so a scanner can hand over only the records it selected).
class UsaspendingRows {
 public:
  // Finds the columns of `kind` in `csv`'s header (already read); fails naming a missing one.
  static Result<UsaspendingRows> Bind(UsaspendingFile kind, const CsvReader& csv);

  // Decodes `csv`'s current record into `batch` (a 'D' row of a delta file deletes).
  Status Decode(const CsvReader& csv, RecordBatch* batch) const;

  // The columns that say which award a row belongs to, and when: what a scanner reads from
  // every row to choose the rows worth decoding. -1 when absent.
  struct KeyColumns {
    int award_key = -1;    // contract_award_unique_key / assistance_award_unique_key
    int id = -1;           // award_id_piid / award_id_fain
    int alt_id = -1;       // award_id_uri (assistance, when the FAIN is blank)
    int action_date = -1;  // action_date / award_latest_action_date
    int correction = -1;   // correction_delete_ind (delta files)
    int uei = -1;          // recipient_uei
    int parent_uei = -1;   // recipient_parent_uei
    bool assistance = false;
  };
  KeyColumns key_columns() const;

 private:
  struct Columns;
  UsaspendingRows(UsaspendingFile kind, std::shared_ptr<const Columns> columns);

  UsaspendingFile kind_;
  std::shared_ptr<const Columns> columns_;
};

// Reads every row after the header (already read) into `batch`.
Status ReadUsaspendingRows(UsaspendingFile kind, CsvReader* csv, RecordBatch* batch);

}  // namespace receipts::records
