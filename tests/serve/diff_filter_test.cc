#include "serve/diff_filter.h"

#include <gtest/gtest.h>

namespace receipts::serve {
namespace {

ClaimChange Change(ChangeType type, const std::string& key, const std::string& agency,
                   std::optional<Cents> before, std::optional<Cents> after) {
  ClaimChange change;
  change.type = type;
  change.key = key;
  if (type != ChangeType::kAdded) {
    change.old_claim = LedgerClaim{};
    change.old_claim->agency = agency;
    change.old_claim->claimed_savings = before;
  }
  if (type != ChangeType::kRemoved) {
    change.new_claim = LedgerClaim{};
    change.new_claim->agency = agency + "  ";  // as listed, with trailing blanks
    change.new_claim->claimed_savings = after;
  }
  return change;
}

SnapshotDiff Sample() {
  SnapshotDiff diff;
  diff.changes = {
      Change(ChangeType::kChanged, "a-date-only", "DHS", 5'00, 5'00),
      Change(ChangeType::kChanged, "b-ice", "DHS", 8'000'000'000'00, 8'000'000'00),
      Change(ChangeType::kAdded, "c-new", "USDA", std::nullopt, 40'00),
      Change(ChangeType::kRemoved, "d-gone", "USDA", 900'00, std::nullopt),
  };
  diff.added = 1;
  diff.removed = 1;
  diff.changed = 2;
  return diff;
}

std::vector<std::string> Keys(const SnapshotDiff& diff) {
  std::vector<std::string> keys;
  for (const ClaimChange& c : diff.changes) keys.push_back(c.key);
  return keys;
}

TEST(DiffFilterTest, LargestMoveOfClaimedSavingsFirstThenByKey) {
  SnapshotDiff shown = FilterDiff(Sample(), DiffFilter{});
  EXPECT_EQ(Keys(shown), (std::vector<std::string>{"b-ice", "d-gone", "c-new", "a-date-only"}));
  EXPECT_EQ(SavingsMoved(shown.changes[0]), 7'992'000'000'00);
  EXPECT_EQ(shown.changed, 2u);  // the counts describe the whole diff
  DiffFilter by_key;
  by_key.by_size = false;
  EXPECT_EQ(Keys(FilterDiff(Sample(), by_key)),
            (std::vector<std::string>{"a-date-only", "b-ice", "c-new", "d-gone"}));
}

TEST(DiffFilterTest, ByTypeAgencyAndMoney) {
  DiffFilter filter;
  filter.money_only = true;
  EXPECT_EQ(Keys(FilterDiff(Sample(), filter)),
            (std::vector<std::string>{"b-ice", "d-gone", "c-new"}));
  filter.agency = "USDA";
  filter.change = ChangeType::kAdded;
  EXPECT_EQ(Keys(FilterDiff(Sample(), filter)), (std::vector<std::string>{"c-new"}));
  filter = DiffFilter{};
  filter.agency = "DHS";  // matches the trimmed agency on either side
  EXPECT_EQ(FilterDiff(Sample(), filter).changes.size(), 2u);
  EXPECT_EQ(AgenciesOfDiff(Sample()), (std::vector<std::string>{"DHS", "USDA"}));
}

TEST(DiffFilterTest, ParametersAreCheckedByName) {
  auto parsed = ParseDiffFilter({{"change", "removed"}, {"money", "1"}, {"sort", "key"}}, true);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->change, ChangeType::kRemoved);
  EXPECT_TRUE(parsed->money_only);
  EXPECT_FALSE(parsed->by_size);
  EXPECT_TRUE(ParseDiffFilter({}, true)->by_size);
  EXPECT_FALSE(ParseDiffFilter({}, false)->by_size);
  auto bad = ParseDiffFilter({{"change", "edited"}}, true);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("'change'"), std::string::npos);
  EXPECT_FALSE(ParseDiffFilter({{"sort", "random"}}, true).ok());
  EXPECT_FALSE(ParseDiffFilter({{"money", "yes"}}, true).ok());
}

}  // namespace
}  // namespace receipts::serve
