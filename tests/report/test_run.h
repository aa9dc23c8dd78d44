// A small hand-made VerifyRun shared by the report tests: every awkward case in five claims.
#pragma once

#include <string>

#include "core/date.h"
#include "verify/claim_result.h"

namespace receipts::testing {

// 1: contract, verified, $1,000.00 claimed and verified.
// 2: contract, overstated, reason with a comma, a quote and a newline; vendor in UTF-8
//    ("Café Ünïcode, LLC"); claimed_value unknown.
// 3: grant, not_found, FAIN "FAIN-1"; claimed savings and verified unknown; agency "  HHS | ACF ".
// 4: contract, unverifiable, vendor "<script>alert(1)</script>", everything unknown but claimed.
// 5: lease, zero_claim, $0 claimed, verified 0; grant-less identity.
inline VerifyRun MakeTestRun() {
  VerifyRun run;
  run.claim_files = {"claims/doge-2025-05.json"};
  run.record_files = {"records/fpds.csv", "records/usaspending.zip"};
  run.records_as_of = *Date::FromYmd(2025, 5, 1);
  run.since = *Date::FromYmd(2025, 1, 20);
  run.record_actions = 42;

  Claim c1;
  c1.kind = ClaimKind::kContract;
  c1.piid = "70CMSD22A0008";
  c1.agency = "Department of Homeland Security";
  c1.vendor = "Acme Corp";
  c1.claimed_savings = 100'000;
  c1.claimed_value = 250'000;
  ClaimResult r1;
  r1.claim_id = 1;
  r1.award_key = "CONT_AWD_70CMSD22A0008_7022_-NONE-_-NONE-";
  r1.verdict = Verdict::kVerified;
  r1.deobligated = 100'000;
  r1.verified_savings = 100'000;
  r1.reason = "De-obligated $1,000.00.";
  r1.evidence = {{"7022", "70CMSD22A0008", "P00003", ""}, {"7022", "70CMSD22A0008", "P00004", ""}};

  Claim c2;
  c2.kind = ClaimKind::kContract;
  c2.piid = "47QTCA19D00AB";
  c2.agency = "General Services Administration";
  c2.vendor = "Café Ünïcode, LLC";
  c2.claimed_savings = 1'000'000'000;  // $10,000,000.00
  ClaimResult r2;
  r2.claim_id = 2;
  r2.award_key = "CONT_AWD_47QTCA19D00AB_4732_-NONE-_-NONE-";
  r2.verdict = Verdict::kOverstated;
  r2.ceiling_minus_obligated = -5;
  r2.deobligated = 25'050;
  r2.verified_savings = 25'050;
  r2.reason = "Claimed $10M, \"removed\" $250.50,\nless than claimed";
  r2.evidence = {{"4732", "47QTCA19D00AB", "P00001", ""}};

  Claim c3;
  c3.kind = ClaimKind::kGrant;
  c3.fain = "FAIN-1";
  c3.award_id = "ASST_NON_FAIN-1_7590";
  c3.agency = "  HHS | ACF ";
  c3.vendor = "Grantee";
  ClaimResult r3;
  r3.claim_id = 3;
  r3.verdict = Verdict::kNotFound;
  r3.reason = "FAIN-1 is not in the records.";

  Claim c4;
  c4.kind = ClaimKind::kContract;
  c4.agency = "Department of Homeland Security";
  c4.vendor = "<script>alert(1)</script>";
  c4.claimed_savings = 5'000'000;
  ClaimResult r4;
  r4.claim_id = 4;
  r4.verdict = Verdict::kUnverifiable;
  r4.reason = "No PIID & no link.";

  Claim c5;
  c5.kind = ClaimKind::kLease;
  c5.location = "WASHINGTON, DC";
  c5.agency = "Small Business Administration";
  c5.claimed_savings = 0;
  ClaimResult r5;
  r5.claim_id = 5;
  r5.verdict = Verdict::kZeroClaim;
  r5.verified_savings = 0;
  r5.reason = "$0 claimed.";

  run.claims = {c1, c2, c3, c4, c5};
  run.results = {r1, r2, r3, r4, r5};
  return run;
}

// The test run plus `count` contract claims of $150,000.00 each, listed 2025-06-02, after its
// records end (2025-05-01): after_records, verified unknown.
inline VerifyRun MakeTestRunWithAfterRecords(int count) {
  VerifyRun run = MakeTestRun();
  for (int i = 0; i < count; ++i) {
    Claim claim;
    claim.piid = "LATE" + std::to_string(i);
    claim.claimed_savings = 150'000'00;
    claim.date = *Date::FromYmd(2025, 6, 2);
    claim.earliest_date = claim.date;
    ClaimResult result;
    result.claim_id = run.claims.size() + 1;
    result.verdict = Verdict::kAfterRecords;
    result.reason = "Listed 2025-06-02; the records given end 2025-05-01.";
    run.claims.push_back(claim);
    run.results.push_back(result);
  }
  return run;
}

}  // namespace receipts::testing
