#include "jobs/leads_job.h"

#include <set>

#include "jobs/record_inputs.h"

namespace receipts {

Result<LeadsReport> RunLeadsJob(const LeadsJob& job) {
  LeadsReport report;
  if (!job.rules_file.empty()) {
    auto rules = LeadRules::FromFile(job.rules_file);
    if (!rules.ok()) return rules.status();
    report.rules = std::move(*rules);
  }
  auto beside = ClaimsBeside::Open(job.claims_file, job.ledger);
  if (!beside.ok()) return beside.status();
  LeadsFinder finder(report.rules);
  const unsigned parts = PartsFor(job.record_inputs, job.part_bytes);
  std::optional<std::vector<AwardClaim>> claims;
  for (unsigned i = 0; i < parts; ++i) {
    auto records = ReadAwards(job.record_inputs, RecordFilter::Part(i, parts));
    if (!records.ok()) return records.status();
    report.records_as_of = records->as_of;
    for (const Award& award : records->awards) {
      report.awards += award.family != AwardFamily::kAssistance;
    }
    finder.Add(*records);
    if (parts == 1) {
      auto verdicts = beside->WithVerdicts(*records, job.since);
      if (!verdicts.ok()) return verdicts.status();
      claims = std::move(*verdicts);
    }
  }
  report.run = finder.Finish();
  if (!claims) {
    // Read in parts: the claims list's own awards, read once more for its verdicts.
    RecordSet claimed;
    if (beside->reads_records()) {
      auto read = ReadAwards(job.record_inputs, beside->wanted());
      if (!read.ok()) return read.status();
      claimed = std::move(*read);
    }
    auto verdicts = beside->WithVerdicts(claimed, job.since);
    if (!verdicts.ok()) return verdicts.status();
    claims = std::move(*verdicts);
  }
  std::set<std::string> flagged;
  for (const Lead& lead : report.run.leads) flagged.insert(lead.award_key);
  for (auto& [key, on_award] : ClaimsByAward(*claims)) {
    if (flagged.count(key)) report.claims.emplace(key, std::move(on_award));
  }
  return report;
}

}  // namespace receipts
