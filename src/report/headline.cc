#include "report/headline.h"

#include <fmt/format.h>

#include "report/percent.h"

namespace receipts {
namespace {

std::string Grouped(std::size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

std::string RenderHeadline(const Summary& summary, std::size_t record_actions,
                           const std::string& out_dir) {
  std::string out = fmt::format(
      "receipts verify: {} claims checked against {} record actions (records as of {}; removals "
      "counted since {})\n",
      Grouped(summary.claims), Grouped(record_actions),
      summary.records_as_of ? summary.records_as_of->ToIso() : "unknown", summary.since.ToIso());
  out += fmt::format("  claimed   {}\n", FormatUsd(summary.claimed_total));
  out += fmt::format("  verified  {} ({} of claimed)\n", FormatUsd(summary.verified_total),
                     PercentOf(summary.verified_total, summary.claimed_total));
  out += "  verdicts:";
  for (const VerdictTotals& v : summary.by_verdict) {
    if (v.count > 0) out += fmt::format(" {} {},", VerdictName(v.verdict), Grouped(v.count));
  }
  if (out.back() == ',') out.pop_back();
  out += fmt::format("\n  report:   {}/report.html\n", out_dir);
  return out;
}

}  // namespace receipts
