#include "serve/ledger_pool.h"

namespace receipts::serve {

LedgerLease::~LedgerLease() {
  if (ledger_ != nullptr) pool_->Release(std::move(ledger_));
}

Result<std::unique_ptr<LedgerPool>> LedgerPool::Open(const std::string& path, bool read_only,
                                                     std::size_t size) {
  std::unique_ptr<LedgerPool> pool(new LedgerPool(read_only));
  // Opened by the user's path, never a "file:…?mode=ro" URI, so every error names the path they
  // gave; Ledger::OpenReadOnly never creates, migrates or writes the file.
  for (std::size_t i = 0; i < size; ++i) {
    auto ledger = read_only ? Ledger::OpenReadOnly(path) : Ledger::Open(path, /*create=*/false);
    if (!ledger.ok()) return ledger.status();
    if (read_only && !(*ledger)->db()->read_only()) {
      return Status::IoError(path + ": SQLite did not open the ledger read-only");
    }
    pool->free_.push_back(std::move(*ledger));
  }
  return pool;
}

LedgerLease LedgerPool::Acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !free_.empty(); });
  std::unique_ptr<Ledger> ledger = std::move(free_.back());
  free_.pop_back();
  return LedgerLease(this, std::move(ledger));
}

void LedgerPool::Release(std::unique_ptr<Ledger> ledger) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(ledger));
  }
  available_.notify_one();
}

}  // namespace receipts::serve
