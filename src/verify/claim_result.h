// What verification concludes about one claim: named measures, a verdict, a sentence, evidence.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/claim.h"
#include "core/date.h"
#include "core/ids.h"
#include "core/money.h"

namespace receipts {

// In precedence order (doc/methodology.md): the first that applies is the verdict. kNotFound and
// kAfterRecords are the two outcomes of an identifier with no award in the records, told apart by
// the claim's date, so neither ever pre-empts the other. Stored ledgers hold verdicts by name
// (VerdictName), never by number, so a verdict may be inserted anywhere in this order.
enum class Verdict {
  kUnverifiable,
  kNotFound,
  kAfterRecords,
  kDuplicate,
  kZeroClaim,
  kUnitError,
  kIdvCeiling,
  kVerified,
  kUnderstated,
  kOverstated,
  kOptionsOnly,
  kAlreadyEnded,
  kNotTerminated,
};
inline constexpr int kVerdictCount = 13;

// "unverifiable", "not_found", "after_records", "duplicate", "zero_claim", "unit_error",
// "idv_ceiling", "verified", "understated", "overstated", "options_only", "already_ended",
// "not_terminated".
const char* VerdictName(Verdict verdict);
// The verdict whose VerdictName is `name`; nullopt for anything else.
std::optional<Verdict> VerdictNamed(std::string_view name);

struct ClaimResult {
  std::size_t claim_id = 0;  // 1-based position in the input, across all claims files
  std::string award_key;     // the matched award's key; "" when not matched
  Verdict verdict = Verdict::kUnverifiable;
  std::optional<Cents> ceiling_minus_obligated;
  std::optional<Cents> deobligated;
  std::optional<Cents> ceiling_reduced;
  std::optional<Cents> obligated_not_outlaid;
  std::optional<Cents> verified_savings;
  std::string reason;  // one plain sentence (or two) with the figures
  // The record actions behind the figures (doc/methodology.md §4), and how many more moved
  // money than are listed.
  std::vector<RecordRef> evidence;
  std::size_t evidence_left_out = 0;
};

// The evidence as written in every output: each reference's key, then "+N more" when some were
// left out.
std::vector<std::string> EvidenceKeys(const ClaimResult& result);
// "+N more": how `count` actions left out of the evidence are written.
std::string LeftOutEvidenceKey(std::size_t count);

// One verification run: the claims as read, one result per claim in the same order, and what
// the run was made against.
struct VerifyRun {
  std::vector<Claim> claims;
  std::vector<ClaimResult> results;
  std::vector<std::string> claim_files;
  std::vector<std::string> record_files;
  std::optional<Date> records_as_of;  // latest action date in the records
  Date since;                         // --since
  std::size_t record_actions = 0;
};

}  // namespace receipts
