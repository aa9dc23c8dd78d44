// receipts publish --ledger L --out SITE [--records FILE…] [--since DATE] [--templates DIR]
// Writes the dashboard as a static site (doc/formats.md, "The static site").
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/date.h"
#include "core/money.h"
#include "serve/static_site.h"

namespace receipts::cli {
namespace {

struct PublishFlags {
  std::string ledger;
  std::string out;
  std::vector<std::string> records;
  std::string since = "2025-01-20";
  std::string templates;
};

int RunPublish(const PublishFlags& flags) {
  Date since;
  if (int rc = SinceFlag(flags.since, &since); rc != kExitOk) return rc;
  auto started = std::chrono::steady_clock::now();
  serve::ServeContext ctx;
  if (!flags.templates.empty()) {
    auto templates = serve::Templates::WithOverrides(flags.templates);
    if (!templates.ok()) return Fail(templates.status());
    ctx.templates = std::move(*templates);
  }
  if (!flags.records.empty()) {
    auto records = RecordCheck::Load(flags.records, since);
    if (!records.ok()) return Fail(records.status());
    ctx.records = std::move(*records);
  }
  serve::PublishStats stats;
  if (Status s = serve::PublishSite(ctx, flags.ledger, flags.out, &stats); !s.ok()) return Fail(s);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format(
      "published {}: {} pages ({} claims), {} data files, {} bytes in {:.1f} s; open "
      "{}/index.html\n",
      flags.out, GroupThousands(stats.pages), GroupThousands(stats.claims),
      GroupThousands(stats.data_files), GroupThousands(stats.bytes), seconds, flags.out);
  return kExitOk;
}

}  // namespace

void AddPublishCommand(CLI::App& root, Commands* commands) {
  auto flags = std::make_shared<PublishFlags>();
  CLI::App* publish = root.add_subcommand(
      "publish",
      "Write the dashboard as a static site (pages, per-claim pages, the JSON API as files, "
      "CSV exports, a search index) for any static host or to open from disk.");
  publish->add_option("--ledger", flags->ledger, "Ledger file (SQLite), read only")->required();
  publish->add_option("--out", flags->out, "Directory for the site (replaced as one run)")
      ->required();
  publish
      ->add_option("--records", flags->records,
                   "Record files verify read: claim pages then show measures and record rows")
      ->expected(1, -1);
  publish->add_option("--since", flags->since, "With --records: as for verify")
      ->capture_default_str();
  publish->add_option("--templates", flags->templates,
                      "Folder of page templates (NAME.mustache) in place of the built-in ones "
                      "(doc/templates.md)");
  commands->push_back({publish, [flags] { return RunPublish(*flags); }});
}

}  // namespace receipts::cli
