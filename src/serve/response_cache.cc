#include "serve/response_cache.h"

namespace receipts::serve {

std::shared_ptr<const Reply> ResponseCache::Get(const std::string& etag) {
  std::lock_guard lock(mutex_);
  auto found = by_etag_.find(etag);
  if (found == by_etag_.end()) return nullptr;
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->reply;
}

void ResponseCache::Put(const std::string& etag, Reply reply) {
  const std::size_t size = reply.body.size() + etag.size();
  if (size > max_entry_bytes_) return;
  auto kept = std::make_shared<const Reply>(std::move(reply));
  std::lock_guard lock(mutex_);
  auto found = by_etag_.find(etag);
  if (found != by_etag_.end()) {
    bytes_ -= found->second->reply->body.size() + etag.size();
    entries_.erase(found->second);
    by_etag_.erase(found);
  }
  while (!entries_.empty() && bytes_ + size > max_bytes_) {
    const Entry& oldest = entries_.back();
    bytes_ -= oldest.reply->body.size() + oldest.etag.size();
    by_etag_.erase(oldest.etag);
    entries_.pop_back();
  }
  entries_.push_front(Entry{etag, std::move(kept)});
  by_etag_[etag] = entries_.begin();
  bytes_ += size;
}

}  // namespace receipts::serve
