#include "report/summary_md.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "report/headline.h"
#include "report/percent.h"

namespace receipts {
namespace {

std::string Cell(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string UsdOrUnknown(const std::optional<Cents>& cents) {
  return cents ? FormatUsd(*cents) : "unknown";
}

}  // namespace

std::string RenderSummaryMd(const Summary& s) {
  std::string out = "# receipts — claims checked against the record\n\n";
  out += fmt::format(
      "**{} claims** claim **{}** in savings; **{}** of it is verified in the record "
      "(**{}**).\n\n",
      s.claims, FormatUsd(s.claimed_total), FormatUsd(s.verified_total),
      PercentOf(s.verified_total, s.claimed_total));
  out +=
      fmt::format("Records as of {}; savings counted since {}.\n\n",
                  s.records_as_of ? s.records_as_of->ToIso() : "an unknown date", s.since.ToIso());
  if (std::string note = AfterRecordsNote(s); !note.empty()) out += note + ".\n\n";
  // A reader must know that some dates were unreadable and left unknown, not made up.
  if (std::string note = LenientNote(s); !note.empty()) out += Cell(note) + ".\n\n";

  if (std::string note = OtherRecordsNote(s); !note.empty()) out += Cell(note) + ".\n\n";
  if (s.by_kind.size() > 1) {
    out += "## By kind\n\n| Kind | Claims | Claimed | Verified |\n|---|--:|--:|--:|\n";
    for (const KindTotals& kind : s.by_kind) {
      out += fmt::format(
          "| {} | {} | {} | {} |\n", ClaimKindPluralName(kind.kind), kind.claims,
          FormatUsd(kind.claimed),
          kind.records_given ? FormatUsd(kind.verified) : Cell(NoRecordsSentence(kind.kind)));
    }
    out += "\n";
  }

  out += "## By verdict\n\n";
  out += "| Verdict | Claims | Claimed | Verified |\n|---|--:|--:|--:|\n";
  for (const VerdictTotals& v : s.by_verdict) {
    out += fmt::format("| {} | {} | {} | {} |\n", VerdictName(v.verdict), v.count,
                       FormatUsd(v.claimed), FormatUsd(v.verified));
  }
  out += fmt::format("| **total** | **{}** | **{}** | **{}** |\n\n", s.claims,
                     FormatUsd(s.claimed_total), FormatUsd(s.verified_total));

  std::size_t agencies = std::min(kMarkdownTopAgencies, s.by_agency.size());
  out += fmt::format("## Top {} agencies by claimed savings\n\n", agencies);
  out += "| Agency | Claims | Claimed | Verified | Verified share |\n|---|--:|--:|--:|--:|\n";
  for (std::size_t i = 0; i < agencies; ++i) {
    const AgencyTotals& a = s.by_agency[i];
    out += fmt::format(
        "| {} | {} | {} | {} | {} |\n", a.agency.empty() ? "(not named)" : Cell(a.agency), a.count,
        FormatUsd(a.claimed), FormatUsd(a.verified), PercentOf(a.verified, a.claimed));
  }
  if (s.by_agency.size() > agencies) {
    out += fmt::format("\n{} more agencies are in summary.json.\n", s.by_agency.size() - agencies);
  }
  out += "\n";

  out += "## Largest gaps between claimed and verified\n\n";
  out += "| Claim | PIID | Agency | Claimed | Verified | Verdict |\n|--:|---|---|--:|--:|---|\n";
  for (const SavingsGap& g : s.largest_gaps) {
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", g.claim_id, Cell(g.identifier),
                       Cell(g.agency), UsdOrUnknown(g.claimed), UsdOrUnknown(g.verified),
                       VerdictName(g.verdict));
  }
  out +=
      "\nEvery figure is traceable to the record rows named in the evidence column of "
      "verdicts.csv.\n";
  return out;
}

}  // namespace receipts
