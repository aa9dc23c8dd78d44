// URLs the server writes: query strings of its own pages, and links to the public record
// (FPDS, USAspending) that a claim page offers. Links are plain <a href>: nothing is fetched.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ids.h"

namespace receipts::serve {

// RFC 3986 percent-encoding of everything but unreserved characters.
std::string UrlEncode(std::string_view text);

// "?a=1&b=x%20y", or "" when `parts` is empty.
std::string QueryString(const std::vector<std::pair<std::string, std::string>>& parts);

// The FPDS page of one contract action ("AWARD", or "IDV" for an IDV's key).
std::string FpdsUrl(std::string_view agency_id, std::string_view piid, std::string_view mod,
                    bool idv);

// FpdsUrl for one action of the record (its transaction number has no place in the link).
std::string FpdsUrl(const RecordRef& ref, bool idv);

// https://www.usaspending.gov/award/<award_key>; "" for an empty key.
std::string UsaspendingUrl(std::string_view award_key);

// `link` when it is an http(s) URL that is safe to put in an href (no spaces, quotes or angle
// brackets), else "": a published link is shown as a link only when it is one.
std::string SafeHttpLink(std::string_view link);

}  // namespace receipts::serve
