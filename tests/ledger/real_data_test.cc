// Every contracts snapshot in demo/claims, ingested in date order into one ledger: the
// 2025-02-18 -> 02-19 change is exactly the ICE unit fix, the chain checks (every raw page re-read
// as its stored claims), and the figures between each pair are printed for the record.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "jobs/ledger_verify_job.h"
#include "ledger/check.h"
#include "ledger/diff.h"
#include "ledger/ledger.h"
#include "ledger/timeline.h"
#include "ledger_test_util.h"
#include "report/diff_render.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;

TEST(RealDataTest, AllContractSnapshotsInDateOrder) {
  fs::path dir = testing::TestDir();
  std::string path = (dir / "ledger.db").string();
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(RECEIPTS_SOURCE_DIR) / "demo/claims")) {
    if (entry.path().extension() == ".gz") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());  // names begin with their date
  ASSERT_EQ(files.size(), 16u);
#if defined(__SANITIZE_ADDRESS__)
  // Under ASan all 16 take over a minute: keep one file of every shape (FPDS scrape, wall table,
  // grab, API JSON, API CSV). The release build runs them all and prints the figures.
  files = {files[0], files[1], files[2], files[3], files[5], files[8], files[11]};
#endif

  auto start = std::chrono::steady_clock::now();
  {
    auto ledger = Ledger::Open(path, true);
    ASSERT_TRUE(ledger.ok());
    for (const fs::path& file : files) {
      std::string bytes = testing::Slurp(file);
      auto claims = ParseClaims(file.string(), bytes, std::nullopt);
      ASSERT_TRUE(claims.ok()) << claims.status().message();
      SnapshotInput input;
      input.kind = SnapshotKindOf(*claims, "unknown");
      input.source = file.filename().string();
      input.as_of = file.filename().string().substr(0, 10) + "T00:00:00Z";
      input.claims = std::move(*claims);
      input.pages.push_back({file.filename().string(), std::move(bytes)});
      auto result = (*ledger)->Ingest(input, nullptr);
      ASSERT_TRUE(result.ok()) << result.status().message();
      EXPECT_FALSE(result->unchanged);
    }
  }
  double ingest_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  auto ledger = Ledger::Open(path, false);
  ASSERT_TRUE(ledger.ok());
  // 2025-02-18 -> 2025-02-19: one changed claim, the ICE BPA's $8 billion become $8 million.
  SnapshotDiff first = DiffClaims(*(*ledger)->Claims(1, false), *(*ledger)->Claims(2, false));
  EXPECT_EQ(first.added, 0u);
  EXPECT_EQ(first.removed, 0u);
  ASSERT_EQ(first.changed, 1u);
  ASSERT_EQ(first.changes.size(), 1u);
  const ClaimChange& ice = first.changes[0];
  EXPECT_EQ(ice.key, "contract:7012:70CMSD22A00000008");
  EXPECT_EQ(ice.old_claim->piid, "70CMSD22A00000008");
  ASSERT_EQ(ice.fields.size(), 3u);
  EXPECT_EQ(ice.fields[0].field, "link");
  EXPECT_EQ(ice.fields[1].field, "claimed_savings");
  EXPECT_EQ(ice.fields[1].old_value, "8000000000.00");
  EXPECT_EQ(ice.fields[1].new_value, "8000000.00");
  EXPECT_EQ(ice.fields[2].field, "claimed_value");
  EXPECT_EQ(ice.fields[2].old_value, "8000000000.00");
  EXPECT_EQ(ice.fields[2].new_value, "8000000.00");
  std::string csv = RenderDiffCsv(first);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4) << csv;

  start = std::chrono::steady_clock::now();
  // Every stored page re-read, in every shape, must give back exactly the stored claims.
  CheckOptions options;
  options.read_pages = ReadPagesClaims;
  auto check = CheckLedger((*ledger)->db(), options);
  double check_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->intact) << check->problem;
  EXPECT_EQ(check->snapshots, static_cast<std::int64_t>(files.size()));

  auto timeline = BuildTimeline(ledger->get());
  ASSERT_TRUE(timeline.ok());
  ASSERT_EQ(timeline->pairs.size(), files.size() - 1);
  std::printf("%-10s %-10s %7s %7s %7s %18s %18s %18s %18s\n", "from", "to", "added", "removed",
              "changed", "added $", "removed $", "changed $", "total after $");
  for (const SnapshotPair& p : timeline->pairs) {
    std::printf("%-10s %-10s %7zu %7zu %7zu %18s %18s %18s %18s\n",
                p.before.as_of.substr(0, 10).c_str(), p.after.as_of.substr(0, 10).c_str(), p.added,
                p.removed, p.changed, FormatDollars(p.added_savings).c_str(),
                FormatDollars(p.removed_savings).c_str(), FormatDollars(p.changed_delta).c_str(),
                FormatDollars(p.after.claimed_total).c_str());
  }
  std::printf("%zu snapshots: ingest %.2f s, check %.2f s, ledger %.1f MB\n", files.size(),
              ingest_seconds, check_seconds, static_cast<double>(fs::file_size(path)) / 1e6);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace receipts
