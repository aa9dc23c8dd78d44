#include "ingest/claims_reader.h"

#include <string_view>
#include <utility>

#include "ingest/claims_csv.h"
#include "ingest/claims_json.h"
#include "ingest/input_file.h"

namespace receipts {
namespace {

// JSON when the first byte that is not white space (after any UTF-8 byte order mark) opens a
// list or an object; no CSV header starts so.
bool LooksLikeJson(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::size_t first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (bytes[first] == '[' || bytes[first] == '{');
}

Result<std::vector<Claim>> ParseParts(std::vector<InputPart> parts, std::optional<ClaimKind> kind) {
  std::vector<Claim> claims;
  for (const InputPart& part : parts) {
    Result<std::vector<Claim>> some = LooksLikeJson(part.bytes)
                                          ? ParseClaimsJson(part.name, part.bytes, kind)
                                          : ParseClaimsCsv(part.name, part.bytes, kind);
    if (!some.ok()) return some.status();
    if (claims.empty()) {
      claims = std::move(some).value();
    } else {
      for (Claim& claim : *some) claims.push_back(std::move(claim));
    }
  }
  return claims;
}

}  // namespace

Result<std::vector<Claim>> ReadClaimsFile(const std::string& path, std::optional<ClaimKind> kind) {
  Result<std::vector<InputPart>> parts = ReadInputFile(path);
  if (!parts.ok()) return parts.status();
  return ParseParts(std::move(parts).value(), kind);
}

Result<std::vector<Claim>> ParseClaims(const std::string& name, std::string bytes,
                                       std::optional<ClaimKind> kind) {
  Result<std::vector<InputPart>> parts = DecodeInput(name, std::move(bytes));
  if (!parts.ok()) return parts.status();
  return ParseParts(std::move(parts).value(), kind);
}

}  // namespace receipts
