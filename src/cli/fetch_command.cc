// receipts fetch doge --ledger L [--base-url URL] [--kind contracts|grants|leases|all]
// Captures DOGE's lists from its API, every page, and ingests each complete capture as a
// snapshot. An incomplete capture is refused: nothing of it reaches the ledger.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "fetch/doge_fetcher.h"
#include "ledger/ledger.h"
#include "ledger/signing.h"

namespace receipts::cli {
namespace {

struct FetchFlags {
  std::string ledger = "receipts.db";
  std::string base_url = FetchOptions().base_url;
  std::string kind = "all";
  int per_page = FetchOptions().per_page;
  int max_retries = FetchOptions().max_retries;
  int timeout_seconds = FetchOptions().timeout_seconds;
  std::string sign_key;
  bool quiet = false;
};

int RunFetchDoge(const FetchFlags& flags) {
  if (flags.kind != "all" && flags.kind != "contracts" && flags.kind != "grants" &&
      flags.kind != "leases") {
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

  FetchOptions options;
  options.base_url = flags.base_url;
  options.kind = flags.kind;
  options.per_page = flags.per_page;
  options.max_retries = flags.max_retries;
  options.timeout_seconds = flags.timeout_seconds;
  if (!flags.quiet) {
    options.log = [](std::string_view line) { std::cerr << "fetch: " << line << "\n"; };
  }
  std::vector<SnapshotInput> captures;
  if (flags.kind == "all") {
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
  doge->add_option("--base-url", flags->base_url, "API base URL")->capture_default_str();
  doge->add_option("--kind", flags->kind, "contracts, grants, leases or all")
      ->capture_default_str();
  doge->add_option("--per-page", flags->per_page, "Items per page (1 to 500)")
      ->capture_default_str();
  doge->add_option("--max-retries", flags->max_retries,
                   "Retries per page on HTTP 429/5xx, timeouts and transport errors")
      ->capture_default_str();
  doge->add_option("--timeout", flags->timeout_seconds, "Seconds allowed for each request")
      ->capture_default_str();
  doge->add_option("--sign-key", flags->sign_key, "Ed25519 secret key file: sign each new head");
  doge->add_flag("--quiet", flags->quiet, "No progress lines on stderr");
  commands->push_back({doge, [flags] { return RunFetchDoge(*flags); }});
}

}  // namespace receipts::cli
