// A loopback stand-in for USAspending's API, for the record-fetch tests, in the response shapes
// of its API Blueprint contracts (usaspending-api: api_contracts/contracts/v2/awards/award_id.md,
// search/spending_by_award.md, download/contract.md, download/status.md):
//   GET  /api/v2/awards/{key}/                    200 award JSON, or 404 {"detail": …}
//   POST /api/v2/search/spending_by_award/        results by quoted award_ids, one type group
//   POST /api/v2/download/{contract|idv|assistance}/   {status_url, file_name, file_url, …}
//   GET  /api/v2/download/status?file_name=F      running, then finished (or failed)
//   GET  /files/F                                 the zip: TransactionHistory,
//                                                 FederalAccountFunding, Sub-Awards members
// Awards come from a USAspending Contracts_PrimeTransactions CSV (grouped by
// contract_award_unique_key); faults are scripted per award.
#pragma once

#include <httplib.h>
#include <simdjson.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../archive_bytes.h"
#include "core/csv_writer.h"
#include "core/json_writer.h"
#include "csv/csv_reader.h"
#include "loopback_server.h"

namespace receipts::testing {

// What the server does with one award's download, beyond answering.
enum class DownloadFault {
  kNone,
  kNeverFinishes,  // status stays "running"
  kFailedOnce,     // the first status says "failed", the next download request works
  kFailedAlways,   // every status says "failed"
  kTruncatedOnce,  // the first zip is cut short, the next is whole
  kNoHistory,      // the zip has no TransactionHistory member
  kHtmlFile,       // the file URL answers an HTML page
};

class UsaspendingReplay {
 public:
  struct Award {
    std::string key, piid, category;            // category: "contract" | "idv"
    std::shared_ptr<const std::string> header;  // the CSV header line, shared by all awards
    std::vector<std::string> rows;              // its rows, as CSV lines
    std::string funding_rows;  // FederalAccountFunding rows (CSV lines), may be empty
  };

  static constexpr const char* kFundingHeader =
      "submission_period,treasury_account_symbol,federal_account_symbol,"
      "transaction_obligated_amount,gross_outlay_amount_FYB_to_period_end,"
      "USSGL487200_downward_adj_prior_year_prepaid_undeliv_order_oblig,"
      "USSGL497200_downward_adj_of_prior_year_paid_deliv_orders_oblig,award_unique_key,"
      "award_id_piid,award_id_fain,last_modified_date\n";

  using Awards = std::map<std::string, Award>;

  // The awards of a Contracts_PrimeTransactions CSV, by key; empty when it does not read.
  static Awards ParseTransactions(const std::string& csv_text) {
    Awards awards;
    CsvReader csv("replay", csv_text);
    if (!csv.ReadHeader().ok()) return {};
    const bool assistance = csv.Find("assistance_award_unique_key") >= 0;
    const int key_column =
        csv.Find(assistance ? "assistance_award_unique_key" : "contract_award_unique_key");
    const int piid_column = csv.Find(assistance ? "award_id_fain" : "award_id_piid");
    if (key_column < 0 || piid_column < 0) return {};
    // Rows are kept as they are in the file (sliced, not re-written): faster under sanitizers.
    auto header = std::make_shared<const std::string>(csv_text.substr(0, csv.position()));
    for (;;) {
      const std::size_t start = csv.position();
      auto more = csv.Next();
      if (!more.ok()) return {};
      if (!*more) break;
      std::string line = csv_text.substr(start, csv.position() - start);
      while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
      const std::string key(csv.field(key_column));
      Award& award = awards[key];
      if (award.key.empty()) {
        award.key = key;
        award.piid = std::string(csv.field(piid_column));
        award.category = assistance ? "grant" : key.starts_with("CONT_IDV_") ? "idv" : "contract";
        award.header = header;
      }
      award.rows.push_back(std::move(line));
    }
    return awards;
  }

  // The awards served; call before Start.
  void SetAwards(Awards awards) { awards_ = std::move(awards); }
  void AddAwards(const Awards& awards) { awards_.insert(awards.begin(), awards.end()); }

  std::size_t award_count() const { return awards_.size(); }
  Award* Find(const std::string& key) {
    auto it = awards_.find(key);
    return it == awards_.end() ? nullptr : &it->second;
  }

  // Scripted answers to GET /api/v2/awards/{key}/ before the normal one (503, 500, …).
  void AwardStatuses(const std::string& key, std::vector<int> statuses) {
    std::lock_guard lock(mutex_);
    auto& queue = award_statuses_[key];
    queue.insert(queue.end(), statuses.begin(), statuses.end());
  }
  void SetDownloadFault(const std::string& key, DownloadFault fault) {
    std::lock_guard lock(mutex_);
    download_faults_[key] = fault;
  }
  // false: a download's first status poll already says "finished" (for big fetches).
  void SetFirstPollRunning(bool running) { first_poll_running_ = running; }
  // Every request waits this long first (so a fetch can be killed midway).
  void SetDelayMs(int ms) { delay_ms_ = ms; }
  // An award endpoint answering HTML with 200, as a proxy's error page would.
  void SetHtmlAward(const std::string& key) {
    std::lock_guard lock(mutex_);
    html_awards_.insert(key);
  }

  std::uint64_t requests() const { return requests_; }
  std::uint64_t downloads() const { return downloads_; }
  // The award keys whose download was asked for, once each time.
  std::multiset<std::string> downloaded_keys() {
    std::lock_guard lock(mutex_);
    return downloaded_keys_;
  }

  bool Start() {
    try {
      server_.Get(R"(/api/v2/awards/([^/]+)/)",
                  [this](const httplib::Request& req, httplib::Response& res) {
                    Count();
                    ServeAward(req.matches[1], res);
                  });
      server_.Post("/api/v2/search/spending_by_award/",
                   [this](const httplib::Request& req, httplib::Response& res) {
                     Count();
                     ServeSearch(req, res);
                   });
      server_.Post(R"(/api/v2/download/(contract|idv|assistance)/)",
                   [this](const httplib::Request& req, httplib::Response& res) {
                     Count();
                     ServeDownload(req, res);
                   });
      server_.Get("/api/v2/download/status",
                  [this](const httplib::Request& req, httplib::Response& res) {
                    Count();
                    ServeStatus(req.get_param_value("file_name"), res);
                  });
      server_.Get(R"(/files/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
        Count();
        ServeFile(req.matches[1], res);
      });
      server_.new_task_queue = [] { return new httplib::ThreadPool(8); };
      // Headers and body go out in two writes: without this, Nagle's algorithm and delayed ACKs
      // hold every answer 40 ms.
      server_.set_tcp_nodelay(true);
      return loopback_.Start();
    } catch (const std::exception&) {
      return false;
    }
  }
  void Stop() { loopback_.Stop(); }
  ~UsaspendingReplay() { Stop(); }

  std::string base_url() const { return loopback_.base_url(); }

 private:
  void Count() {
    ++requests_;
    if (delay_ms_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms_.load()));
  }

  static void Json(httplib::Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_content(body, "application/json");
  }

  void ServeAward(const std::string& key, httplib::Response& res) {
    {
      std::lock_guard lock(mutex_);
      auto& queue = award_statuses_[key];
      if (!queue.empty()) {
        int status = queue.front();
        queue.pop_front();
        Json(res, status, R"({"detail":"Service Unavailable"})");
        return;
      }
      if (html_awards_.count(key) != 0) {
        res.status = 200;
        res.set_content("<html><body><h1>Gateway maintenance</h1></body></html>", "text/html");
        return;
      }
    }
    Award* award = Find(key);
    if (award == nullptr) {
      Json(res, 404, "{\"detail\":\"No Award found with: '" + key + "'\"}");
      return;
    }
    std::string outlay = award->funding_rows.empty() ? "null" : "0.0";
    Json(res, 200,
         "{\"id\":" + std::to_string(std::hash<std::string>{}(key) % 100000000) +
             ",\"generated_unique_award_id\":" + JsonString(award->key) + ",\"category\":" +
             JsonString(award->category) + ",\"piid\":" + JsonString(award->piid) +
             ",\"type\":\"D\",\"total_outlay\":" + outlay + "}");
  }

  void ServeSearch(const httplib::Request& req, httplib::Response& res) {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    simdjson::padded_string padded(req.body);
    if (parser.parse(padded).get(root)) {
      Json(res, 400, R"({"detail":"Malformed JSON"})");
      return;
    }
    simdjson::dom::array ids, types;
    if (root["filters"]["award_ids"].get(ids) || root["filters"]["award_type_codes"].get(types)) {
      Json(res, 422,
           R"({"detail":"Missing value: 'filters|award_type_codes' is a required field"})");
      return;
    }
    // One group of award types a request: IDV_*, A–D (contracts) or assistance codes.
    std::string group = "grant";
    for (simdjson::dom::element type : types) {
      std::string_view code;
      if (type.get(code)) continue;
      if (code.starts_with("IDV_")) group = "idv";
      if (code == "A" || code == "B" || code == "C" || code == "D") group = "contract";
    }
    std::string results;
    int internal_id = 1;
    for (simdjson::dom::element id : ids) {
      std::string_view quoted;
      if (id.get(quoted)) continue;
      std::string wanted(quoted);
      if (wanted.size() >= 2 && wanted.front() == '"' && wanted.back() == '"') {
        wanted = wanted.substr(1, wanted.size() - 2);
      }
      for (const auto& [key, award] : awards_) {
        if (award.piid != wanted || award.category != group) continue;
        results += std::string(results.empty() ? "" : ",") +
                   "{\"internal_id\":" + std::to_string(internal_id++) +
                   ",\"Award ID\":" + JsonString(award.piid) +
                   ",\"generated_internal_id\":" + JsonString(key) + "}";
      }
    }
    Json(res, 200,
         "{\"spending_level\":\"awards\",\"limit\":100,\"results\":[" + results +
             "],\"page_metadata\":{\"page\":1,\"hasNext\":false,\"last_record_unique_id\":null,"
             "\"last_record_sort_value\":null},\"messages\":[]}");
  }

  void ServeDownload(const httplib::Request& req, httplib::Response& res) {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    simdjson::padded_string padded(req.body);
    std::string_view award_id;
    if (parser.parse(padded).get(root) || root["award_id"].get(award_id)) {
      Json(res, 422, R"({"detail":"Missing value: 'award_id' is a required field"})");
      return;
    }
    const std::string key(award_id);
    if (Find(key) == nullptr) {
      Json(res, 400, R"({"detail":"Unable to find award matching the provided award id"})");
      return;
    }
    std::string file_name;
    {
      std::lock_guard lock(mutex_);
      file_name = key + "_" + std::to_string(++file_counter_) + ".zip";
      file_key_[file_name] = key;
      polls_[file_name] = 0;
      downloaded_keys_.insert(key);
    }
    ++downloads_;
    Json(res, 200,
         "{\"status_url\":" +
             JsonString(base_url() + "/api/v2/download/status?file_name=" + file_name) +
             ",\"file_name\":" + JsonString(file_name) +
             ",\"file_url\":" + JsonString(base_url() + "/files/" + file_name) +
             ",\"download_request\":{\"award_id\":" + JsonString(key) +
             ",\"file_format\":\"csv\",\"limit\":500000}}");
  }

  void ServeStatus(const std::string& file_name, httplib::Response& res) {
    std::string key;
    int poll = 0;
    DownloadFault fault = DownloadFault::kNone;
    {
      std::lock_guard lock(mutex_);
      auto it = file_key_.find(file_name);
      if (it == file_key_.end()) {
        Json(res, 400, R"({"detail":"Download file does not exist"})");
        return;
      }
      key = it->second;
      poll = ++polls_[file_name];
      fault = download_faults_[key];
      if (fault == DownloadFault::kFailedOnce && poll >= 1) {
        download_faults_[key] = DownloadFault::kNone;
      }
    }
    std::string status = poll == 1 && first_poll_running_ ? "running" : "finished";
    if (fault == DownloadFault::kNeverFinishes) status = "running";
    if (fault == DownloadFault::kFailedOnce || fault == DownloadFault::kFailedAlways)
      status = "failed";
    std::string message = status == "failed" ? "\"Download generation failed\"" : "null";
    Json(res, 200,
         "{\"status\":\"" + status + "\",\"message\":" + message +
             ",\"file_name\":" + JsonString(file_name) +
             ",\"file_url\":" + JsonString(base_url() + "/files/" + file_name) +
             ",\"total_size\":4.2,\"total_columns\":297,\"total_rows\":10,\"seconds_elapsed\":\"0."
             "2\"}");
  }

  void ServeFile(const std::string& file_name, httplib::Response& res) {
    std::string key;
    DownloadFault fault = DownloadFault::kNone;
    {
      std::lock_guard lock(mutex_);
      auto it = file_key_.find(file_name);
      if (it == file_key_.end()) {
        res.status = 404;
        return;
      }
      key = it->second;
      fault = download_faults_[key];
      if (fault == DownloadFault::kTruncatedOnce) download_faults_[key] = DownloadFault::kNone;
    }
    if (fault == DownloadFault::kHtmlFile) {
      res.status = 200;
      res.set_content("<html><body>Access denied</body></html>", "text/html");
      return;
    }
    const Award& award = *Find(key);
    const std::string prefix = std::string(award.category == "idv"     ? "IDV_"
                                           : award.category == "grant" ? "Assistance_"
                                                                       : "Contract_") +
                               award.piid + "_";
    std::string history = *award.header;
    for (const std::string& row : award.rows) history += row + "\n";
    std::vector<std::pair<std::string, std::string>> members;
    if (fault != DownloadFault::kNoHistory) {
      members.emplace_back(prefix + "TransactionHistory_1.csv", history);
    }
    members.emplace_back(prefix + "FederalAccountFunding_1.csv",
                         std::string(kFundingHeader) + award.funding_rows);
    members.emplace_back(prefix + "Sub-Awards_1.csv",
                         "prime_award_unique_key,subaward_number,subaward_amount\n");
    std::string zip = ZipBytes(members);
    if (fault == DownloadFault::kTruncatedOnce) zip.resize(zip.size() / 2);
    res.status = 200;
    res.set_content(zip, "application/zip");
  }

  std::map<std::string, Award> awards_;  // fixed before Start
  LoopbackServer loopback_;
  httplib::Server& server_ = loopback_.routes();
  std::mutex mutex_;
  std::map<std::string, std::deque<int>> award_statuses_;
  std::map<std::string, DownloadFault> download_faults_;
  std::set<std::string> html_awards_;
  std::map<std::string, std::string> file_key_;
  std::map<std::string, int> polls_;
  std::multiset<std::string> downloaded_keys_;
  std::uint64_t file_counter_ = 0;
  std::atomic<std::uint64_t> requests_{0};
  std::atomic<std::uint64_t> downloads_{0};
  std::atomic<int> delay_ms_{0};
  std::atomic<bool> first_poll_running_{true};
};

}  // namespace receipts::testing
