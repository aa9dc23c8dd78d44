// A record store: every response a record fetcher received, kept as received and named by its
// SHA-256, and one append-only index of what was asked, when, and what came back
// (doc/formats.md, "Record store"). Layout of DIR:
//   DIR/index.tsv                 one header line, then one line per response
//   DIR/bodies/<2 hex>/<64 hex>   each body, by its SHA-256
// A body is written to a temporary file, synced and renamed before its index line is appended
// (one write, then fsync), so a fetch killed at any point leaves a store whose index names only
// whole bodies; a line cut short by a crash is never read, and is cut off when the store is next
// opened for writing.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace receipts {

struct StoreEntry {
  std::string fetched_at;  // UTC, "2026-12-01T20:15:00Z"
  std::string source;      // "usaspending" | "sam"
  // "award" (GET /awards/{key}/), "search" (spending_by_award), "download" (the download
  // request), "status" (its last status), "file" (the award's zip), "absent" (the source has no
  // such award: the body is its 404 or empty search), "error" (a failure, body may be empty).
  std::string role;
  std::string award_key;    // the key asked for, as built from the claim
  std::string claims;       // the claim keys this award serves, ';'-separated
  long http_status = 0;     // 0 when no response came
  std::string sha256;       // of the body; "" when there is none
  std::uint64_t bytes = 0;  // the body's size
  std::string url;          // the request URL, never with a secret in it
  std::string note;         // the key it resolved to, or what went wrong
};

// The index's header line (without the newline).
extern const char kStoreIndexHeader[];

class RecordStore {
 public:
  // Opens the store in `dir`. `create`: make it when missing, and cut off a torn last index
  // line (for writing). Without `create` a missing store is NotFound. A malformed index line is
  // Corruption naming DIR/index.tsv and the line.
  static Result<std::unique_ptr<RecordStore>> Open(const std::string& dir, bool create);

  // True when `dir` holds an index.tsv.
  static bool IsStore(const std::string& dir);

  // Stores `body` (when not stored already) then appends `entry` with its sha256 and bytes
  // filled in from the body (an "error" entry may have no body: pass has_body=false).
  // Thread-safe. On failure nothing is appended.
  Status Put(StoreEntry entry, std::string_view body, bool has_body = true);

  // Every entry, in index order (a copy, so fetch threads may go on appending).
  std::vector<StoreEntry> Entries() const;

  // The body of `entry`, checked: its size and SHA-256 must be the index's, else Corruption
  // naming the file.
  Result<std::string> ReadBody(const StoreEntry& entry) const;

  // Where the body with this SHA-256 is kept.
  std::string BodyPath(const std::string& sha256) const;

  const std::string& dir() const { return dir_; }

 private:
  explicit RecordStore(std::string dir) : dir_(std::move(dir)) {}
  Status Load(bool repair);

  std::string dir_;
  mutable std::mutex mutex_;
  std::vector<StoreEntry> entries_;
};

}  // namespace receipts
