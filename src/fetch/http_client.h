// HTTP over libcurl, with a connect timeout and a total timeout. No retries here: the caller
// decides what a status or a transport error means (see retry_policy.h, retrying_client.h).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/status.h"

namespace receipts {

struct HttpTimeouts {
  int connect_seconds = 10;  // to open the connection (DNS, TCP, TLS)
  int total_seconds = 60;    // for the whole exchange, body included
};

struct HttpResponse {
  long status = 0;                          // 200, 404, 429, 503, …
  std::string body;                         // as received (content-encoding undone)
  std::optional<long> retry_after_seconds;  // the Retry-After header, when sent (seconds or date)
};

// One connection's worth of state (a curl handle), reused across requests so that a fetch of
// thousands of small responses keeps its connection alive. Not thread-safe: one per thread.
class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // GET `url` (http or https only; at most 5 redirects, never to another protocol). Any HTTP
  // status is a response, not an error: the result fails, with an I/O error naming the URL and
  // curl's reason, only when no complete response came (DNS, refused, reset, empty reply,
  // timeout, a body over 256 MiB).
  Result<HttpResponse> Get(const std::string& url, const HttpTimeouts& timeouts);

  // POST `json` with Content-Type application/json; otherwise as Get.
  Result<HttpResponse> PostJson(const std::string& url, const std::string& json,
                                const HttpTimeouts& timeouts);

 private:
  struct Handle;
  Result<HttpResponse> Perform(const std::string& url, const std::string* json,
                               const HttpTimeouts& timeouts);
  std::unique_ptr<Handle> handle_;
};

// A GET on a fresh client: for one-off requests.
Result<HttpResponse> HttpGet(const std::string& url, const HttpTimeouts& timeouts);

}  // namespace receipts
