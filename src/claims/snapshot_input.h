// What one ingest hands the ledger: the raw capture, byte for byte, and the claims read from it.
#pragma once

#include <string>
#include <vector>

#include "core/claim.h"

namespace receipts {

// One raw response or file as captured; the ledger keeps it with its SHA-256.
struct RawPage {
  std::string url_or_path;
  std::string bytes;
};

struct SnapshotInput {
  std::string kind;            // "contracts", "grants", "leases" (or "mixed")
  std::string source;          // file path or URL
  std::string as_of;           // ISO 8601 capture time, e.g. "2025-02-18T18:25:00Z"
  std::vector<RawPage> pages;  // the raw bytes (one page for a file; every API page for a fetch)
  std::vector<Claim> claims;   // as read from the pages, in order
  // An empty list is far more often a broken capture than every claim taken down; stored, it
  // would be a snapshot against which every claim reads as removed. Refused unless this is set.
  bool allow_empty = false;
};

}  // namespace receipts
