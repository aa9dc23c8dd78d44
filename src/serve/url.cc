#include "serve/url.h"

#include <fmt/format.h>

namespace receipts::serve {

std::string QueryString(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string out;
  for (const auto& [name, value] : parts) {
    out += out.empty() ? "?" : "&";
    out += UrlEncode(name) + "=" + UrlEncode(value);
  }
  return out;
}

}  // namespace receipts::serve
