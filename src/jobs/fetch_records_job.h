// `receipts fetch usaspending`: the record of every award a stored snapshot's claims name,
// fetched into a record store (fetch/record_store.h) that `verify --records DIR` reads.
#pragma once

#include <string>

#include "core/status.h"
#include "fetch/sam_fetcher.h"
#include "fetch/usaspending_fetcher.h"
#include "ledger/ledger.h"

namespace receipts {

struct FetchRecordsJob {
  std::string ledger_path;
  std::string snapshot = "latest";  // an id or "latest"
  std::string out_dir;              // the record store (created when missing)
  UsaspendingFetchOptions options;
};

struct FetchRecordsResult {
  SnapshotInfo snapshot;
  std::size_t claims = 0;                // claims in the snapshot
  std::size_t claims_without_award = 0;  // leases, and claims with no PIID or FAIN
  FetchSummary summary;
};

// Reads the snapshot's claims (from its stored raw pages), then fetches their awards. The store
// keeps whatever was fetched even when some awards failed (summary.failed); a rerun resumes.
Result<FetchRecordsResult> RunFetchRecordsJob(const FetchRecordsJob& job);

// `receipts fetch sam`: the same, from SAM.gov's Contract Awards API.
struct FetchSamJob {
  std::string ledger_path;
  std::string snapshot = "latest";
  std::string out_dir;
  SamFetchOptions options;
};
struct FetchSamResult {
  SnapshotInfo snapshot;
  std::size_t claims = 0;
  std::size_t claims_without_award = 0;
  SamFetchSummary summary;
};
Result<FetchSamResult> RunFetchSamJob(const FetchSamJob& job);

}  // namespace receipts
