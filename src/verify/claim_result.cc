#include "verify/claim_result.h"

#include <fmt/format.h>

#include <iterator>

namespace receipts {
namespace {

// The names ledgers store and every output prints, in the order of the enumeration.
constexpr const char* kVerdictNames[] = {
    "unverifiable", "not_found",     "after_records", "ambiguous",    "duplicate",
    "zero_claim",   "unit_error",    "idv_ceiling",   "already_paid", "expiring",
    "verified",     "lease_ended",   "understated",   "overstated",   "still_leased",
    "options_only", "already_ended", "not_terminated"};
static_assert(std::size(kVerdictNames) == kVerdictCount);

}  // namespace

const char* VerdictName(Verdict verdict) {
  auto i = static_cast<std::size_t>(verdict);
  return i < std::size(kVerdictNames) ? kVerdictNames[i] : kVerdictNames[0];
}

std::optional<Verdict> VerdictNamed(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kVerdictNames); ++i) {
    if (name == kVerdictNames[i]) return static_cast<Verdict>(i);
  }
  return std::nullopt;
}

bool VerdictAppliesTo(Verdict verdict, ClaimKind kind) {
  switch (verdict) {
    case Verdict::kUnverifiable:
    case Verdict::kNotFound:
    case Verdict::kAfterRecords:
    case Verdict::kDuplicate:
    case Verdict::kZeroClaim:
    case Verdict::kOverstated:
      return true;
    case Verdict::kUnitError:
    case Verdict::kIdvCeiling:
    case Verdict::kOptionsOnly:
    case Verdict::kAlreadyEnded:
      return kind == ClaimKind::kContract;
    case Verdict::kVerified:
    case Verdict::kUnderstated:
    case Verdict::kNotTerminated:
      return kind != ClaimKind::kLease;
    case Verdict::kAlreadyPaid:
      return kind == ClaimKind::kGrant;
    case Verdict::kAmbiguous:
    case Verdict::kExpiring:
    case Verdict::kLeaseEnded:
    case Verdict::kStillLeased:
      return kind == ClaimKind::kLease;
  }
  return false;
}

std::vector<std::string> EvidenceKeys(const ClaimResult& result) {
  std::vector<std::string> keys;
  for (const RecordRef& ref : result.evidence) keys.push_back(ref.ToString());
  if (result.evidence_left_out > 0) keys.push_back(LeftOutEvidenceKey(result.evidence_left_out));
  return keys;
}

std::string LeftOutEvidenceKey(std::size_t count) { return fmt::format("+{} more", count); }

}  // namespace receipts
