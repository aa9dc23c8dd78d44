// Raw HTTP on loopback for the hostile-client tests: every socket has send and receive
// timeouts and every read is bounded in bytes and time, so a test can fail but never hang.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace receipts::testing {

// A connected socket to 127.0.0.1:`port` with `timeout_ms` on every send and receive; -1 when
// the connection fails.
inline int ConnectLoopback(int port, int timeout_ms = 3000) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  timeval timeout{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Sends all of `data`; false when the peer stops taking it (closed, or the send timed out).
inline bool SendAll(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

// What arrives until the peer closes, a receive times out, `max_bytes` arrived, or `max_ms`
// passed.
inline std::string ReceiveUntilClose(int fd, std::size_t max_bytes, int max_ms) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(max_ms);
  std::string reply;
  char buffer[65536];
  while (reply.size() < max_bytes && std::chrono::steady_clock::now() < end) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    reply.append(buffer, static_cast<std::size_t>(n));
  }
  return reply;
}

// Sends `request` on a fresh connection and returns what comes back (bounded as above).
inline std::string Exchange(int port, const std::string& request, std::size_t max_bytes = 4u << 20,
                            int max_ms = 5000) {
  int fd = ConnectLoopback(port);
  if (fd < 0) return "";
  std::string reply;
  // The server may answer (and close) before taking all of a hostile request: read anyway.
  (void)SendAll(fd, request);
  reply = ReceiveUntilClose(fd, max_bytes, max_ms);
  ::close(fd);
  return reply;
}

// How many times `needle` occurs in `text`.
inline std::size_t CountOf(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

}  // namespace receipts::testing
