// receipts fetch doge --ledger L [--base-url URL] [--kind contracts|grants|leases|all]
//   Captures DOGE's lists from its API, every page, and ingests each complete capture as a
//   snapshot. An incomplete capture is refused: nothing of it reaches the ledger.
// receipts fetch usaspending --ledger L [--snapshot ID|latest] --out DIR [--base-url URL]
//                            [--jobs N] [--max-age DAYS] [--quiet]
//   Fetches the USAspending record of every award the snapshot's claims name into the record
//   store DIR, which `verify --records DIR` reads.
// receipts fetch sam --api-key-file F --ledger L [--snapshot ID|latest] --out DIR
//                    [--base-url URL] [--max-requests N] [--max-age DAYS] [--quiet]
//   The same from SAM.gov's Contract Awards API (contracts only), within a request budget.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "core/input_open.h"
#include "fetch/doge_fetcher.h"
#include "io/progress.h"
#include "jobs/fetch_records_job.h"
#include "ledger/ledger.h"
#include "ledger/signing.h"

namespace receipts::cli {
namespace {

struct FetchFlags {
  std::string ledger = "receipts.db";
  // The flags bind to it directly; `log` is set from --quiet.
  FetchOptions options = [] {
    FetchOptions defaults;
    defaults.kind = "all";
    return defaults;
  }();
  std::string sign_key;
  bool quiet = false;
};

int RunFetchDoge(const FetchFlags& flags) {
  const std::string& kind = flags.options.kind;
  if (kind != "all" && kind != "contracts" && kind != "grants" && kind != "leases") {
    return UsageError("--kind must be contracts, grants, leases or all");
  }
  std::optional<SigningKey> key;
  if (!flags.sign_key.empty()) {
    Result<SigningKey> read = ReadSigningKey(flags.sign_key);
    if (!read.ok()) return Fail(read.status());
    key = std::move(read).value();
  }
  // Opened first, so that a ledger that cannot be written is known before the network is used.
  Result<std::unique_ptr<Ledger>> ledger = Ledger::Open(flags.ledger, /*create=*/true);
  if (!ledger.ok()) return Fail(ledger.status());

  FetchOptions options = flags.options;
  if (!flags.quiet) {
    options.log = [](std::string_view line) { std::cerr << "fetch: " << line << "\n"; };
  }
  std::vector<SnapshotInput> captures;
  if (kind == "all") {
    Result<std::vector<SnapshotInput>> all = FetchDogeAll(options);
    if (!all.ok()) return Fail(all.status());
    captures = std::move(all).value();
  } else {
    Result<SnapshotInput> one = FetchDogeKind(options);
    if (!one.ok()) return Fail(one.status());
    captures.push_back(std::move(one).value());
  }

  for (const SnapshotInput& capture : captures) {
    Result<IngestResult> ingested = (*ledger)->Ingest(capture, key ? &*key : nullptr);
    if (!ingested.ok()) return Fail(ingested.status());
    const SnapshotInfo& snapshot = ingested->snapshot;
    if (ingested->unchanged) {
      std::cout << capture.kind << ": unchanged, the same bytes as snapshot " << snapshot.id
                << "\n";
    } else {
      std::cout << capture.kind << ": snapshot " << snapshot.id << ", " << snapshot.claim_count
                << " claims in " << capture.pages.size()
                << (capture.pages.size() == 1 ? " page" : " pages") << ", as of " << snapshot.as_of
                << "\n";
    }
  }
  return kExitOk;
}

struct UsaspendingFlags {
  std::string ledger = "receipts.db";
  std::string snapshot = "latest";
  std::string out;
  std::string base_url = UsaspendingFetchOptions().base_url;
  int jobs = UsaspendingFetchOptions().jobs;
  int max_age_days = UsaspendingFetchOptions().max_age_days;
  bool quiet = false;
};

int RunFetchUsaspending(const UsaspendingFlags& flags) {
  if (flags.out.empty()) return UsageError("--out is required (the record store's directory)");
  if (flags.jobs < 1 || flags.jobs > 64) return UsageError("--jobs must be 1 to 64");
  if (flags.max_age_days < -1) return UsageError("--max-age must be a number of days");
  FetchRecordsJob job;
  job.ledger_path = flags.ledger;
  job.snapshot = flags.snapshot;
  job.out_dir = flags.out;
  job.options.base_url = flags.base_url;
  job.options.jobs = flags.jobs;
  job.options.max_age_days = flags.max_age_days;
  const bool bar = ProgressMeter::ShouldShow(STDERR_FILENO, flags.quiet);
  if (!flags.quiet) {
    job.options.log = [bar](std::string_view line) {
      std::cerr << (bar ? "\r\033[K" : "") << "fetch: " << line << "\n";
    };
  }
  if (bar) {
    job.options.progress = [](std::size_t done, std::size_t total) {
      std::cerr << fmt::format("\r\033[Kfetch usaspending: {} of {} awards", done, total)
                << std::flush;
    };
  }
  Result<FetchRecordsResult> result = RunFetchRecordsJob(job);
  if (bar) std::cerr << "\r\033[K";
  if (!result.ok()) return Fail(result.status());
  const FetchSummary& s = result->summary;
  std::cout << fmt::format(
      "usaspending: snapshot {}: {} claims name {} awards ({} claims name none): {} fetched, {} "
      "already in the store, {} not in USAspending, {} failed; {} requests, {} bytes, {:.1f} s; "
      "store {}\n",
      result->snapshot.id, result->claims, s.awards, result->claims_without_award, s.fetched,
      s.reused, s.absent, s.failed, s.requests, s.bytes, s.seconds, flags.out);
  for (const std::string& failure : s.failures) std::cerr << "failed: " << failure << "\n";
  if (s.failed > 0) {
    std::cerr << "receipts fetch usaspending: " << s.failed
              << " awards failed (kept in the store as errors); run the same command again to "
                 "retry them\n";
    return kExitBadInput;
  }
  return kExitOk;
}

struct SamFlags {
  std::string api_key_file;
  std::string ledger = "receipts.db";
  std::string snapshot = "latest";
  std::string out;
  std::string base_url = SamFetchOptions().base_url;
  int max_requests = SamFetchOptions().max_requests;
  int max_age_days = SamFetchOptions().max_age_days;
  bool quiet = false;
};

// The key: the file's first line, trimmed. Never printed.
Result<std::string> ReadApiKey(const std::string& path) {
  if (Status s = CheckInputFile(path); !s.ok()) return s;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open the API key file");
  std::string key;
  std::getline(in, key);
  while (!key.empty() && (key.back() == '\r' || key.back() == ' ' || key.back() == '\t')) {
    key.pop_back();
  }
  std::size_t start = key.find_first_not_of(" \t");
  key = start == std::string::npos ? "" : key.substr(start);
  if (key.empty()) return Status::InvalidInput(path + ":1: the API key file is empty");
  return key;
}

int RunFetchSam(const SamFlags& flags) {
  if (flags.api_key_file.empty()) return UsageError("--api-key-file is required");
  if (flags.out.empty()) return UsageError("--out is required (the record store's directory)");
  if (flags.max_requests < 1) return UsageError("--max-requests must be at least 1");
  Result<std::string> key = ReadApiKey(flags.api_key_file);
  if (!key.ok()) return Fail(key.status());
  FetchSamJob job;
  job.ledger_path = flags.ledger;
  job.snapshot = flags.snapshot;
  job.out_dir = flags.out;
  job.options.base_url = flags.base_url;
  job.options.api_key = *key;
  job.options.max_requests = flags.max_requests;
  job.options.max_age_days = flags.max_age_days;
  if (!flags.quiet) {
    job.options.log = [](std::string_view line) { std::cerr << "fetch: " << line << "\n"; };
  }
  Result<FetchSamResult> result = RunFetchSamJob(job);
  if (!result.ok()) return Fail(result.status());
  const SamFetchSummary& sam = result->summary;
  const FetchSummary& s = sam.counts;
  std::cout << fmt::format(
      "sam: snapshot {}: {} claims name {} awards: {} fetched, {} already in the store, {} not "
      "in SAM.gov, {} failed, {} not asked (grants, or past the budget or quota); {} requests, "
      "{} bytes, {:.1f} s; store {}\n",
      result->snapshot.id, result->claims, s.awards, s.fetched, s.reused, s.absent, s.failed,
      sam.skipped, s.requests, s.bytes, s.seconds, flags.out);
  for (const std::string& failure : s.failures) std::cerr << "failed: " << failure << "\n";
  if (!sam.stop_reason.empty()) std::cerr << "receipts fetch sam: " << sam.stop_reason << "\n";
  if (s.failed > 0 || sam.quota_exhausted) return kExitBadInput;
  return kExitOk;
}

}  // namespace

void AddFetchCommand(CLI::App& root, Commands* commands) {
  auto flags = std::make_shared<FetchFlags>();
  CLI::App* fetch = root.add_subcommand("fetch", "Capture a live claims source into the ledger.");
  fetch->require_subcommand(1);
  CLI::App* doge = fetch->add_subcommand(
      "doge",
      "Page through the DOGE API (/savings/contracts, /grants, /leases), refuse an incomplete "
      "capture, and ingest each list as a snapshot.");
  doge->add_option("--ledger", flags->ledger, "Ledger file (created if missing)")
      ->capture_default_str();
  doge->add_option("--base-url", flags->options.base_url, "API base URL")->capture_default_str();
  doge->add_option("--kind", flags->options.kind, "contracts, grants, leases or all")
      ->capture_default_str();
  doge->add_option("--per-page", flags->options.per_page, "Items per page (1 to 500)")
      ->capture_default_str();
  doge->add_option("--max-retries", flags->options.max_retries,
                   "Retries per page on HTTP 429/5xx, timeouts and transport errors")
      ->capture_default_str();
  doge->add_option("--timeout", flags->options.timeout_seconds, "Seconds allowed for each request")
      ->capture_default_str();
  doge->add_option("--max-items", flags->options.max_items,
                   "Refuse a list whose meta announces more items than this")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  doge->add_option("--max-pages", flags->options.max_pages,
                   "Refuse a list whose meta announces more pages than this")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  doge->add_option("--max-bytes", flags->options.max_bytes,
                   "Stop a list whose pages together hold more bytes than this")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  doge->add_option("--sign-key", flags->sign_key, "Ed25519 secret key file: sign each new head");
  doge->add_flag("--quiet", flags->quiet, "No progress lines on stderr");
  commands->push_back({doge, [flags] { return RunFetchDoge(*flags); }});

  auto us = std::make_shared<UsaspendingFlags>();
  CLI::App* usaspending = fetch->add_subcommand(
      "usaspending",
      "Fetch the USAspending record (every transaction, and outlays) of each award a stored "
      "snapshot's claims name, into a record store that verify --records DIR reads.");
  usaspending->add_option("--ledger", us->ledger, "Ledger file")->capture_default_str();
  usaspending->add_option("--snapshot", us->snapshot, "Snapshot id or 'latest'")
      ->capture_default_str();
  usaspending->add_option("--out", us->out, "Record store directory (created if missing)");
  usaspending->add_option("--base-url", us->base_url, "API base URL")->capture_default_str();
  usaspending->add_option("--jobs", us->jobs, "Awards fetched at once (requests in flight)")
      ->capture_default_str();
  usaspending
      ->add_option("--max-age", us->max_age_days,
                   "Fetch again what was fetched more than this many days ago (-1: never)")
      ->capture_default_str();
  usaspending->add_flag("--quiet", us->quiet, "No progress on stderr");
  commands->push_back({usaspending, [us] { return RunFetchUsaspending(*us); }});

  auto sam = std::make_shared<SamFlags>();
  CLI::App* sam_command = fetch->add_subcommand(
      "sam",
      "Fetch the contract actions of each award a stored snapshot's claims name from SAM.gov's "
      "Contract Awards API (your API key), into a record store that verify --records DIR "
      "reads. Every answer is kept, so no request is made twice.");
  sam_command->add_option("--api-key-file", sam->api_key_file,
                          "File whose first line is your SAM.gov API key (never printed)");
  sam_command->add_option("--ledger", sam->ledger, "Ledger file")->capture_default_str();
  sam_command->add_option("--snapshot", sam->snapshot, "Snapshot id or 'latest'")
      ->capture_default_str();
  sam_command->add_option("--out", sam->out, "Record store directory (created if missing)");
  sam_command->add_option("--base-url", sam->base_url, "API base URL")->capture_default_str();
  sam_command
      ->add_option("--max-requests", sam->max_requests,
                   "Stop after this many requests, retries included (a key without a role gets "
                   "10 a day)")
      ->capture_default_str();
  sam_command
      ->add_option("--max-age", sam->max_age_days,
                   "Fetch again what was fetched more than this many days ago (-1: never)")
      ->capture_default_str();
  sam_command->add_flag("--quiet", sam->quiet, "No progress lines on stderr");
  commands->push_back({sam_command, [sam] { return RunFetchSam(*sam); }});
}

}  // namespace receipts::cli
