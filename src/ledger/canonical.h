// A claim as the ledger stores, diffs and hashes it, and the byte encoding that the hash chain
// covers (doc/formats.md, "Ledger"). Only the canonical fields are diffed; the raw fields (every
// column as published, scraper-appended ones included) are stored and hashed but never diffed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/claim.h"
#include "core/money.h"

namespace receipts {

struct LedgerClaim {
  std::int64_t seq = 0;  // 1-based position in its snapshot
  std::string key;       // ledger/claim_key.h
  std::string kind;      // "contract", "grant", "lease"
  std::string piid;
  std::string agency_id;
  std::string award_id;
  std::string fain;
  std::string location;
  std::optional<std::int64_t> square_feet;
  std::string agency;
  std::string vendor;
  std::string description;
  std::string status;
  std::string link;
  std::string date;  // "YYYY-MM-DD" or ""
  std::optional<Cents> claimed_savings;
  std::optional<Cents> claimed_value;
  std::int64_t source_line = 0;
  std::string raw_json;  // [["column","text"],…] in file order
};

// The claim as the ledger keeps it.
LedgerClaim ToLedgerClaim(const Claim& claim, std::string key, std::int64_t seq);

// `claim.raw` as a JSON array of [name, text] pairs, in file order (names may repeat).
std::string RawFieldsJson(const Claim& claim);

// The names of the canonical (diffed) fields, in their fixed order.
inline constexpr const char* kCanonicalFieldNames[] = {
    "piid",   "agency_id",   "award_id", "fain", "location", "square_feet",     "agency",
    "vendor", "description", "status",   "link", "date",     "claimed_savings", "claimed_value"};
inline constexpr std::size_t kCanonicalFieldCount = std::size(kCanonicalFieldNames);

// The canonical fields' text, in kCanonicalFieldNames order: money as FormatDollars ("123.45"),
// square feet in decimal, "" when unknown.
std::vector<std::string> CanonicalFieldValues(const LedgerClaim& claim);

// Appends `text` as a netstring: its length in decimal ASCII, ':', the bytes, ','.
void AppendNetstring(std::string* out, std::string_view text);

// Appends the claim's canonical bytes: netstrings of seq, key, kind, the canonical fields in
// order, source_line and raw_json.
void AppendCanonicalClaim(std::string* out, const LedgerClaim& claim);

// SHA-256 (hex) of the canonical bytes of every claim, in seq order.
std::string ClaimsDigest(const std::vector<LedgerClaim>& claims);

// The sum of the known claimed savings.
Cents ClaimedTotal(const std::vector<LedgerClaim>& claims);

}  // namespace receipts
