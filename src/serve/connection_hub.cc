#include "serve/connection_hub.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>

#include "serve/request_head.h"

namespace receipts::serve {
namespace {

constexpr std::size_t kReadChunk = 4096;

}  // namespace

ConnectionHub::ConnectionHub(const HttpLimits& limits, std::size_t workers, Answer answer,
                             std::string refusal_headers)
    : limits_(limits),
      worker_count_(workers),
      answer_(std::move(answer)),
      refusal_headers_(std::move(refusal_headers)) {}

ConnectionHub::~ConnectionHub() {
  Stop();
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

Status ConnectionHub::Start() {
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_fd_ < 0) return Status::IoError("serve: cannot create an eventfd");
  hub_ = std::thread([this] { HubLoop(); });
  for (std::size_t i = 0; i < worker_count_; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  return Status::Ok();
}

void ConnectionHub::Wake() {
  std::uint64_t one = 1;
  if (wake_fd_ >= 0) (void)::write(wake_fd_, &one, sizeof one);
}

void ConnectionHub::Adopt(int fd) {
  auto connection = std::make_unique<Connection>(fd);
  int flags = ::fcntl(fd, F_GETFL, 0);
  ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  connection->deadline = Clock::now() + limits_.idle_timeout;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;  // closed by the destructor
    if (open_ >= limits_.max_connections) {
      Refuse(*connection, 503, "Service Unavailable", "too many connections");
      return;
    }
    ++open_;
    arrived_.push_back(std::move(connection));
  }
  Wake();
}

void ConnectionHub::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  Wake();
  work_ready_.notify_all();
  if (hub_.joinable()) hub_.join();
  for (auto& worker : workers_)
    if (worker.joinable()) worker.join();
  std::lock_guard lock(mutex_);
  arrived_.clear();
  queue_.clear();
}

void ConnectionHub::Refuse(Connection& connection, int status, const char* reason,
                           const char* message) {
  std::string body = std::string("{\"error\":\"") + message + "\"}";
  std::string reply = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                      "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\nConnection: close\r\n" + refusal_headers_ +
                      "\r\n" + body;
  // Best effort and never blocking: a client that does not read its refusal loses it.
  (void)::send(connection.fd, reply.data(), reply.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(connection.fd, SHUT_WR);
  // Unread bytes at close() would make the kernel reset the connection and drop the refusal.
  char sink[kReadChunk];
  for (int i = 0; i < 64 && ::recv(connection.fd, sink, sizeof sink, MSG_DONTWAIT) > 0; ++i) {
  }
}

void ConnectionHub::Examine(std::unique_ptr<Connection> connection,
                            std::vector<std::unique_ptr<Connection>>& waiting) {
  HeadState state = ScanHead(connection->pending(), limits_);
  auto close = [this](std::unique_ptr<Connection>) {
    std::lock_guard lock(mutex_);
    --open_;
  };
  switch (state) {
    case HeadState::kIncomplete:
      waiting.push_back(std::move(connection));
      return;
    case HeadState::kRequestLineTooLong:
      Refuse(*connection, 414, "URI Too Long", "the request line is too long");
      return close(std::move(connection));
    case HeadState::kTooManyHeaders:
      Refuse(*connection, 431, "Request Header Fields Too Large", "too many request headers");
      return close(std::move(connection));
    case HeadState::kTooLarge:
      Refuse(*connection, 431, "Request Header Fields Too Large",
             "the request headers are too large");
      return close(std::move(connection));
    case HeadState::kComplete:
      break;
  }
  std::unique_lock lock(mutex_);
  if (queue_.size() >= limits_.max_queue) {
    lock.unlock();
    Refuse(*connection, 503, "Service Unavailable", "the server is busy; try again");
    return close(std::move(connection));
  }
  queue_.push_back(std::move(connection));
  lock.unlock();
  work_ready_.notify_one();
}

void ConnectionHub::HubLoop() {
  std::vector<std::unique_ptr<Connection>> waiting;
  std::vector<pollfd> polled;
  for (;;) {
    std::vector<std::unique_ptr<Connection>> arrived;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) break;
      arrived.swap(arrived_);
    }
    for (auto& connection : arrived) Examine(std::move(connection), waiting);

    auto now = Clock::now();
    auto next = now + std::chrono::seconds(1);
    polled.assign(1, pollfd{wake_fd_, POLLIN, 0});
    for (auto& connection : waiting) {
      polled.push_back(pollfd{connection->fd, POLLIN, 0});
      next = std::min(next, connection->deadline);
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - now).count();
    int ready = ::poll(polled.data(), polled.size(), static_cast<int>(std::max<long>(wait, 0)));
    if (ready < 0 && errno != EINTR) break;
    if (polled[0].revents != 0) {
      std::uint64_t count;
      (void)::read(wake_fd_, &count, sizeof count);
    }

    std::vector<std::unique_ptr<Connection>> still;
    now = Clock::now();
    for (std::size_t i = 0; i < waiting.size(); ++i) {
      auto& connection = waiting[i];
      bool gone = false;
      if (polled[i + 1].revents != 0) {
        // Read what is there, never more than one head's worth beyond the limit.
        while (connection->pending().size() <= limits_.max_head_bytes) {
          std::size_t size = connection->buffer.size();
          connection->buffer.resize(size + kReadChunk);
          ssize_t n = ::recv(connection->fd, connection->buffer.data() + size, kReadChunk, 0);
          connection->buffer.resize(size + (n > 0 ? static_cast<std::size_t>(n) : 0));
          if (n > 0) continue;
          if (n < 0 && errno == EINTR) continue;
          if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) gone = true;
          break;
        }
        if (!connection->head_started && !connection->pending().empty()) {
          connection->head_started = true;
          connection->deadline = now + limits_.head_timeout;
        }
      }
      if (gone) {
        std::lock_guard lock(mutex_);
        --open_;
        connection.reset();
        continue;
      }
      HeadState state = ScanHead(connection->pending(), limits_);
      if (state != HeadState::kIncomplete) {
        Examine(std::move(connection), still);
        continue;
      }
      if (now >= connection->deadline) {
        if (connection->head_started) {
          Refuse(*connection, 408, "Request Timeout", "the request head took too long");
        }
        std::lock_guard lock(mutex_);
        --open_;
        connection.reset();
        continue;
      }
      still.push_back(std::move(connection));
    }
    waiting.swap(still);
  }
  waiting.clear();
}

void ConnectionHub::Return(std::unique_ptr<Connection> connection) {
  connection->Compact();
  connection->head_started = !connection->buffer.empty();
  connection->deadline =
      Clock::now() + (connection->head_started ? limits_.head_timeout : limits_.idle_timeout);
  {
    std::lock_guard lock(mutex_);
    if (stopping_) {
      --open_;
      return;
    }
    arrived_.push_back(std::move(connection));
  }
  Wake();
}

void ConnectionHub::WorkerLoop() {
  for (;;) {
    std::unique_ptr<Connection> connection;
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      connection = std::move(queue_.front());
      queue_.pop_front();
    }
    bool keep = answer_(*connection);
    ++connection->requests;
    if (keep && connection->requests < limits_.keep_alive_max) {
      Return(std::move(connection));
    } else {
      connection.reset();
      std::lock_guard lock(mutex_);
      --open_;
    }
  }
}

}  // namespace receipts::serve
