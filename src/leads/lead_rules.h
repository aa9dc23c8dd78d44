// The leads rules (W1–W12 of docs/domain.md §4, doc/leads.md) and their thresholds: a default
// set, and a rules file (JSON) that changes any of them. A rule is a lead-finder, not a finding:
// each threshold is the user's to set, as Cardinal's settings are.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace receipts {

struct LeadRule {
  std::string id;      // "W1"
  std::string title;   // "Competed award that received one offer"
  std::string fields;  // the record fields it reads, for the coverage table
  bool enabled = true;
  std::map<std::string, std::int64_t> numbers;            // thresholds, by name
  std::map<std::string, std::vector<std::string>> codes;  // code lists, by name
};

class LeadRules {
 public:
  // Every rule with its default thresholds (doc/leads.md lists them).
  static LeadRules Defaults();

  // The defaults changed by `path`, a JSON object {"W1": {"enabled": false, "max_offers": 2},
  // …}. An error names the file and the rule, parameter or value at fault: an unknown rule or
  // parameter, a number where codes are wanted, a negative threshold, bad JSON.
  static Result<LeadRules> FromFile(const std::string& path);
  static Result<LeadRules> FromJson(std::string_view json, const std::string& name);

  const std::vector<LeadRule>& rules() const { return rules_; }
  const LeadRule& Rule(std::string_view id) const;  // id must be one of rules()
  std::int64_t Number(std::string_view id, std::string_view name) const;
  const std::vector<std::string>& Codes(std::string_view id, std::string_view name) const;
  bool Has(std::string_view code, std::string_view id, std::string_view name) const;

  // The rules as a rules file would state them (every parameter), for `leads.json`.
  std::string ToJson() const;

 private:
  std::vector<LeadRule> rules_;
};

}  // namespace receipts
