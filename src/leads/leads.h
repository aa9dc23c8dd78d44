// Explainable leads on the record: each enabled rule of a LeadRules set is applied to every award
// it fits, and each award it flags becomes a Lead: the rule, one plain sentence with the figures
// ("Competed (A: full and open competition) with 1 offer received; $1,200,000.00 obligated."),
// and the record keys behind it. A lead is a reason to look, never an accusation. For each rule
// the run also says how many awards it could be applied to and how many had its fields blank
// (GAO found ~18% of competition fields miscoded: coverage is part of every answer).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/award.h"
#include "core/date.h"
#include "core/money.h"
#include "leads/lead_rules.h"

namespace receipts {

struct Lead {
  std::string rule;  // "W1"
  std::string award_key;
  std::string agency_id;
  std::string piid;
  std::string vendor_uei;  // of the award's latest action
  std::string vendor_name;
  Cents obligated = 0;  // Σ obligated on the award
  std::string sentence;
  std::vector<std::string> evidence;  // "agencyID/PIID/mod (file:line)", the rows it read
};

struct RuleCoverage {
  std::string rule;
  std::string title;
  std::string fields;
  bool enabled = true;
  std::size_t applicable = 0;  // awards of the kind the rule reads (contracts, IDVs)
  std::size_t blank = 0;       // of those, awards whose fields were blank: not judged
  std::size_t flagged = 0;
};

struct LeadsRun {
  std::vector<RuleCoverage> coverage;  // one per rule, in rule order
  std::vector<Lead> leads;             // by rule, then award key
};

// Applies rules to awards read in parts (jobs read a large record in parts by award, each part
// once): the per-award rules as each part is added, and the rules that compare awards (W3's
// groups by PSC, W12's orders under an IDV) at Finish, from what each award left of itself.
// The leads and coverage are those FindLeads gives for all the parts' awards at once.
class LeadsFinder {
 public:
  explicit LeadsFinder(LeadRules rules);
  ~LeadsFinder();
  LeadsFinder(const LeadsFinder&) = delete;
  LeadsFinder& operator=(const LeadsFinder&) = delete;

  // Judges the contracts and IDVs of `records` (no award may be added twice; assistance awards
  // are not judged by these rules). `records` need not outlive the call.
  void Add(const RecordSet& records);
  // The run over every award added; the finder starts afresh after.
  LeadsRun Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Applies `rules` to every award of `records` (contracts and IDVs; assistance awards are not
// judged by these rules).
LeadsRun FindLeads(const RecordSet& records, const LeadRules& rules);

}  // namespace receipts
