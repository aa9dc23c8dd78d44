#include "report/view.h"

#include <gtest/gtest.h>

namespace receipts {
namespace {

TEST(ViewJsonTest, MoneyIsDollarsWithACentsTwinOrNullTwice) {
  View m = View::Object();
  m.Set("claimed", View::Money(800000000));
  m.Set("verified", View::Money(std::nullopt));
  m.Set("gap", View::Money(-5));
  EXPECT_EQ(ViewJson(m),
            "{\"claimed\":\"8000000.00\",\"claimed_cents\":800000000,\"verified\":null,"
            "\"verified_cents\":null,\"gap\":\"-0.05\",\"gap_cents\":-5}");
}

TEST(ViewJsonTest, KeysKeepTheirOrderAndSetReplaces) {
  View m = View::Object();
  m.Set("b", View::Int(1));
  m.Set("a", View::Count(1234567));
  m.Set("b", View::Int(2));
  m.Set("none", View());
  m.Set("yes", true);
  EXPECT_EQ(ViewJson(m), "{\"b\":2,\"a\":1234567,\"none\":null,\"yes\":true}");
  ASSERT_NE(m.Find("a"), nullptr);
  EXPECT_EQ(m.Find("a")->integer(), 1234567);
  EXPECT_EQ(m.Find("missing"), nullptr);
}

TEST(ViewJsonTest, TextIsEscapedAndMarkupLeftOut) {
  View m = View::Object();
  m.Set("text", "say \"hi\"\n<b>");
  m.Set("chart", View::Markup("<svg></svg>"));
  View& list = m.Set("list", View::List());
  list.Push(View::Markup("<svg/>"));
  list.Push("x");
  EXPECT_EQ(ViewJson(m), "{\"text\":\"say \\\"hi\\\"\\u000a<b>\",\"list\":[\"x\"]}");
}

}  // namespace
}  // namespace receipts
