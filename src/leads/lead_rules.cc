#include "leads/lead_rules.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>

#include "core/input_open.h"
#include "core/json_writer.h"
#include "core/text.h"

namespace receipts {
namespace {
// No threshold is larger: dollars times 100 and cents times percents stay far inside int64.
constexpr std::int64_t kMaxSetting = 1'000'000'000'000;
constexpr std::size_t kMaxRulesBytes = 1 << 20;
}  // namespace

LeadRules LeadRules::Defaults() {
  LeadRules r;
  auto add = [&](std::string id, std::string title, std::string fields,
                 std::map<std::string, std::int64_t> numbers,
                 std::map<std::string, std::vector<std::string>> codes) {
    r.rules_.push_back({std::move(id), std::move(title), std::move(fields), true,
                        std::move(numbers), std::move(codes)});
  };
  add("W1", "Competed award that received one offer",
      "extentCompeted, numberOfOffersReceived (base action)",
      {{"max_offers", 1}, {"min_obligated_dollars", 0}},
      {{"competed_codes", {"A", "D", "F", "CDO", "E"}}});
  add("W2", "Award not competed", "extentCompeted (base action)", {{"min_obligated_dollars", 0}},
      {{"not_competed_codes", {"B", "C", "G", "NDO"}}});
  add("W3", "Ceiling growth far above awards of the same product or service",
      "baseAndAllOptionsValue (every action), productOrServiceCode (base action)",
      {{"fence_iqr_tenths", 15}, {"min_group_awards", 10}, {"min_growth_percent", 200}}, {});
  add("W4", "Undefinitized action", "undefinitizedAction (every action)",
      {{"min_obligated_dollars", 0}}, {{"undefinitized_codes", {"A", "B"}}});
  add("W6", "Obligated in the last days of the fiscal year", "signedDate, obligatedAmount",
      {{"last_days_of_september", 7}, {"min_obligated_dollars", 1000000}}, {});
  add("W7", "Obligations above the ceiling",
      "obligatedAmount, baseAndAllOptionsValue (every action); outlays when recorded",
      {{"tolerance_percent", 1}}, {});
  add("W8", "Money obligated after a termination",
      "reasonForModification, signedDate, obligatedAmount", {{"min_obligated_dollars", 1}},
      {{"termination_codes", {"E", "F", "N", "X"}}});
  add("W9", "The same amount obligated twice on one day", "signedDate, obligatedAmount, modNumber",
      {{"min_obligated_dollars", 1}}, {});
  add("W11", "Priced by time and materials, labor hours or cost plus",
      "typeOfContractPricing (base action)", {{"min_obligated_dollars", 0}},
      {{"pricing_codes", {"Y", "Z", "R", "S", "T", "U", "V"}}});
  add("W12", "IDV with a large ceiling and little use",
      "baseAndAllOptionsValue of the IDV, obligatedAmount of its orders (idvPIID)",
      {{"min_ceiling_dollars", 10000000}, {"max_use_percent", 5}}, {});
  return r;
}

const LeadRule& LeadRules::Rule(std::string_view id) const {
  for (const LeadRule& rule : rules_) {
    if (rule.id == id) return rule;
  }
  return rules_.front();  // ids are the program's own; never reached
}

std::int64_t LeadRules::Number(std::string_view id, std::string_view name) const {
  const LeadRule& rule = Rule(id);
  auto it = rule.numbers.find(std::string(name));
  return it == rule.numbers.end() ? 0 : it->second;
}

const std::vector<std::string>& LeadRules::Codes(std::string_view id, std::string_view name) const {
  static const std::vector<std::string> kNone;
  const LeadRule& rule = Rule(id);
  auto it = rule.codes.find(std::string(name));
  return it == rule.codes.end() ? kNone : it->second;
}

bool LeadRules::Has(std::string_view code, std::string_view id, std::string_view name) const {
  const std::string wanted = ToUpperAscii(Trim(code));
  if (wanted.empty()) return false;
  const std::vector<std::string>& codes = Codes(id, name);
  return std::find(codes.begin(), codes.end(), wanted) != codes.end();
}

Result<LeadRules> LeadRules::FromFile(const std::string& path) {
  // A rules file is a few hundred bytes: at most 1 MiB is read.
  auto text = ReadWholeFile(path, "a rules file", kMaxRulesBytes);
  if (!text.ok()) return text.status();
  return FromJson(*text, path);
}

Result<LeadRules> LeadRules::FromJson(std::string_view json, const std::string& name) {
  LeadRules rules = Defaults();
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  if (auto error = parser.parse(padded).get(root)) {
    return Status::InvalidInput(name + ": not JSON (" + simdjson::error_message(error) + ")");
  }
  simdjson::dom::object rule_objects;
  if (root.get_object().get(rule_objects)) {
    return Status::InvalidInput(name + ": a rules file is one JSON object of rules by id");
  }
  for (auto [id_view, value] : rule_objects) {
    const std::string id(id_view);
    auto rule = std::find_if(rules.rules_.begin(), rules.rules_.end(),
                             [&](const LeadRule& r) { return r.id == id; });
    if (rule == rules.rules_.end()) {
      return Status::InvalidInput(name + ": no rule '" + id + "' (doc/leads.md lists them)");
    }
    simdjson::dom::object params;
    if (value.get_object().get(params)) {
      return Status::InvalidInput(name + ": rule " + id + ": its settings are a JSON object");
    }
    for (auto [param_view, setting] : params) {
      const std::string param(param_view);
      const std::string where = name + ": rule " + id + ", '" + param + "'";
      if (param == "enabled") {
        bool enabled = true;
        if (setting.get_bool().get(enabled)) return Status::InvalidInput(where + ": true or false");
        rule->enabled = enabled;
      } else if (auto number = rule->numbers.find(param); number != rule->numbers.end()) {
        std::int64_t n = 0;
        if (setting.get_int64().get(n) || n < 0 || n > kMaxSetting) {
          return Status::InvalidInput(where + ": a whole number, 0 to 1,000,000,000,000");
        }
        number->second = n;
      } else if (auto codes = rule->codes.find(param); codes != rule->codes.end()) {
        simdjson::dom::array list;
        if (setting.get_array().get(list)) {
          return Status::InvalidInput(where + ": a list of codes, like [\"A\", \"D\"]");
        }
        std::vector<std::string> read;
        for (simdjson::dom::element code : list) {
          std::string_view text;
          if (code.get_string().get(text) || Trim(text).empty() || text.size() > 8) {
            return Status::InvalidInput(where + ": every code is a short string");
          }
          read.push_back(ToUpperAscii(Trim(text)));
        }
        codes->second = std::move(read);
      } else {
        return Status::InvalidInput(where + ": rule " + id + " has no such setting");
      }
    }
  }
  return rules;
}

std::string LeadRules::ToJson() const {
  std::string out = "{";
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    const LeadRule& rule = rules_[i];
    out += fmt::format("{}{}:{{\"enabled\":{}", i ? "," : "", JsonString(rule.id),
                       rule.enabled ? "true" : "false");
    for (const auto& [name, value] : rule.numbers) {
      out += fmt::format(",{}:{}", JsonString(name), value);
    }
    for (const auto& [name, codes] : rule.codes) {
      out += "," + JsonString(name) + ":[";
      for (std::size_t c = 0; c < codes.size(); ++c) out += (c ? "," : "") + JsonString(codes[c]);
      out += "]";
    }
    out += "}";
  }
  return out + "}";
}

}  // namespace receipts
