#include "serve/request_head.h"

namespace receipts::serve {

HeadState ScanHead(std::string_view bytes, const HttpLimits& limits) {
  std::size_t start = 0;
  std::size_t line = 0;
  for (;;) {
    std::size_t end = bytes.find("\r\n", start);
    std::size_t length = (end == std::string_view::npos ? bytes.size() : end) - start;
    if (line == 0 && length > limits.max_request_line) return HeadState::kRequestLineTooLong;
    if (end == std::string_view::npos) break;
    if (end == start && line > 0) {
      return end + 2 > limits.max_head_bytes ? HeadState::kTooLarge : HeadState::kComplete;
    }
    if (line > limits.max_header_lines) return HeadState::kTooManyHeaders;
    ++line;
    start = end + 2;
  }
  if (line > limits.max_header_lines) return HeadState::kTooManyHeaders;
  return bytes.size() > limits.max_head_bytes ? HeadState::kTooLarge : HeadState::kIncomplete;
}

}  // namespace receipts::serve
