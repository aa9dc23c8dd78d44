// The frame every dashboard page shares (header, navigation, footer, the one stylesheet and
// script from /assets/), and the small pieces pages repeat: money cells, verdict tags, links.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "ledger/diff.h"
#include "ledger/ledger.h"

namespace receipts::serve {

// The whole HTML document. `nav` is the active section ("overview", "claims", "diff", "");
// `body` is trusted HTML built by the pages (every datum in it already escaped).
std::string RenderPage(std::string_view title, std::string_view nav, const std::string& body);

// An error page with the HTTP status and message.
std::string ErrorPage(int status, std::string_view message);

// <td class="m" data-cents="…">$1,234.56</td>; empty cell when unknown.
std::string MoneyCell(const std::optional<Cents>& cents, std::string_view test_id = "");

// <span class="vd"><i class="v-…"></i>name</span>; "—" when no verdict.
std::string VerdictTag(std::string_view verdict);

// The changed fields, one <div> each: "field: old → new", money fields as "$1,234.56".
std::string FieldChangesHtml(const std::vector<FieldChange>& changes);

// "/claims/<key>?snapshot=<id>" (escaped for an attribute by the caller).
std::string ClaimPath(std::string_view key, std::int64_t snapshot_id);
// "/claims/<key>": the claim in the latest snapshot listing it.
std::string ClaimPath(std::string_view key);

// "2025-02-18 18:25 UTC" for "2025-02-18T18:25:00Z"; "2025-03-13" for a list dated by its day
// (midnight UTC); anything else as it is.
std::string AsOfText(std::string_view as_of);

// "snapshot 3 · 2025-02-19 10:50 UTC".
std::string SnapshotLabel(const SnapshotInfo& snapshot);

}  // namespace receipts::serve
