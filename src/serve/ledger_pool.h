// The server's connections to the ledger: a fixed set of SQLite connections, one lent to each
// request at a time (a connection is never used by two threads at once). Read-only servers
// open the file read-only (Ledger::OpenReadOnly), so no request can write to it.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"
#include "ledger/ledger.h"

namespace receipts::serve {

class LedgerPool;

// A connection on loan; returned to the pool on destruction.
class LedgerLease {
 public:
  LedgerLease(LedgerPool* pool, std::unique_ptr<Ledger> ledger)
      : pool_(pool), ledger_(std::move(ledger)) {}
  LedgerLease(LedgerLease&&) = default;
  ~LedgerLease();
  Ledger* operator->() { return ledger_.get(); }
  Ledger* get() { return ledger_.get(); }

 private:
  LedgerPool* pool_;
  std::unique_ptr<Ledger> ledger_;
};

class LedgerPool {
 public:
  // Opens `size` connections to the ledger at `path` (which must exist). `read_only`: every
  // connection is opened read-only. Errors name `path` as given.
  static Result<std::unique_ptr<LedgerPool>> Open(const std::string& path, bool read_only,
                                                  std::size_t size);

  // Waits for a free connection.
  LedgerLease Acquire();

  bool read_only() const { return read_only_; }

 private:
  friend class LedgerLease;
  explicit LedgerPool(bool read_only) : read_only_(read_only) {}
  void Release(std::unique_ptr<Ledger> ledger);

  bool read_only_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Ledger>> free_;
};

}  // namespace receipts::serve
