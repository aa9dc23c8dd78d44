// The GET reply cache (serve/response_cache.h): kept by ETag, bounded in bytes, least recently
// used evicted first, oversized bodies never kept.
#include "serve/response_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using receipts::serve::Reply;
using receipts::serve::ResponseCache;

Reply Body(std::size_t size) { return Reply{200, "text/plain", std::string(size, 'x'), {}, {}}; }

TEST(ResponseCacheTest, KeepsByEtagWithinItsBytesOldestOut) {
  ResponseCache cache(/*max_bytes=*/300, /*max_entry_bytes=*/150);
  cache.Put("a", Body(100));
  cache.Put("b", Body(100));
  ASSERT_NE(cache.Get("a"), nullptr);  // a is now the most recently used
  cache.Put("c", Body(100));           // 303 bytes with the tags: b goes
  EXPECT_NE(cache.Get("a"), nullptr);
  EXPECT_EQ(cache.Get("b"), nullptr);
  EXPECT_NE(cache.Get("c"), nullptr);
  cache.Put("big", Body(200));  // over the entry limit: never kept, nothing evicted
  EXPECT_EQ(cache.Get("big"), nullptr);
  EXPECT_NE(cache.Get("a"), nullptr);
  cache.Put("a", Body(10));  // replaced, not doubled
  EXPECT_EQ(cache.Get("a")->body.size(), 10u);
  EXPECT_NE(cache.Get("c"), nullptr);
}

}  // namespace
