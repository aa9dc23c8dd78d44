// What a verification report says of the money behind the claims: the vendor families whose
// awards the claims name, with what was claimed and verified on them, and the leads on those
// awards. Built from the records the verification read, which are the claims' awards only: a
// family's figures here are on the claimed awards (receipts vendor gives the whole family), and
// the two rules that compare awards with others (W3, W12) are left to receipts leads.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/award.h"
#include "core/money.h"
#include "leads/leads.h"
#include "report/text_sink.h"
#include "verify/claim_result.h"

namespace receipts {

struct ClaimsMoney {
  struct Family {
    std::string parent_uei;
    std::string name;
    bool masked = false;  // FPDS's "(UNDISCLOSED)" awardees: not one company
    std::size_t claims = 0;
    Cents claimed = 0;
    Cents verified = 0;
    std::size_t awards = 0;
    Cents obligated = 0;                 // Σ of the claimed awards' rows under the parent
    std::vector<std::size_t> claim_ids;  // the report's claim numbers
  };
  std::vector<Family> families;  // most claimed first
  std::size_t claims_with_family = 0;
  LeadsRun leads;  // on the claimed awards, W3 and W12 off
  // Claim numbers on each lead's award, by award key.
  std::vector<std::vector<std::size_t>> lead_claims;  // parallel to leads.leads
};

// The families and leads of the claims of `run` whose awards `records` holds. Each claim is
// counted once, in the family its award's latest row is recorded under.
ClaimsMoney MoneyOfClaims(const VerifyRun& run, const RecordSet& records);

// The report's "Follow the money" section: the families (the 50 most claimed) and the leads
// (coverage, then up to 300 leads), each claim linked to its row (#cN).
void RenderClaimsMoneyHtml(const ClaimsMoney& money, TextSink* sink);

}  // namespace receipts
