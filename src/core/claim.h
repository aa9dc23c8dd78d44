// One savings claim as published (DOGE or any agency list), whatever its file's shape.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/money.h"

namespace receipts {

enum class ClaimKind { kContract, kGrant, kLease };
inline constexpr ClaimKind kAllClaimKinds[] = {ClaimKind::kContract, ClaimKind::kGrant,
                                               ClaimKind::kLease};

// A kind's names: singular for one claim ("contract", "grant", "lease"), plural for a list or a
// snapshot ("contracts", "grants", "leases"). The one table every flag, parameter and stored
// snapshot kind is read and written with.
const char* ClaimKindName(ClaimKind kind);
const char* ClaimKindPluralName(ClaimKind kind);
// The kind named `name`, singular or plural; nullopt for anything else ("mixed", "unknown", "").
std::optional<ClaimKind> ClaimKindNamed(std::string_view name);

struct Claim {
  ClaimKind kind = ClaimKind::kContract;
  std::string source_file;      // as given on the command line
  std::size_t source_line = 0;  // physical line (CSV) or item number (JSON), 1-based

  // Contract identity (normalised; empty when unknown). From piid/PIID columns, else the FPDS link.
  std::string piid;
  std::string agency_id;      // FPDS agencyID, from the link or an agencyID column
  std::string mod_number;     // the modification the link names
  std::string idv_agency_id;  // parent IDV, from the link
  std::string idv_piid;
  std::string contract_type;  // "AWARD" / "IDV" from the link, else ""

  // Grant identity: the USAspending award id of the link (ASST_NON_<FAIN>_<subtier>) and its
  // FAIN/URI.
  std::string award_id;
  std::string fain;
  std::string uri;

  // Lease identity.
  std::string location;
  std::optional<long long> square_feet;

  std::string agency;  // agency name as published
  std::string vendor;  // vendor (contracts) or recipient (grants)
  std::string description;
  std::string status;        // fpds_status as published
  std::string link;          // fpds_link / LINK / link as published
  std::optional<Date> date;  // the row's own date (listed, uploaded or deleted)
  // The earliest date the row gives: no later than the day the claim was listed. Not `date`,
  // which in the Feb-2025 CSVs and the 2025-03-13 grab is DOGE's `date` field, months after the
  // list itself on some rows (2025-09-30 in a list captured 2025-03-13; `update_date` holds the
  // upload). In the API era the only date is `deleted_date`.
  std::optional<Date> earliest_date;
  std::optional<Cents> claimed_savings;  // the era's savings field
  std::optional<Cents> claimed_value;    // the era's contract value or ceiling

  // The fields whose text could not be read and was left unknown rather than refused (a date
  // such as "2/12/0205"), by header name, so each run can say how many there were.
  std::vector<std::string> lenient_fields;

  // Every field exactly as read, in file order (header name, text): kept for the ledger.
  std::vector<std::pair<std::string, std::string>> raw;
};

}  // namespace receipts
