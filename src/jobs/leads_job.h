// `receipts leads`: the rules of leads/lead_rules.h over every award of the records, with the
// DOGE claims on each flagged award beside it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "jobs/award_claims.h"
#include "jobs/record_inputs.h"
#include "leads/leads_report.h"

namespace receipts {

struct LeadsJob {
  std::vector<std::string> record_inputs;
  std::string rules_file;   // optional: thresholds in place of the defaults
  std::string claims_file;  // optional
  std::string ledger;       // optional
  Date since;
  // The records are read in parts of about this much CSV text (record_inputs.h PartsFor).
  std::uint64_t part_bytes = kPartBytes;
};

// Streams the records in parts by award (RecordFilter::Part), each part judged then dropped, so
// memory follows a part and the leads, not the files; the rules that compare awards are judged
// once every part is read. A claims list's own awards are read once more for its verdicts.
Result<LeadsReport> RunLeadsJob(const LeadsJob& job);

}  // namespace receipts
