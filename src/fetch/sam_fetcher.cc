#include "fetch/sam_fetcher.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <chrono>
#include <memory>
#include <unordered_set>

#include "core/as_of.h"
#include "fetch/retrying_client.h"
#include "records/records_sam.h"

namespace receipts {
namespace {

constexpr const char* kSource = "sam";
constexpr int kPageSize = 100;  // SAM.gov's maximum limit
constexpr int kMaxPages = 50;   // 5,000 actions of one PIID: far beyond any real award

std::string Escaped(const std::string& text) {
  std::unique_ptr<char, decltype(&curl_free)> out(
      curl_easy_escape(nullptr, text.c_str(), static_cast<int>(text.size())), &curl_free);
  return out ? std::string(out.get()) : std::string();
}

}  // namespace

std::string WithoutApiKey(const std::string& url) {
  std::size_t at = url.find("api_key=");
  if (at == std::string::npos) return url;
  std::size_t end = url.find('&', at);
  std::string out = url.substr(0, at);
  if (end != std::string::npos) {
    out += url.substr(end + 1);
  } else if (!out.empty() && (out.back() == '&' || out.back() == '?')) {
    out.pop_back();
  }
  return out;
}

Result<SamFetchSummary> FetchFromSam(const std::vector<AwardRequest>& wanted, RecordStore* store,
                                     const SamFetchOptions& options) {
  std::string base = options.base_url;
  while (base.ends_with('/')) base.pop_back();
  if (!base.starts_with("http://") && !base.starts_with("https://")) {
    return Status::Usage("fetch sam: --base-url must start with http:// or https://");
  }
  if (options.api_key.empty()) return Status::Usage("fetch sam: the API key file is empty");
  if (options.max_requests < 1)
    return Status::Usage("fetch sam: --max-requests must be at least 1");
  for (char c : options.api_key) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == '&' || c == '#') {
      return Status::Usage("fetch sam: the API key file holds characters no key has");
    }
  }
  const auto started = std::chrono::steady_clock::now();
  SamFetchSummary out;
  FetchSummary& counts = out.counts;
  counts.awards = wanted.size();

  std::unordered_set<std::string> fresh;
  const std::time_t now = std::time(nullptr);
  for (const StoreEntry& entry : store->Entries()) {
    if (entry.source != kSource || (entry.role != "done" && entry.role != "absent")) continue;
    if (options.max_age_days >= 0) {
      std::tm tm{};
      if (::strptime(entry.fetched_at.c_str(), "%Y-%m-%dT%H:%M:%S", &tm) == nullptr) continue;
      if (now - ::timegm(&tm) > static_cast<std::time_t>(options.max_age_days) * 86400) continue;
    }
    fresh.insert(entry.award_key);
  }

  FetchCounters counters;
  RetryingClientOptions client_options;
  client_options.policy = options.policy;
  client_options.timeouts = {options.connect_timeout_seconds, options.timeout_seconds};
  client_options.retry_rate_limited = false;
  client_options.log = options.log;
  client_options.redact = WithoutApiKey;
  client_options.may_send = [&] {
    return counters.requests < static_cast<std::uint64_t>(options.max_requests);
  };
  RetryingClient client(client_options, &counters);

  auto entry = [&](const AwardRequest& request, const char* role, const std::string& url,
                   long status, std::string note) {
    StoreEntry e;
    e.fetched_at = NowUtc();
    e.source = kSource;
    e.role = role;
    e.award_key = request.key;
    for (const std::string& claim : request.claims)
      e.claims += (e.claims.empty() ? "" : ";") + claim;
    e.http_status = status;
    e.url = WithoutApiKey(url);
    e.note = std::move(note);
    return e;
  };

  bool stopped = false;
  for (const AwardRequest& request : wanted) {
    if (request.family == AwardFamily::kAssistance) {
      ++out.skipped;  // neither FPDS nor SAM.gov's Contract Awards covers grants
      continue;
    }
    if (fresh.count(request.key) != 0) {
      ++counts.reused;
      continue;
    }
    if (stopped) {
      ++out.skipped;
      continue;
    }
    std::string failure;
    bool absent = false;
    long long received = 0;
    for (int page = 0; page < kMaxPages; ++page) {
      std::string url = fmt::format("{}/contract-awards/v1/search?api_key={}&piid={}", base,
                                    options.api_key, Escaped(request.id));
      if (!request.agency.empty()) url += "&piidSubtierCode=" + Escaped(request.agency);
      if (!request.idv_piid.empty() && request.family == AwardFamily::kContract) {
        url += "&referencedIdvPiid=" + Escaped(request.idv_piid);
      }
      url += fmt::format("&limit={}&offset={}", kPageSize, page);
      Result<HttpResponse> response = client.Get(url);
      if (!response.ok()) {
        if (response.status().code() == Status::Code::kUsage) {
          out.budget_spent = true;
          out.stop_reason =
              fmt::format("stopped after {} requests (--max-requests {}); run again to go on",
                          counters.requests.load(), options.max_requests);
          stopped = true;
        } else {
          failure = response.status().message();
        }
        break;
      }
      const long status = response->status;
      if (status == 429) {
        if (Status s =
                store->Put(entry(request, "error", url, status, "HTTP 429: quota"), response->body);
            !s.ok()) {
          return s;
        }
        out.quota_exhausted = true;
        out.stop_reason =
            response->retry_after_seconds
                ? fmt::format("SAM.gov refused more requests (HTTP 429): the quota resets in {} s",
                              *response->retry_after_seconds)
                : "SAM.gov refused more requests (HTTP 429): the daily quota is spent; it resets "
                  "at midnight (as the USAspending broker observes); run again then";
        stopped = true;
        break;
      }
      if (status == 401 || status == 403) {
        return Status::InvalidInput(fmt::format(
            "SAM.gov refused the API key (HTTP {}: {}): check the key file, or that the key is "
            "still valid (keys expire)",
            status, BodySnippet(response->body)));
      }
      if (status == 204 ||
          (status == 200 && response->body.find_first_not_of(" \r\n\t") == std::string::npos)) {
        if (page == 0) absent = true;
        if (Status s = store->Put(entry(request, page == 0 ? "absent" : "file", url, status,
                                        page == 0 ? "SAM.gov has no award for this PIID" : ""),
                                  response->body);
            !s.ok()) {
          return s;
        }
        break;
      }
      if (status != 200) {
        failure = fmt::format("award {}: {}: HTTP {}: {}", request.key, WithoutApiKey(url), status,
                              BodySnippet(response->body));
        break;
      }
      const std::string name = WithoutApiKey(url);
      Result<std::optional<long long>> total = records::SamTotalRecords(name, response->body);
      if (!total.ok() || !records::LooksLikeSamResponse(response->body)) {
        failure = fmt::format("award {}: {}: not a Contract Awards response: {}", request.key, name,
                              BodySnippet(response->body));
        break;
      }
      // Checked now, so a body that would not read is an error here, not at verify time.
      records::RecordBatch batch;
      if (Status s = records::ReadSamResponse(name, response->body, &batch); !s.ok()) {
        failure = fmt::format("award {}: {}", request.key, s.message());
        break;
      }
      const long long on_page = static_cast<long long>(batch.action_count());
      if (page == 0 && on_page == 0) absent = true;
      if (Status s = store->Put(
              entry(request, absent ? "absent" : "file", url, status,
                    absent ? "SAM.gov has no award for this PIID" : fmt::format("page {}", page)),
              response->body);
          !s.ok()) {
        return s;
      }
      received += on_page;
      if (absent || on_page < kPageSize || !total->has_value() || received >= **total) break;
    }
    if (failure.empty() && !absent && !stopped && received >= kPageSize * kMaxPages) {
      failure = fmt::format("award {}: more than {} actions under this PIID; not all were fetched",
                            request.key, kPageSize * kMaxPages);
    }
    if (stopped && failure.empty() && !absent) {
      ++out.skipped;
      continue;
    }
    if (!failure.empty()) {
      ++counts.failed;
      counts.failures.push_back(request.key + ": " + failure);
      store->Put(entry(request, "error", "", 0, failure), "", /*has_body=*/false);
      continue;
    }
    if (absent) {
      ++counts.absent;
      continue;
    }
    if (Status s = store->Put(entry(request, "done", "", 200, ""), "", /*has_body=*/false);
        !s.ok()) {
      return s;
    }
    ++counts.fetched;
  }
  counts.requests = counters.requests;
  counts.bytes = counters.bytes;
  counts.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace receipts
