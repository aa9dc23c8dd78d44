// Links from a claim to the public record: the USAspending award page, the FPDS page of each
// contract action behind its figures (with the parent IDV filled in, as FPDS's own links carry
// it), and the page DOGE published with the claim. Every output that shows a figure carries
// these, so a reader is one click from the rows it came from. Nothing is fetched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/award.h"
#include "core/claim.h"
#include "core/ids.h"
#include "verify/claim_result.h"

namespace receipts {

// RFC 3986 percent-encoding of everything but unreserved characters.
std::string UrlEncode(std::string_view text);

// The parent IDV of a contract award: from the record when it was read, else from the award
// key (CONT_AWD_{PIID}_{agency}_{IDV PIID}_{IDV agency}); empty fields when there is none.
struct ParentIdv {
  std::string agency_id;
  std::string piid;
};
ParentIdv ParentIdvOfAwardKey(std::string_view award_key);

// The FPDS page of one contract action: contractType AWARD, or IDV when the action is an IDV's.
std::string FpdsUrl(std::string_view agency_id, std::string_view piid, std::string_view mod,
                    bool idv, const ParentIdv& parent = {});

// An action's modification number as FPDS names it: "0" (the base award) when blank.
std::string ModNumberOf(const Action& action);

// The FPDS page of one action of `award` (contractType IDV for an IDV's); "" for assistance,
// which FPDS does not hold.
std::string FpdsUrlOfAction(const Award& award, const Action& action, const ParentIdv& parent);

// https://www.usaspending.gov/award/<award_key> for a USAspending key (CONT_… or ASST_…);
// "" for anything else (a GSA lease number, an empty key).
std::string UsaspendingUrl(std::string_view award_key);

// `link` when it is an http(s) URL that is safe to put in an href (no spaces, quotes or angle
// brackets), else "": a published link is shown as a link only when it is one.
std::string SafeHttpLink(std::string_view link);

struct RecordLink {
  std::string key;  // "7012/70CMSD22A00000008/P00001"
  std::string url;  // "" when the row has no public page (a termination-list or lease row)
};

struct ClaimLinks {
  std::string usaspending_url;
  RecordLink fpds_base;                  // the award's base record; url "" for non-contracts
  std::vector<RecordLink> fpds_actions;  // one per evidence row, in evidence order
  std::string published_url;             // SafeHttpLink of the claim's own link
};

// The links of one claim. `kind` is ClaimKindName ("contract", …); `award_key` is the matched
// award's ("" when none); `agency_id`/`piid` are the claim's; `evidence` the rows behind its
// figures; `parent` the award's parent IDV when the record gave it (else read from the key).
ClaimLinks LinksOfClaim(std::string_view kind, std::string_view award_key,
                        std::string_view agency_id, std::string_view piid,
                        const std::vector<RecordRef>& evidence, std::string_view published_link,
                        ParentIdv parent = {});

// LinksOfClaim for a claim as read and its result: the parent IDV from the record, else from
// the claim's own FPDS link, else from the award key.
ClaimLinks LinksOfResult(const Claim& claim, const ClaimResult& result);

// The FPDS URLs of `links.fpds_actions` that exist, joined by ' ' (CSV cells).
std::string JoinedFpdsUrls(const ClaimLinks& links);

}  // namespace receipts
