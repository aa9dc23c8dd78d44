#include "fetch/http_client.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <cstddef>
#include <mutex>

namespace receipts {
namespace {

constexpr std::size_t kMaxBodyBytes = std::size_t{256} << 20;

// curl_global_init is not thread-safe with every backend: done once, before the first handle.
bool GlobalInit() {
  static std::once_flag once;
  static CURLcode code = CURLE_OK;
  std::call_once(once, [] { code = curl_global_init(CURL_GLOBAL_DEFAULT); });
  return code == CURLE_OK;
}

struct Body {
  std::string bytes;
  bool too_big = false;
};

std::size_t WriteBody(char* data, std::size_t size, std::size_t count, void* user) {
  Body* body = static_cast<Body*>(user);
  const std::size_t n = size * count;
  if (body->bytes.size() + n > kMaxBodyBytes) {
    body->too_big = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  body->bytes.append(data, n);
  return n;
}

}  // namespace

struct HttpClient::Handle {
  CURL* curl = nullptr;
  // curl keeps the pointer until the next reset or cleanup: it must live as long as the handle.
  char error[CURL_ERROR_SIZE] = {0};
  curl_slist* json_headers = nullptr;
  ~Handle() {
    if (json_headers != nullptr) curl_slist_free_all(json_headers);
    if (curl != nullptr) curl_easy_cleanup(curl);
  }
};

HttpClient::HttpClient() : handle_(std::make_unique<Handle>()) {
  if (GlobalInit()) handle_->curl = curl_easy_init();
  handle_->json_headers = curl_slist_append(nullptr, "Content-Type: application/json");
}

HttpClient::~HttpClient() = default;

Result<HttpResponse> HttpClient::Get(const std::string& url, const HttpTimeouts& timeouts) {
  return Perform(url, nullptr, timeouts);
}

Result<HttpResponse> HttpClient::PostJson(const std::string& url, const std::string& json,
                                          const HttpTimeouts& timeouts) {
  return Perform(url, &json, timeouts);
}

Result<HttpResponse> HttpClient::Perform(const std::string& url, const std::string* json,
                                         const HttpTimeouts& timeouts) {
  const char* method = json != nullptr ? "POST" : "GET";
  CURL* h = handle_->curl;
  if (h == nullptr) return Status::IoError(fmt::format("{} {}: libcurl failed", method, url));
  curl_easy_reset(h);  // keeps the connection cache, drops the previous request's options
  Body body;
  char* error = handle_->error;
  error[0] = '\0';
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  if (json != nullptr) {
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, json->data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(json->size()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, handle_->json_headers);
  } else {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  }
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM for timeouts: safe in threads
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(h, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, static_cast<long>(timeouts.connect_seconds));
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(timeouts.total_seconds));
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");  // decoded: the body kept is the JSON
  curl_easy_setopt(h, CURLOPT_USERAGENT, "receipts/0.1 (+savings claims ledger)");
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, WriteBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);

  const CURLcode code = curl_easy_perform(h);
  if (code != CURLE_OK) {
    if (body.too_big) {
      return Status::IoError(
          fmt::format("{} {}: response over {} bytes", method, url, kMaxBodyBytes));
    }
    return Status::IoError(fmt::format("{} {}: {} ({})", method, url,
                                       error[0] != '\0' ? error : curl_easy_strerror(code),
                                       curl_easy_strerror(code)));
  }
  HttpResponse response;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
  curl_header* header = nullptr;
  if (curl_easy_header(h, "Retry-After", 0, CURLH_HEADER, -1, &header) == CURLHE_OK) {
    curl_off_t seconds = 0;  // curl reads both forms: delay-seconds and an HTTP date
    curl_easy_getinfo(h, CURLINFO_RETRY_AFTER, &seconds);
    response.retry_after_seconds = seconds < 0 ? 0 : static_cast<long>(seconds);
  }
  response.body = std::move(body.bytes);
  return response;
}

Result<HttpResponse> HttpGet(const std::string& url, const HttpTimeouts& timeouts) {
  HttpClient client;
  return client.Get(url, timeouts);
}

}  // namespace receipts
