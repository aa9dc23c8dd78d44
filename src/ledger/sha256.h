// SHA-256 (OpenSSL EVP), as lower-case hex: the only digest the ledger uses.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace receipts {

// Hashes bytes fed in pieces; Finish() gives 64 lower-case hex digits.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  std::string FinishHex();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

std::string Sha256Hex(std::string_view bytes);

// The SHA-256 of a file's bytes, read in pieces.
Result<std::string> Sha256File(const std::string& path);

}  // namespace receipts
