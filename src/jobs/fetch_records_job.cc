#include "jobs/fetch_records_job.h"

#include "core/award_key.h"
#include "fetch/award_request.h"
#include "fetch/record_store.h"
#include "jobs/ledger_verify_job.h"
#include "ledger/claim_key.h"

namespace receipts {

Result<FetchRecordsResult> RunFetchRecordsJob(const FetchRecordsJob& job) {
  auto ledger = Ledger::Open(job.ledger_path, /*create=*/false);
  if (!ledger.ok()) return ledger.status();
  auto snapshot = (*ledger)->FindSnapshot(job.snapshot);
  if (!snapshot.ok()) return snapshot.status();
  auto claims = ReadSnapshotClaims(ledger->get(), *snapshot);
  if (!claims.ok()) return claims.status();
  // Opened before the network is used, so a store that cannot be written is known first.
  auto store = RecordStore::Open(job.out_dir, /*create=*/true);
  if (!store.ok()) return store.status();

  FetchRecordsResult result;
  result.snapshot = *snapshot;
  result.claims = claims->size();
  for (const Claim& claim : *claims) {
    if (AwardKeyForClaim(claim).empty()) ++result.claims_without_award;
  }
  std::vector<AwardRequest> wanted = AwardRequestsForClaims(*claims, AssignClaimKeys(*claims));
  auto summary = FetchFromUsaspending(wanted, store->get(), job.options);
  if (!summary.ok()) return summary.status();
  result.summary = std::move(*summary);
  return result;
}

}  // namespace receipts
