#include "report/record_links.h"

#include <fmt/format.h>

namespace receipts {
namespace {

constexpr std::string_view kNone = "-NONE-";

std::string_view Field(std::string_view value) { return value == kNone ? "" : value; }

}  // namespace

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

std::string ModNumberOf(const Action& action) {
  return action.mod_number.empty() ? std::string("0") : action.mod_number;
}

std::string FpdsUrlOfAction(const Award& award, const Action& action, const ParentIdv& parent) {
  if (award.family == AwardFamily::kAssistance) return "";
  return FpdsUrl(award.agency_id, award.piid, ModNumberOf(action),
                 award.family == AwardFamily::kIdv, parent);
}

ParentIdv ParentIdvOfAwardKey(std::string_view award_key) {
  constexpr std::string_view kPrefix = "CONT_AWD_";
  if (award_key.substr(0, kPrefix.size()) != kPrefix) return {};
  std::vector<std::string_view> parts;
  std::string_view rest = award_key.substr(kPrefix.size());
  for (std::size_t at; (at = rest.find('_')) != std::string_view::npos;
       rest.remove_prefix(at + 1)) {
    parts.push_back(rest.substr(0, at));
  }
  parts.push_back(rest);
  // PIID, agency, IDV PIID, IDV agency: anything else is not a key of this shape.
  if (parts.size() != 4) return {};
  return ParentIdv{std::string(Field(parts[3])), std::string(Field(parts[2]))};
}

std::string FpdsUrl(std::string_view agency_id, std::string_view piid, std::string_view mod,
                    bool idv, const ParentIdv& parent) {
  return "https://www.fpds.gov/ezsearch/jsp/viewLinkController.jsp?agencyID=" +
         UrlEncode(agency_id) + "&PIID=" + UrlEncode(piid) + "&modNumber=" + UrlEncode(mod) +
         "&idvAgencyID=" + UrlEncode(parent.agency_id) + "&idvPIID=" + UrlEncode(parent.piid) +
         "&contractType=" + (idv ? "IDV" : "AWARD");
}

std::string UsaspendingUrl(std::string_view award_key) {
  if (award_key.substr(0, 5) != "CONT_" && award_key.substr(0, 5) != "ASST_") return "";
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

ClaimLinks LinksOfClaim(std::string_view kind, std::string_view award_key,
                        std::string_view agency_id, std::string_view piid,
                        const std::vector<RecordRef>& evidence, std::string_view published_link,
                        ParentIdv parent) {
  ClaimLinks links;
  links.usaspending_url = UsaspendingUrl(award_key);
  links.published_url = SafeHttpLink(published_link);
  const bool contract = kind == "contract";
  const bool idv = award_key.substr(0, 9) == "CONT_IDV_";
  if (parent.piid.empty()) parent = ParentIdvOfAwardKey(award_key);
  if (contract && !agency_id.empty() && !piid.empty()) {
    const RecordRef base{std::string(agency_id), std::string(piid), "0", ""};
    links.fpds_base = {base.ToString(), FpdsUrl(agency_id, piid, "0", idv, parent)};
  }
  for (const RecordRef& ref : evidence) {
    // Contract evidence is FPDS actions; a grant's or lease's rows are the agency's own lists.
    const bool fpds = contract && !ref.agency_id.empty() && !ref.piid.empty();
    links.fpds_actions.push_back(
        {ref.ToString(),
         fpds ? FpdsUrl(ref.agency_id, ref.piid, ref.mod_number, idv, parent) : std::string()});
  }
  return links;
}

ClaimLinks LinksOfResult(const Claim& claim, const ClaimResult& result) {
  ParentIdv parent{result.parent_idv_agency_id, result.parent_idv_piid};
  if (parent.piid.empty()) parent = {claim.idv_agency_id, claim.idv_piid};
  return LinksOfClaim(ClaimKindName(claim.kind), result.award_key, claim.agency_id, claim.piid,
                      result.evidence, claim.link, parent);
}

std::string JoinedFpdsUrls(const ClaimLinks& links) {
  std::string out;
  for (const RecordLink& link : links.fpds_actions) {
    if (link.url.empty()) continue;
    if (!out.empty()) out += ' ';
    out += link.url;
  }
  return out;
}

}  // namespace receipts
