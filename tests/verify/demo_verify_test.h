// A suite over one demo claims list verified against demo record files (by default both demo FPDS
// files), read once for the whole suite. A suite derives from DemoVerifyTest and calls VerifyDemo
// from its SetUpTestSuite; suites run one after another, so they share the static storage.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "claims/claims_reader.h"
#include "records/records_reader.h"
#include "verify/verifier.h"

namespace receipts::testing {

inline const std::string kDemo = std::string(RECEIPTS_SOURCE_DIR) + "/demo/";

class DemoVerifyTest : public ::testing::Test {
 protected:
  // Reads demo/`claims_file` and the demo `record_files`, and verifies every claim.
  static void VerifyDemo(const std::string& claims_file,
                         const std::vector<std::string>& record_files = {
                             "records/2025-03-13_fpds_awards.csv.gz",
                             "records/2025-03-13_fpds_idvs.csv.gz"}) {
    auto claims = ReadClaimsFile(kDemo + claims_file, std::nullopt);
    ASSERT_TRUE(claims.ok()) << claims.status().message();
    claims_ = new std::vector<Claim>(std::move(*claims));
    records_ = new RecordSet();
    for (const std::string& file : record_files) {
      Status s = ReadRecordsFile(kDemo + file, records_);
      ASSERT_TRUE(s.ok()) << s.message();
    }
    FinishRecords(records_);
    results_ = new std::vector<ClaimResult>(
        VerifyClaims(*claims_, *records_, VerifyOptions{DefaultSince()}));
  }
  static void TearDownTestSuite() {
    delete results_;
    delete records_;
    delete claims_;
    results_ = nullptr;
    records_ = nullptr;
    claims_ = nullptr;
  }
  // The result of the first claim with this PIID.
  static const ClaimResult& For(const std::string& piid) {
    for (std::size_t i = 0; i < claims_->size(); ++i) {
      if ((*claims_)[i].piid == piid) return (*results_)[i];
    }
    ADD_FAILURE() << piid << " not among the claims";
    static ClaimResult none;
    return none;
  }
  // The result of the first grant claim with this FAIN.
  static const ClaimResult& ForFain(const std::string& fain) {
    for (std::size_t i = 0; i < claims_->size(); ++i) {
      if ((*claims_)[i].fain == fain) return (*results_)[i];
    }
    ADD_FAILURE() << fain << " not among the claims";
    static ClaimResult none;
    return none;
  }
  // The result of the first lease claim at this location and size.
  static const ClaimResult& ForLease(const std::string& location, long long square_feet) {
    for (std::size_t i = 0; i < claims_->size(); ++i) {
      if ((*claims_)[i].location == location && (*claims_)[i].square_feet == square_feet) {
        return (*results_)[i];
      }
    }
    ADD_FAILURE() << location << " " << square_feet << " not among the claims";
    static ClaimResult none;
    return none;
  }
  static inline std::vector<Claim>* claims_ = nullptr;
  static inline RecordSet* records_ = nullptr;
  static inline std::vector<ClaimResult>* results_ = nullptr;
};

}  // namespace receipts::testing
