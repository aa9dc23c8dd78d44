#include "ingest/claims_csv.h"

#include <cstddef>
#include <utility>

#include "core/text.h"
#include "ingest/claims_columns.h"
#include "ingest/csv_reader.h"

namespace receipts {
namespace {

// How many rows to look through for a link that tells a grants list from a contracts list.
constexpr std::size_t kLinkSampleRows = 1000;

// The first non-empty value of column `link` (""), read by a reader of its own so that the main
// pass stays a single forward pass; a malformed record stops the look (the main pass reports it).
std::string SampleLink(const std::string& name, std::string_view data, int link) {
  if (link < 0) return "";
  CsvReader csv(name, data);
  if (!csv.ReadHeader(kClaimColumnsMayRepeat).ok()) return "";
  for (std::size_t rows = 0; rows < kLinkSampleRows; ++rows) {
    Result<bool> more = csv.Next();
    if (!more.ok() || !*more) break;
    std::string_view text = Trim(csv.field(link));
    if (!text.empty()) return std::string(text);
  }
  return "";
}

}  // namespace

Result<std::vector<Claim>> ParseClaimsCsv(const std::string& name, std::string_view data,
                                          std::optional<ClaimKind> kind) {
  CsvReader csv(name, data);
  if (Status s = csv.ReadHeader(kClaimColumnsMayRepeat); !s.ok()) return s;
  const std::vector<std::string>& names = csv.header();
  ClaimColumns columns = ClaimColumns::Resolve(names);
  if (!columns.has_savings()) {
    return Status::BadInput(name, 1, "", "no savings column (expected 'savings' or 'value')");
  }
  ClaimKind claim_kind =
      kind ? *kind : DetectClaimKind(names, SampleLink(name, data, columns.link));

  std::vector<Claim> claims;
  std::vector<std::string> fields;
  while (true) {
    Result<bool> more = csv.Next();
    if (!more.ok()) return more.status();
    if (!*more) break;
    fields.clear();
    for (std::size_t i = 0; i < csv.field_count(); ++i) {
      fields.emplace_back(csv.field(static_cast<int>(i)));
    }
    Result<Claim> claim = MapClaimRow(columns, names, fields, claim_kind, name, csv.line());
    if (!claim.ok()) return claim.status();
    claims.push_back(std::move(claim).value());
  }
  return claims;
}

}  // namespace receipts
