// The columns of a DOGE claims list, found by name, and the mapping of one row onto a Claim.
// Shared by the CSV and JSON claims readers: both turn a record into (name, text) fields first,
// so every schema era is mapped by this one piece of code.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/claim.h"
#include "core/status.h"

namespace receipts {

// The column called `wanted`: exact match first, then ignoring ASCII case; -1 when absent.
// (The same rule as CsvReader::Find, for field names that do not come from a CSV header.)
int FindClaimColumn(const std::vector<std::string>& names, std::string_view wanted);

// The column names a claims list may repeat: text shown, never checked. The 2025-03-30 grants
// list has DOGE's 'description' (column 7, the one read) and USAspending's (column 15), which
// differ on 5,318 of its 9,163 rows. Any other repeated name is an error (CsvReader::ReadHeader).
inline const std::vector<std::string_view> kClaimColumnsMayRepeat = {"description"};

// Fails, naming both positions, when two of an item's field `names` are one name (outside
// kClaimColumnsMayRepeat): a JSON object may repeat a key, and which one was read was chance.
Status RefuseRepeatedFieldNames(const std::vector<std::string>& names, const std::string& file,
                                std::size_t item);

// Where each Claim field comes from in one shape of claims list; -1 = absent.
struct ClaimColumns {
  // Resolves every column of `names` once; the era decides which one holds the savings.
  static ClaimColumns Resolve(const std::vector<std::string>& names);

  // True when some column can hold the claimed savings ('savings', 'value' or 'saved').
  bool has_savings() const { return savings >= 0; }

  int savings = -1;  // the era's savings figure
  int saved = -1;    // a second savings column, read where `savings` is blank
  int value = -1;    // the era's contract value or ceiling
  int piid = -1;
  int link = -1;  // fpds_link / LINK / link
  int agency_id = -1;
  int mod_number = -1;
  int idv_agency_id = -1;
  int idv_piid = -1;
  int contract_type = -1;
  int award_id = -1;  // generated_unique_award_id
  int fain = -1;
  int uri = -1;
  int location = -1;
  int square_feet = -1;
  int agency = -1;
  int vendor = -1;
  int description = -1;
  int description_doge = -1;
  int status = -1;
  std::vector<int> dates;  // in order of preference: the first non-empty one is the row's date
};

// The kind of claims a list holds, from its column names and the first non-empty value of its
// link column (`link_sample`, "" when none): a lease has sq_ft/location, a grant a recipient,
// FAIN or USAspending link, a contract a PIID or FPDS link. A list with no identifying column at
// all (the 2025-03-13 grants grab: update_date, agency, ceiling_value, value, savings) is grants.
ClaimKind DetectClaimKind(const std::vector<std::string>& names, std::string_view link_sample);

// Maps one row (`fields` aligned with `names`) onto a Claim of `kind`. `line` is the physical
// line (CSV) or item number (JSON) used in errors and as Claim::source_line. Fails, naming file,
// line and field, on malformed money or square feet. A date that cannot be read leaves the date
// unknown (the lists hold typos such as "2/12/0205" where a date belongs) and is named in
// Claim::lenient_fields.
Result<Claim> MapClaimRow(const ClaimColumns& columns, const std::vector<std::string>& names,
                          const std::vector<std::string>& fields, ClaimKind kind,
                          const std::string& file, std::size_t line);

}  // namespace receipts
