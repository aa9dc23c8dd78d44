// The last GET replies built, by ETag (a hash of the ledger's version and the request's path
// and parameters, so a reply is the same for as long as its tag is). Some pages take most of a
// second to build (a claim's history scans every snapshot's claims; a diff of two large
// snapshots); without this, 64 clients asking for them again and again keep every worker busy
// and the rest of the queue times out. Bounded in bytes; least recently used goes first.
// Thread-safe.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "serve/context.h"

namespace receipts::serve {

class ResponseCache {
 public:
  // Holds at most `max_bytes` of bodies; a body over `max_entry_bytes` is never kept.
  ResponseCache(std::size_t max_bytes, std::size_t max_entry_bytes)
      : max_bytes_(max_bytes), max_entry_bytes_(max_entry_bytes) {}

  // The reply kept for `etag`, or null.
  std::shared_ptr<const Reply> Get(const std::string& etag);
  // Keeps `reply` for `etag` (replacing one kept before), evicting the oldest to fit.
  void Put(const std::string& etag, Reply reply);

 private:
  struct Entry {
    std::string etag;
    std::shared_ptr<const Reply> reply;
  };
  const std::size_t max_bytes_;
  const std::size_t max_entry_bytes_;
  std::mutex mutex_;
  std::size_t bytes_ = 0;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_etag_;
};

}  // namespace receipts::serve
