#include "report/summary_json.h"

#include <fmt/format.h>

#include "core/json_writer.h"

namespace receipts {

std::string RenderSummaryJson(const Summary& summary) {
  std::string out = "{\n";
  out += fmt::format("  \"claims\": {},\n", summary.claims);
  out += fmt::format("  \"claimed_total\": \"{}\",\n", FormatDollars(summary.claimed_total));
  out += fmt::format("  \"claimed_total_cents\": {},\n", summary.claimed_total);
  out += fmt::format("  \"verified_total\": \"{}\",\n", FormatDollars(summary.verified_total));
  out += fmt::format("  \"verified_total_cents\": {},\n", summary.verified_total);

  out += "  \"by_verdict\": {";
  for (std::size_t i = 0; i < summary.by_verdict.size(); ++i) {
    const VerdictTotals& v = summary.by_verdict[i];
    out += fmt::format(
        "{}\n    {}: {{\"count\": {}, \"claimed\": \"{}\", \"verified\": \"{}\", "
        "\"claimed_cents\": {}, \"verified_cents\": {}}}",
        i > 0 ? "," : "", JsonString(VerdictName(v.verdict)), v.count, FormatDollars(v.claimed),
        FormatDollars(v.verified), v.claimed, v.verified);
  }
  out += summary.by_verdict.empty() ? "},\n" : "\n  },\n";

  out += "  \"by_agency\": [";
  for (std::size_t i = 0; i < summary.by_agency.size(); ++i) {
    const AgencyTotals& a = summary.by_agency[i];
    out += fmt::format(
        "{}\n    {{\"agency\": {}, \"count\": {}, \"claimed\": \"{}\", \"verified\": \"{}\"}}",
        i > 0 ? "," : "", JsonString(a.agency), a.count, FormatDollars(a.claimed),
        FormatDollars(a.verified));
  }
  out += summary.by_agency.empty() ? "],\n" : "\n  ],\n";

  out += "  \"by_kind\": [";
  for (std::size_t i = 0; i < summary.by_kind.size(); ++i) {
    const KindTotals& k = summary.by_kind[i];
    out += fmt::format(
        "{}\n    {{\"kind\": {}, \"claims\": {}, \"claimed\": \"{}\", \"verified\": \"{}\", "
        "\"claimed_cents\": {}, \"verified_cents\": {}, \"records_given\": {}, \"by_verdict\": {{",
        i > 0 ? "," : "", JsonString(ClaimKindPluralName(k.kind)), k.claims,
        FormatDollars(k.claimed), FormatDollars(k.verified), k.claimed, k.verified,
        k.records_given ? "true" : "false");
    bool first = true;
    for (const VerdictTotals& v : k.by_verdict) {
      if (v.count == 0) continue;
      out +=
          fmt::format("{}{}: {}", first ? "" : ", ", JsonString(VerdictName(v.verdict)), v.count);
      first = false;
    }
    out += "}}";
  }
  out += summary.by_kind.empty() ? "],\n" : "\n  ],\n";

  out += "  \"lenient_values\": [";
  for (std::size_t i = 0; i < summary.lenient.size(); ++i) {
    const LenientCount& c = summary.lenient[i];
    out += fmt::format("{}\n    {{\"input\": {}, \"field\": {}, \"count\": {}}}", i > 0 ? "," : "",
                       JsonString(c.input), JsonString(c.field), c.count);
  }
  out += summary.lenient.empty() ? "],\n" : "\n  ],\n";

  out += fmt::format("  \"records_as_of\": {},\n",
                     summary.records_as_of ? JsonString(summary.records_as_of->ToIso()) : "null");
  out += fmt::format("  \"since\": {}\n", JsonString(summary.since.ToIso()));
  out += "}\n";
  return out;
}

}  // namespace receipts
