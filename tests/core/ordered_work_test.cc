// RunInOrder: results taken in item order whatever the threads, never more than the window ahead,
// and a failure stops the run.
#include "core/ordered_work.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace receipts {
namespace {

TEST(OrderedWorkTest, TakesEveryItemInOrderWithinTheWindow) {
  for (unsigned threads : {1u, 2u, 5u}) {
    for (std::size_t window : {1u, 3u, 50u}) {
      const std::size_t count = 200;
      std::vector<int> squares(count, -1);
      std::vector<std::size_t> taken;
      std::atomic<std::size_t> taken_count{0};
      std::atomic<std::size_t> furthest{0};
      Status s = RunInOrder(
          count, threads, window,
          [&](std::size_t i) {
            // Later items sometimes finish first.
            if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
            EXPECT_LT(i, taken_count.load() + window) << "work ran past the window";
            std::size_t seen = furthest.load();
            while (i > seen && !furthest.compare_exchange_weak(seen, i)) {
            }
            squares[i] = static_cast<int>(i * i);
          },
          [&](std::size_t i) {
            EXPECT_EQ(squares[i], static_cast<int>(i * i));
            taken.push_back(i);
            taken_count = i + 1;
            return Status::Ok();
          });
      ASSERT_TRUE(s.ok());
      ASSERT_EQ(taken.size(), count);
      for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(taken[i], i);
      EXPECT_EQ(furthest.load(), count - 1);
    }
  }
}

TEST(OrderedWorkTest, TheFirstFailureStopsTheRun) {
  std::atomic<std::size_t> worked{0};
  std::vector<std::size_t> taken;
  Status s = RunInOrder(
      1000, 2, 4, [&](std::size_t) { ++worked; },
      [&](std::size_t i) {
        taken.push_back(i);
        return i == 10 ? Status::InvalidInput("item 10 is bad") : Status::Ok();
      });
  EXPECT_EQ(s.message(), "item 10 is bad");
  EXPECT_EQ(taken.size(), 11u);
  EXPECT_LE(worked.load(), 11u + 4u);  // nothing beyond the window was begun
}

TEST(OrderedWorkTest, NoItemsIsNoWork) {
  EXPECT_TRUE(RunInOrder(
                  0, 4, 4, [](std::size_t) { ADD_FAILURE(); },
                  [](std::size_t) {
                    ADD_FAILURE();
                    return Status::Ok();
                  })
                  .ok());
}

}  // namespace
}  // namespace receipts
