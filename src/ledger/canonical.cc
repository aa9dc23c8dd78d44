#include "ledger/canonical.h"

#include "core/json_writer.h"
#include "core/sha256.h"

namespace receipts {

LedgerClaim ToLedgerClaim(const Claim& claim, std::string key, std::int64_t seq) {
  LedgerClaim out;
  out.seq = seq;
  out.key = std::move(key);
  out.kind = ClaimKindName(claim.kind);
  out.piid = claim.piid;
  out.agency_id = claim.agency_id;
  out.award_id = claim.award_id;
  out.fain = claim.fain;
  out.location = claim.location;
  if (claim.square_feet) out.square_feet = static_cast<std::int64_t>(*claim.square_feet);
  out.agency = claim.agency;
  out.vendor = claim.vendor;
  out.description = claim.description;
  out.status = claim.status;
  out.link = claim.link;
  if (claim.date) out.date = claim.date->ToIso();
  out.claimed_savings = claim.claimed_savings;
  out.claimed_value = claim.claimed_value;
  out.source_line = static_cast<std::int64_t>(claim.source_line);
  out.raw_json = RawFieldsJson(claim);
  return out;
}

std::string RawFieldsJson(const Claim& claim) {
  std::string out = "[";
  for (std::size_t i = 0; i < claim.raw.size(); ++i) {
    if (i > 0) out += ',';
    out += '[';
    out += JsonString(claim.raw[i].first);
    out += ',';
    out += JsonString(claim.raw[i].second);
    out += ']';
  }
  out += ']';
  return out;
}

std::vector<std::string> CanonicalFieldValues(const LedgerClaim& c) {
  return {c.piid,
          c.agency_id,
          c.award_id,
          c.fain,
          c.location,
          c.square_feet ? std::to_string(*c.square_feet) : std::string(),
          c.agency,
          c.vendor,
          c.description,
          c.status,
          c.link,
          c.date,
          FormatDollars(c.claimed_savings),
          FormatDollars(c.claimed_value)};
}

void AppendNetstring(std::string* out, std::string_view text) {
  *out += std::to_string(text.size());
  *out += ':';
  *out += text;
  *out += ',';
}

void AppendCanonicalClaim(std::string* out, const LedgerClaim& claim) {
  AppendNetstring(out, std::to_string(claim.seq));
  AppendNetstring(out, claim.key);
  AppendNetstring(out, claim.kind);
  for (const std::string& value : CanonicalFieldValues(claim)) AppendNetstring(out, value);
  AppendNetstring(out, std::to_string(claim.source_line));
  AppendNetstring(out, claim.raw_json);
}

std::string ClaimsDigest(const std::vector<LedgerClaim>& claims) {
  Sha256 hash;
  std::string bytes;
  for (const LedgerClaim& claim : claims) {
    bytes.clear();
    AppendCanonicalClaim(&bytes, claim);
    hash.Update(bytes);
  }
  return hash.FinishHex();
}

Cents ClaimedTotal(const std::vector<LedgerClaim>& claims) {
  Cents total = 0;
  for (const LedgerClaim& claim : claims) total += claim.claimed_savings.value_or(0);
  return total;
}

}  // namespace receipts
