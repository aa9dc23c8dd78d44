#include "serve/connection_stream.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace receipts::serve {
namespace {

constexpr std::size_t kReadChunk = 16384;

void IpAndPort(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host, service,
                    sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

}  // namespace

bool ConnectionStream::Wait(short events) const {
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
    auto wait = std::min(left, io_timeout_);
    if (wait.count() <= 0) return false;
    pollfd entry{connection_.fd, events, 0};
    int ready = ::poll(&entry, 1, static_cast<int>(wait.count()));
    if (ready > 0) return true;  // readable, writable, or an error the next call reports
    if (ready == 0) return false;
    if (errno != EINTR) return false;
  }
}

bool ConnectionStream::is_readable() const {
  return !connection_.pending().empty() || Wait(POLLIN);
}

bool ConnectionStream::is_writable() const { return Wait(POLLOUT); }

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (connection_.pending().empty()) {
    connection_.buffer.clear();
    connection_.consumed = 0;
    if (!Wait(POLLIN)) return -1;
    connection_.buffer.resize(kReadChunk);
    ssize_t n;
    do {
      n = ::recv(connection_.fd, connection_.buffer.data(), kReadChunk, 0);
    } while (n < 0 && errno == EINTR);
    connection_.buffer.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    if (n <= 0) return n == 0 ? 0 : -1;
  }
  std::string_view pending = connection_.pending();
  std::size_t n = std::min(size, pending.size());
  std::memcpy(ptr, pending.data(), n);
  connection_.consumed += n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  for (;;) {
    ssize_t n = ::send(connection_.fd, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
    if (!Wait(POLLOUT)) return -1;
  }
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getpeername(connection_.fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
    IpAndPort(address, length, ip, port);
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getsockname(connection_.fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
    IpAndPort(address, length, ip, port);
}

}  // namespace receipts::serve
