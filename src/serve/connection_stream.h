// httplib's view of a connection while a worker answers one request on it: reads come from the
// bytes the hub already received, then from the socket; every wait is bounded by the I/O
// timeout and by the request's deadline, so a slow client holds a worker for a bounded time.
// Unlike httplib's own SocketStream it outlives one request: bytes of a pipelined next request
// stay in the connection, not in a buffer thrown away with the stream.
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>

#include "serve/connection.h"

namespace receipts::serve {

class ConnectionStream : public httplib::Stream {
 public:
  // `connection` must outlive the stream. Waits: at most `io_timeout` each, and none past
  // `deadline`.
  ConnectionStream(Connection& connection, std::chrono::milliseconds io_timeout,
                   Clock::time_point deadline)
      : connection_(connection), io_timeout_(io_timeout), deadline_(deadline) {}

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return connection_.fd; }

 private:
  // Waits for `events` on the socket within the limits; true when they came.
  bool Wait(short events) const;

  Connection& connection_;
  std::chrono::milliseconds io_timeout_;
  Clock::time_point deadline_;
};

}  // namespace receipts::serve
