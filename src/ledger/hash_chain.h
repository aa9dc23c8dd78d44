// The hash chain: each snapshot's head is the SHA-256 of a canonical form of the previous head,
// the snapshot's metadata and the digest of its claims, as in Certificate Transparency logs.
// Changing any stored claim, page or snapshot row changes every head from there on.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/money.h"

namespace receipts {

// The head before the first snapshot: 64 zeros.
inline constexpr const char kGenesisHead[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

// A snapshot's own fields, as its snapshots row stores them.
struct SnapshotMeta {
  std::int64_t id = 0;
  std::string kind;
  std::string source;
  std::string as_of;
  std::string ingested_at;
  std::string raw_sha256;
  std::int64_t claim_count = 0;
  Cents claimed_total = 0;
  std::string claims_sha256;
};

// Everything about a snapshot that its head covers: its fields and its pages.
struct SnapshotHeader : SnapshotMeta {
  std::vector<std::pair<std::string, std::string>> pages;  // (url_or_path, sha256) in order
};

// The bytes hashed into a head: netstrings of "receipts-ledger-v1", prev_head, id, kind, source,
// as_of, ingested_at, raw_sha256, the page count, each page's url_or_path and sha256,
// claim_count, claimed_total (FormatDollars) and claims_sha256.
std::string CanonicalHead(const std::string& prev_head, const SnapshotHeader& header);

// SHA-256 (hex) of CanonicalHead.
std::string HeadHash(const std::string& prev_head, const SnapshotHeader& header);

}  // namespace receipts
