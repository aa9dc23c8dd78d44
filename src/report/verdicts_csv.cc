#include "report/verdicts_csv.h"

#include "core/csv_writer.h"
#include "core/text.h"
#include "report/claim_identifier.h"
#include "report/text_sink.h"

namespace receipts {

void RenderVerdictsCsv(const VerifyRun& run, TextSink* sink) {
  std::string& out = sink->out();
  sink->Reserve(256 + run.claims.size() * 400);
  out += kVerdictsCsvHeader;
  out.push_back('\n');
  for (std::size_t i = 0; i < run.claims.size(); ++i) {
    const Claim& claim = run.claims[i];
    ClaimResult fallback;
    fallback.claim_id = i + 1;
    const ClaimResult& result = i < run.results.size() ? run.results[i] : fallback;
    const std::string fields[] = {
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
    AppendCsvRow(fields, &out);
    sink->Spill();
  }
}

std::string RenderVerdictsCsv(const VerifyRun& run) {
  TextSink sink;
  RenderVerdictsCsv(run, &sink);
  return std::move(sink.out());
}

}  // namespace receipts
