#include "report/run_csv.h"

#include "core/csv_writer.h"

namespace receipts {

void RenderRunCsv(const VerifyRun& run, std::string_view header, std::size_t row_bytes,
                  const RunCsvRow& row, TextSink* sink) {
  std::string& out = sink->out();
  sink->Reserve(256 + run.claims.size() * row_bytes);
  out += header;
  out.push_back('\n');
  for (std::size_t i = 0; i < run.claims.size(); ++i) {
    ClaimResult fallback;
    fallback.claim_id = i + 1;
    const ClaimResult& result = i < run.results.size() ? run.results[i] : fallback;
    const std::vector<std::string> fields = row(run.claims[i], result);
    if (fields.empty()) continue;
    AppendCsvRow(fields, &out);
    sink->Spill();
  }
}

}  // namespace receipts
