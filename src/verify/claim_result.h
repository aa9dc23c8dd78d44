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

// In precedence order for contracts (doc/methodology.md); grants and leases have their own
// orders there, over the verdicts that apply to them. kNotFound and kAfterRecords are the two
// outcomes of an identifier with no award in the records, told apart by the claim's date, so
// neither ever pre-empts the other. Stored ledgers hold verdicts by name (VerdictName), never by
// number, so a verdict may be inserted anywhere in this order.
enum class Verdict {
  kUnverifiable,
  kNotFound,
  kAfterRecords,
  kAmbiguous,  // leases: several GSA leases match the listing
  kDuplicate,
  kZeroClaim,
  kUnitError,
  kIdvCeiling,
  kAlreadyPaid,  // grants: savings claimed on a grant with nothing left unspent
  kExpiring,     // leases: the lease was due to expire within 12 months of the claim anyway
  kVerified,
  kLeaseEnded,  // leases: gone from a later inventory
  kUnderstated,
  kOverstated,
  kStillLeased,  // leases: still in an inventory published after the termination would have
                 // taken effect
  kOptionsOnly,
  kAlreadyEnded,
  kNotTerminated,
};
inline constexpr int kVerdictCount = 18;

// "unverifiable", "not_found", "after_records", "ambiguous", "duplicate", "zero_claim",
// "unit_error", "idv_ceiling", "already_paid", "expiring", "verified", "lease_ended",
// "understated", "overstated", "still_leased", "options_only", "already_ended",
// "not_terminated".
const char* VerdictName(Verdict verdict);
// The verdict whose VerdictName is `name`; nullopt for anything else.
std::optional<Verdict> VerdictNamed(std::string_view name);
// True when a claim of `kind` can get `verdict` (doc/methodology.md: contracts keep the verdicts
// they had; already_paid is the grants' own; ambiguous, expiring, lease_ended and still_leased the
// leases'). Summaries list the verdicts of the kinds they hold.
bool VerdictAppliesTo(Verdict verdict, ClaimKind kind);

// The lease-only measures (doc/methodology.md §5): what GSA's inventories show of the lease a
// listing names.
struct LeaseMeasures {
  std::vector<std::string> lease_numbers;  // the matched lease, or every candidate (ambiguous)
  std::string match_rule;                  // "city, state and rentable square feet"
  std::optional<Date> expiration;          // Lease Expiration Date, latest inventory listing it
  std::optional<int> months_remaining;     // whole months from the claim date to expiration
  std::optional<Cents> rent_bound;         // annual value × months remaining ÷ 12
  std::optional<Date> first_absent;        // first inventory after the claim without the lease
  std::optional<Date> last_present;        // latest inventory that lists it
};

struct ClaimResult {
  std::size_t claim_id = 0;  // 1-based position in the input, across all claims files
  std::string award_key;     // the matched award's key; "" when not matched
  // The matched contract's parent IDV as the record gives it (FPDS links carry it); "" if none.
  std::string parent_idv_agency_id;
  std::string parent_idv_piid;
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
  std::optional<LeaseMeasures> lease;  // leases only
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
  // The kinds of the claims whose records were not given at all (a grants list checked against
  // FPDS files only): their totals say "not checked", never "verified $0.00".
  std::vector<ClaimKind> kinds_without_records;
  // What the records held besides actions: grants on the agencies' termination lists (one per
  // FAIN per list) and the publication dates of the lease inventories, oldest first.
  std::size_t termination_list_grants = 0;
  std::vector<Date> lease_inventory_dates;
  // The ledger's transparency-log checkpoint once this run was stored (verify --ledger); "" for a
  // run not kept in a ledger.
  std::string log_checkpoint;
};

}  // namespace receipts
