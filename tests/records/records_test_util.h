// Helpers shared by the tests of the records reader and of the scanner that must agree with it.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "records/records_reader.h"

namespace receipts::testing {

// The record set the reader gives for `paths`: each file read in turn with ReadRecordsFile
// (expected to succeed), then FinishRecords.
inline RecordSet ReadAllRecords(const std::vector<std::string>& paths) {
  RecordSet records;
  for (const std::string& path : paths) {
    Status s = ReadRecordsFile(path, &records);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  FinishRecords(&records);
  return records;
}

}  // namespace receipts::testing
