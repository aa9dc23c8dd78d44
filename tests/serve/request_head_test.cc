// The request-head rule (serve/request_head.h) as a table: when a head is whole, and which limit
// a hostile head breaks first.
#include "serve/request_head.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using receipts::serve::HeadState;
using receipts::serve::HttpLimits;
using receipts::serve::ScanHead;

std::string Headers(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += "X-" + std::to_string(i) + ": v\r\n";
  return out;
}

TEST(RequestHeadTest, LimitsAsATable) {
  HttpLimits limits;
  const std::string line = "GET /api/summary HTTP/1.1\r\n";
  struct Case {
    const char* name;
    std::string bytes;
    HeadState want;
  } cases[] = {
      {"nothing yet", "", HeadState::kIncomplete},
      {"request line arriving", "GET /api/sum", HeadState::kIncomplete},
      {"headers arriving", line + "Host: x\r\nX-A: ", HeadState::kIncomplete},
      {"whole", line + "Host: x\r\n\r\n", HeadState::kComplete},
      {"whole, body follows", line + "Content-Length: 3\r\n\r\nabc", HeadState::kComplete},
      {"whole, pipelined next", line + "\r\n" + line + "\r\n", HeadState::kComplete},
      {"request line at the limit", "GET /" + std::string(8192 - 16, 'a') + " HTTP/1.1\r\n\r\n",
       HeadState::kComplete},
      {"request line over the limit, still arriving", "GET /" + std::string(9000, 'a'),
       HeadState::kRequestLineTooLong},
      {"100 headers", line + Headers(100) + "\r\n", HeadState::kComplete},
      {"101 headers", line + Headers(101) + "\r\n", HeadState::kTooManyHeaders},
      {"many headers still arriving", line + Headers(5000), HeadState::kTooManyHeaders},
      {"one long header line arriving", line + "X-Big: " + std::string(40000, 'a'),
       HeadState::kTooLarge},
      {"whole but too large", line + "X-Big: " + std::string(33000, 'a') + "\r\n\r\n",
       HeadState::kTooLarge},
  };
  for (const Case& c : cases) EXPECT_EQ(ScanHead(c.bytes, limits), c.want) << c.name;
}

}  // namespace
