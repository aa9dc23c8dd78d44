// Table-driven checks: one row per case, each failure naming the input that failed.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace receipts::testing {

// One case: what goes in and what must come out.
using Case = std::pair<std::string_view, std::string_view>;

// Expects `transform(input) == expected` for every case.
template <typename Transform>
void ExpectEach(Transform transform, std::initializer_list<Case> cases) {
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(transform(std::string(input)), expected) << "input: " << input;
  }
}

}  // namespace receipts::testing
