// libFuzzer target: any bytes through LooksLikeAtomFeed and ReadAtomFeed, then into a record set
// and FinishRecords, must give a status or records, never a crash, a leak or undefined behaviour.
// Seeded from tests/fixtures/atom by scripts/test.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "records/records_atom.h"
#include "records/records_batch.h"
#include "records/records_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  receipts::records::LooksLikeAtomFeed(bytes);
  receipts::records::RecordBatch batch;
  receipts::Status s = receipts::records::ReadAtomFeed("fuzz.xml", bytes, &batch);
  if (!s.ok()) {
    // The message names the file, as every record error must.
    if (s.message().rfind("fuzz.xml", 0) != 0) __builtin_trap();
    return 0;
  }
  receipts::RecordSet records;
  batch.MoveInto(&records);
  receipts::FinishRecords(&records);
  for (const receipts::Award& award : records.awards) {
    for (const receipts::Action& action : award.actions) {
      if (action.source_line == 0 || award.piid.empty()) __builtin_trap();
    }
  }
  return 0;
}
