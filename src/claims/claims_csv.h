// Claims lists published as CSV, in every schema era (see claims_columns.h for the mapping), read
// whole from memory or in consecutive pieces of a stream.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/claims_columns.h"
#include "core/claim.h"
#include "core/status.h"
#include "csv/csv_reader.h"
#include "csv/csv_scanner.h"

namespace receipts {

// Takes each claim as it is read, in file order; a failure stops the read.
using ClaimSink = std::function<Status(Claim&& claim)>;

// Reads a claims CSV handed over in consecutive pieces, so that a list of any size never has to
// be in memory whole: memory follows the longest record, not the file.
class ClaimsCsvParser {
 public:
  // The kind (contract, grant, lease) is taken from the columns and the first rows' links unless
  // `kind` is given; the first rows looked at are those within the first kStartBytes.
  static constexpr std::size_t kStartBytes = 4 << 20;

  // `name` is used in errors and as the claims' source file.
  ClaimsCsvParser(std::string name, std::optional<ClaimKind> kind, ClaimSink sink);

  // Reads the records that lie whole in `data` (the bytes not consumed yet, from a record start)
  // and hands each to the sink; returns how many bytes it consumed. The rest must come again,
  // with more after it. With `final` (`data` runs to the end) everything is consumed. The first
  // call reads the header too and consumes nothing unless `data` holds kStartBytes or is final.
  // Fails with file, line and field named, as ParseClaimsCsv does.
  Result<std::size_t> Feed(std::string_view data, bool final);

 private:
  Status Start(std::string_view data);
  Status ReadRecords(std::string_view records);

  std::string name_;
  std::optional<ClaimKind> kind_;
  ClaimSink sink_;
  bool started_ = false;
  CsvReader csv_;
  CsvScanner scanner_;
  ClaimColumns columns_;
  ClaimKind claim_kind_ = ClaimKind::kContract;
  std::size_t line_ = 1;  // physical line of the next byte handed over
  std::vector<std::string> fields_;
};

// Reads every claim of the CSV text `data`; `name` is used in errors and as the claims' source
// file. The kind is detected from the columns unless `kind` is given. Fails when the header has
// no savings column, on any malformed record, money or date; nothing is returned then.
Result<std::vector<Claim>> ParseClaimsCsv(const std::string& name, std::string_view data,
                                          std::optional<ClaimKind> kind);

}  // namespace receipts
