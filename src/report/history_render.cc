#include "report/history_render.h"

#include <fmt/format.h>

#include <iterator>
#include <map>

#include "core/ids.h"
#include "core/text.h"
#include "ledger/diff.h"

namespace receipts {

std::string RenderHistories(const std::vector<ClaimHistory>& histories) {
  std::string out;
  auto it = std::back_inserter(out);
  for (const ClaimHistory& history : histories) {
    if (!out.empty()) out += '\n';
    out += history.key + "\n";
    const LedgerClaim* last = nullptr;  // the last version listed
    bool gone = false;
    for (const ClaimVersion& v : history.versions) {
      auto line = [&](std::string_view mark) {
        fmt::format_to(it, "  snapshot {}  {}  {}\n", v.snapshot.id, v.snapshot.as_of, mark);
      };
      if (!v.claim) {
        if (!gone && last != nullptr) {
          line(fmt::format("gone (last claimed {})", FormatDollars(last->claimed_savings)));
        }
        gone = true;
        continue;
      }
      if (last == nullptr) {
        line("listed");
        std::vector<std::string> values = CanonicalFieldValues(*v.claim);
        for (std::size_t i = 0; i < kCanonicalFieldCount; ++i) {
          if (!values[i].empty())
            fmt::format_to(it, "    {}: {}\n", kCanonicalFieldNames[i], values[i]);
        }
      } else {
        std::vector<FieldChange> changes = DiffFields(*last, *v.claim);
        line(gone ? (changes.empty() ? "back, unchanged" : "back, changed")
                  : (changes.empty() ? "unchanged" : "changed"));
        for (const FieldChange& f : changes) {
          fmt::format_to(it, "    {}: {} -> {}\n", f.field,
                         f.old_value.empty() ? "(blank)" : f.old_value,
                         f.new_value.empty() ? "(blank)" : f.new_value);
        }
      }
      gone = false;
      last = &*v.claim;
    }
  }
  return out;
}

}  // namespace receipts
