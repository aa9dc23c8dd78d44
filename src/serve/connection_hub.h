// The server's connections and workers. One thread (the hub) holds every connection that is
// waiting for a request: idle keep-alive connections, and those whose head is still arriving.
// Only a connection whose whole head has arrived, within the limits (serve/request_head.h),
// goes to the bounded queue of a fixed pool of workers; after the answer it comes back. So
// idle and slow clients cost a socket and a few kilobytes each, never a worker, and a normal
// request waits only for the requests ahead of it.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/status.h"
#include "serve/connection.h"
#include "serve/http_limits.h"

namespace receipts::serve {

class ConnectionHub {
 public:
  // Answers the request whose head is pending in the connection (and reads its body); true to
  // keep the connection for another request, false to close it. Runs on a worker.
  using Answer = std::function<bool(Connection&)>;

  // `refusal_headers`: header lines (each ending in CRLF) added to the hub's own refusals
  // (408, 414, 431, 503), which it writes without a worker.
  ConnectionHub(const HttpLimits& limits, std::size_t workers, Answer answer,
                std::string refusal_headers);
  ~ConnectionHub();
  ConnectionHub(const ConnectionHub&) = delete;
  ConnectionHub& operator=(const ConnectionHub&) = delete;

  // Starts the hub thread and the workers.
  Status Start();
  // Takes a newly accepted socket (owned from here on; closed at once once stopped).
  void Adopt(int fd);
  // Closes every connection and joins the threads (a worker first finishes its request);
  // safe to call more than once.
  void Stop();

 private:
  void HubLoop();
  void WorkerLoop();
  void Wake();
  // Looks at what `connection` has received: to a worker, refused, or kept waiting.
  void Examine(std::unique_ptr<Connection> connection,
               std::vector<std::unique_ptr<Connection>>& waiting);
  void Refuse(Connection& connection, int status, const char* reason, const char* message);
  void Return(std::unique_ptr<Connection> connection);

  const HttpLimits limits_;
  const std::size_t worker_count_;
  const Answer answer_;
  const std::string refusal_headers_;
  int wake_fd_ = -1;  // eventfd: a connection arrived or came back, or stop

  std::mutex mutex_;
  std::condition_variable work_ready_;
  bool stopping_ = false;
  std::vector<std::unique_ptr<Connection>> arrived_;  // for the hub, new or back from a worker
  std::deque<std::unique_ptr<Connection>> queue_;     // whole heads, for the workers
  std::size_t open_ = 0;                              // connections anywhere (hub, queue, workers)

  std::thread hub_;
  std::vector<std::thread> workers_;
};

}  // namespace receipts::serve
