#include "core/ids.h"

#include <cctype>

#include "core/text.h"

namespace receipts {

std::string NormalizePiid(std::string_view text) {
  std::string upper = ToUpperAscii(Trim(text));
  if (upper.empty() || upper.starts_with("UNAVAILABLE") || upper == "N/A" || upper == "NA" ||
      upper == "NONE" || upper == "-NONE-" || upper == "NULL") {
    return "";
  }
  std::string out;
  for (char c : upper) {
    if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

std::string NormalizeAgencyId(std::string_view text) { return ToUpperAscii(Trim(text)); }

std::optional<FpdsLink> ParseFpdsLink(std::string_view url) {
  std::size_t query = url.find('?');
  if (query == std::string_view::npos) return std::nullopt;
  FpdsLink link;
  std::string_view rest = url.substr(query + 1);
  while (!rest.empty()) {
    std::size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    std::string key = ToLowerAscii(pair.substr(0, eq));
    std::string_view value = Trim(pair.substr(eq + 1));
    if (key == "agencyid") link.agency_id = NormalizeAgencyId(value);
    if (key == "piid") link.piid = NormalizePiid(value);
    if (key == "modnumber") link.mod_number = ToUpperAscii(value);
    if (key == "idvagencyid") link.idv_agency_id = NormalizeAgencyId(value);
    if (key == "idvpiid") link.idv_piid = NormalizePiid(value);
    if (key == "contracttype") link.contract_type = ToUpperAscii(value);
  }
  if (link.piid.empty()) return std::nullopt;
  return link;
}

std::optional<std::string> ParseUsaspendingAwardId(std::string_view url) {
  url = Trim(url);
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  std::size_t slash = url.rfind('/');
  std::string_view last = slash == std::string_view::npos ? url : url.substr(slash + 1);
  std::string id = ToUpperAscii(last);
  if (!id.starts_with("ASST_") && !id.starts_with("CONT_")) return std::nullopt;
  return id;
}

std::optional<AssistanceAwardId> ParseAssistanceAwardId(std::string_view award_id) {
  std::string id = ToUpperAscii(Trim(award_id));
  AssistanceAwardId out;
  if (id.starts_with("ASST_NON_")) {
    id = id.substr(9);
  } else if (id.starts_with("ASST_AGG_")) {
    out.aggregate = true;
    id = id.substr(9);
  } else {
    return std::nullopt;
  }
  // The subtier code never holds '_'; a FAIN may, so split at the last one.
  std::size_t last = id.rfind('_');
  if (last == std::string::npos || last == 0) return std::nullopt;
  out.fain_or_uri = id.substr(0, last);
  out.subtier = id.substr(last + 1);
  return out;
}

std::string ContractAwardKey(std::string_view piid, std::string_view agency_id,
                             std::string_view idv_piid, std::string_view idv_agency_id) {
  auto part = [](std::string_view s) { return s.empty() ? std::string("-NONE-") : std::string(s); };
  return "CONT_AWD_" + part(piid) + "_" + part(agency_id) + "_" + part(idv_piid) + "_" +
         part(idv_agency_id);
}

std::string IdvAwardKey(std::string_view piid, std::string_view agency_id) {
  return "CONT_IDV_" + std::string(piid) + "_" +
         (agency_id.empty() ? "-NONE-" : std::string(agency_id));
}

std::string RecordRef::ToString() const {
  std::string text = agency_id + "/" + piid + "/" + mod_number;
  if (!transaction_number.empty() && transaction_number != "0") text += "#" + transaction_number;
  return text;
}

}  // namespace receipts
