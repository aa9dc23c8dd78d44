#include "report/verdicts_csv.h"

#include "core/text.h"
#include "report/claim_identifier.h"
#include "report/run_csv.h"
#include "report/text_sink.h"

namespace receipts {

void RenderVerdictsCsv(const VerifyRun& run, TextSink* sink) {
  RenderRunCsv(
      run, kVerdictsCsvHeader, 400,
      [](const Claim& claim, const ClaimResult& result) {
        return std::vector<std::string>{
            std::to_string(result.claim_id),
            ClaimKindName(claim.kind),
            // A lease's identifier is the GSA lease number it matched, its "vendor" the location.
            claim.kind == ClaimKind::kLease ? result.award_key : ClaimIdentifier(claim),
            claim.agency,
            claim.kind == ClaimKind::kLease ? claim.location : claim.vendor,
            FormatDollars(claim.claimed_savings),
            FormatDollars(claim.claimed_value),
            result.award_key,
            VerdictName(result.verdict),
            FormatDollars(result.ceiling_minus_obligated),
            FormatDollars(result.deobligated),
            FormatDollars(result.ceiling_reduced),
            FormatDollars(result.obligated_not_outlaid),
            FormatDollars(result.verified_savings),
            result.reason,
            Join(EvidenceKeys(result), ";"),
        };
      },
      sink);
}

std::string RenderVerdictsCsv(const VerifyRun& run) {
  TextSink sink;
  RenderVerdictsCsv(run, &sink);
  return std::move(sink.out());
}

}  // namespace receipts
