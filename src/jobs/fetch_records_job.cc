#include "jobs/fetch_records_job.h"

#include "core/award_key.h"
#include "fetch/award_request.h"
#include "fetch/record_store.h"
#include "jobs/ledger_verify_job.h"
#include "ledger/claim_key.h"

namespace receipts {

namespace {

struct Wanted {
  SnapshotInfo snapshot;
  std::size_t claims = 0;
  std::size_t claims_without_award = 0;
  std::vector<AwardRequest> requests;
  std::unique_ptr<RecordStore> store;
};

// The snapshot's claims (re-read from its stored raw pages), the awards they name, and the store,
// opened before the network is used so that a store that cannot be written is known first.
Result<Wanted> Prepare(const std::string& ledger_path, const std::string& snapshot_id,
                       const std::string& out_dir) {
  auto ledger = Ledger::OpenReadOnly(ledger_path);  // the ledger is only read
  if (!ledger.ok()) return ledger.status();
  auto snapshot = (*ledger)->FindSnapshot(snapshot_id);
  if (!snapshot.ok()) return snapshot.status();
  auto claims = ReadSnapshotClaims(ledger->get(), *snapshot);
  if (!claims.ok()) return claims.status();
  auto store = RecordStore::Open(out_dir, /*create=*/true);
  if (!store.ok()) return store.status();
  Wanted out;
  out.snapshot = *snapshot;
  out.claims = claims->size();
  for (const Claim& claim : *claims) {
    if (AwardKeyForClaim(claim).empty()) ++out.claims_without_award;
  }
  out.requests = AwardRequestsForClaims(*claims, AssignClaimKeys(*claims));
  out.store = std::move(*store);
  return out;
}

// Prepares the job, then runs `fetch` (FetchFromUsaspending or FetchFromSam) on its awards.
template <typename ResultT, typename JobT, typename FetchFn>
Result<ResultT> RunFetch(const JobT& job, FetchFn fetch) {
  auto wanted = Prepare(job.ledger_path, job.snapshot, job.out_dir);
  if (!wanted.ok()) return wanted.status();
  ResultT result;
  result.snapshot = wanted->snapshot;
  result.claims = wanted->claims;
  result.claims_without_award = wanted->claims_without_award;
  auto summary = fetch(wanted->requests, wanted->store.get(), job.options);
  if (!summary.ok()) return summary.status();
  result.summary = std::move(*summary);
  return result;
}

}  // namespace

Result<FetchRecordsResult> RunFetchRecordsJob(const FetchRecordsJob& job) {
  return RunFetch<FetchRecordsResult>(job, FetchFromUsaspending);
}

Result<FetchSamResult> RunFetchSamJob(const FetchSamJob& job) {
  return RunFetch<FetchSamResult>(job, FetchFromSam);
}

}  // namespace receipts
