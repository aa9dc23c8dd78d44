// The totals of one verification run: what every summary output (JSON, Markdown, HTML) shows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "report/totals.h"
#include "verify/claim_result.h"

namespace receipts {

// One claim whose verified savings fall short of what was claimed.
struct SavingsGap {
  std::size_t claim_id = 0;
  std::string identifier;  // ClaimIdentifier: PIID, FAIN or award id; "" for leases
  std::string agency;      // as published, trimmed
  std::optional<Cents> claimed;
  std::optional<Cents> verified;
  Verdict verdict = Verdict::kUnverifiable;
  Cents gap = 0;  // claimed - verified, an unknown figure counting as 0
};

// How many values of one field of one input were read leniently (left unknown, not refused).
struct LenientCount {
  std::string input;  // Claim::source_file
  std::string field;  // the header name
  std::size_t count = 0;
};

inline constexpr std::size_t kLargestGapCount = 25;

// The claims of one kind in a run.
struct KindTotals {
  ClaimKind kind = ClaimKind::kContract;
  std::size_t claims = 0;
  Cents claimed = 0;
  Cents verified = 0;
  std::vector<VerdictTotals> by_verdict;  // the verdicts of this kind, as Totals::by_verdict
  bool records_given = true;              // false: no record of this kind was given
};

struct Summary {
  std::size_t claims = 0;
  Cents claimed_total = 0;                  // sum of the known claimed_savings
  Cents verified_total = 0;                 // sum of the known verified_savings
  std::vector<VerdictTotals> by_verdict;    // every verdict, in enum order, even with no claims
  std::vector<AgencyTotals> by_agency;      // claimed desc, then count desc, then name
  std::vector<KindTotals> by_kind;          // the kinds the run holds, in kAllClaimKinds order
  std::size_t termination_list_grants = 0;  // VerifyRun's
  std::vector<Date> lease_inventory_dates;  // VerifyRun's
  std::optional<Date> records_as_of;
  Date since;
  // The kLargestGapCount claims (or fewer when the run has fewer) with the largest gap, largest
  // first; ties in claim order. after_records claims are left out: the records end before they
  // were listed, so their gap is not measured yet, and on a late list they would fill the table.
  std::vector<SavingsGap> largest_gaps;
  // Per input, then field, in the order first met; empty when every value was read.
  std::vector<LenientCount> lenient;
};

// Totals `run`. results[i] belongs to claims[i]; a claim without a result counts as unverifiable.
Summary Summarize(const VerifyRun& run);

// The sentence said instead of a verified figure for claims of `kind` whose records were not
// given: "not checked: the records given hold no grants (…)".
std::string NoRecordsSentence(ClaimKind kind);

// The totals of `verdict` in `summary`; zero counts when by_verdict does not hold it.
VerdictTotals TotalsOf(const Summary& summary, Verdict verdict);

}  // namespace receipts
