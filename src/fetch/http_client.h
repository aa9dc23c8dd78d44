// One HTTP GET over libcurl, with a connect timeout and a total timeout. No retries here: the
// caller decides what a status or a transport error means (see retry_policy.h).
#pragma once

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

// Fetches `url` (http or https only; at most 5 redirects, never to another protocol). Any HTTP
// status is a response, not an error: the result fails, with an I/O error naming the URL and
// curl's reason, only when no complete response came (DNS, refused, reset, timeout, a body over
// 256 MiB).
Result<HttpResponse> HttpGet(const std::string& url, const HttpTimeouts& timeouts);

}  // namespace receipts
