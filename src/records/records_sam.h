// SAM.gov Contract Awards API responses (GET https://api.sam.gov/contract-awards/v1/search),
// stored as received by `receipts fetch sam`: one JSON body a file, each record one contract
// action, read into the same Award and Action an FPDS element CSV row of that action gives
// (records_fpds.h), so `verify` states the same figures from either source. Field paths and
// value quirks: doc records.md §2.5.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "records/records_batch.h"

namespace receipts::records {

// True when `bytes` (after a BOM and whitespace) are a JSON object that looks like a search
// response: it has "awardSummary" or "awardResponse", or "totalRecords" beside a list of records
// (objects with "contractId"). A body too broken to parse still counts when it names
// "awardSummary" or "awardResponse" near its start, so ReadSamResponse can say what is wrong
// with it. False for an empty body (HTTP 204), DOGE API pages, USAspending JSON, CSV and the
// HTML error pages SAM.gov sends for a bad key.
bool LooksLikeSamResponse(std::string_view bytes);

// Adds every contract action of the response to `batch`. Errors read
// "NAME:ITEM: field 'DOTTED.PATH': what", ITEM being the 1-based record number in the response
// (0: the response as a whole). An empty response (an empty body, as SAM sends with HTTP 204; no
// records; "totalRecords": "0") adds nothing and succeeds. Fails on malformed JSON, on a record
// without contractId.piid, contractId.subtier.code, contractId.modificationNumber or
// awardDetails.dates.dateSigned, and on money, date or count text that does not parse. On
// failure `batch` may hold part of the response: callers drop the batch (records_batch.h).
Status ReadSamResponse(const std::string& name, std::string_view bytes, RecordBatch* batch);

// The response's "totalRecords" (a string or a number in the wild; top level or inside
// "awardResponse"), for paging. std::nullopt when absent or null, or for an empty body. Fails on
// malformed JSON or a value that is not a whole non-negative count.
Result<std::optional<long long>> SamTotalRecords(const std::string& name, std::string_view bytes);

}  // namespace receipts::records
