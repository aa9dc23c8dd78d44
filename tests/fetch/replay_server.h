// A loopback stand-in for the DOGE API, for the fetch tests: serves real items (from the
// fixtures in tests/fixtures/fetch) as GET /savings/{contracts|grants|leases}?page=P&per_page=N
// in the API's page envelope, on 127.0.0.1 at a free port, in threads of the test process.
// Faults are scripted per page: an HTTP error (with Retry-After), a slow answer, a short page, a
// total that changes between pages.
#pragma once

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "io/input_file.h"
#include "loopback_server.h"

namespace receipts::testing {

// The items of a fixture written by tests/fixtures/fetch/make_fixtures.py (a JSON list, one
// compact item per line), each item's text exactly as stored. Empty when the file is unreadable.
inline std::vector<std::string> LoadFixtureItems(const std::string& path) {
  std::vector<std::string> items;
  auto parts = ReadInputFile(path);
  if (!parts.ok() || parts->size() != 1) return items;
  const std::string& text = (*parts)[0].bytes;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line == "[" || line == "]") continue;
    if (line.back() == ',') line.pop_back();
    items.push_back(std::move(line));
  }
  return items;
}

// One scripted answer to one request of a page, used up in order before normal service resumes.
struct ReplayFault {
  int status = 0;                  // 0: answer normally (after the sleep)
  std::optional<int> retry_after;  // Retry-After header, seconds
  int sleep_ms = 0;                // wait before answering (cut short when stopping)

  static ReplayFault Http(int status, std::optional<int> retry_after = std::nullopt) {
    ReplayFault fault;
    fault.status = status;
    fault.retry_after = retry_after;
    return fault;
  }
  static ReplayFault Slow(int sleep_ms) {
    ReplayFault fault;
    fault.sleep_ms = sleep_ms;
    return fault;
  }
};

class ReplayServer {
 public:
  // `items` by kind ("contracts", "grants", "leases").
  explicit ReplayServer(std::map<std::string, std::vector<std::string>> items)
      : items_(std::move(items)) {}
  ReplayServer(const ReplayServer&) = delete;
  ReplayServer& operator=(const ReplayServer&) = delete;
  ~ReplayServer() { Stop(); }

  // Binds 127.0.0.1 at a free port and serves in a thread. False on failure.
  bool Start() {
    try {
      server_.Get(R"(/savings/(contracts|grants|leases))",
                  [this](const httplib::Request& req, httplib::Response& res) { Serve(req, res); });
      return loopback_.Start();
    } catch (const std::exception&) {
      return false;
    }
  }

  void Stop() {
    stopping_ = true;
    loopback_.Stop();
  }

  std::string base_url() const { return loopback_.base_url(); }

  void AddFaults(const std::string& kind, int page, const std::vector<ReplayFault>& faults) {
    std::lock_guard lock(mutex_);
    auto& queue = faults_[{kind, page}];
    queue.insert(queue.end(), faults.begin(), faults.end());
  }
  // Page `page` leaves out its last `count` items (meta still counts them).
  void DropItems(const std::string& kind, int page, int count) {
    std::lock_guard lock(mutex_);
    drops_[{kind, page}] = count;
  }
  // Page `page` states a total_results off by `delta` (the list changed between pages).
  void ShiftTotal(const std::string& kind, int page, int delta) {
    std::lock_guard lock(mutex_);
    shifts_[{kind, page}] = delta;
  }
  // Every page of `kind` states this meta instead of the true one (an API announcing a list far
  // larger than it serves, or more pages than its total fills).
  void Announce(const std::string& kind, std::int64_t total, std::int64_t pages) {
    std::lock_guard lock(mutex_);
    announced_[kind] = {total, pages};
  }
  // Page `page` holds `count` more items than per_page asks for (the next ones, or the first ones
  // again past the end).
  void Overfill(const std::string& kind, int page, int count) {
    std::lock_guard lock(mutex_);
    overfills_[{kind, page}] = count;
  }
  int Requests(const std::string& kind, int page) const {
    std::lock_guard lock(mutex_);
    auto it = requests_.find({kind, page});
    return it == requests_.end() ? 0 : it->second;
  }
  int TotalRequests() const {
    std::lock_guard lock(mutex_);
    int total = 0;
    for (const auto& [key, count] : requests_) total += count;
    return total;
  }
  // The body served for the last normal answer to a page.
  std::string LastBody(const std::string& kind, int page) const {
    std::lock_guard lock(mutex_);
    auto it = bodies_.find({kind, page});
    return it == bodies_.end() ? "" : it->second;
  }

 private:
  using PageKey = std::pair<std::string, int>;

  static int IntParam(const httplib::Request& req, const char* name, int fallback) {
    if (!req.has_param(name)) return fallback;
    try {
      return std::stoi(req.get_param_value(name));
    } catch (const std::exception&) {
      return -1;
    }
  }

  void Serve(const httplib::Request& req, httplib::Response& res) {
    const std::string kind = req.matches[1];
    const int page = IntParam(req, "page", 1);
    const int per_page = IntParam(req, "per_page", 100);
    std::optional<ReplayFault> fault;
    int drop = 0;
    int shift = 0;
    int overfill = 0;
    std::optional<std::pair<std::int64_t, std::int64_t>> announced;
    {
      std::lock_guard lock(mutex_);
      ++requests_[{kind, page}];
      auto queue = faults_.find({kind, page});
      if (queue != faults_.end() && !queue->second.empty()) {
        fault = queue->second.front();
        queue->second.pop_front();
      }
      if (auto it = drops_.find({kind, page}); it != drops_.end()) drop = it->second;
      if (auto it = shifts_.find({kind, page}); it != shifts_.end()) shift = it->second;
      if (auto it = overfills_.find({kind, page}); it != overfills_.end()) overfill = it->second;
      if (auto it = announced_.find(kind); it != announced_.end()) announced = it->second;
    }
    if (fault) {
      for (int waited = 0; waited < fault->sleep_ms && !stopping_; waited += 10) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      if (fault->status != 0) {
        res.status = fault->status;
        if (fault->retry_after) res.set_header("Retry-After", std::to_string(*fault->retry_after));
        res.set_content(R"({"success":false,"message":"scripted failure"})", "application/json");
        return;
      }
    }
    if (page < 1 || per_page < 1 || per_page > 500) {
      res.status = 400;
      res.set_content(R"({"success":false,"message":"Schema validation error."})",
                      "application/json");
      return;
    }
    static const std::vector<std::string> kNone;
    const auto found = items_.find(kind);
    const std::vector<std::string>& all = found == items_.end() ? kNone : found->second;
    const auto total = static_cast<std::int64_t>(all.size());
    const std::int64_t first = std::min<std::int64_t>(total, std::int64_t{page - 1} * per_page);
    std::int64_t last = std::min<std::int64_t>(total, first + per_page);
    last = std::max(first, last - drop);
    std::string body = R"({"success":true,"result":{")" + kind + R"(":[)";
    for (std::int64_t i = first; i < last + overfill && total > 0; ++i) {
      if (i > first) body += ',';
      body += all[static_cast<std::size_t>(i % total)];
    }
    std::int64_t pages = (total + per_page - 1) / per_page;
    std::int64_t stated = total + shift;
    if (announced) std::tie(stated, pages) = *announced;
    body += R"(]},"meta":{"total_results":)" + std::to_string(stated) + R"(,"pages":)" +
            std::to_string(pages) + "}}";
    {
      std::lock_guard lock(mutex_);
      bodies_[{kind, page}] = body;
    }
    res.set_content(body, "application/json");
  }

  std::map<std::string, std::vector<std::string>> items_;  // read-only once serving
  LoopbackServer loopback_;
  httplib::Server& server_ = loopback_.routes();
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::map<PageKey, std::deque<ReplayFault>> faults_;
  std::map<PageKey, int> drops_;
  std::map<PageKey, int> shifts_;
  std::map<PageKey, int> overfills_;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> announced_;
  std::map<PageKey, int> requests_;
  std::map<PageKey, std::string> bodies_;
};

}  // namespace receipts::testing
