#include "jobs/record_check.h"

#include "jobs/ledger_verify_job.h"
#include "jobs/record_inputs.h"
#include "ledger/verdict_reads.h"
#include "ledger/verdict_store.h"
#include "records/records_reader.h"
#include "verify/verifier.h"

namespace receipts {
namespace {
constexpr std::size_t kCachedSnapshots = 4;
}  // namespace

Result<std::unique_ptr<RecordCheck>> RecordCheck::Load(const std::vector<std::string>& files,
                                                       Date since, const LeadRules& rules) {
  std::unique_ptr<RecordCheck> check(new RecordCheck());
  check->since_ = since;
  // Files, per-award downloads, record stores and directories, as verify reads them; whole, since
  // any claim of any snapshot may be asked for.
  std::vector<std::string> files_read;
  ScanStats stats;
  if (Status s = ReadRecordInputs(files, RecordFilter::All(), &check->records_, &stats,
                                  ScanOptions{}, &files_read);
      !s.ok()) {
    return s;
  }
  auto digests = DigestRecordFiles(files_read);
  if (!digests.ok()) return digests.status();
  for (const RecordFileDigest& digest : *digests) check->sha256s_.push_back(digest.sha256);
  FinishRecords(&check->records_);
  // The records never change after this: a claim page finds its award by key, not by a scan.
  for (std::size_t i = 0; i < check->records_.awards.size(); ++i) {
    check->award_by_key_.emplace(check->records_.awards[i].key, i);
  }
  check->families_ = VendorFamilies::Build(check->records_);
  check->leads_ = FindLeads(check->records_, rules);
  return check;
}

Result<ClaimResult> RecordCheck::Check(Ledger* ledger, const SnapshotInfo& snapshot,
                                       std::int64_t seq) {
  std::shared_ptr<const std::vector<ClaimResult>> results;
  {
    std::lock_guard lock(mutex_);
    auto found = results_.find(snapshot.id);
    if (found != results_.end()) results = found->second;
  }
  if (results == nullptr) {
    auto claims = ReadSnapshotClaims(ledger, snapshot);
    if (!claims.ok()) return claims.status();
    results = std::make_shared<const std::vector<ClaimResult>>(
        VerifyClaims(*claims, records_, VerifyOptions{since_}));
    std::lock_guard lock(mutex_);
    if (results_.size() >= kCachedSnapshots) results_.erase(results_.begin());
    results_[snapshot.id] = results;
  }
  if (seq < 1 || seq > static_cast<std::int64_t>(results->size())) {
    return Status::NotFound("no claim " + std::to_string(seq) + " in snapshot " +
                            std::to_string(snapshot.id));
  }
  return (*results)[seq - 1];
}

Result<bool> RecordCheck::SameRecordsAsStored(Ledger* ledger, std::int64_t snapshot_id) const {
  return VerifiedWithRecordDigests(ledger, snapshot_id, sha256s_);
}

const Award* RecordCheck::FindAward(std::string_view award_key) const {
  if (award_key.empty()) return nullptr;
  auto found = award_by_key_.find(award_key);
  return found == award_by_key_.end() ? nullptr : &records_.awards[found->second];
}

std::vector<const Lead*> RecordCheck::LeadsOn(std::string_view award_key) const {
  std::vector<const Lead*> out;
  for (const Lead& lead : leads_.leads) {
    if (lead.award_key == award_key) out.push_back(&lead);
  }
  return out;
}

}  // namespace receipts
