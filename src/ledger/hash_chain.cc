#include "ledger/hash_chain.h"

#include "core/sha256.h"
#include "ledger/canonical.h"

namespace receipts {

std::string CanonicalHead(const std::string& prev_head, const SnapshotHeader& header) {
  std::string out;
  AppendNetstring(&out, "receipts-ledger-v1");
  AppendNetstring(&out, prev_head);
  AppendNetstring(&out, std::to_string(header.id));
  AppendNetstring(&out, header.kind);
  AppendNetstring(&out, header.source);
  AppendNetstring(&out, header.as_of);
  AppendNetstring(&out, header.ingested_at);
  AppendNetstring(&out, header.raw_sha256);
  AppendNetstring(&out, std::to_string(header.pages.size()));
  for (const auto& [url, sha] : header.pages) {
    AppendNetstring(&out, url);
    AppendNetstring(&out, sha);
  }
  AppendNetstring(&out, std::to_string(header.claim_count));
  AppendNetstring(&out, FormatDollars(header.claimed_total));
  AppendNetstring(&out, header.claims_sha256);
  return out;
}

std::string HeadHash(const std::string& prev_head, const SnapshotHeader& header) {
  return Sha256Hex(CanonicalHead(prev_head, header));
}

}  // namespace receipts
