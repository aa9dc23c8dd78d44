// The benchmark's data generator: a USAspending Contracts_PrimeTransactions CSV (the exact
// 297-column header) of N synthetic transactions with every real FPDS action of the demo
// records scattered among them, mapped to USAspending columns, so `receipts verify` of the
// 2025-03-13 claims gives the same per-claim figures on the generated file as on the FPDS files.
//
// Synthetic rows copy the award-level fields (agency, office, vendor, address, codes,
// description) of a random real row, and draw their money changes, action types and
// actions-per-award from the real rows (scaled by a random factor): the value distributions and
// text lengths are the real ones. Synthetic PIIDs are checked against the real ones.
// Deterministic: the same rows, seed and inputs give the same bytes.
//
// Self-contained (zlib only): it does not use the receipts library, so it keeps building while
// the readers change.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace receipts::bench {

struct GenerateOptions {
  std::uint64_t rows = 0;  // synthetic rows; the real actions come on top
  std::uint64_t seed = 1;
  std::string columns_path;  // one USAspending column name per line (297 lines)
  std::string fpds_awards;   // FPDS element CSV (.gz or plain), awards
  std::string fpds_idvs;     // FPDS element CSV, IDVs; "" to leave out
};

struct GenerateStats {
  std::uint64_t synthetic_rows = 0;
  std::uint64_t real_rows = 0;
  std::uint64_t bytes = 0;
  std::uint64_t split_awards = 0;  // real orders sharing a PIID, given a SPLIT<UEI> parent
};

// The defaults: the repository's bench/ column list and demo/records FPDS files.
GenerateOptions DefaultGenerateOptions(const std::string& source_dir);

// Writes the CSV to `out_path` ("-" for stdout). Returns "" on success, else what went wrong.
std::string Generate(const GenerateOptions& options, const std::string& out_path,
                     GenerateStats* stats);

}  // namespace receipts::bench
