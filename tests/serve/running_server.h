// `receipts serve`'s Server in a thread of the test process, on 127.0.0.1 at a free port, until
// destroyed: what the API and hostile-client tests run against.
#pragma once

#include <httplib.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "loopback.h"
#include "serve/server.h"

namespace receipts::testing {

// A GET request for `path` with `extra` header lines, closing the connection after the answer.
inline std::string GetRequest(const std::string& path, const std::string& extra = "") {
  return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "Connection: close\r\n\r\n";
}

class RunningServer {
 public:
  // Serves `options` (its bind and port replaced by 127.0.0.1 and a free port) and waits, at
  // most a few seconds, until the server answers; error() says why when it does not.
  explicit RunningServer(serve::ServeOptions options) {
    options.bind = "127.0.0.1";
    options.port = 0;
    auto server = serve::Server::Create(options);
    if (!server.ok()) {
      error_ = server.status().ToString();
      return;
    }
    server_ = std::move(*server);
    thread_ = std::thread([this] { (void)server_->Run(); });
    for (int i = 0; i < 100; ++i) {
      if (Exchange(port(), GetRequest("/assets/app.css"), 1 << 20, 1000).rfind("HTTP/1.1 200", 0) ==
          0) {
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    error_ = "the server did not answer within a few seconds";
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;
  ~RunningServer() {
    if (server_ != nullptr) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  const std::string& error() const { return error_; }
  int port() const { return server_->port(); }

  // A client that sends paths exactly as written (for the traversal tests).
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_url_encode(false);
    client.set_read_timeout(30, 0);
    return client;
  }

 private:
  std::unique_ptr<serve::Server> server_;
  std::thread thread_;
  std::string error_;
};

}  // namespace receipts::testing
