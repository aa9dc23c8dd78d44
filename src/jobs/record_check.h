// Optional: the record files `receipts verify` read, loaded by `serve --records` so that a
// claim page can show the named measures and the record rows (evidence) behind its verdict.
// The ledger stores each claim's verdict, verified figure and reason, not the measures, so they
// are recomputed here, from the snapshot's stored raw pages and these records.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/award.h"
#include "core/date.h"
#include "core/status.h"
#include "leads/leads.h"
#include "ledger/ledger.h"
#include "vendor/vendor_families.h"
#include "verify/claim_result.h"

namespace receipts {

class RecordCheck {
 public:
  // Reads every file (FPDS or USAspending records, as for verify). `since` as for verify;
  // `rules` find the leads (leads/lead_rules.h).
  static Result<std::unique_ptr<RecordCheck>> Load(const std::vector<std::string>& files,
                                                   Date since,
                                                   const LeadRules& rules = LeadRules::Defaults());

  // The result of verifying claim `seq` (1-based) of `snapshot` against the records.
  Result<ClaimResult> Check(Ledger* ledger, const SnapshotInfo& snapshot, std::int64_t seq);

  // True when the stored verdicts of `snapshot` were computed from exactly these record files
  // (by SHA-256), so the measures shown explain the stored verdict.
  Result<bool> SameRecordsAsStored(Ledger* ledger, std::int64_t snapshot_id) const;

  const std::vector<std::string>& sha256s() const { return sha256s_; }

  // The award whose USAspending-style key is `award_key` (Award::key), or null. The records
  // never change after Load, so the pointer lives as long as this object.
  const Award* FindAward(std::string_view award_key) const;

  // Every award read, its vendor families and the leads the default rules find (built once, at
  // Load: the records never change).
  const RecordSet& records() const { return records_; }
  const VendorFamilies& families() const { return families_; }
  const LeadsRun& leads() const { return leads_; }
  // The leads on `award_key`, in rule order.
  std::vector<const Lead*> LeadsOn(std::string_view award_key) const;
  Date since() const { return since_; }

 private:
  RecordCheck() = default;
  RecordSet records_;
  // Award::key → index in records_.awards (the first award of a key, as the scan found it).
  std::map<std::string, std::size_t, std::less<>> award_by_key_;
  Date since_;
  VendorFamilies families_;
  LeadsRun leads_;
  std::vector<std::string> sha256s_;
  std::mutex mutex_;
  // Results per snapshot id, at most a few snapshots kept.
  std::map<std::int64_t, std::shared_ptr<const std::vector<ClaimResult>>> results_;
};

}  // namespace receipts
