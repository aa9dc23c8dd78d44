// The shipped FPDS records (demo/records: every modification of the awards and IDVs DOGE listed
// by 2025-03-13), read once per test binary: what the vendor and leads tests check by hand.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/award.h"
#include "jobs/record_inputs.h"

namespace receipts::testing {

inline const std::string kFpdsAwards =
    std::string(RECEIPTS_SOURCE_DIR) + "/demo/records/2025-03-13_fpds_awards.csv.gz";
inline const std::string kFpdsIdvs =
    std::string(RECEIPTS_SOURCE_DIR) + "/demo/records/2025-03-13_fpds_idvs.csv.gz";

inline const RecordSet& ShippedFpdsRecords() {
  static const RecordSet* records = [] {
    auto read = ReadAwards({kFpdsAwards, kFpdsIdvs}, RecordFilter::All());
    if (!read.ok()) ADD_FAILURE() << read.status().ToString();
    return new RecordSet(read.ok() ? std::move(*read) : RecordSet());
  }();
  return *records;
}

}  // namespace receipts::testing
