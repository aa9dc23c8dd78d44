#include "report/headline.h"

#include <fmt/format.h>

#include "core/money.h"
#include "core/text.h"
#include "report/percent.h"

namespace receipts {

std::string AfterRecordsNote(const Summary& summary) {
  const VerdictTotals after = TotalsOf(summary, Verdict::kAfterRecords);
  if (after.count == 0 || !summary.records_as_of) return "";
  const bool one = after.count == 1;
  return fmt::format(
      "{} claim{} ({} claimed) {} listed after the records end ({}): fetch newer records to "
      "check {}",
      GroupThousands(after.count), one ? "" : "s", FormatUsd(after.claimed), one ? "was" : "were",
      summary.records_as_of->ToIso(), one ? "it" : "them");
}

std::string LenientNote(const Summary& summary) {
  if (summary.lenient.empty()) return "";
  std::size_t total = 0;
  std::string detail;
  for (std::size_t i = 0; i < summary.lenient.size(); ++i) {
    const LenientCount& c = summary.lenient[i];
    total += c.count;
    const bool same_input = i > 0 && summary.lenient[i - 1].input == c.input;
    detail += same_input ? ", " : (i > 0 ? "; " : "");
    if (!same_input) detail += c.input + ": ";
    detail += fmt::format("{} {}", c.field, GroupThousands(c.count));
  }
  return fmt::format("read leniently: {} unreadable value{} left unknown ({})",
                     GroupThousands(total), total == 1 ? "" : "s", detail);
}

std::string OtherRecordsNote(const Summary& summary) {
  std::vector<std::string> parts;
  if (summary.termination_list_grants > 0) {
    parts.push_back(fmt::format("{} grant{} on agencies' termination lists",
                                GroupThousands(summary.termination_list_grants),
                                summary.termination_list_grants == 1 ? "" : "s"));
  }
  if (!summary.lease_inventory_dates.empty()) {
    std::vector<std::string> dates;
    for (const Date& date : summary.lease_inventory_dates) dates.push_back(date.ToIso());
    parts.push_back(
        fmt::format("{} GSA lease inventor{} ({})", summary.lease_inventory_dates.size(),
                    summary.lease_inventory_dates.size() == 1 ? "y" : "ies", Join(dates, ", ")));
  }
  return parts.empty() ? "" : "records also: " + Join(parts, "; ");
}

std::string KindHeadline(const KindTotals& kind) {
  std::string out = fmt::format("{}: {} claim{}, claimed {}, ", ClaimKindPluralName(kind.kind),
                                GroupThousands(kind.claims), kind.claims == 1 ? "" : "s",
                                FormatUsd(kind.claimed));
  if (!kind.records_given) return out + NoRecordsSentence(kind.kind);
  out += fmt::format("verified {} ({}); verdicts:", FormatUsd(kind.verified),
                     PercentOf(kind.verified, kind.claimed));
  for (const VerdictTotals& v : kind.by_verdict) {
    if (v.count > 0) out += fmt::format(" {} {},", VerdictName(v.verdict), GroupThousands(v.count));
  }
  if (out.back() == ',') out.pop_back();
  return out;
}

std::string RenderHeadline(const Summary& summary, std::size_t record_actions,
                           const std::string& out_dir) {
  std::string out = fmt::format(
      "receipts verify: {} claims checked against {} record actions (records as of {}; removals "
      "counted since {})\n",
      GroupThousands(summary.claims), GroupThousands(record_actions),
      summary.records_as_of ? summary.records_as_of->ToIso() : "unknown", summary.since.ToIso());
  out += fmt::format("  claimed   {}\n", FormatUsd(summary.claimed_total));
  const bool one_kind_unchecked = summary.by_kind.size() == 1 && !summary.by_kind[0].records_given;
  if (one_kind_unchecked) {
    out += fmt::format("  verified  {}\n", NoRecordsSentence(summary.by_kind[0].kind));
  } else {
    out += fmt::format("  verified  {} ({} of claimed)\n", FormatUsd(summary.verified_total),
                       PercentOf(summary.verified_total, summary.claimed_total));
  }
  out += "  verdicts:";
  for (const VerdictTotals& v : summary.by_verdict) {
    if (v.count > 0) out += fmt::format(" {} {},", VerdictName(v.verdict), GroupThousands(v.count));
  }
  if (out.back() == ',') out.pop_back();
  out += '\n';
  if (std::string note = OtherRecordsNote(summary); !note.empty()) out += "  " + note + "\n";
  // A run of several kinds: one line per kind, so grants never hide in the contracts' figures.
  if (summary.by_kind.size() > 1) {
    for (const KindTotals& kind : summary.by_kind) out += "  " + KindHeadline(kind) + "\n";
  }
  // A line of its own, so that a reader does not take these claims for unverified or made up:
  // the records end before they were listed. The other lines keep their shape for scripts.
  if (std::string note = AfterRecordsNote(summary); !note.empty()) out += "  " + note + "\n";
  if (std::string note = LenientNote(summary); !note.empty()) out += "  " + note + "\n";
  out += fmt::format("  report:   {}/report.html\n", out_dir);
  return out;
}

}  // namespace receipts
