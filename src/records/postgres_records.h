// The record read from a database with USAspending's own schema (the monthly PostgreSQL dump,
// restored): contract transactions from rpt.transaction_search (is_fpds), assistance
// transactions from the same table (NOT is_fpds), with each award's obligation and outlays from
// rpt.award_search. Only the awards the claims name are read: their PIIDs, FAINs and URIs go to
// the server once, as arrays in one streaming COPY per kind, so the time follows the claims, not
// the table (doc/formats.md, "USAspending database"; ../shared facts in doc/usaspending-db.md).
//
// Each row comes back with the column names of USAspending's CSV downloads and is read by the
// same code as those files, so text-typed money (the FPDS ceilings are TEXT in
// transaction_search) is parsed exactly as strictly as CSV money, and errors name the table and
// the row's unique key.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/award.h"
#include "core/status.h"
#include "records/record_filter.h"

namespace receipts {

// True when a --records input names a database: "postgresql://…" or "postgres://…" (a libpq
// URI), "service=NAME" (pg_service.conf), or "postgresql:" alone (the PG* environment).
bool IsPostgresInput(std::string_view input);

// The input as shown in messages and outputs: the URI without its password.
std::string PostgresDisplayName(std::string_view input);

// Adds the transactions of the awards `wanted` names to `records` (call FinishRecords after),
// and sets the records' as-of to the day USAspending last loaded its transaction feeds
// (public.external_data_load_date), or, for a database without that table, the latest action
// date in rpt.transaction_search. Fails, naming the
// database, on a connection or authentication failure, a table or column the schema lacks
// ("rpt.transaction_search has no column piid"), a dropped connection (nothing is added then),
// or a value the CSV readers would refuse. A filter that wants every award, or a part of them,
// is refused: ScanPostgresRecords reads every award.
Status ReadPostgresRecords(const std::string& input, const RecordFilter& wanted,
                           RecordSet* records);

// Streams every transaction of the database, contracts then assistance, grouped by award, and
// calls `take` with a batch of whole awards each time about `batch_bytes` of rows have come
// (FinishRecords not yet called), so memory follows a batch, not the table. The as-of is set as
// ReadPostgresRecords sets it. One query per kind, one snapshot of the data; fails as
// ReadPostgresRecords does, or with what `take` returns (no later batch is taken then).
Status ScanPostgresRecords(const std::string& input, std::uint64_t batch_bytes,
                           const std::function<Status(RecordSet*)>& take);

}  // namespace receipts
