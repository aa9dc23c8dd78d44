#include "serve/url.h"

#include <fmt/format.h>

namespace receipts::serve {

std::string UrlEncode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string QueryString(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string out;
  for (const auto& [name, value] : parts) {
    out += out.empty() ? "?" : "&";
    out += UrlEncode(name) + "=" + UrlEncode(value);
  }
  return out;
}

std::string FpdsUrl(std::string_view agency_id, std::string_view piid, std::string_view mod,
                    bool idv) {
  return "https://www.fpds.gov/ezsearch/jsp/viewLinkController.jsp?agencyID=" +
         UrlEncode(agency_id) + "&PIID=" + UrlEncode(piid) + "&modNumber=" + UrlEncode(mod) +
         "&idvAgencyID=&idvPIID=&contractType=" + (idv ? "IDV" : "AWARD");
}

std::string FpdsUrl(const RecordRef& ref, bool idv) {
  if (ref.agency_id.empty() || ref.piid.empty()) return "";
  return FpdsUrl(ref.agency_id, ref.piid, ref.mod_number, idv);
}

std::string UsaspendingUrl(std::string_view award_key) {
  if (award_key.empty()) return "";
  return "https://www.usaspending.gov/award/" + UrlEncode(award_key);
}

std::string SafeHttpLink(std::string_view link) {
  if (link.substr(0, 8) != "https://" && link.substr(0, 7) != "http://") return "";
  for (unsigned char c : link) {
    if (c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c >= 0x7f) {
      return "";
    }
  }
  return std::string(link);
}

}  // namespace receipts::serve
