// libFuzzer target: any bytes (plain, gzip or zip) through ParseRecords and FinishRecords must
// give a status or records, never a crash, a leak or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string>

#include "records/records_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  receipts::RecordSet records;
  receipts::Status s = receipts::ParseRecords(
      "fuzz.csv", std::string(reinterpret_cast<const char*>(data), size), &records);
  if (!s.ok() && (!records.awards.empty() || records.action_count != 0)) __builtin_trap();
  receipts::FinishRecords(&records);
  return 0;
}
