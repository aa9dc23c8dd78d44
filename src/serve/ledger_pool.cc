#include "serve/ledger_pool.h"

#include <fmt/format.h>

#include <filesystem>

namespace receipts::serve {

LedgerLease::~LedgerLease() {
  if (ledger_ != nullptr) pool_->Release(std::move(ledger_));
}

std::string ReadOnlyUri(const std::string& path) {
  std::error_code error;
  std::string absolute = std::filesystem::absolute(path, error).string();
  if (error) absolute = path;
  std::string out = "file:";
  for (unsigned char c : absolute) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
    out += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out + "?mode=ro";
}

Result<std::unique_ptr<LedgerPool>> LedgerPool::Open(const std::string& path, bool read_only,
                                                     std::size_t size) {
  std::unique_ptr<LedgerPool> pool(new LedgerPool(read_only));
  // Ledger::Open(create=false) reports a missing file as NotFound; check for it up front so a
  // read-only URI never has to explain it.
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return Status::NotFound(path + ": no ledger there");
  }
  const std::string name = read_only ? ReadOnlyUri(path) : path;
  for (std::size_t i = 0; i < size; ++i) {
    auto ledger = Ledger::Open(name, /*create=*/false);
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
