// The dashboard's static files, compiled into the binary. Only these paths are served under
// /assets/: the table is fixed, so no request can name a file on disk.
#pragma once

#include <string_view>

namespace receipts::serve {

struct Asset {
  std::string_view path;  // "/assets/app.css"
  std::string_view content_type;
  std::string_view body;
};

// The asset at exactly `path`, or nullptr.
const Asset* FindAsset(std::string_view path);

}  // namespace receipts::serve
