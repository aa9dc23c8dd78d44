// The one retry loop every fetcher shares: empty replies and resets are tried again, the key in a
// URL never reaches a message, and a request budget is never overrun.
#include "fetch/retrying_client.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>

namespace receipts {
namespace {

// A TCP server on 127.0.0.1 that closes the first `drops` connections as soon as the request
// has arrived (curl's "Empty reply from server"), then answers 200 "{}" and closes.
class DroppingServer {
 public:
  explicit DroppingServer(int drops) : drops_(drops) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 8);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~DroppingServer() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    if (thread_.joinable()) thread_.join();
  }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/x?api_key=SECRET";
  }
  int connections() const { return connections_; }

 private:
  void Serve() {
    while (!stop_) {
      int client = ::accept(fd_, nullptr, nullptr);
      if (client < 0) return;
      ++connections_;
      std::string request;
      char buffer[4096];
      while (request.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        request.append(buffer, static_cast<std::size_t>(n));
      }
      if (drops_ > 0) {
        --drops_;
      } else {
        const char reply[] =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
            "Connection: close\r\n\r\n{}";
        ::send(client, reply, sizeof reply - 1, MSG_NOSIGNAL);
      }
      ::close(client);
    }
  }
  int fd_ = -1;
  int port_ = 0;
  std::atomic<int> drops_;
  std::atomic<int> connections_{0};
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

RetryingClientOptions Fast() {
  RetryingClientOptions options;
  options.policy.max_retries = 3;
  options.policy.initial_backoff_ms = 1;
  options.policy.max_backoff_ms = 5;
  options.timeouts = {5, 10};
  return options;
}

TEST(RetryingClientTest, AnEmptyReplyIsTriedAgain) {
  DroppingServer server(2);
  FetchCounters counters;
  RetryingClient client(Fast(), &counters);
  Result<HttpResponse> response = client.Get(server.url());
  ASSERT_TRUE(response.ok()) << response.status().message();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "{}");
  EXPECT_EQ(counters.requests, 3u);
  EXPECT_EQ(server.connections(), 3);
}

TEST(RetryingClientTest, GivingUpNeverShowsTheKey) {
  DroppingServer server(10);
  RetryingClientOptions options = Fast();
  options.policy.max_retries = 1;
  std::string logged;
  options.log = [&](std::string_view line) { logged += std::string(line) + "\n"; };
  options.redact = [](const std::string& url) { return url.substr(0, url.find('?')); };
  RetryingClient client(options, nullptr);
  Result<HttpResponse> response = client.Get(server.url());
  ASSERT_FALSE(response.ok());
  EXPECT_NE(response.status().message().find("gave up after 2 tries"), std::string::npos)
      << response.status().message();
  EXPECT_EQ(response.status().message().find("SECRET"), std::string::npos)
      << response.status().message();
  EXPECT_EQ(logged.find("SECRET"), std::string::npos) << logged;
  EXPECT_NE(logged.find("retry 1 of 1"), std::string::npos) << logged;
}

TEST(RetryingClientTest, ABudgetIsNeverOverrun) {
  DroppingServer server(10);
  RetryingClientOptions options = Fast();
  FetchCounters counters;
  options.may_send = [&] { return counters.requests < 2; };
  RetryingClient client(options, &counters);
  Result<HttpResponse> response = client.Get(server.url());
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().code(), Status::Code::kUsage);
  EXPECT_NE(response.status().message().find("request budget spent"), std::string::npos);
  EXPECT_EQ(counters.requests, 2u);
}

}  // namespace
}  // namespace receipts
