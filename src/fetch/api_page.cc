#include "fetch/api_page.h"

#include <simdjson.h>

#include <cmath>

namespace receipts {
namespace {

// A JSON number that is a whole, non-negative count (the API sends them as JSON numbers, which
// may be written 1234 or 1234.0).
bool ReadCount(simdjson::dom::object meta, const char* key, std::int64_t* out) {
  simdjson::dom::element value;
  if (meta[key].get(value)) return false;
  std::int64_t integer = 0;
  if (!value.get(integer)) {
    *out = integer;
    return integer >= 0;
  }
  double real = 0;
  if (value.get(real) || real < 0 || real > 9e15 || std::floor(real) != real) return false;
  *out = static_cast<std::int64_t>(real);
  return true;
}

}  // namespace

Result<std::optional<ApiPageMeta>> ReadApiPageMeta(const std::string& name,
                                                   std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  simdjson::padded_string padded(bytes.data(), bytes.size());
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto error = parser.parse(padded).get(root)) {
    return Status::BadInput(name, 0, "",
                            std::string("not JSON: ") + simdjson::error_message(error));
  }
  simdjson::dom::object meta;
  if (root["meta"].get(meta)) return std::optional<ApiPageMeta>();
  ApiPageMeta out;
  if (!ReadCount(meta, "total_results", &out.total_results)) {
    return Status::BadInput(name, 0, "meta.total_results", "missing or not a count");
  }
  if (!ReadCount(meta, "pages", &out.pages)) {
    return Status::BadInput(name, 0, "meta.pages", "missing or not a count");
  }
  return std::optional<ApiPageMeta>(out);
}

}  // namespace receipts
