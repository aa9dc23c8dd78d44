// `receipts leads`: the rules of leads/lead_rules.h over every award of the records, with the
// DOGE claims on each flagged award beside it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "jobs/award_claims.h"
#include "leads/leads_report.h"

namespace receipts {

struct LeadsJob {
  std::vector<std::string> record_inputs;
  std::string rules_file;   // optional: thresholds in place of the defaults
  std::string claims_file;  // optional
  std::string ledger;       // optional
  Date since;
};

Result<LeadsReport> RunLeadsJob(const LeadsJob& job);

}  // namespace receipts
