// receipts verify --claims FILE… --records FILE… --out DIR [--since DATE] [--kind KIND]
// receipts verify --ledger L [--snapshot ID|latest|all] --records FILE… [--out DIR] [--since DATE]
#include <unistd.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/date.h"
#include "core/money.h"
#include "io/progress.h"
#include "jobs/ledger_verify_job.h"
#include "jobs/verify_cache.h"
#include "jobs/verify_job.h"
#include "report/headline.h"
#include "report/summary.h"

namespace receipts::cli {
namespace {

struct VerifyFlags {
  std::vector<std::string> claims;
  std::vector<std::string> records;
  std::string out;
  std::string since = "2025-01-20";
  std::string kind;
  std::string ledger;  // verify a stored snapshot instead of --claims, and store the verdicts
  std::string snapshot = "latest";
  bool quiet = false;     // no progress on stderr
  bool no_cache = false;  // verify again even when the same inputs were verified before
};

// --kind: "" (from the claims) or a kind, singular or plural; *ok false for anything else.
std::optional<ClaimKind> ParseKind(const std::string& text, bool* ok) {
  std::optional<ClaimKind> kind = ClaimKindNamed(text);
  *ok = text.empty() || kind.has_value();
  return kind;
}

// --snapshot all: one line a snapshot, then what was stored.
int RunLedgerVerifyAll(const VerifyFlags& flags, Date since) {
  if (!flags.out.empty()) {
    return UsageError("--out: the report is of one snapshot; give --snapshot ID or latest");
  }
  auto results = RunLedgerVerifyAllJob({flags.ledger, "all", flags.records, "", since});
  if (!results.ok()) return Fail(results.status());
  std::size_t verdicts = 0;
  for (const LedgerVerifyResult& result : *results) {
    const Summary summary = Summarize(result.run);
    std::cout << "snapshot " << result.snapshot.id << " (" << result.snapshot.source
              << "): " << summary.claims << " claims, claimed " << FormatUsd(summary.claimed_total)
              << ", verified " << FormatUsd(summary.verified_total) << "\n";
    verdicts += result.run.results.size();
  }
  std::cout << "  stored:   " << verdicts << " verdicts with " << results->size()
            << " snapshots in " << flags.ledger << " (one read of the records)\n";
  return kExitOk;
}

int RunLedgerVerify(const VerifyFlags& flags, Date since) {
  if (!flags.claims.empty()) return UsageError("give --claims or --ledger, not both");
  if (!flags.kind.empty()) return UsageError("--kind: a stored snapshot keeps its own kind");
  if (flags.snapshot == "all") return RunLedgerVerifyAll(flags, since);
  auto result = RunLedgerVerifyJob({flags.ledger, flags.snapshot, flags.records, flags.out, since});
  if (!result.ok()) return Fail(result.status());
  std::string headline =
      RenderHeadline(Summarize(result->run), result->run.record_actions, flags.out);
  if (flags.out.empty()) headline.erase(headline.rfind("  report:"));
  std::cout << headline << "  stored:   " << result->run.results.size()
            << " verdicts with snapshot " << result->snapshot.id << " in " << flags.ledger << "\n";
  return kExitOk;
}

int RunVerify(const VerifyFlags& flags) {
  Date since;
  if (int rc = SinceFlag(flags.since, &since); rc != kExitOk) return rc;
  bool kind_ok = true;
  auto kind = ParseKind(flags.kind, &kind_ok);
  if (!kind_ok) return UsageError("--kind must be contracts, grants or leases");
  if (!flags.ledger.empty()) return RunLedgerVerify(flags, since);
  if (flags.claims.empty()) return UsageError("--claims is required (or --ledger)");
  if (flags.out.empty()) return UsageError("--out is required");
  VerifyJob job{flags.claims, flags.records, flags.out, since, kind};
  job.progress = ProgressMeter::ShouldShow(STDERR_FILENO, flags.quiet);
  auto run = RunVerifyJobCached(job, flags.no_cache ? "" : DefaultVerifyCacheDir());
  if (!run.ok()) return Fail(run.status());
  if (run->reused && !flags.quiet) {
    std::cerr << "receipts verify: these inputs were verified before; outputs reused from the "
                 "cache (--no-cache to verify again)\n";
  }
  std::cout << run->headline;
  return kExitOk;
}

}  // namespace

void AddVerifyCommand(CLI::App& root, Commands* commands) {
  auto flags = std::make_shared<VerifyFlags>();
  CLI::App* verify = root.add_subcommand(
      "verify",
      "Check every claim against the record: measures, a verdict and a reason per claim.");
  verify
      ->add_option("--claims", flags->claims, "Claims files (DOGE CSV/JSON/API pages; .gz/.zip ok)")
      ->expected(1, -1);
  verify
      ->add_option("--records", flags->records,
                   "Record files or directories: FPDS element CSV or saved ATOM pages, USAspending "
                   "bulk files or per-award downloads, SAM.gov responses, record stores (fetch "
                   "usaspending/sam --out)")
      ->required()
      ->expected(1, -1);
  verify->add_option("--out", flags->out,
                     "Output directory (verdicts.csv, summary.json, summary.md, report.html)");
  verify
      ->add_option("--since", flags->since,
                   "Count removals signed on or after this date (YYYY-MM-DD)")
      ->capture_default_str();
  verify->add_option("--kind", flags->kind,
                     "Claims kind when not detected: contracts, grants or leases");
  verify->add_option("--ledger", flags->ledger,
                     "Verify a snapshot stored in this ledger (instead of --claims) and store "
                     "the verdicts with it");
  verify
      ->add_option("--snapshot", flags->snapshot,
                   "With --ledger: snapshot id, 'latest', or 'all' (every snapshot, one read of "
                   "the records)")
      ->capture_default_str();
  verify->add_flag("--quiet", flags->quiet, "No progress on stderr");
  verify->add_flag("--no-cache", flags->no_cache,
                   "Verify again even when the same inputs were verified before");
  commands->push_back({verify, [flags] { return RunVerify(*flags); }});
}

}  // namespace receipts::cli
