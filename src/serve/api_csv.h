// The API's lists as CSV (`?format=csv`): RFC 4180 via core/csv_writer.h, money as dollars
// with two decimals and no separators (empty when unknown), one header line, "\n" line ends.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ledger/ledger.h"
#include "serve/claims_query.h"
#include "serve/snapshot_view.h"

namespace receipts::serve {

inline constexpr const char* kClaimsCsvHeader =
    "snapshot_id,seq,claim_key,kind,piid,agency_id,agency,vendor,date,claimed_savings,"
    "claimed_value,verdict,verified_savings,award_key,reason,verdict_label,description,status,"
    "published_link,usaspending_url,fpds_url";

inline constexpr const char* kSnapshotsCsvHeader =
    "id,kind,as_of,ingested_at,claim_count,claimed_total,verified,head";

std::string ClaimsCsv(const SnapshotView& view, const ClaimsSelection& selection);

std::string SnapshotsCsv(const std::vector<SnapshotInfo>& snapshots,
                         const std::vector<std::int64_t>& verified_ids);

}  // namespace receipts::serve
