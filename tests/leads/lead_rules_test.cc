#include "leads/lead_rules.h"

#include <gtest/gtest.h>

#include <fstream>

#include "../test_files.h"
#include "core/award.h"
#include "leads/leads.h"

namespace receipts {
namespace {

TEST(LeadRulesTest, DefaultsAreTheDocumentedOnes) {
  const LeadRules rules = LeadRules::Defaults();
  ASSERT_EQ(rules.rules().size(), 10u);
  EXPECT_EQ(rules.Number("W1", "max_offers"), 1);
  EXPECT_TRUE(rules.Has("cdo", "W1", "competed_codes"));
  EXPECT_FALSE(rules.Has("B", "W1", "competed_codes"));
  EXPECT_EQ(rules.Number("W6", "last_days_of_september"), 7);
  EXPECT_EQ(rules.Number("W12", "min_ceiling_dollars"), 10000000);
  // What leads.json states is what a rules file can say back.
  auto again = LeadRules::FromJson(rules.ToJson(), "defaults");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->ToJson(), rules.ToJson());
}

TEST(LeadRulesTest, AFileChangesThresholdsCodesAndSwitchesRulesOff) {
  auto rules = LeadRules::FromJson(
      R"({"W1": {"max_offers": 2, "competed_codes": ["a", "f"]}, "W11": {"enabled": false}})",
      "rules.json");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(rules->Number("W1", "max_offers"), 2);
  EXPECT_EQ(rules->Codes("W1", "competed_codes"), (std::vector<std::string>{"A", "F"}));
  EXPECT_FALSE(rules->Rule("W11").enabled);
  EXPECT_TRUE(rules->Rule("W2").enabled);
}

TEST(LeadRulesTest, BadFilesNameTheFileAndWhatIsWrong) {
  const std::pair<const char*, const char*> cases[] = {
      {"not json", "rules.json: not JSON"},
      {"[1, 2]", "rules.json: a rules file is one JSON object of rules by id"},
      {R"({"W5": {}})", "rules.json: no rule 'W5' (doc/leads.md lists them)"},
      {R"({"W1": 3})", "rules.json: rule W1: its settings are a JSON object"},
      {R"({"W1": {"max_offer": 2}})",
       "rules.json: rule W1, 'max_offer': rule W1 has no such setting"},
      {R"({"W1": {"max_offers": -1}})",
       "rules.json: rule W1, 'max_offers': a whole number, 0 to 1,000,000,000,000"},
      {R"({"W1": {"max_offers": "2"}})",
       "rules.json: rule W1, 'max_offers': a whole number, 0 to 1,000,000,000,000"},
      {R"({"W12": {"max_use_percent": 1000000000001}})",
       "rules.json: rule W12, 'max_use_percent': a whole number, 0 to 1,000,000,000,000"},
      {R"({"W1": {"competed_codes": "A"}})",
       "rules.json: rule W1, 'competed_codes': a list of codes"},
      {R"({"W1": {"enabled": "no"}})", "rules.json: rule W1, 'enabled': true or false"},
  };
  for (const auto& [json, message] : cases) {
    auto rules = LeadRules::FromJson(json, "rules.json");
    ASSERT_FALSE(rules.ok()) << json;
    EXPECT_EQ(rules.status().message().rfind(message, 0), 0u)
        << json << " -> " << rules.status().message();
  }
  auto device = LeadRules::FromFile("/dev/zero");  // never read to its (missing) end
  ASSERT_FALSE(device.ok());
  EXPECT_NE(device.status().message().find("/dev/zero"), std::string::npos);
  auto missing = LeadRules::FromFile("/nonexistent/rules.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/rules.json"), std::string::npos);
}

Date Day(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

Action Act(std::string mod, Date day, Cents obligated, Cents ceiling_change) {
  Action a;
  a.mod_number = std::move(mod);
  a.signed_date = day;
  a.obligated = obligated;
  a.base_and_all = ceiling_change;
  a.extent_competed = "A";
  a.offers_received = 4;
  a.source_file = "fixture.csv";
  a.source_line = 2;
  return a;
}

Award Contract(std::string piid, std::vector<Action> actions) {
  Award award;
  award.agency_id = "9700";
  award.piid = piid;
  award.key = "CONT_AWD_" + piid + "_9700_-NONE-_-NONE-";
  award.actions = std::move(actions);
  return award;
}

const Lead* Find(const LeadsRun& run, const std::string& rule, const std::string& piid) {
  for (const Lead& lead : run.leads) {
    if (lead.rule == rule && lead.piid == piid) return &lead;
  }
  return nullptr;
}

// W7 on hand-made awards (no shipped award obligates beyond its ceiling): $1,100 against a
// $1,000 ceiling is a lead; $1,005 is within the default 1% tolerance.
TEST(LeadsTest, W7ObligationsAboveTheCeiling) {
  RecordSet records;
  records.awards.push_back(Contract("OVER1", {Act("0", Day(2024, 1, 2), 80000, 100000),
                                              Act("P00001", Day(2024, 3, 1), 30000, 0)}));
  records.awards.push_back(Contract("WITHIN1", {Act("0", Day(2024, 1, 2), 100000, 100000),
                                                Act("P00001", Day(2024, 3, 1), 500, 0)}));
  Award outlays = Contract("OUTLAID1", {Act("0", Day(2024, 1, 2), 100000, 200000)});
  outlays.total_outlayed = 150000;
  records.awards.push_back(outlays);
  const LeadsRun run = FindLeads(records, LeadRules::Defaults());
  const Lead* over = Find(run, "W7", "OVER1");
  ASSERT_NE(over, nullptr);
  EXPECT_EQ(over->sentence,
            "Obligated $1,100.00 against a ceiling (base and all options) of $1,000.00: $100.00 "
            "over.");
  EXPECT_EQ(over->evidence, std::vector<std::string>{"9700/OVER1/P00001 (fixture.csv:2)"});
  EXPECT_EQ(Find(run, "W7", "WITHIN1"), nullptr);
  const Lead* outlaid = Find(run, "W7", "OUTLAID1");
  ASSERT_NE(outlaid, nullptr);
  EXPECT_EQ(outlaid->sentence, "Outlays of $1,500.00 exceed the $1,000.00 obligated.");
  // Thresholds are the user's: a 20% tolerance flags only the outlays.
  auto loose = LeadRules::FromJson(R"({"W7": {"tolerance_percent": 20}})", "r.json");
  ASSERT_TRUE(loose.ok());
  EXPECT_EQ(Find(FindLeads(records, *loose), "W7", "OVER1"), nullptr);
}

TEST(LeadsTest, ASwitchedOffRuleReadsNothingAndBlanksAreCounted) {
  RecordSet records;
  Award blank = Contract("BLANK1", {Act("0", Day(2024, 1, 2), 100, 100)});
  blank.actions[0].extent_competed = "";
  records.awards.push_back(blank);
  Award one = Contract("ONE1", {Act("0", Day(2024, 1, 2), 100, 100)});
  one.actions[0].offers_received = 1;
  records.awards.push_back(one);
  auto rules = LeadRules::FromJson(R"({"W2": {"enabled": false}})", "r.json");
  ASSERT_TRUE(rules.ok());
  const LeadsRun run = FindLeads(records, *rules);
  ASSERT_NE(Find(run, "W1", "ONE1"), nullptr);
  for (const RuleCoverage& c : run.coverage) {
    if (c.rule == "W1") {
      EXPECT_EQ(c.applicable, 2u);
      EXPECT_EQ(c.blank, 1u);
      EXPECT_EQ(c.flagged, 1u);
    }
    if (c.rule == "W2") {
      EXPECT_FALSE(c.enabled);
      EXPECT_EQ(c.applicable, 0u);
    }
  }
  for (const Lead& lead : run.leads) EXPECT_NE(lead.rule, "W2");
}

}  // namespace
}  // namespace receipts
