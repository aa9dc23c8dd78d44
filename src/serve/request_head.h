// Where a request's head (request line and headers, up to the blank line) ends in the bytes
// received so far, and whether it is still within the limits. A pure rule: the connection hub
// uses it to give a connection to a worker only once its head is whole and bounded.
#pragma once

#include <cstddef>
#include <string_view>

#include "serve/http_limits.h"

namespace receipts::serve {

enum class HeadState {
  kIncomplete,          // no blank line yet, and within the limits
  kComplete,            // a whole head within the limits
  kRequestLineTooLong,  // 414
  kTooManyHeaders,      // 431
  kTooLarge,            // 431
};

// The state of `bytes` (what arrived, from the start of the request) under `limits`. Lines end
// in CRLF, as httplib requires.
HeadState ScanHead(std::string_view bytes, const HttpLimits& limits);

}  // namespace receipts::serve
