#include "core/date.h"

#include <gtest/gtest.h>

#include "../expect_each.h"

namespace receipts {
namespace {

std::string Iso(std::string_view text) {
  auto r = ParseDate(text);
  if (!r.ok()) return "error: " + r.status().message();
  return r->has_value() ? (*r)->ToIso() : "blank";
}

TEST(DateTest, ParsesEveryFormInTheData) {
  testing::ExpectEach(Iso, {{"2025-01-21", "2025-01-21"},
                            {"2023-09-18 00:00:00", "2023-09-18"},
                            {"2025-03-13T18:25:00Z", "2025-03-13"},
                            {"2/5/2025", "2025-02-05"},
                            {"2/13/25", "2025-02-13"},
                            {"24mar2025", "2025-03-24"},
                            {"  ", "blank"}});
}

TEST(DateTest, RejectsImpossibleDates) {
  for (const char* bad :
       {"2025-02-30", "13/1/2025", "2025-1", "yesterday", "2025-01-21x", "31foo2025"}) {
    EXPECT_FALSE(ParseDate(bad).ok()) << bad;
  }
  EXPECT_EQ(Iso("2/29/2024"), "2024-02-29");
  EXPECT_FALSE(ParseDate("2/29/2025").ok());
}

TEST(DateTest, OrdersByDay) {
  auto a = ParseDate("2025-01-19");
  auto b = ParseDate("1/20/2025");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_LT(**a, **b);
  EXPECT_EQ((*b)->days_since_epoch() - (*a)->days_since_epoch(), 1);
}

}  // namespace
}  // namespace receipts
