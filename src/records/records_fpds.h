// FPDS element CSV: one row per modification, columns named as the FPDS ATOM elements (agencyID,
// PIID, modNumber, transactionNumber, signedDate, obligatedAmount, baseAndAllOptionsValue, …).
// An awards file gives contracts; an IDVs file (totalEstimatedOrderValue / lastDateToOrder, no
// baseAndExercisedOptionsValue) gives IDVs.
#pragma once

#include "core/status.h"
#include "csv/csv_reader.h"
#include "records/records_batch.h"

namespace receipts::records {

// True when the header looks like an FPDS element CSV: PIID with obligatedAmount, signedDate or
// baseAndAllOptionsValue beside it (a claims file has PIID but none of those).
bool IsFpdsHeader(const CsvReader& csv);

// Reads every row after the header (already read) into `batch`. Rows with no agency, no signed
// date and no obligation are a scraper's "not found" placeholders and are skipped.
Status ReadFpdsRows(CsvReader* csv, RecordBatch* batch);

}  // namespace receipts::records
