// What one client may cost the server: bytes of a request head, time to send it, time a
// request may hold a worker, connections kept and requests waiting. Defaults fit every page and
// API call with margin (the longest real request head is a few hundred bytes).
#pragma once

#include <chrono>
#include <cstddef>

namespace receipts::serve {

struct HttpLimits {
  std::size_t max_request_line = 8192;  // longer: 414
  std::size_t max_header_lines = 100;   // more: 431
  std::size_t max_head_bytes = 32768;   // request line and headers together; more: 431
  // A connection waiting for the first byte of its next request is closed after this.
  std::chrono::milliseconds idle_timeout{5000};
  // The whole head must arrive within this of its first byte (slow-loris): else 408.
  std::chrono::milliseconds head_timeout{10000};
  // Each read or write of a body waits at most this; a request (body and response) holds a
  // worker at most `request_timeout` in all.
  std::chrono::milliseconds io_timeout{10000};
  std::chrono::milliseconds request_timeout{60000};
  std::size_t keep_alive_max = 100;    // requests on one connection
  std::size_t max_connections = 1024;  // open at once; more: 503
  std::size_t max_queue = 512;         // complete requests waiting for a worker; more: 503
};

}  // namespace receipts::serve
