// Hostile clients on loopback against a real server (in this process, on a free port): each
// test is named after a defect one client could use to stop or balloon `receipts serve`, and
// each is bounded in connections, bytes and time (every socket has timeouts).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "../cli/run_binary.h"
#include "running_server.h"
#include "serve/server.h"

namespace {

namespace fs = std::filesystem;
using receipts::serve::ServeOptions;
using receipts::serve::Server;
using namespace receipts::testing;  // ConnectLoopback, CountOf, Exchange, GetRequest, kBinary,
                                    // kSource, ReceiveUntilClose, RunningServer, SendAll

using Clock = std::chrono::steady_clock;

const std::string kClaims = kSource + "/demo/claims/";
const std::string kRecords = kSource + "/demo/records/";

int Sh(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

// A server with `threads` workers over `ledger`.
struct Running : RunningServer {
  Running(const std::string& ledger, std::size_t threads, receipts::serve::HttpLimits limits = {})
      : RunningServer(Options(ledger, threads, limits)) {}
  static ServeOptions Options(const std::string& ledger, std::size_t threads,
                              receipts::serve::HttpLimits limits) {
    ServeOptions options;
    options.ledger = ledger;
    options.limits = limits;
    options.threads = threads;
    return options;
  }
};

// The status line's code, or 0 when nothing (or not HTTP) came back.
int StatusOf(const std::string& reply) {
  if (reply.rfind("HTTP/1.", 0) != 0 || reply.size() < 12) return 0;
  return std::atoi(reply.substr(9, 3).c_str());
}

// Leaves a hot journal beside `ledger`, as an ingest killed mid-transaction does: a child
// deletes every claim and page in a transaction that spills to the file, and is killed -9.
// False when the child did not get that far within 20 s.
bool LeaveHotJournal(const std::string& ledger) {
  int ready[2];
  if (::pipe(ready) != 0) return false;
  pid_t child = ::fork();
  if (child < 0) return false;
  if (child == 0) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(ledger.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
        sqlite3_exec(db,
                     "PRAGMA journal_mode=DELETE; PRAGMA cache_size=1; BEGIN; "
                     "DELETE FROM claims; DELETE FROM pages; UPDATE snapshots SET claim_count=0;",
                     nullptr, nullptr, nullptr) != SQLITE_OK) {
      ::_exit(1);
    }
    (void)::write(ready[1], "x", 1);
    for (;;) ::pause();
  }
  ::close(ready[1]);
  pollfd waiting{ready[0], POLLIN, 0};
  bool started = ::poll(&waiting, 1, 20000) == 1;
  char byte = 0;
  started = started && ::read(ready[0], &byte, 1) == 1;
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  ::close(ready[0]);
  return started;
}

class ServeHostileTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("receipts_serve_hostile_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    ledger_ = new std::string((*dir_ / "ledger.db").string());
    for (const char* file :
         {"2025-02-18T18-25_contracts_fpds.csv.gz", "2025-02-19T10-50_contracts_fpds.csv.gz"}) {
      ASSERT_EQ(Sh(kBinary + " ingest --ledger " + *ledger_ + " --claims " + kClaims + file), 0);
    }
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete ledger_;
  }
  static fs::path* dir_;
  static std::string* ledger_;
};

fs::path* ServeHostileTest::dir_ = nullptr;
std::string* ServeHostileTest::ledger_ = nullptr;

// One 7.8 KB multi-range request once produced a 1.28 GB response: ranges are not served.
TEST_F(ServeHostileTest, MultiRangeRequestIsNotMultiplied) {
  Running server(*ledger_, 4);
  ASSERT_EQ(server.error(), "");
  std::string whole = Exchange(server.port(), GetRequest("/api/summary"));
  ASSERT_EQ(StatusOf(whole), 200) << whole.substr(0, 200);
  std::string ranges = "Range: bytes=0-";
  for (int i = 0; i < 1000; ++i) ranges += ",0-";
  std::string reply =
      Exchange(server.port(), GetRequest("/api/summary", ranges + "\r\n"), 64u << 20, 5000);
  EXPECT_EQ(StatusOf(reply), 200) << reply.substr(0, 200);
  // The same bytes as without the Range header (the Date-free headers and body).
  EXPECT_LE(reply.size(), whole.size() + 64);
  EXPECT_EQ(reply.find("multipart/byteranges"), std::string::npos);
}

// No limit on the number of request headers (8 connections once took 2.4 GB).
TEST_F(ServeHostileTest, TooManyRequestHeadersAre431) {
  Running server(*ledger_, 4);
  ASSERT_EQ(server.error(), "");
  std::string headers;
  for (int i = 0; i < 5000; ++i) headers += "X-H" + std::to_string(i) + ": v\r\n";
  std::string reply = Exchange(server.port(), GetRequest("/api/summary", headers));
  EXPECT_EQ(StatusOf(reply), 431) << reply.substr(0, 200);
}

// One header line is buffered whole however long it is before httplib looks at its length.
TEST_F(ServeHostileTest, HeaderLineOverLimitIs431) {
  Running server(*ledger_, 4);
  ASSERT_EQ(server.error(), "");
  std::string reply = Exchange(
      server.port(), GetRequest("/api/summary", "X-Big: " + std::string(1u << 20, 'a') + "\r\n"));
  EXPECT_EQ(StatusOf(reply), 431) << reply.substr(0, 200);
}

TEST_F(ServeHostileTest, RequestLineOverLimitIs414) {
  Running server(*ledger_, 4);
  ASSERT_EQ(server.error(), "");
  std::string reply =
      Exchange(server.port(), GetRequest("/api/claims?q=" + std::string(1u << 20, 'a')));
  EXPECT_EQ(StatusOf(reply), 414) << reply.substr(0, 200);
}

// 16 idle or slow connections once stopped the server: 0 of 9 normal requests answered in 30 s.
// Here 12 idle and 12 slow-loris connections (a byte of headers now and then) against 4
// workers; 9 normal requests must each be answered within 3 s.
TEST_F(ServeHostileTest, IdleAndSlowConnectionsDoNotStarveRequests) {
  Running server(*ledger_, 4);
  ASSERT_EQ(server.error(), "");
  std::vector<int> idle, slow;
  for (int i = 0; i < 12; ++i) idle.push_back(ConnectLoopback(server.port()));
  for (int i = 0; i < 12; ++i) {
    int fd = ConnectLoopback(server.port());
    if (fd >= 0) (void)SendAll(fd, "GET /api/summary HTTP/1.1\r\nX-A: ");
    slow.push_back(fd);
  }
  std::atomic<bool> stop{false};
  std::thread dripper([&] {
    while (!stop) {
      for (int fd : slow)
        if (fd >= 0) (void)::send(fd, "a", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
      for (int i = 0; i < 10 && !stop; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  int answered = 0;
  for (int i = 0; i < 9; ++i) {
    auto start = Clock::now();
    std::string reply = Exchange(server.port(), GetRequest("/api/summary"), 4u << 20, 3000);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    if (StatusOf(reply) == 200 && ms < 3000) ++answered;
  }
  stop = true;
  dripper.join();
  for (int fd : idle)
    if (fd >= 0) ::close(fd);
  for (int fd : slow)
    if (fd >= 0) ::close(fd);
  EXPECT_EQ(answered, 9);
}

// A slow-loris connection is cut once its head has taken too long, not kept for ever.
TEST_F(ServeHostileTest, SlowHeadIsCutWithin20Seconds) {
  Running server(*ledger_, 2);
  ASSERT_EQ(server.error(), "");
  int fd = ConnectLoopback(server.port(), 1000);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd, "GET /api/summary HTTP/1.1\r\n"));
  auto start = Clock::now();
  bool closed = false;
  while (Clock::now() - start < std::chrono::seconds(20)) {
    if (::send(fd, "X", 1, MSG_NOSIGNAL) != 1) {
      closed = true;
      break;
    }
    char byte;
    ssize_t n = ::recv(fd, &byte, 1, MSG_DONTWAIT);
    if (n == 0 || (n > 0)) {
      closed = true;  // an answer (408) or the end: either way the server let go
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  ::close(fd);
  EXPECT_TRUE(closed);
}

// Two requests in one write on one connection: both answered, in order (the second was lost
// with the first request's read buffer).
TEST_F(ServeHostileTest, PipelinedRequestsAreAnsweredInOrder) {
  Running server(*ledger_, 4);
  ASSERT_EQ(server.error(), "");
  int fd = ConnectLoopback(server.port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(
      SendAll(fd,
              "GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              "GET /api/snapshots HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
  std::string reply = ReceiveUntilClose(fd, 8u << 20, 4000);
  ::close(fd);
  EXPECT_EQ(CountOf(reply, "HTTP/1.1 200"), 2u) << reply.substr(0, 300);
  std::size_t summary = reply.find("\"by_verdict\"");
  std::size_t snapshots = reply.find("{\"snapshots\":[");
  EXPECT_NE(summary, std::string::npos);
  EXPECT_NE(snapshots, std::string::npos);
  EXPECT_LT(summary, snapshots);
}

// The API once showed the ledger's and the claims files' absolute paths on this machine.
TEST_F(ServeHostileTest, NoAbsoluteServerPathsInTheApi) {
  Running server(*ledger_, 4);
  ASSERT_EQ(server.error(), "");
  for (const char* path :
       {"/api/summary", "/api/snapshots", "/api/snapshots?format=csv", "/api/claims?per_page=5",
        "/api/claims/70CMSD22A00000008", "/api/diff?from=1&to=2", "/", "/claims/70CMSD22A00000008",
        "/api/nothing-here"}) {
    std::string reply = Exchange(server.port(), GetRequest(path));
    EXPECT_NE(StatusOf(reply), 0) << path;
    EXPECT_EQ(reply.find(kSource), std::string::npos) << path;
    EXPECT_EQ(reply.find(dir_->string()), std::string::npos) << path;
  }
}

// A hot journal (an ingest killed mid-transaction) once made a read-only serve answer 500 to
// everything. The ledger's committed contents must be what serve shows.
TEST_F(ServeHostileTest, HotJournalIsRolledBackAndServed) {
  const std::string ledger = (*dir_ / "hot.db").string();
  fs::copy_file(*ledger_, ledger, fs::copy_options::overwrite_existing);
  std::string before;
  {
    Running server(ledger, 2);
    ASSERT_EQ(server.error(), "");
    before = Exchange(server.port(), GetRequest("/api/snapshots"));
    ASSERT_EQ(StatusOf(before), 200);
  }
  ASSERT_TRUE(LeaveHotJournal(ledger));
  ASSERT_TRUE(fs::exists(ledger + "-journal"));

  Running server(ledger, 2);
  ASSERT_EQ(server.error(), "");
  std::string after = Exchange(server.port(), GetRequest("/api/snapshots"));
  EXPECT_EQ(StatusOf(after), 200) << after.substr(0, 300);
  auto body = [](const std::string& reply) { return reply.substr(reply.find("\r\n\r\n")); };
  EXPECT_EQ(body(after), body(before));
  std::string claims = Exchange(server.port(), GetRequest("/api/claims?per_page=1"));
  EXPECT_EQ(StatusOf(claims), 200);
  EXPECT_EQ(claims.find("\"total\":0,"), std::string::npos);
  EXPECT_FALSE(fs::exists(ledger + "-journal"));
}

// The same, left by an ingest killed while serve runs: reads failed (500) until a restart.
TEST_F(ServeHostileTest, HotJournalLeftWhileServingIsRolledBack) {
  const std::string ledger = (*dir_ / "hot-live.db").string();
  fs::copy_file(*ledger_, ledger, fs::copy_options::overwrite_existing);
  Running server(ledger, 2);
  ASSERT_EQ(server.error(), "");
  std::string before = Exchange(server.port(), GetRequest("/api/snapshots"));
  ASSERT_EQ(StatusOf(before), 200);
  ASSERT_TRUE(LeaveHotJournal(ledger));
  ASSERT_TRUE(fs::exists(ledger + "-journal"));
  std::string after = Exchange(server.port(), GetRequest("/api/claims?per_page=1"));
  EXPECT_EQ(StatusOf(after), 200) << after.substr(0, 300);
  EXPECT_EQ(after.find("\"total\":0,"), std::string::npos);
  EXPECT_FALSE(fs::exists(ledger + "-journal"));
}

// A body nobody reads (a GET's, or a refused upload's) was taken for the connection's next
// request: a request smuggled inside another. The connection now ends with the answer.
TEST_F(ServeHostileTest, UnreadBodyIsNotTakenForANextRequest) {
  Running server(*ledger_, 2);
  ASSERT_EQ(server.error(), "");
  const std::string inner = "GET /api/snapshots HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  int fd = ConnectLoopback(server.port());
  ASSERT_GE(fd, 0);
  // The body comes in a second write, after the head has been answered.
  ASSERT_TRUE(SendAll(fd, "GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
                              std::to_string(inner.size()) + "\r\n\r\n"));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  (void)SendAll(fd, inner);
  std::string reply = ReceiveUntilClose(fd, 4u << 20, 4000);
  ::close(fd);
  EXPECT_EQ(StatusOf(reply), 200);
  EXPECT_EQ(CountOf(reply, "HTTP/1.1 "), 1u) << reply.substr(0, 300);
}

// Connections past the limit are answered 503 at once (never left waiting for a worker), and
// the server answers again once they are gone.
TEST_F(ServeHostileTest, ConnectionsPastTheLimitAre503) {
  receipts::serve::HttpLimits limits;
  limits.max_connections = 4;
  Running server(*ledger_, 2, limits);
  ASSERT_EQ(server.error(), "");
  std::vector<int> held(4, -1);
  // A held connection can itself be refused: the server counts the last connection it answered
  // until its worker has closed it, which under load (a sanitized build, the other tests beside
  // it) comes after the client has read the answer. And it counts a connection only once it has
  // accepted it. So ask until the four held ones are all counted, for up to 5 s, replacing any
  // held connection the server has answered or closed.
  auto answered = [](int fd) {
    pollfd ready{fd, POLLIN, 0};
    return ::poll(&ready, 1, 0) > 0;
  };
  std::string refused;
  for (int i = 0; i < 50 && StatusOf(refused) != 503; ++i) {
    for (int& fd : held) {
      if (fd >= 0 && !answered(fd)) continue;
      if (fd >= 0) ::close(fd);
      fd = ConnectLoopback(server.port());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    refused = Exchange(server.port(), GetRequest("/api/summary"), 1 << 20, 3000);
  }
  EXPECT_EQ(StatusOf(refused), 503) << refused.substr(0, 200);
  for (int fd : held)
    if (fd >= 0) ::close(fd);
  int status = 0;
  for (int i = 0; i < 50 && status != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    status = StatusOf(Exchange(server.port(), GetRequest("/api/summary"), 1 << 20, 3000));
  }
  EXPECT_EQ(status, 200);
}

}  // namespace
