// Query strings of the server's own pages (links to the record are report/record_links.h).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/record_links.h"

namespace receipts::serve {

using receipts::UrlEncode;

// "?a=1&b=x%20y", or "" when `parts` is empty.
std::string QueryString(const std::vector<std::pair<std::string, std::string>>& parts);

}  // namespace receipts::serve
