#include "fetch/retrying_client.h"

#include <fmt/format.h>

#include <thread>
#include <utility>

namespace receipts {

RetryingClient::RetryingClient(RetryingClientOptions options, FetchCounters* counters)
    : options_(std::move(options)), counters_(counters), random_(std::random_device{}()) {}

std::string RetryingClient::Shown(const std::string& url) const {
  return options_.redact ? options_.redact(url) : url;
}

Result<HttpResponse> RetryingClient::Get(const std::string& url) { return Send(url, nullptr); }

Result<HttpResponse> RetryingClient::PostJson(const std::string& url, const std::string& json) {
  return Send(url, &json);
}

Result<HttpResponse> RetryingClient::Send(const std::string& url, const std::string* json) {
  const char* method = json != nullptr ? "POST" : "GET";
  const RetryPolicy& policy = options_.policy;
  for (int retry = 0;; ++retry) {
    if (options_.may_send && !options_.may_send()) {
      return Status::Usage(fmt::format("{} {}: request budget spent", method, Shown(url)));
    }
    if (counters_ != nullptr) ++counters_->requests;
    Result<HttpResponse> response = json != nullptr ? http_.PostJson(url, *json, options_.timeouts)
                                                    : http_.Get(url, options_.timeouts);
    std::string why;
    std::optional<long> retry_after;
    if (response.ok()) {
      if (counters_ != nullptr) counters_->bytes += response->body.size();
      const long status = response->status;
      const bool retryable =
          IsRetryableHttpStatus(status) && (status != 429 || options_.retry_rate_limited);
      if (!retryable) return response;
      why = fmt::format("HTTP {}", status);
      retry_after = response->retry_after_seconds;
    } else {
      // The transport error names the URL; say it again without any secret.
      why = response.status().message();
      if (options_.redact) why = "transport error";
      std::string_view message = response.status().message();
      if (auto colon = message.rfind(": "); colon != std::string_view::npos && options_.redact) {
        why = std::string(message.substr(colon + 2));
      }
    }
    if (retry >= policy.max_retries) {
      return Status::IoError(fmt::format("{} {}: gave up after {} tries; last: {}", method,
                                         Shown(url), retry + 1, why));
    }
    const auto delay = RetryDelay(policy, retry + 1, retry_after,
                                  std::uniform_real_distribution<double>(0, 1)(random_));
    if (options_.log) {
      options_.log(fmt::format("retry {} of {} for {} in {} ms: {}", retry + 1, policy.max_retries,
                               Shown(url), delay.count(), why));
    }
    std::this_thread::sleep_for(delay);
  }
}

std::string BodySnippet(std::string_view body) {
  std::string out;
  for (char c : body.substr(0, 200)) {
    out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
  }
  if (body.size() > 200) out += "…";
  return out;
}

}  // namespace receipts
