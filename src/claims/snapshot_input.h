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

// The version of the claims readers' output. Bump it whenever a reader change could read a stored
// raw page into different claims: a snapshot keeps the version that read it, so `check` and
// `verify --ledger` can tell "read by an older parser" apart from a claim edited behind the
// ledger's back (doc/formats.md, "Ledger").
//   1: every release up to 0.1.0 (commit 1e122cd), and every snapshot stored before versions were.
//   2: CsvReader counts a blank line ended by a lone CR as a physical line (source_line).
inline constexpr int kClaimsParserVersion = 2;

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
