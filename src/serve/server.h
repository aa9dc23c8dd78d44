// `receipts serve`: the HTTP server over a ledger (doc/api.md). Safe by default: loopback
// only unless told, a fixed pool of worker threads given only whole request heads (idle and
// slow clients wait in serve/connection_hub.h, not on a worker), bounded request heads, bodies,
// queue and times, no ranges, the ledger opened read-only unless a write token is configured,
// security headers on every response.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "serve/http_limits.h"

namespace receipts::serve {

struct ServeOptions {
  std::string ledger;
  std::string bind = "127.0.0.1";
  int port = 8080;                   // 0: any free port (see Server::port())
  std::optional<std::string> token;  // none: read-only
  std::size_t threads = 16;
  std::size_t max_body_bytes = 64u << 20;
  std::vector<std::string> records;      // optional: shows measures and record rows
  Date since;                            // with records, as for verify
  std::optional<std::string> templates;  // a folder of templates in place of the built-in ones
  std::optional<std::string> rules;      // with records: a leads rules file (doc/leads.md)
  HttpLimits limits;
};

class Server {
 public:
  // Opens the ledger (and reads the records) and binds the socket; does not serve yet.
  static Result<std::unique_ptr<Server>> Create(const ServeOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The port bound.
  int port() const;
  // Serves until Stop() (from another thread or a signal handler's thread).
  Status Run();
  // Stops Run(); safe to call more than once.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace receipts::serve
