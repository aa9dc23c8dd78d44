// TextSink: what a renderer writes reaches its drain whole, in order, in bounded pieces, and a
// failed drain stops the text and is reported.
#include "report/text_sink.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace receipts {
namespace {

TEST(TextSinkTest, AStringSinkKeepsEverything) {
  TextSink sink;
  sink.out() += std::string(3 * TextSink::kSpillBytes, 'a');
  sink.Spill();
  sink.Append("b");
  EXPECT_TRUE(sink.Finish().ok());
  EXPECT_EQ(sink.out().size(), 3 * TextSink::kSpillBytes + 1);
}

TEST(TextSinkTest, ADrainedSinkHandsOverEveryByteInOrderInBoundedPieces) {
  std::string drained;
  std::size_t largest_buffered = 0;
  TextSink sink([&](std::string_view piece) {
    drained += piece;
    return Status::Ok();
  });
  std::string expected;
  for (int row = 0; row < 20000; ++row) {
    std::string line = "row " + std::to_string(row) + std::string(100, 'x') + "\n";
    sink.out() += line;
    expected += line;
    largest_buffered = std::max(largest_buffered, sink.out().size());
    sink.Spill();
  }
  sink.Append(std::string(2 * TextSink::kSpillBytes, 'y'));  // straight to the drain
  expected += std::string(2 * TextSink::kSpillBytes, 'y');
  sink.Append("tail");
  expected += "tail";
  ASSERT_TRUE(sink.Finish().ok());
  EXPECT_EQ(drained, expected);
  EXPECT_LT(largest_buffered, TextSink::kSpillBytes + 200);
  EXPECT_TRUE(sink.out().empty());
}

TEST(TextSinkTest, AFailedDrainStopsTheTextAndFinishReportsIt) {
  int calls = 0;
  TextSink sink([&](std::string_view) {
    ++calls;
    return Status::IoError("disk full");
  });
  sink.Append(std::string(TextSink::kSpillBytes, 'a'));
  sink.Append(std::string(TextSink::kSpillBytes, 'b'));
  sink.out() += "more";
  Status finished = sink.Finish();
  EXPECT_EQ(finished.code(), Status::Code::kIoError);
  EXPECT_EQ(finished.message(), "disk full");
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace receipts
