#include "report/leases_csv.h"

#include "core/csv_writer.h"
#include "core/text.h"

namespace receipts {
namespace {

std::string DateCell(const std::optional<Date>& date) { return date ? date->ToIso() : ""; }

}  // namespace

void RenderLeasesCsv(const VerifyRun& run, TextSink* sink) {
  std::string& out = sink->out();
  out += kLeasesCsvHeader;
  out.push_back('\n');
  for (std::size_t i = 0; i < run.claims.size() && i < run.results.size(); ++i) {
    const Claim& claim = run.claims[i];
    if (claim.kind != ClaimKind::kLease) continue;
    const ClaimResult& result = run.results[i];
    const LeaseMeasures none;
    const LeaseMeasures& lease = result.lease ? *result.lease : none;
    const std::string fields[] = {
        std::to_string(result.claim_id),
        claim.location,
        claim.square_feet ? std::to_string(*claim.square_feet) : "",
        FormatDollars(claim.claimed_savings),
        FormatDollars(claim.claimed_value),
        VerdictName(result.verdict),
        Join(lease.lease_numbers, ";"),
        lease.match_rule,
        DateCell(lease.expiration),
        lease.months_remaining ? std::to_string(*lease.months_remaining) : "",
        FormatDollars(lease.rent_bound),
        DateCell(lease.last_present),
        DateCell(lease.first_absent),
        FormatDollars(result.verified_savings),
    };
    AppendCsvRow(fields, &out);
    sink->Spill();
  }
}

std::string RenderLeasesCsv(const VerifyRun& run) {
  TextSink sink;
  RenderLeasesCsv(run, &sink);
  return std::move(sink.out());
}

}  // namespace receipts
