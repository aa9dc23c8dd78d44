// What `receipts leads` answers: the rules it used, each rule's coverage and leads, and the DOGE
// claims on the flagged awards (report/leads_render.h writes leads.csv and leads.json).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/award_claim.h"
#include "core/date.h"
#include "leads/lead_rules.h"
#include "leads/leads.h"

namespace receipts {

struct LeadsReport {
  LeadRules rules = LeadRules::Defaults();
  LeadsRun run;
  std::map<std::string, std::vector<AwardClaim>> claims;  // on the flagged awards, by award key
  std::size_t awards = 0;                                 // contracts and IDVs read
  std::optional<Date> records_as_of;
};

}  // namespace receipts
