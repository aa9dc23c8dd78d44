// Identifiers of awards (PIID, agency id, FAIN) and their normalisation, in one place.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace receipts {

// Upper-cases and drops everything but letters and digits: "70cmsd22a0000-0008 " ->
// "70CMSD22A00000008". Placeholders such as "Unavailable", "Unavailable for legal reasons", "N/A"
// and "NONE" give "" (no identifier).
std::string NormalizePiid(std::string_view text);

// An FPDS agency id ("9700", "955F", "097"): trimmed and upper-cased.
std::string NormalizeAgencyId(std::string_view text);

// The parts of an FPDS "viewLinkController.jsp?agencyID=…&PIID=…&modNumber=…&idvAgencyID=…&
// idvPIID=…&contractType=AWARD" link. Fields absent from the link are empty.
struct FpdsLink {
  std::string agency_id;
  std::string piid;
  std::string mod_number;
  std::string idv_agency_id;
  std::string idv_piid;
  std::string contract_type;  // "AWARD" or "IDV" (upper-cased)
};
// std::nullopt when `url` is not an FPDS view link carrying a PIID.
std::optional<FpdsLink> ParseFpdsLink(std::string_view url);

// The award id at the end of a USAspending award link, e.g.
// "https://usaspending.gov/award/ASST_NON_23K75IL000001_1605" -> "ASST_NON_23K75IL000001_1605".
// std::nullopt when the link carries none.
std::optional<std::string> ParseUsaspendingAwardId(std::string_view url);

// The parts of an assistance award id: ASST_NON_<FAIN>_<subtier> or ASST_AGG_<URI>_<subtier>.
struct AssistanceAwardId {
  bool aggregate = false;  // true: the middle part is a URI, not a FAIN
  std::string fain_or_uri;
  std::string subtier;
};
std::optional<AssistanceAwardId> ParseAssistanceAwardId(std::string_view award_id);

// USAspending's generated keys (domain.md §1.1):
// CONT_AWD_{PIID}_{agency}_{parentPIID}_{parentAgency} with blanks as -NONE-, and
// CONT_IDV_{PIID}_{agency}.
std::string ContractAwardKey(std::string_view piid, std::string_view agency_id,
                             std::string_view idv_piid, std::string_view idv_agency_id);
std::string IdvAwardKey(std::string_view piid, std::string_view agency_id);

// One action of the contract record, as FPDS names it: agency id, PIID, modification number and,
// for a modification the record holds more than once, its transaction number. Its written form,
// "agencyID/PIID/modNumber" followed by "#transaction" when the transaction number is neither
// empty nor "0" ("9300/93310023P0021/A00003", "9700/W91CRB20C0010/P00012#2"), is the evidence
// column's and the API's record key (doc/formats.md).
struct RecordRef {
  std::string agency_id;
  std::string piid;
  std::string mod_number;
  std::string transaction_number;

  std::string ToString() const;
  bool operator==(const RecordRef&) const = default;
};

}  // namespace receipts
