// The paging facts of one DOGE API page: its "meta" object
// {"total_results": N, "pages": P} (the items themselves are read by ParseClaims).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace receipts {

struct ApiPageMeta {
  std::int64_t total_results = 0;  // items in the whole list
  std::int64_t pages = 0;          // pages at the per_page asked for
};

// std::nullopt when the page carries no "meta" object; fails, naming `name`, when the page is
// not JSON or meta's fields are missing, negative or not whole numbers.
Result<std::optional<ApiPageMeta>> ReadApiPageMeta(const std::string& name, std::string_view bytes);

}  // namespace receipts
