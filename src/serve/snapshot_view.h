// One snapshot as the server shows it: its claims in list order, each with the verdict stored
// for it (when `receipts verify --ledger` has judged the snapshot), and the totals the summary
// and the dashboard headline show. Built once per snapshot and ledger version, then shared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/award_claim.h"
#include "core/money.h"
#include "core/status.h"
#include "ledger/canonical.h"
#include "ledger/ledger.h"
#include "ledger/verdict_reads.h"
#include "report/totals.h"

namespace receipts::serve {

// A verdict as stored in the ledger's verdicts table.
struct ClaimRow {
  LedgerClaim claim;
  std::optional<ClaimVerdict> verdict;  // absent: the snapshot was not verified
  // Lower-case text a search looks in: key, identifiers, agency, vendor, description,
  // location, status, and the verdict, its reason and award key.
  std::string search_text;
};

struct SnapshotView {
  SnapshotInfo snapshot;
  bool verified = false;       // verdicts are stored for this snapshot
  std::string verified_at;     // when they were computed (UTC); "" when not verified
  std::vector<ClaimRow> rows;  // seq order
  Cents claimed_total = 0;
  std::optional<Cents> verified_total;    // absent when not verified
  std::vector<VerdictTotals> by_verdict;  // every verdict in enum order; empty when not verified
  std::vector<AgencyTotals> by_agency;    // claimed desc, then count desc, then name
};

Result<SnapshotView> LoadSnapshotView(Ledger* ledger, const SnapshotInfo& snapshot);

// The last few views built, by (snapshot id, ledger version). Thread-safe.
class ViewCache {
 public:
  explicit ViewCache(std::size_t capacity) : capacity_(capacity) {}
  Result<std::shared_ptr<const SnapshotView>> Get(Ledger* ledger, const SnapshotInfo& snapshot,
                                                  const std::string& version);

 private:
  struct Entry {
    std::int64_t id;
    std::string version;
    std::shared_ptr<const SnapshotView> view;
  };
  std::size_t capacity_;
  std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
};

// Every stored claim of the ledger with its latest verdict (ClaimsOfLedger), built once per
// ledger version: the vendor pages set them beside a family, and a page must not re-read the
// ledger's claims. Thread-safe.
class StoredClaimsCache {
 public:
  Result<std::shared_ptr<const std::vector<AwardClaim>>> Get(Ledger* ledger,
                                                             const std::string& version);

 private:
  std::mutex mutex_;
  std::string version_;
  std::shared_ptr<const std::vector<AwardClaim>> claims_;
};

}  // namespace receipts::serve
