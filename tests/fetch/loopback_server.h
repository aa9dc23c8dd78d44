// An httplib server on 127.0.0.1 at a free port, served from a thread of the test process: what
// every replay of a remote API in the fetch tests stands on. Routes are added before Start().
#pragma once

#include <httplib.h>

#include <chrono>
#include <exception>
#include <string>
#include <thread>

namespace receipts::testing {

class LoopbackServer {
 public:
  LoopbackServer() = default;
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;
  ~LoopbackServer() { Stop(); }

  httplib::Server& routes() { return server_; }

  // Binds a free port and serves in a thread; waits (at most about a second) until it runs.
  // False when it cannot bind or does not start.
  bool Start() {
    try {
      port_ = server_.bind_to_any_port("127.0.0.1");
      if (port_ <= 0) return false;
      thread_ = std::thread([this] {
        try {
          server_.listen_after_bind();
        } catch (const std::exception&) {
        }
      });
      for (int i = 0; i < 500 && !server_.is_running(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
      return server_.is_running();
    } catch (const std::exception&) {
      return false;
    }
  }

  // Stops serving and joins the thread; safe to call twice.
  void Stop() {
    try {
      server_.stop();
    } catch (const std::exception&) {
    }
    if (thread_.joinable()) thread_.join();
  }

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace receipts::testing
