// Escaping text for HTML: every datum a report shows goes through here.
#pragma once

#include <string>
#include <string_view>

namespace receipts {

// `text` safe in HTML element content and in quoted attribute values: & < > " ' become
// &amp; &lt; &gt; &quot; &#39;.
std::string HtmlEscape(std::string_view text);

}  // namespace receipts
