#include "claims/claims_json.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <utility>

#include "claims/claims_columns.h"
#include "core/text.h"

namespace receipts {
namespace {

// One item as (name, text) fields, the shape MapClaimRow reads.
struct ItemFields {
  std::vector<std::string> names;
  std::vector<std::string> fields;
};

// A JSON value as the text a CSV of the same item would hold. Numbers keep their shortest decimal
// form ({} formats a double with the fewest digits that read back to it), never a binary
// approximation, so money parsed from the text is exact. null is blank: unknown.
std::string ValueText(simdjson::dom::element value) {
  switch (value.type()) {
    case simdjson::dom::element_type::STRING: {
      std::string_view text;
      if (value.get(text)) return "";
      return std::string(text);
    }
    case simdjson::dom::element_type::INT64: {
      int64_t number = 0;
      if (value.get(number)) return "";
      return fmt::format("{}", number);
    }
    case simdjson::dom::element_type::UINT64: {
      uint64_t number = 0;
      if (value.get(number)) return "";
      return fmt::format("{}", number);
    }
    case simdjson::dom::element_type::DOUBLE: {
      double number = 0;
      if (value.get(number)) return "";
      return fmt::format("{}", number);
    }
    case simdjson::dom::element_type::BOOL: {
      bool flag = false;
      if (value.get(flag)) return "";
      return flag ? "true" : "false";
    }
    case simdjson::dom::element_type::NULL_VALUE:
      return "";
    case simdjson::dom::element_type::ARRAY:
    case simdjson::dom::element_type::OBJECT:
      return simdjson::minify(value);
  }
  return "";
}

Result<ItemFields> ReadItem(const std::string& name, std::size_t number,
                            simdjson::dom::element item) {
  simdjson::dom::object object;
  if (item.get(object)) {
    return Status::BadInput(name, number, "", "expected an object (one claim)");
  }
  ItemFields out;
  for (simdjson::dom::key_value_pair field : object) {
    out.names.emplace_back(field.key);
    out.fields.push_back(ValueText(field.value));
  }
  return out;
}

// The list of items: the document itself, or the list inside an API page. Sets `*page_kind` to
// the page's key.
Result<simdjson::dom::array> FindItems(const std::string& name, simdjson::dom::element root,
                                       std::optional<ClaimKind>* page_kind) {
  simdjson::dom::array items;
  if (!root.get(items)) return items;
  simdjson::dom::object page;
  if (root.get(page)) {
    return Status::BadInput(name, 0, "", "expected a JSON list of claims or an API page");
  }
  bool success = true;
  if (!page["success"].get(success) && !success) {
    return Status::BadInput(name, 0, "", "the API page says \"success\": false");
  }
  simdjson::dom::object result;
  if (page["result"].get(result)) {
    return Status::BadInput(name, 0, "",
                            "expected a JSON list of claims or an API page with a \"result\"");
  }
  for (ClaimKind key_kind : kAllClaimKinds) {
    const char* key = ClaimKindPluralName(key_kind);
    simdjson::dom::element list;
    if (result[key].get(list)) continue;
    if (list.get(items)) {
      return Status::BadInput(name, 0, "", fmt::format("\"result\".\"{}\" is not a list", key));
    }
    *page_kind = key_kind;
    return items;
  }
  return Status::BadInput(name, 0, "",
                          "the API page's \"result\" holds no \"contracts\", \"grants\" or "
                          "\"leases\" list");
}

// How many items to look through for the field names and a link that tell the kind.
constexpr std::size_t kKindSampleItems = 1000;

// The kind from the items' field names (in first-seen order) and the first non-empty link.
ClaimKind DetectItemsKind(const std::string& name, simdjson::dom::array items) {
  std::vector<std::string> names;
  std::string link_sample;
  std::size_t number = 0;
  for (simdjson::dom::element item : items) {
    if (number >= kKindSampleItems) break;
    Result<ItemFields> fields = ReadItem(name, ++number, item);
    if (!fields.ok()) continue;  // reported by the main pass
    for (std::size_t i = 0; i < fields->names.size(); ++i) {
      const std::string& field = fields->names[i];
      if (FindClaimColumn(names, field) < 0) names.push_back(field);
      if (link_sample.empty() && (ToLowerAscii(field) == "link" || field == "fpds_link")) {
        link_sample = std::string(Trim(fields->fields[i]));
      }
    }
  }
  return DetectClaimKind(names, link_sample);
}

}  // namespace

Result<std::vector<Claim>> ParseClaimsJson(const std::string& name, std::string_view data,
                                           std::optional<ClaimKind> kind) {
  if (data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);
  simdjson::padded_string padded(data.data(), data.size());
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (simdjson::error_code error = parser.parse(padded).get(root)) {
    return Status::BadInput(name, 0, "",
                            fmt::format("invalid JSON: {}", simdjson::error_message(error)));
  }
  std::optional<ClaimKind> page_kind;
  Result<simdjson::dom::array> items = FindItems(name, root, &page_kind);
  if (!items.ok()) return items.status();
  ClaimKind claim_kind = kind ? *kind : page_kind ? *page_kind : DetectItemsKind(name, *items);

  std::vector<Claim> claims;
  claims.reserve(items->size());
  std::vector<std::string> last_names;
  ClaimColumns columns;
  std::size_t number = 0;
  for (simdjson::dom::element item : *items) {
    Result<ItemFields> fields = ReadItem(name, ++number, item);
    if (!fields.ok()) return fields.status();
    if (number == 1 || fields->names != last_names) {  // items of one list share their fields
      if (Status s = RefuseRepeatedFieldNames(fields->names, name, number); !s.ok()) return s;
      last_names = fields->names;
      columns = ClaimColumns::Resolve(last_names);
    }
    if (!columns.has_savings()) {
      return Status::BadInput(name, number, "", "no savings field (expected 'savings' or 'value')");
    }
    Result<Claim> claim =
        MapClaimRow(columns, fields->names, fields->fields, claim_kind, name, number);
    if (!claim.ok()) return claim.status();
    claims.push_back(std::move(claim).value());
  }
  return claims;
}

}  // namespace receipts
