#include "fetch/usaspending_fetcher.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_set>

#include "core/as_of.h"
#include "core/fatal.h"
#include "core/json_writer.h"
#include "fetch/retrying_client.h"
#include "io/input_file.h"

namespace receipts {
namespace {

constexpr const char* kSource = "usaspending";

// "2026-12-01T20:15:00Z" as seconds since the epoch; nullopt when it does not read.
std::optional<std::time_t> ParseUtc(const std::string& text) {
  std::tm tm{};
  if (text.size() < 19 || ::strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm) == nullptr) {
    return std::nullopt;
  }
  return ::timegm(&tm);
}

bool IsFresh(const StoreEntry& entry, int max_age_days, std::time_t now) {
  if (max_age_days < 0) return true;
  std::optional<std::time_t> at = ParseUtc(entry.fetched_at);
  return at && now - *at <= static_cast<std::time_t>(max_age_days) * 86400;
}

// The JSON object of a response body, or an error naming the award and the URL.
Result<simdjson::dom::element> ParseJson(simdjson::dom::parser* parser, const std::string& body,
                                         const std::string& award, const std::string& url) {
  simdjson::dom::element root;
  if (parser->parse(body).get(root) || !root.is_object()) {
    return Status::InvalidInput(fmt::format("award {}: {}: expected a JSON object, got: {}", award,
                                            url, BodySnippet(body)));
  }
  return root;
}

std::string StringField(simdjson::dom::element object, const char* key) {
  std::string_view text;
  if (object[key].get(text)) return "";
  return std::string(text);
}

// The download endpoint of a key: contract, idv or assistance.
const char* DownloadKind(const std::string& key) {
  if (key.starts_with("CONT_IDV_")) return "idv";
  if (key.starts_with("ASST_")) return "assistance";
  return "contract";
}

// spending_by_award takes one group of award types per request (records.md §3.5).
std::vector<std::string> SearchGroups(AwardFamily family) {
  const std::string contracts = R"(["A","B","C","D"])";
  const std::string idvs =
      R"(["IDV_A","IDV_B","IDV_B_A","IDV_B_B","IDV_B_C","IDV_C","IDV_D","IDV_E"])";
  switch (family) {
    case AwardFamily::kContract:
      return {contracts, idvs};
    case AwardFamily::kIdv:
      return {idvs, contracts};
    case AwardFamily::kAssistance:
      return {R"(["02","03","04","05"])", R"(["06","10"])", R"(["07","08"])",
              R"(["09","11","-1"])"};
  }
  return {contracts};
}

// True when `key` names `agency` as its own agency (the part after the PIID or FAIN).
bool KeyHasAgency(const std::string& key, const std::string& id, const std::string& agency) {
  if (agency.empty()) return true;
  std::string prefix_end = "_" + id + "_" + agency;
  std::size_t at = key.find(prefix_end);
  if (at == std::string::npos) return false;
  std::size_t after = at + prefix_end.size();
  return after == key.size() || key[after] == '_';
}

class AwardFetcher {
 public:
  AwardFetcher(const UsaspendingFetchOptions& options, RecordStore* store, FetchCounters* counters,
               std::string base)
      : options_(options),
        store_(store),
        base_(std::move(base)),
        client_(ClientOptions(options), counters) {}

  enum class Outcome { kFetched, kAbsent };

  // Fetches one award into the store.
  Result<Outcome> Fetch(const AwardRequest& request, const std::set<std::string>& have_files) {
    request_ = &request;
    const std::string award_url = AwardUrl(request.key);
    Result<HttpResponse> award = client_.Get(award_url);
    if (!award.ok()) return award.status();
    std::vector<std::string> candidates;
    if (award->status == 200) {
      Result<std::string> resolved = StoreAward(award_url, *award);
      if (!resolved.ok()) return resolved.status();
      candidates.push_back(*resolved);
    } else if (award->status == 404) {
      if (Status s = Put("award", award_url, *award, ""); !s.ok()) return s;
      Result<std::vector<std::string>> found = Search();
      if (!found.ok()) return found.status();
      if (found->empty()) {
        const std::string note =
            fmt::format("USAspending has no award {}; spending_by_award found none for \"{}\"",
                        request.key, request.id);
        if (Status s = Put("absent", award_url, *award, note); !s.ok()) return s;
        return Outcome::kAbsent;
      }
      for (const std::string& key : *found) {
        const std::string url = AwardUrl(key);
        Result<HttpResponse> again = client_.Get(url);
        if (!again.ok()) return again.status();
        if (again->status != 200) return Unexpected(url, *again);
        Result<std::string> resolved = StoreAward(url, *again);
        if (!resolved.ok()) return resolved.status();
        candidates.push_back(*resolved);
      }
    } else {
      return Unexpected(award_url, *award);
    }
    for (const std::string& key : candidates) {
      if (have_files.count(key) != 0) continue;  // fetched before the run was interrupted
      if (Status s = Download(key); !s.ok()) return s;
    }
    std::string note;
    for (const std::string& key : candidates) note += (note.empty() ? "" : ";") + key;
    StoreEntry done = Entry("done", award_url, 200, note);
    if (Status s = store_->Put(std::move(done), "", /*has_body=*/false); !s.ok()) return s;
    return Outcome::kFetched;
  }

  // Stores a failure of the current award, so the index says what happened to it.
  void PutError(const std::string& why) {
    StoreEntry entry = Entry("error", AwardUrl(request_->key), 0, why);
    store_->Put(std::move(entry), "", /*has_body=*/false);
  }

 private:
  static RetryingClientOptions ClientOptions(const UsaspendingFetchOptions& options) {
    RetryingClientOptions out;
    out.policy = options.policy;
    out.timeouts = {options.connect_timeout_seconds, options.timeout_seconds};
    out.log = options.log;
    return out;
  }

  std::string AwardUrl(const std::string& key) const {
    return base_ + "/api/v2/awards/" + key + "/";
  }

  StoreEntry Entry(const char* role, const std::string& url, long status, std::string note) const {
    StoreEntry entry;
    entry.fetched_at = NowUtc();
    entry.source = kSource;
    entry.role = role;
    entry.award_key = request_->key;
    for (const std::string& claim : request_->claims) {
      entry.claims += (entry.claims.empty() ? "" : ";") + claim;
    }
    entry.http_status = status;
    entry.url = url;
    entry.note = std::move(note);
    return entry;
  }

  Status Put(const char* role, const std::string& url, const HttpResponse& response,
             std::string note) {
    return store_->Put(Entry(role, url, response.status, std::move(note)), response.body);
  }

  Status Unexpected(const std::string& url, const HttpResponse& response) const {
    return Status::InvalidInput(fmt::format("award {}: {}: HTTP {}: {}", request_->key, url,
                                            response.status, BodySnippet(response.body)));
  }

  // Stores an award endpoint's 200 answer; its generated_unique_award_id is the key to download.
  Result<std::string> StoreAward(const std::string& url, const HttpResponse& response) {
    Result<simdjson::dom::element> root = ParseJson(&parser_, response.body, request_->key, url);
    if (!root.ok()) return root.status();
    std::string resolved = StringField(*root, "generated_unique_award_id");
    if (resolved.empty()) {
      return Status::InvalidInput(fmt::format(
          "award {}: {}: no generated_unique_award_id in the answer", request_->key, url));
    }
    if (Status s = Put("award", url, response, resolved); !s.ok()) return s;
    return resolved;
  }

  // The keys spending_by_award gives for the quoted id, own agency first (all when none is).
  Result<std::vector<std::string>> Search() {
    const std::string url = base_ + "/api/v2/search/spending_by_award/";
    for (const std::string& group : SearchGroups(request_->family)) {
      const std::string body = fmt::format(
          R"({{"filters":{{"award_type_codes":{},"award_ids":[{}]}},"fields":["Award ID","generated_internal_id"],"limit":100,"page":1}})",
          group, JsonString("\"" + request_->id + "\""));
      Result<HttpResponse> response = client_.PostJson(url, body);
      if (!response.ok()) return response.status();
      if (response->status != 200) return Unexpected(url, *response);
      Result<simdjson::dom::element> root = ParseJson(&parser_, response->body, request_->key, url);
      if (!root.ok()) return root.status();
      if (Status s = Put("search", url, *response, group); !s.ok()) return s;
      simdjson::dom::array results;
      if ((*root)["results"].get(results)) {
        return Status::InvalidInput(
            fmt::format("award {}: {}: no \"results\" list in the answer", request_->key, url));
      }
      std::vector<std::string> all, own;
      for (simdjson::dom::element result : results) {
        std::string key = StringField(result, "generated_internal_id");
        if (key.empty()) continue;
        all.push_back(key);
        if (KeyHasAgency(key, request_->id, request_->agency)) own.push_back(key);
      }
      std::vector<std::string>& chosen = own.empty() ? all : own;
      if (chosen.size() > static_cast<std::size_t>(options_.max_search_results)) {
        chosen.resize(static_cast<std::size_t>(options_.max_search_results));
      }
      if (!chosen.empty()) return chosen;
    }
    return std::vector<std::string>{};
  }

  // Requests the download of `key`, waits for it, and stores its zip.
  Status Download(const std::string& key) {
    const std::string url = base_ + "/api/v2/download/" + DownloadKind(key) + "/";
    const std::string body =
        fmt::format(R"({{"award_id":{},"file_format":"csv"}})", JsonString(key));
    std::string last_why;
    for (int attempt = 1; attempt <= std::max(1, options_.download_attempts); ++attempt) {
      Result<HttpResponse> requested = client_.PostJson(url, body);
      if (!requested.ok()) return requested.status();
      if (requested->status != 200) return Unexpected(url, *requested);
      Result<simdjson::dom::element> root = ParseJson(&parser_, requested->body, key, url);
      if (!root.ok()) return root.status();
      std::string file_name = StringField(*root, "file_name");
      std::string file_url = StringField(*root, "file_url");
      std::string status_url = StringField(*root, "status_url");
      if (Status s = Put("download", url, *requested, key); !s.ok()) return s;
      if (file_name.empty()) {
        return Status::InvalidInput(
            fmt::format("award {}: {}: no file_name in the answer", request_->key, url));
      }
      if (status_url.empty()) status_url = base_ + "/api/v2/download/status?file_name=" + file_name;
      Result<std::string> ready = WaitReady(status_url, key, &file_url);
      if (!ready.ok()) return ready.status();
      if (!ready->empty()) {
        last_why = *ready;
        if (options_.log) {
          options_.log(fmt::format("download of {} {}; asking again ({} of {})", key, last_why,
                                   attempt, options_.download_attempts));
        }
        continue;
      }
      Result<HttpResponse> file = client_.Get(file_url);
      if (!file.ok()) return file.status();
      if (file->status != 200) return Unexpected(file_url, *file);
      Status valid = CheckAwardZip(key, file_url, file->body);
      if (!valid.ok()) {
        last_why = valid.message();
        if (options_.log) options_.log(last_why + "; asking again");
        continue;
      }
      return Put("file", file_url, *file, key);
    }
    return Status::IoError(fmt::format("award {}: download of {} gave up after {} tries: {}",
                                       request_->key, key, options_.download_attempts, last_why));
  }

  // Polls until the download is finished (returns ""), failed or past the time allowed (returns
  // why); fails when a status answer is not what the API sends.
  Result<std::string> WaitReady(const std::string& status_url, const std::string& key,
                                std::string* file_url) {
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(options_.max_poll_seconds);
    for (;;) {
      Result<HttpResponse> polled = client_.Get(status_url);
      if (!polled.ok()) return polled.status();
      if (polled->status != 200) return Unexpected(status_url, *polled);
      Result<simdjson::dom::element> root = ParseJson(&parser_, polled->body, key, status_url);
      if (!root.ok()) return root.status();
      const std::string status = StringField(*root, "status");
      if (status == "finished") {
        std::string url = StringField(*root, "file_url");
        if (!url.empty()) *file_url = url;
        if (Status s = Put("status", status_url, *polled, key); !s.ok()) return s;
        if (file_url->empty()) {
          return Status::InvalidInput(
              fmt::format("award {}: {}: finished without a file_url", request_->key, status_url));
        }
        return std::string();
      }
      if (status == "failed") {
        if (Status s = Put("status", status_url, *polled, key); !s.ok()) return s;
        return "failed: " + StringField(*root, "message");
      }
      if (status != "ready" && status != "running") {
        return Status::InvalidInput(fmt::format("award {}: {}: unknown download status '{}'",
                                                request_->key, status_url, status));
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        if (Status s = Put("status", status_url, *polled, key); !s.ok()) return s;
        return fmt::format("still {} after {} s", status, options_.max_poll_seconds);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(options_.poll_interval_ms));
    }
  }

  // A download must be a whole zip with a TransactionHistory member.
  Status CheckAwardZip(const std::string& key, const std::string& url, const std::string& body) {
    if (!body.starts_with("PK")) {
      return Status::InvalidInput(
          fmt::format("award {}: {}: not a zip: {}", request_->key, url, BodySnippet(body)));
    }
    Result<std::vector<InputPart>> parts = DecodeInput(url, body);
    if (!parts.ok()) {
      return Status::InvalidInput(
          fmt::format("award {}: {}: {}", request_->key, url, parts.status().message()));
    }
    for (const InputPart& part : *parts) {
      if (part.name.find("TransactionHistory") != std::string::npos) return Status::Ok();
    }
    return Status::InvalidInput(fmt::format(
        "award {}: {}: the zip for {} has no TransactionHistory member", request_->key, url, key));
  }

  const UsaspendingFetchOptions& options_;
  RecordStore* store_;
  std::string base_;
  RetryingClient client_;
  simdjson::dom::parser parser_;
  const AwardRequest* request_ = nullptr;
};

}  // namespace

std::vector<std::string> FreshAwardKeys(const RecordStore& store, int max_age_days) {
  const std::time_t now = std::time(nullptr);
  std::unordered_set<std::string> seen;
  std::vector<std::string> out;
  for (const StoreEntry& entry : store.Entries()) {
    if (entry.source == kSource && (entry.role == "done" || entry.role == "absent") &&
        IsFresh(entry, max_age_days, now) && seen.insert(entry.award_key).second) {
      out.push_back(entry.award_key);
    }
  }
  return out;
}

Result<FetchSummary> FetchFromUsaspending(const std::vector<AwardRequest>& wanted,
                                          RecordStore* store,
                                          const UsaspendingFetchOptions& options) {
  std::string base = options.base_url;
  while (base.ends_with('/')) base.pop_back();
  if (!base.starts_with("http://") && !base.starts_with("https://")) {
    return Status::Usage("fetch usaspending: --base-url must start with http:// or https://: '" +
                         options.base_url + "'");
  }
  if (options.jobs < 1 || options.jobs > 64) {
    return Status::Usage(
        fmt::format("fetch usaspending: --jobs must be 1 to 64, not {}", options.jobs));
  }
  const auto started = std::chrono::steady_clock::now();
  FetchSummary summary;
  summary.awards = wanted.size();

  // What the store holds already: awards done, and files fetched for a run that was cut short.
  const std::time_t now = std::time(nullptr);
  std::unordered_set<std::string> fresh;
  for (const std::string& key : FreshAwardKeys(*store, options.max_age_days)) fresh.insert(key);
  std::map<std::string, std::set<std::string>> files;  // requested key -> downloaded keys
  for (const StoreEntry& entry : store->Entries()) {
    if (entry.source == kSource && entry.role == "file" &&
        IsFresh(entry, options.max_age_days, now)) {
      files[entry.award_key].insert(entry.note);
    }
  }
  std::vector<const AwardRequest*> todo;
  for (const AwardRequest& request : wanted) {
    if (fresh.count(request.key) != 0) {
      ++summary.reused;
    } else {
      todo.push_back(&request);
    }
  }

  FetchCounters counters;
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{summary.reused};
  std::mutex mutex;  // guards summary and the first store error
  Status store_error;
  const std::set<std::string> none;
  auto work = [&] {
    AwardFetcher fetcher(options, store, &counters, base);
    for (;;) {
      std::size_t i = next++;
      if (i >= todo.size()) return;
      const AwardRequest& request = *todo[i];
      auto have = files.find(request.key);
      Result<AwardFetcher::Outcome> outcome =
          fetcher.Fetch(request, have == files.end() ? none : have->second);
      {
        std::lock_guard lock(mutex);
        if (outcome.ok()) {
          ++(*outcome == AwardFetcher::Outcome::kAbsent ? summary.absent : summary.fetched);
        } else {
          ++summary.failed;
          summary.failures.push_back(request.key + ": " + outcome.status().message());
        }
      }
      if (!outcome.ok()) {
        fetcher.PutError(outcome.status().message());
        if (options.log) options.log("failed: " + request.key + ": " + outcome.status().message());
      }
      std::size_t finished = ++done;
      if (options.progress) options.progress(finished, summary.awards);
    }
  };
  std::vector<std::thread> threads;
  const int workers =
      std::min<int>(options.jobs, static_cast<int>(std::max<std::size_t>(1, todo.size())));
  try {
    for (int t = 0; t < workers; ++t) {
      threads.emplace_back([&] { RunOrExit("fetch worker", work); });
    }
  } catch (...) {  // a thread that failed to start: the started ones must be joined, not dropped
    for (std::thread& t : threads) t.join();
    throw;
  }
  for (std::thread& t : threads) t.join();
  if (!store_error.ok()) return store_error;
  std::sort(summary.failures.begin(), summary.failures.end());
  summary.requests = counters.requests;
  summary.bytes = counters.bytes;
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace receipts
