#include "verify/claim_result.h"

namespace receipts {

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kUnverifiable:
      return "unverifiable";
    case Verdict::kNotFound:
      return "not_found";
    case Verdict::kAfterRecords:
      return "after_records";
    case Verdict::kDuplicate:
      return "duplicate";
    case Verdict::kZeroClaim:
      return "zero_claim";
    case Verdict::kUnitError:
      return "unit_error";
    case Verdict::kIdvCeiling:
      return "idv_ceiling";
    case Verdict::kVerified:
      return "verified";
    case Verdict::kUnderstated:
      return "understated";
    case Verdict::kOverstated:
      return "overstated";
    case Verdict::kOptionsOnly:
      return "options_only";
    case Verdict::kAlreadyEnded:
      return "already_ended";
    case Verdict::kNotTerminated:
      return "not_terminated";
  }
  return "unverifiable";
}

}  // namespace receipts
