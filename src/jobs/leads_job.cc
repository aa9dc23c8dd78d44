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
  auto records = ReadEveryAward(job.record_inputs);
  if (!records.ok()) return records.status();
  report.records_as_of = records->as_of;
  for (const Award& award : records->awards) {
    report.awards += award.family != AwardFamily::kAssistance;
  }
  report.run = FindLeads(*records, report.rules);
  auto claims = ClaimsWithVerdicts(job.claims_file, job.ledger, *records, job.since);
  if (!claims.ok()) return claims.status();
  std::set<std::string> flagged;
  for (const Lead& lead : report.run.leads) flagged.insert(lead.award_key);
  for (auto& [key, on_award] : ClaimsByAward(*claims)) {
    if (flagged.count(key)) report.claims.emplace(key, std::move(on_award));
  }
  return report;
}

}  // namespace receipts
