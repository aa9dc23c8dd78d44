// One client connection as the server holds it between the hub (which waits for a whole
// request head) and a worker (which answers it): the socket, the bytes received but not yet
// consumed (a pipelined next request stays here), and when the hub gives up waiting.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace receipts::serve {

using Clock = std::chrono::steady_clock;

struct Connection {
  explicit Connection(int socket) : fd(socket) {}
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // The bytes received and not yet consumed.
  std::string_view pending() const { return std::string_view(buffer).substr(consumed); }
  // Drops the consumed bytes, so that `buffer` starts with the next request.
  void Compact();

  int fd;              // owned: closed on destruction
  std::string buffer;  // received bytes; those before `consumed` are read
  std::size_t consumed = 0;
  Clock::time_point deadline;  // the hub closes the connection then
  bool head_started = false;   // some of the next head has arrived (the deadline is the head's)
  std::size_t requests = 0;    // answered on this connection
};

}  // namespace receipts::serve
