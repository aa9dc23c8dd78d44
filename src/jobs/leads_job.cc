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
  std::optional<std::vector<AwardClaim>> claims;
  Status read = ForEachRecordPart(job.record_inputs, job.part_bytes,
                                  [&](RecordSet* records, bool whole) -> Status {
                                    if (records->as_of) report.records_as_of = records->as_of;
                                    for (const Award& award : records->awards) {
                                      report.awards += award.family != AwardFamily::kAssistance;
                                    }
                                    finder.Add(*records);
                                    if (whole) {
                                      auto verdicts = beside->WithVerdicts(*records, job.since);
                                      if (!verdicts.ok()) return verdicts.status();
                                      claims = std::move(*verdicts);
                                    }
                                    return Status::Ok();
                                  });
  if (!read.ok()) return read;
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
