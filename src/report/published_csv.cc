#include "report/published_csv.h"

#include "core/text.h"
#include "report/claim_identifier.h"
#include "report/record_links.h"
#include "report/run_csv.h"
#include "report/verdict_style.h"

namespace receipts {

void RenderPublishedCsv(const VerifyRun& run, TextSink* sink) {
  RenderRunCsv(
      run, kPublishedCsvHeader, 700,
      [](const Claim& claim, const ClaimResult& result) {
        const ClaimLinks links = LinksOfResult(claim, result);
        const bool lease = claim.kind == ClaimKind::kLease;
        return std::vector<std::string>{
            std::to_string(result.claim_id),
            ClaimKindName(claim.kind),
            lease && !result.award_key.empty() ? result.award_key : ClaimIdentifier(claim),
            std::string(Trim(claim.agency)),
            lease ? claim.location : claim.vendor,
            claim.description,
            claim.status,
            claim.date ? claim.date->ToIso() : "",
            FormatDollars(claim.claimed_savings),
            FormatDollars(claim.claimed_value),
            VerdictName(result.verdict),
            VerdictLabel(result.verdict),
            FormatDollars(result.verified_savings),
            FormatDollars(result.ceiling_minus_obligated),
            FormatDollars(result.deobligated),
            FormatDollars(result.ceiling_reduced),
            FormatDollars(result.obligated_not_outlaid),
            result.reason,
            Join(EvidenceKeys(result), ";"),
            links.usaspending_url,
            JoinedFpdsUrls(links),
            links.published_url,
        };
      },
      sink);
}

std::string RenderPublishedCsv(const VerifyRun& run) {
  TextSink sink;
  RenderPublishedCsv(run, &sink);
  return std::move(sink.out());
}

}  // namespace receipts
