#include "report/published_csv.h"

#include "core/csv_writer.h"
#include "core/text.h"
#include "report/claim_identifier.h"
#include "report/record_links.h"
#include "report/verdict_style.h"

namespace receipts {

void RenderPublishedCsv(const VerifyRun& run, TextSink* sink) {
  std::string& out = sink->out();
  sink->Reserve(256 + run.claims.size() * 700);
  out += kPublishedCsvHeader;
  out.push_back('\n');
  for (std::size_t i = 0; i < run.claims.size(); ++i) {
    const Claim& claim = run.claims[i];
    ClaimResult fallback;
    fallback.claim_id = i + 1;
    const ClaimResult& result = i < run.results.size() ? run.results[i] : fallback;
    const ClaimLinks links = LinksOfResult(claim, result);
    const bool lease = claim.kind == ClaimKind::kLease;
    const std::string fields[] = {
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
    AppendCsvRow(fields, &out);
    sink->Spill();
  }
}

std::string RenderPublishedCsv(const VerifyRun& run) {
  TextSink sink;
  RenderPublishedCsv(run, &sink);
  return std::move(sink.out());
}

}  // namespace receipts
