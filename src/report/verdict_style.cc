#include "report/verdict_style.h"

#include <iterator>

namespace receipts {
namespace {

struct VerdictStyle {
  Verdict verdict;
  const char* colour;
  const char* label;  // for readers; the code (VerdictName) stays in data and CSV
  const char* meaning;
};

// In the order of the Verdict enumeration.
constexpr VerdictStyle kStyles[] = {
    {Verdict::kUnverifiable, "#a8a8a8", "Unverifiable",
     "The claim has no usable identifier to look up."},
    {Verdict::kNotFound, "#5e3c99", "Not in the records", "The identifier is not in the records."},
    {Verdict::kAfterRecords, "#4f8fc0", "Listed after the records",
     "Listed after the records end: newer records are needed to check it."},
    {Verdict::kAmbiguous, "#8e6c8a", "Ambiguous lease",
     "Several GSA leases match the city, state and square feet listed."},
    {Verdict::kDuplicate, "#5f6b73", "Duplicate",
     "The same award was already claimed earlier in the list."},
    {Verdict::kZeroClaim, "#c9c9c9", "Zero claimed", "$0 claimed and nothing removed."},
    {Verdict::kUnitError, "#d81b78", "Unit error",
     "The claim is about 1,000\u00d7 or 1,000,000\u00d7 a figure in the record."},
    {Verdict::kIdvCeiling, "#a6761d", "IDV ceiling, not money",
     "A claim on an IDV/BPA ceiling with little or nothing obligated."},
    {Verdict::kAlreadyPaid, "#b71c1c", "Already paid out",
     "Savings claimed on a grant the record shows fully spent: nothing was left to save."},
    {Verdict::kExpiring, "#9e9d24", "Lease expiring anyway",
     "The lease was due to expire within 12 months of the claim: it ended on its own schedule."},
    {Verdict::kVerified, "#2e7d32", "Verified",
     "The money the record shows removed (or left unspent) is within max($1, 1%) of the claim."},
    {Verdict::kLeaseEnded, "#388e3c", "Lease ended",
     "The lease left the GSA inventory after the claim; savings capped at rent for the term left."},
    {Verdict::kUnderstated, "#1b9e77", "Understated", "More was removed than claimed."},
    {Verdict::kOverstated, "#e6a817", "Overstated",
     "The record shows less removed, left or possible to save than claimed."},
    {Verdict::kStillLeased, "#ad1457", "Still leased",
     "The lease is still in the GSA inventory after the termination would have taken effect."},
    {Verdict::kOptionsOnly, "#d95f02", "Options cut only",
     "No obligated money removed; only options were cut."},
    {Verdict::kAlreadyEnded, "#7570b3", "Already ended",
     "Performance ended before the since date and nothing was removed since."},
    {Verdict::kNotTerminated, "#c62828", "Not terminated",
     "No termination, de-obligation or option cut in the record."},
};
static_assert(std::size(kStyles) == kVerdictCount);

constexpr bool InEnumOrder() {
  for (int i = 0; i < kVerdictCount; ++i) {
    if (static_cast<int>(kStyles[i].verdict) != i) return false;
  }
  return true;
}
static_assert(InEnumOrder());

// The style of `verdict`; unverifiable's for a value outside the enumeration.
const VerdictStyle& StyleOf(Verdict verdict) {
  auto i = static_cast<std::size_t>(verdict);
  return i < std::size(kStyles) ? kStyles[i] : kStyles[0];
}

}  // namespace

const char* VerdictColour(Verdict verdict) { return StyleOf(verdict).colour; }

const char* VerdictMeaning(Verdict verdict) { return StyleOf(verdict).meaning; }

const char* VerdictLabel(Verdict verdict) { return StyleOf(verdict).label; }

}  // namespace receipts
