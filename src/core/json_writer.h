// Writing JSON by hand: the one string escaper every JSON output shares.
#pragma once

#include <string>
#include <string_view>

namespace receipts {

// `text` as a quoted JSON string. '"' and '\' are backslash-escaped, control characters
// (U+0000..U+001F) become \u00XX, well-formed UTF-8 passes through unchanged, and any byte that
// is not part of well-formed UTF-8 becomes \ufffd, so the output is always valid JSON.
std::string JsonString(std::string_view text);

}  // namespace receipts
