#include "verify/claim_result.h"

#include <fmt/format.h>

#include <iterator>

namespace receipts {
namespace {

// The names ledgers store and every output prints, in the order of the enumeration.
constexpr const char* kVerdictNames[] = {
    "unverifiable", "not_found",     "after_records", "duplicate",   "zero_claim",
    "unit_error",   "idv_ceiling",   "verified",      "understated", "overstated",
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

std::vector<std::string> EvidenceKeys(const ClaimResult& result) {
  std::vector<std::string> keys;
  for (const RecordRef& ref : result.evidence) keys.push_back(ref.ToString());
  if (result.evidence_left_out > 0) keys.push_back(LeftOutEvidenceKey(result.evidence_left_out));
  return keys;
}

std::string LeftOutEvidenceKey(std::size_t count) { return fmt::format("+{} more", count); }

}  // namespace receipts
