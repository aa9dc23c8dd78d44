#include "serve/server.h"

#include <httplib.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <mutex>

#include "core/secret_compare.h"
#include "core/sha256.h"
#include "core/text.h"
#include "ledger/journal_recovery.h"
#include "serve/api_json.h"
#include "serve/assets.h"
#include "serve/auth.h"
#include "serve/connection_hub.h"
#include "serve/connection_stream.h"
#include "serve/context.h"
#include "serve/handlers.h"
#include "serve/page_layout.h"
#include "serve/response_cache.h"
#include "serve/snapshot_view.h"
#include "serve/url.h"

namespace receipts::serve {
namespace {

// Why `bind`:`port` cannot be bound, found by trying it once more with a socket of our own
// (httplib only says that it failed): "port P is in use" for the common case.
std::string WhyNotBound(const std::string& bind, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (::getaddrinfo(bind.c_str(), service.c_str(), &hints, &found) != 0 || found == nullptr) {
    return "cannot resolve the address";
  }
  int error = 0;
  int fd = ::socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  if (fd < 0) {
    error = errno;
  } else {
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, found->ai_addr, found->ai_addrlen) != 0) error = errno;
    ::close(fd);
  }
  ::freeaddrinfo(found);
  if (error == EADDRINUSE) {
    return "port " + service +
           " is in use (another server is listening there; pick another with --port)";
  }
  return error != 0 ? std::string(std::strerror(error)) : std::string("bind failed");
}

// 'self' only: no inline script or style anywhere, nothing from another origin.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

httplib::Headers SecurityHeaders() {
  return {{"Content-Security-Policy", kContentSecurityPolicy},
          {"X-Content-Type-Options", "nosniff"},
          {"X-Frame-Options", "DENY"},
          {"Referrer-Policy", "no-referrer"},
          {"Cross-Origin-Opener-Policy", "same-origin"},
          {"Cross-Origin-Resource-Policy", "same-origin"},
          {"Cache-Control", "no-cache"},
          // Ranges are never served (one multi-range request once made 1.28 GB of reply).
          {"Accept-Ranges", "none"}};
}

// The security headers as header lines, for the refusals the hub writes itself.
std::string SecurityHeaderLines() {
  std::string out;
  for (const auto& [name, value] : SecurityHeaders()) out += name + ": " + value + "\r\n";
  return out;
}

// httplib's server with its connection handling replaced: accepted sockets go to the hub
// (serve/connection_hub.h), and a worker answers one request at a time through
// process_request. httplib's own loop would keep a worker for each keep-alive connection's
// whole life, and lose a pipelined request with each request's read buffer.
class HttpServer : public httplib::Server {
 public:
  // Called with each accepted socket, on the accepting thread.
  std::function<void(int)> adopt;

  // httplib's parsing, routing and writing of the one request pending on `stream`.
  bool Answer(httplib::Stream& stream, bool close_connection, bool& connection_closed,
              const std::function<void(httplib::Request&)>& setup) {
    return process_request(stream, close_connection, connection_closed, setup);
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    adopt(sock);
    return true;
  }
};

// Runs each task at once on the accepting thread: the only task httplib gives is handing a
// socket to the hub, which never blocks.
class InlineTaskQueue : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

// True when the request carries a body (a body not read would be taken for the next request).
bool HasBody(const httplib::Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  std::string length = req.get_header_value("Content-Length");
  return !length.empty() && length.find_first_not_of('0') != std::string::npos;
}

bool IsApi(const std::string& path) { return path.rfind("/api/", 0) == 0 || path == "/api"; }

void Send(httplib::Response& res, Reply reply) {
  res.status = reply.status;
  for (auto& [name, value] : reply.headers) res.set_header(name, value);
  res.set_content(std::move(reply.body), reply.content_type);
}

// The query in a fixed order, so that the same request always has the same ETag.
std::string CanonicalQuery(const httplib::Params& params) {
  std::string out;
  for (const auto& [name, value] : params) out += UrlEncode(name) + "=" + UrlEncode(value) + "&";
  return out;
}

// True when `if_none_match` (a list of ETags, or "*") names `etag`.
bool EtagMatches(const std::string& if_none_match, const std::string& etag) {
  if (if_none_match.empty()) return false;
  if (if_none_match == "*") return true;
  std::size_t start = 0;
  while (start < if_none_match.size()) {
    std::size_t end = if_none_match.find(',', start);
    if (end == std::string::npos) end = if_none_match.size();
    std::string tag = if_none_match.substr(start, end - start);
    tag.erase(0, tag.find_first_not_of(" \t"));
    tag.erase(tag.find_last_not_of(" \t") + 1);
    if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
    if (tag == etag) return true;
    start = end + 1;
  }
  return false;
}

using GetHandler = Reply (*)(ServeContext&, const GetRequest&);

// Once per hot journal rolled back (ledger/journal_recovery.h).
void SayRolledBack(const std::string& ledger) {
  std::cerr << "receipts serve: " << ledger
            << ": rolled back the journal of an interrupted write; serving the ledger as of its "
               "last commit\n";
}

}  // namespace

struct Server::Impl {
  ServeOptions options;
  ServeContext ctx;
  HttpServer http;
  std::unique_ptr<ConnectionHub> hub;
  ResponseCache replies{32u << 20, 4u << 20};
  std::mutex recovery_mutex;
  int port = 0;
  int listen_socket = -1;

  // A read of a read-only server failed: an ingest killed while it serves may have left a hot
  // journal, which read-only connections cannot roll back. Rolls it back (one request at a
  // time) and says so; true when the read is worth trying again.
  bool RecoverJournal() {
    if (!ctx.pool->read_only()) return false;
    std::lock_guard lock(recovery_mutex);
    auto recovered = RecoverHotJournal(options.ledger);
    if (!recovered.ok()) {
      std::cerr << "receipts serve: " << recovered.status().ToString() << "\n";
      return false;
    }
    if (*recovered) SayRolledBack(options.ledger);
    return true;  // also when another request rolled it back just before
  }

  // Answers the request pending on `connection`; true to keep the connection.
  bool AnswerOn(Connection& connection) {
    const HttpLimits& limits = options.limits;
    ConnectionStream stream(connection, limits.io_timeout, Clock::now() + limits.request_timeout);
    const bool last = connection.requests + 1 >= limits.keep_alive_max;
    bool closed = false;
    bool must_close = false;
    bool written = http.Answer(stream, last, closed, [&must_close](httplib::Request& req) {
      // httplib applies Range to every response; answer whole instead.
      req.ranges.clear();
      if (HasBody(req)) {
        // Whether a handler read all of it or none, the connection ends with this answer.
        must_close = true;
        req.headers.erase("Connection");
        req.headers.emplace("Connection", "close");
      }
    });
    return written && !closed && !must_close && !last;
  }

  // GET: one connection for the whole request; ETag from the ledger version and the request.
  void HandleGet(const httplib::Request& req, httplib::Response& res, GetHandler handler,
                 bool api) {
    LedgerLease lease = ctx.pool->Acquire();
    auto version = LedgerContentVersion(lease.get());
    if (!version.ok() && RecoverJournal()) version = LedgerContentVersion(lease.get());
    if (!version.ok())
      return Send(res, api ? JsonError(version.status()) : HtmlError(ctx, version.status()));
    std::string etag = "\"" +
                       Sha256Hex(*version + "\n" + ctx.reply_salt + "\n" + req.path + "?" +
                                 CanonicalQuery(req.params))
                           .substr(0, 32) +
                       "\"";
    if (EtagMatches(req.get_header_value("If-None-Match"), etag)) {
      res.status = 304;
      res.set_header("ETag", etag);
      res.set_header("Content-Type", api ? kJsonType : kHtmlType);
      return;
    }
    if (auto kept = replies.Get(etag)) {
      res.set_header("ETag", etag);
      return Send(res, *kept);
    }
    GetRequest get;
    get.ledger = lease.get();
    get.version = std::move(*version);
    get.params = req.params;
    if (req.matches.size() > 1) get.arg = req.matches[1].str();
    Reply reply = handler(ctx, get);
    if (reply.status == 200) {
      res.set_header("ETag", etag);
      replies.Put(etag, reply);
    }
    Send(res, std::move(reply));
  }

  void Route(const std::string& pattern, GetHandler handler, bool api) {
    http.Get(pattern, [this, handler, api](const httplib::Request& req, httplib::Response& res) {
      HandleGet(req, res, handler, api);
    });
  }

  void HandleUpload(const httplib::Request& req, httplib::Response& res,
                    const httplib::ContentReader& content_reader) {
    // Authorize before reading a byte of the body.
    AuthDecision decision = Authorize(ctx.token, req.get_header_value("Authorization"));
    if (decision != AuthDecision::kAllowed) {
      if (AuthStatus(decision) == 401) res.set_header("WWW-Authenticate", "Bearer");
      return Send(res, JsonError(AuthStatus(decision), AuthMessage(decision)));
    }
    const std::string too_large_message =
        "the body is larger than " + std::to_string(options.max_body_bytes) + " bytes";
    std::string length = req.get_header_value("Content-Length");
    std::size_t declared = 0;
    bool numeric = length.size() <= 18;
    for (char c : length) {
      numeric = numeric && c >= '0' && c <= '9';
      if (numeric) declared = declared * 10 + static_cast<std::size_t>(c - '0');
    }
    if (!numeric || declared > options.max_body_bytes) {
      return Send(res, JsonError(413, too_large_message));
    }
    std::string body;
    bool too_large = false;
    bool read = content_reader([&](const char* data, std::size_t size) {
      if (body.size() + size > options.max_body_bytes) {
        too_large = true;
        return false;
      }
      body.append(data, size);
      return true;
    });
    if (too_large) return Send(res, JsonError(413, too_large_message));
    if (!read) return Send(res, JsonError(400, "could not read the request body"));
    LedgerLease lease = ctx.pool->Acquire();
    Send(res, ApiIngest(ctx, lease.get(), req.params, std::move(body)));
  }

  void Install() {
    http.set_default_headers(SecurityHeaders());
    http.new_task_queue = [] { return new InlineTaskQueue(); };
    http.adopt = [this](int sock) { hub->Adopt(sock); };
    http.set_payload_max_length(options.max_body_bytes);
    // Only for the Keep-Alive header httplib writes: the hub and the stream keep the times.
    http.set_keep_alive_max_count(options.limits.keep_alive_max);
    http.set_keep_alive_timeout(
        std::chrono::duration_cast<std::chrono::seconds>(options.limits.idle_timeout).count());
    // Headers and body go out in separate writes: without this, Nagle's algorithm and the
    // client's delayed ACK add 40 ms to every keep-alive response.
    http.set_tcp_nodelay(true);
    // Replaces httplib's default (SO_REUSEADDR and SO_REUSEPORT): no SO_REUSEPORT, so no other
    // process can bind the same port; and remember the socket to widen its backlog.
    http.set_socket_options([this](int sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      listen_socket = sock;
    });

    Route("/api/summary", &ApiSummary, true);
    Route("/api/snapshots", &ApiSnapshots, true);
    Route("/api/claims", &ApiClaims, true);
    Route(R"(/api/claims/(.+))", &ApiClaim, true);
    Route("/api/diff", &ApiDiff, true);
    Route("/api/checkpoint", &ApiCheckpoint, true);
    Route(R"(/api/proofs/(.+))", &ApiProof, true);
    Route("/api/vendors", &ApiVendors, true);
    Route(R"(/api/vendors/(.+))", &ApiVendor, true);
    Route("/api/leads", &ApiLeads, true);
    Route("/vendors", &PageVendors, false);
    Route(R"(/vendors/(.+))", &PageVendor, false);
    Route("/leads", &PageLeads, false);
    Route("/", &PageHome, false);
    Route("/claims", &PageClaims, false);
    Route(R"(/claims/(.+))", &PageClaim, false);
    Route("/diff", &PageDiff, false);
    http.Get(R"(/assets/(.+))", [](const httplib::Request& req, httplib::Response& res) {
      const Asset* asset = FindAsset(req.path);
      if (asset == nullptr) {
        res.status = 404;
        return;
      }
      res.set_content(std::string(asset->body), std::string(asset->content_type));
    });
    http.Post("/api/snapshots",
              [this](const httplib::Request& req, httplib::Response& res,
                     const httplib::ContentReader& reader) { HandleUpload(req, res, reader); });
    auto not_allowed = [](const httplib::Request& req, httplib::Response& res,
                          const httplib::ContentReader&) {
      res.set_header("Allow", req.path == "/api/snapshots" ? "GET, HEAD, POST" : "GET, HEAD");
      Send(res, JsonError(405, "method " + req.method + " is not allowed on " + req.path));
    };
    http.Post(".*", not_allowed);
    http.Put(".*", not_allowed);
    http.Patch(".*", not_allowed);
    http.Delete(".*", not_allowed);

    // Bodies for errors httplib produces itself (no route: 404; body too large: 413; …).
    http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      std::string message = res.status == 404   ? "not found: " + req.path.substr(0, 200)
                            : res.status == 413 ? "request body too large"
                                                : "request failed";
      if (IsApi(req.path) || res.status == 413) {
        res.set_content(ErrorJson(message), kJsonType);
      } else {
        res.set_content(ErrorPageHtml(ctx.templates, res.status, message), kHtmlType);
      }
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
          try {
            if (error) std::rethrow_exception(error);
          } catch (const std::exception& e) {
            std::cerr << "receipts serve: " << e.what() << "\n";
          } catch (...) {
            std::cerr << "receipts serve: unknown exception\n";
          }
          res.status = 500;
          res.set_content(ErrorJson("internal error"), kJsonType);
        });
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

Result<std::unique_ptr<Server>> Server::Create(const ServeOptions& options) {
  if (!InitSecretCompare()) return Status::IoError("libsodium failed to initialise");
  if (options.threads < 1 || options.threads > 256) {
    return Status::Usage("--threads must be from 1 to 256");
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->ctx.token = options.token;
  if (options.templates) {
    auto templates = Templates::WithOverrides(*options.templates);
    if (!templates.ok()) return templates.status();
    impl->ctx.templates = std::move(*templates);
  }
  if (!options.token.has_value()) {
    auto recovered = RecoverHotJournal(options.ledger);
    if (!recovered.ok()) return recovered.status();
    if (*recovered) SayRolledBack(options.ledger);
  }
  // One connection per worker thread plus one for uploads: a request never waits for another.
  auto pool = LedgerPool::Open(options.ledger, /*read_only=*/!options.token.has_value(),
                               options.threads + 1);
  if (!pool.ok()) return pool.status();
  impl->ctx.pool = std::move(*pool);
  if (!options.records.empty()) {
    LeadRules rules = LeadRules::Defaults();
    if (options.rules) {
      auto read = LeadRules::FromFile(*options.rules);
      if (!read.ok()) return read.status();
      rules = std::move(*read);
    }
    auto records = RecordCheck::Load(options.records, options.since, rules);
    if (!records.ok()) return records.status();
    impl->ctx.records = std::move(*records);
    impl->ctx.reply_salt = Join(impl->ctx.records->sha256s(), ",") + "\n" + rules.ToJson() + "\n" +
                           options.since.ToIso();
  }
  impl->ctx.reply_salt = Sha256Hex(impl->ctx.reply_salt + "\n" + impl->ctx.templates.Fingerprint());
  impl->Install();
  Impl* raw = impl.get();
  impl->hub = std::make_unique<ConnectionHub>(
      options.limits, options.threads, [raw](Connection& c) { return raw->AnswerOn(c); },
      SecurityHeaderLines());
  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(options.bind);
    if (impl->port < 0) return Status::IoError("cannot bind " + options.bind);
  } else {
    if (!impl->http.bind_to_port(options.bind, options.port)) {
      return Status::IoError("cannot bind " + options.bind + ":" + std::to_string(options.port) +
                             ": " + WhyNotBound(options.bind, options.port));
    }
    impl->port = options.port;
  }
  // httplib listens with a backlog of 5: a burst of connections (64 clients at once) would
  // overflow it and wait a second for SYN retransmission. Listening again widens it.
  if (impl->listen_socket >= 0) ::listen(impl->listen_socket, SOMAXCONN);
  Status started = impl->hub->Start();
  if (!started.ok()) return started;
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

Status Server::Run() {
  bool listened = impl_->http.listen_after_bind();
  impl_->hub->Stop();
  if (!listened) return Status::IoError("the server stopped with an error");
  return Status::Ok();
}

void Server::Stop() {
  if (impl_ == nullptr) return;
  impl_->http.stop();
  if (!impl_->http.is_running()) impl_->hub->Stop();
}

}  // namespace receipts::serve
