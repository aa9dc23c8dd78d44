#include "report/leads_render.h"

#include <fmt/format.h>

#include <iterator>

#include "core/csv_writer.h"
#include "core/json_writer.h"

namespace receipts {
namespace {

const std::vector<AwardClaim>& ClaimsOf(const LeadsReport& report, const std::string& award_key) {
  static const std::vector<AwardClaim> kNone;
  auto it = report.claims.find(award_key);
  return it == report.claims.end() ? kNone : it->second;
}

}  // namespace

void RenderLeadsCsv(const LeadsReport& report, TextSink* sink) {
  std::string& out = sink->out();
  out += std::string(kLeadsCsvHeader) + "\n";
  for (const Lead& lead : report.run.leads) {
    std::string evidence, claims;
    for (const std::string& e : lead.evidence) evidence += (evidence.empty() ? "" : "; ") + e;
    for (const AwardClaim& c : ClaimsOf(report, lead.award_key)) {
      claims += (claims.empty() ? "" : "; ") + c.claim_key + " " + c.verdict;
    }
    const std::string row[] = {lead.rule,
                               lead.award_key,
                               lead.agency_id,
                               lead.piid,
                               lead.vendor_uei,
                               lead.vendor_name,
                               FormatDollars(lead.obligated),
                               lead.sentence,
                               evidence,
                               claims};
    AppendCsvRow(row, &out);
    sink->Spill();
  }
}

void RenderLeadsJson(const LeadsReport& report, TextSink* sink) {
  std::string& out = sink->out();
  auto it = std::back_inserter(out);
  fmt::format_to(it, "{{\"records_as_of\":{},\"awards\":{},\"rules\":{},\"coverage\":[",
                 report.records_as_of ? JsonString(report.records_as_of->ToIso()) : "null",
                 report.awards, report.rules.ToJson());
  for (std::size_t i = 0; i < report.run.coverage.size(); ++i) {
    const RuleCoverage& c = report.run.coverage[i];
    fmt::format_to(it,
                   "{}{{\"rule\":{},\"title\":{},\"fields\":{},\"enabled\":{},\"applicable\":{},"
                   "\"blank\":{},\"flagged\":{}}}",
                   i ? "," : "", JsonString(c.rule), JsonString(c.title), JsonString(c.fields),
                   c.enabled ? "true" : "false", c.applicable, c.blank, c.flagged);
  }
  out += "],\"leads\":[";
  for (std::size_t i = 0; i < report.run.leads.size(); ++i) {
    const Lead& l = report.run.leads[i];
    fmt::format_to(
        it,
        "{}{{\"rule\":{},\"award_key\":{},\"agency_id\":{},\"piid\":{},\"vendor_uei\":{},"
        "\"vendor_name\":{},\"obligated\":\"{}\",\"obligated_cents\":{},\"sentence\":{},"
        "\"evidence\":[",
        i ? "," : "", JsonString(l.rule), JsonString(l.award_key), JsonString(l.agency_id),
        JsonString(l.piid), JsonString(l.vendor_uei), JsonString(l.vendor_name),
        FormatDollars(l.obligated), l.obligated, JsonString(l.sentence));
    for (std::size_t e = 0; e < l.evidence.size(); ++e) {
      out += (e ? "," : "") + JsonString(l.evidence[e]);
    }
    out += "],\"claims\":[";
    const std::vector<AwardClaim>& claims = ClaimsOf(report, l.award_key);
    for (std::size_t c = 0; c < claims.size(); ++c) {
      fmt::format_to(it, "{}{{\"claim_key\":{},\"verdict\":{}}}", c ? "," : "",
                     JsonString(claims[c].claim_key), JsonString(claims[c].verdict));
    }
    out += "]}";
    sink->Spill();
  }
  out += "]}\n";
}

std::string RenderLeadsCsv(const LeadsReport& report) {
  TextSink sink;
  RenderLeadsCsv(report, &sink);
  return std::move(sink.out());
}

std::string RenderLeadsJson(const LeadsReport& report) {
  TextSink sink;
  RenderLeadsJson(report, &sink);
  return std::move(sink.out());
}

std::string RenderLeadsCoverage(const LeadsReport& report) {
  std::string out;
  auto it = std::back_inserter(out);
  fmt::format_to(it,
                 "{} contract and IDV awards read (records through {}). Leads are reasons to "
                 "look, not findings.\n",
                 GroupThousands(report.awards),
                 report.records_as_of ? report.records_as_of->ToIso() : "an unknown date");
  fmt::format_to(it, "{:<4} {:>10} {:>8} {:>8}  {}\n", "rule", "applicable", "blank", "flagged",
                 "title");
  for (const RuleCoverage& c : report.run.coverage) {
    if (!c.enabled) {
      fmt::format_to(it, "{:<4} {:>10} {:>8} {:>8}  {} (switched off)\n", c.rule, "-", "-", "-",
                     c.title);
      continue;
    }
    fmt::format_to(it, "{:<4} {:>10} {:>8} {:>8}  {}\n", c.rule, GroupThousands(c.applicable),
                   GroupThousands(c.blank), GroupThousands(c.flagged), c.title);
  }
  return out;
}

}  // namespace receipts
