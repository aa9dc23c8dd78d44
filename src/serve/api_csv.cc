#include "serve/api_csv.h"

#include <algorithm>

#include "core/csv_writer.h"
#include "core/text.h"
#include "report/record_links.h"
#include "serve/verdicts.h"

namespace receipts::serve {

std::string ClaimsCsv(const SnapshotView& view, const ClaimsSelection& selection) {
  std::string out = std::string(kClaimsCsvHeader) + "\n";
  const std::string snapshot = std::to_string(view.snapshot.id);
  for (const ClaimRow* row : selection.rows) {
    const LedgerClaim& c = row->claim;
    const std::optional<ClaimVerdict>& v = row->verdict;
    const ClaimLinks links =
        LinksOfClaim(c.kind, v ? v->award_key : "", c.agency_id, c.piid, {}, c.link);
    std::string fields[] = {snapshot,
                            std::to_string(c.seq),
                            c.key,
                            c.kind,
                            c.piid,
                            c.agency_id,
                            std::string(Trim(c.agency)),
                            c.vendor,
                            c.date,
                            FormatDollars(c.claimed_savings),
                            FormatDollars(c.claimed_value),
                            v ? v->verdict : "",
                            v ? FormatDollars(v->verified_savings) : "",
                            v ? v->award_key : "",
                            v ? v->reason : "",
                            v ? VerdictLabelOf(v->verdict) : "",
                            c.description,
                            c.status,
                            links.published_url,
                            links.usaspending_url,
                            links.fpds_base.url};
    for (std::size_t i = 0; i < std::size(fields); ++i) {
      if (i > 0) out += ',';
      out += CsvField(fields[i]);
    }
    out += '\n';
  }
  return out;
}

std::string SnapshotsCsv(const std::vector<SnapshotInfo>& snapshots,
                         const std::vector<std::int64_t>& verified_ids) {
  std::string out = std::string(kSnapshotsCsvHeader) + "\n";
  for (const SnapshotInfo& s : snapshots) {
    bool verified = std::find(verified_ids.begin(), verified_ids.end(), s.id) != verified_ids.end();
    std::string fields[] = {std::to_string(s.id),
                            s.kind,
                            s.as_of,
                            s.ingested_at,
                            std::to_string(s.claim_count),
                            FormatDollars(s.claimed_total),
                            verified ? "true" : "false",
                            s.head};
    for (std::size_t i = 0; i < std::size(fields); ++i) {
      if (i > 0) out += ',';
      out += CsvField(fields[i]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace receipts::serve
