#include "claims/claims_columns.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <initializer_list>
#include <utility>

#include "core/date.h"
#include "core/ids.h"
#include "core/money.h"
#include "core/text.h"

namespace receipts {
namespace {

int FindAny(const std::vector<std::string>& names, std::initializer_list<std::string_view> wanted) {
  for (std::string_view w : wanted) {
    int column = FindClaimColumn(names, w);
    if (column >= 0) return column;
  }
  return -1;
}

bool Has(const std::vector<std::string>& names, std::initializer_list<std::string_view> wanted) {
  return FindAny(names, wanted) >= 0;
}

class Row {
 public:
  Row(const std::vector<std::string>& names, const std::vector<std::string>& fields,
      const std::string& file, std::size_t line)
      : names_(names), fields_(fields), file_(file), line_(line) {}

  std::string_view Text(int column) const {
    if (column < 0 || static_cast<std::size_t>(column) >= fields_.size()) return {};
    return Trim(fields_[static_cast<std::size_t>(column)]);
  }

  Status Error(int column, std::string_view what) const {
    std::string_view name = column >= 0 && static_cast<std::size_t>(column) < names_.size()
                                ? std::string_view(names_[static_cast<std::size_t>(column)])
                                : std::string_view();
    return Status::BadInput(file_, line_, name, what);
  }

  Status Money(int column, std::optional<Cents>* out) const {
    Result<std::optional<Cents>> money = ParseMoney(Text(column));
    if (!money.ok()) return Error(column, money.status().message());
    *out = *money;
    return Status::Ok();
  }

 private:
  const std::vector<std::string>& names_;
  const std::vector<std::string>& fields_;
  const std::string& file_;
  std::size_t line_;
};

// Square feet as published: "3076", "1,920", "1920.0"; blank is unknown.
Status ParseSquareFeet(const Row& row, int column, std::optional<long long>* out) {
  std::string_view text = row.Text(column);
  if (text.empty()) return Status::Ok();
  std::string digits;
  std::size_t i = 0;
  for (; i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == ',');
       ++i) {
    if (text[i] != ',') digits.push_back(text[i]);
  }
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && text[i] == '0'; ++i) {
    }
  }
  long long value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || i != text.size() || ec != std::errc() ||
      end != digits.data() + digits.size()) {
    return row.Error(column, QuotedPrefix(text, " is not a whole number of square feet"));
  }
  *out = value;
  return Status::Ok();
}

// The row's date: the first date column that holds one. Not an error when none does: the lists
// hold typos and notes where a date belongs ("2/12/0205", "205-02-12", "Contract expiring and no
// option to be exercised" in the 2025-02-18 list), and a claim whose date is unreadable is still
// a claim to check; its text stays in Claim::raw. Money, which the checks rest on, stays strict.
std::optional<Date> RowDate(const ClaimColumns& c, const Row& row) {
  for (int column : c.dates) {
    if (row.Text(column).empty()) continue;
    Result<std::optional<Date>> date = ParseDate(row.Text(column));
    if (date.ok() && *date) return *date;
  }
  return std::nullopt;
}

// The names of the date columns whose text is there but is no date: what RowDate passes over.
std::vector<std::string> UnreadableDateFields(const ClaimColumns& c, const Row& row,
                                              const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (int column : c.dates) {
    if (row.Text(column).empty()) continue;
    Result<std::optional<Date>> date = ParseDate(row.Text(column));
    if (!date.ok() || !*date) out.push_back(names[static_cast<std::size_t>(column)]);
  }
  return out;
}

// The earliest readable date of the row, by the same leniency as RowDate.
std::optional<Date> EarliestRowDate(const ClaimColumns& c, const Row& row) {
  std::optional<Date> earliest;
  for (int column : c.dates) {
    if (row.Text(column).empty()) continue;
    Result<std::optional<Date>> date = ParseDate(row.Text(column));
    if (date.ok() && *date && (!earliest || **date < *earliest)) earliest = *date;
  }
  return earliest;
}

// A PIID as listed: "12639525Q0046 (Notice of Intent ID)" is PIID 12639525Q0046 with a note.
std::string ListedPiid(std::string_view text) {
  std::size_t note = text.find(" (");
  if (note != std::string_view::npos && text.back() == ')') text = text.substr(0, note);
  return NormalizePiid(text);
}

void FillContractIdentity(const ClaimColumns& c, const Row& row, Claim* claim) {
  claim->piid = ListedPiid(row.Text(c.piid));
  std::optional<FpdsLink> link = ParseFpdsLink(row.Text(c.link));
  if (!link) link.emplace();
  if (claim->piid.empty()) claim->piid = link->piid;
  // The link names the very modification; the 2025-03-13 grab's columns were parsed from it.
  auto pick = [](std::string from_link, std::string from_column) {
    return from_link.empty() ? std::move(from_column) : std::move(from_link);
  };
  claim->agency_id = pick(link->agency_id, NormalizeAgencyId(row.Text(c.agency_id)));
  claim->mod_number = pick(link->mod_number, ToUpperAscii(row.Text(c.mod_number)));
  claim->idv_agency_id = pick(link->idv_agency_id, NormalizeAgencyId(row.Text(c.idv_agency_id)));
  claim->idv_piid = pick(link->idv_piid, NormalizePiid(row.Text(c.idv_piid)));
  claim->contract_type = pick(link->contract_type, ToUpperAscii(row.Text(c.contract_type)));
}

void FillGrantIdentity(const ClaimColumns& c, const Row& row, Claim* claim) {
  std::optional<std::string> award_id = ParseUsaspendingAwardId(row.Text(c.link));
  if (!award_id && !row.Text(c.award_id).empty()) award_id = ToUpperAscii(row.Text(c.award_id));
  if (award_id) {
    claim->award_id = *award_id;
    if (std::optional<AssistanceAwardId> parts = ParseAssistanceAwardId(*award_id)) {
      (parts->aggregate ? claim->uri : claim->fain) = parts->fain_or_uri;
    }
  }
  // USAspending's own fain/uri columns (the 2025-03-30 file) are the authority when present.
  if (!row.Text(c.fain).empty()) claim->fain = ToUpperAscii(row.Text(c.fain));
  if (!row.Text(c.uri).empty()) claim->uri = ToUpperAscii(row.Text(c.uri));
}

}  // namespace

int FindClaimColumn(const std::vector<std::string>& names, std::string_view wanted) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == wanted) return static_cast<int>(i);
  }
  std::string lower = ToLowerAscii(wanted);
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (ToLowerAscii(names[i]) == lower) return static_cast<int>(i);
  }
  return -1;
}

Status RefuseRepeatedFieldNames(const std::vector<std::string>& names, const std::string& file,
                                std::size_t item) {
  for (std::size_t j = 1; j < names.size(); ++j) {
    if (std::find(kClaimColumnsMayRepeat.begin(), kClaimColumnsMayRepeat.end(), names[j]) !=
        kClaimColumnsMayRepeat.end()) {
      continue;
    }
    for (std::size_t i = 0; i < j; ++i) {
      if (names[i] == names[j]) {
        return Status::BadInput(file, item, "",
                                "fields " + std::to_string(i + 1) + " and " +
                                    std::to_string(j + 1) + " are both named '" + names[j] + "'");
      }
    }
  }
  return Status::Ok();
}

ClaimColumns ClaimColumns::Resolve(const std::vector<std::string>& names) {
  ClaimColumns c;
  int savings = FindClaimColumn(names, "savings");
  int value = FindClaimColumn(names, "value");
  int ceiling = FindClaimColumn(names, "ceiling_value");
  // Feb CSVs and the March wall tables call the savings figure 'value'; from the 2025-03-13 grab
  // on, 'savings' is the claim and 'value' the contract value. 'ceiling_value' wins when listed.
  if (savings >= 0) {
    c.savings = savings;
    c.value = ceiling >= 0 ? ceiling : value;
  } else {
    c.savings = value >= 0 ? value : FindClaimColumn(names, "saved");
    c.value = ceiling;
  }
  // The 2025-03-25 grants scrape has 'value' and, on a few rows where it is blank, 'saved'.
  int saved = FindClaimColumn(names, "saved");
  if (saved != c.savings) c.saved = saved;
  c.piid = FindAny(names, {"piid", "award_id_piid"});
  c.link = FindAny(names, {"fpds_link", "link"});
  c.agency_id = FindClaimColumn(names, "agencyID");
  c.mod_number = FindClaimColumn(names, "modNumber");
  c.idv_agency_id = FindClaimColumn(names, "idvAgencyID");
  c.idv_piid = FindClaimColumn(names, "idvPIID");
  c.contract_type = FindClaimColumn(names, "contractType");
  c.award_id = FindClaimColumn(names, "generated_unique_award_id");
  c.fain = FindClaimColumn(names, "fain");
  c.uri = FindClaimColumn(names, "uri");
  c.location = FindClaimColumn(names, "location");
  c.square_feet = FindAny(names, {"sq_ft", "square_feet"});
  c.agency = FindClaimColumn(names, "agency");
  c.vendor = FindAny(names, {"vendor", "recipient"});
  c.description = FindClaimColumn(names, "description");
  c.description_doge = FindClaimColumn(names, "description_doge");
  c.status = FindClaimColumn(names, "fpds_status");
  for (std::string_view name :
       {"date", "deleted_date", "uploaded_on", "UPLOADED ON", "update_date", "uploaded_dt"}) {
    int column = FindClaimColumn(names, name);
    if (column >= 0) c.dates.push_back(column);
  }
  return c;
}

ClaimKind DetectClaimKind(const std::vector<std::string>& names, std::string_view link_sample) {
  if (Has(names, {"sq_ft", "square_feet", "location"})) return ClaimKind::kLease;
  if (Has(names, {"recipient", "fain", "uri", "generated_unique_award_id"})) {
    return ClaimKind::kGrant;
  }
  std::string link = ToLowerAscii(link_sample);
  if (link.find("usaspending.gov") != std::string::npos) return ClaimKind::kGrant;
  if (Has(names, {"piid", "award_id_piid", "fpds_link", "link", "agencyID", "vendor"})) {
    return ClaimKind::kContract;
  }
  return ClaimKind::kGrant;
}

Result<Claim> MapClaimRow(const ClaimColumns& c, const std::vector<std::string>& names,
                          const std::vector<std::string>& fields, ClaimKind kind,
                          const std::string& file, std::size_t line) {
  Row row(names, fields, file, line);
  Claim claim;
  claim.kind = kind;
  claim.source_file = file;
  claim.source_line = line;

  if (Status s = row.Money(c.savings, &claim.claimed_savings); !s.ok()) return s;
  if (!claim.claimed_savings) {
    if (Status s = row.Money(c.saved, &claim.claimed_savings); !s.ok()) return s;
  }
  if (Status s = row.Money(c.value, &claim.claimed_value); !s.ok()) return s;
  claim.date = RowDate(c, row);
  claim.earliest_date = EarliestRowDate(c, row);
  claim.lenient_fields = UnreadableDateFields(c, row, names);

  switch (kind) {
    case ClaimKind::kContract:
      FillContractIdentity(c, row, &claim);
      break;
    case ClaimKind::kGrant:
      FillGrantIdentity(c, row, &claim);
      break;
    case ClaimKind::kLease:
      claim.location = std::string(row.Text(c.location));
      if (Status s = ParseSquareFeet(row, c.square_feet, &claim.square_feet); !s.ok()) return s;
      break;
  }

  claim.agency = std::string(row.Text(c.agency));
  claim.vendor = std::string(row.Text(c.vendor));
  claim.description = std::string(row.Text(c.description));
  if (claim.description.empty()) claim.description = std::string(row.Text(c.description_doge));
  claim.status = std::string(row.Text(c.status));
  claim.link = std::string(row.Text(c.link));

  claim.raw.reserve(fields.size());
  for (std::size_t i = 0; i < fields.size() && i < names.size(); ++i) {
    claim.raw.emplace_back(names[i], fields[i]);
  }
  return claim;
}

}  // namespace receipts
