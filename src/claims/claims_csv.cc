#include "claims/claims_csv.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "core/text.h"

namespace receipts {
namespace {

// How many rows to look through for a link that tells a grants list from a contracts list.
constexpr std::size_t kLinkSampleRows = 1000;

// The first non-empty value of column `link` (""), read by a reader of its own so that the main
// pass stays a single forward pass; a malformed record (or one cut at the end of `data`) stops
// the look (the main pass reports it).
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

// The scanner only finds where whole records end; it is asked for no cells.
class CountingSink : public RecordSink {
 public:
  bool OnRecord(const ScannedRecord&) override { return true; }
};

}  // namespace

ClaimsCsvParser::ClaimsCsvParser(std::string name, std::optional<ClaimKind> kind, ClaimSink sink)
    : name_(std::move(name)),
      kind_(kind),
      sink_(std::move(sink)),
      csv_(name_, std::string_view()),
      scanner_(std::vector<int>{}) {}

Status ClaimsCsvParser::Start(std::string_view data) {
  csv_ = CsvReader(name_, data);
  if (Status s = csv_.ReadHeader(kClaimColumnsMayRepeat); !s.ok()) return s;
  const std::vector<std::string>& names = csv_.header();
  columns_ = ClaimColumns::Resolve(names);
  if (!columns_.has_savings()) {
    return Status::BadInput(name_, 1, "", "no savings column (expected 'savings' or 'value')");
  }
  claim_kind_ = kind_ ? *kind_ : DetectClaimKind(names, SampleLink(name_, data, columns_.link));
  line_ =
      1 + static_cast<std::size_t>(std::count(data.begin(), data.begin() + csv_.position(), '\n'));
  started_ = true;
  return Status::Ok();
}

Status ClaimsCsvParser::ReadRecords(std::string_view records) {
  csv_.Reset(records, line_);
  const std::vector<std::string>& names = csv_.header();
  while (true) {
    Result<bool> more = csv_.Next();
    if (!more.ok()) return more.status();
    if (!*more) break;
    fields_.resize(csv_.field_count());
    for (std::size_t i = 0; i < csv_.field_count(); ++i) {
      fields_[i].assign(csv_.field(static_cast<int>(i)));
    }
    Result<Claim> claim = MapClaimRow(columns_, names, fields_, claim_kind_, name_, csv_.line());
    if (!claim.ok()) return claim.status();
    if (Status s = sink_(std::move(claim).value()); !s.ok()) return s;
  }
  line_ += static_cast<std::size_t>(std::count(records.begin(), records.end(), '\n'));
  return Status::Ok();
}

Result<std::size_t> ClaimsCsvParser::Feed(std::string_view data, bool final) {
  std::size_t consumed = 0;
  if (!started_) {
    if (!final && data.size() < kStartBytes) return std::size_t{0};
    if (Status s = Start(data); !s.ok()) return s;
    consumed = csv_.position();
    data.remove_prefix(consumed);
  }
  std::string_view records = data;
  if (!final) {
    CountingSink sink;
    CsvScanner::Outcome found = scanner_.Scan(data, line_, std::string_view::npos, false, &sink);
    // An oversized record is CsvReader's to report, with its own words and line.
    if (!found.oversized) records = data.substr(0, found.consumed);
  }
  if (Status s = ReadRecords(records); !s.ok()) return s;
  return consumed + records.size();
}

Result<std::vector<Claim>> ParseClaimsCsv(const std::string& name, std::string_view data,
                                          std::optional<ClaimKind> kind) {
  std::vector<Claim> claims;
  ClaimsCsvParser parser(name, kind, [&claims](Claim&& claim) {
    claims.push_back(std::move(claim));
    return Status::Ok();
  });
  Result<std::size_t> read = parser.Feed(data, /*final=*/true);
  if (!read.ok()) return read.status();
  return claims;
}

}  // namespace receipts
