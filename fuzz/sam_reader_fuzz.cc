// libFuzzer target: any bytes through LooksLikeSamResponse, SamTotalRecords and ReadSamResponse
// (then FinishRecords) must give a status or records, never a crash, a leak or undefined
// behaviour; and a body the reader accepts must keep its actions' figures readable.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "records/records_batch.h"
#include "records/records_reader.h"
#include "records/records_sam.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)receipts::records::LooksLikeSamResponse(bytes);
  (void)receipts::records::SamTotalRecords("fuzz.json", bytes);
  receipts::records::RecordBatch batch;
  receipts::Status s = receipts::records::ReadSamResponse("fuzz.json", bytes, &batch);
  if (!s.ok()) return 0;
  receipts::RecordSet records;
  std::size_t read = batch.action_count();
  batch.MoveInto(&records);
  if (records.action_count != read) __builtin_trap();
  receipts::FinishRecords(&records);
  return 0;
}
