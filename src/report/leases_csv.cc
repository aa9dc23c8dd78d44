#include "report/leases_csv.h"

#include "core/text.h"
#include "report/run_csv.h"

namespace receipts {
namespace {

std::string DateCell(const std::optional<Date>& date) { return date ? date->ToIso() : ""; }

}  // namespace

void RenderLeasesCsv(const VerifyRun& run, TextSink* sink) {
  RenderRunCsv(
      run, kLeasesCsvHeader, 200,
      [](const Claim& claim, const ClaimResult& result) {
        if (claim.kind != ClaimKind::kLease) return std::vector<std::string>{};
        const LeaseMeasures none;
        const LeaseMeasures& lease = result.lease ? *result.lease : none;
        return std::vector<std::string>{
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
      },
      sink);
}

std::string RenderLeasesCsv(const VerifyRun& run) {
  TextSink sink;
  RenderLeasesCsv(run, &sink);
  return std::move(sink.out());
}

}  // namespace receipts
