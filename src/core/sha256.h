// SHA-256 (OpenSSL's, with the CPU's SHA instructions where it has them), as lower-case hex: the
// one digest receipts uses, for raw pages, record files, the hash chain and the fetch store.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace receipts {

// Hashes bytes fed in pieces; FinishHex() gives 64 lower-case hex digits and readies the hash
// for reuse.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  std::string FinishHex();
  // The 32 digest bytes themselves; readies the hash for reuse as FinishHex does.
  std::string FinishRaw();

 private:
  struct State;  // libsodium's, kept out of this header
  std::unique_ptr<State> state_;
};

std::string Sha256Hex(std::string_view bytes);

// The 32 raw digest bytes of `prefix`, `a` and `b` one after the other (Merkle tree hashing).
std::string Sha256Raw(std::string_view prefix, std::string_view a = {}, std::string_view b = {});

// The SHA-256 of a file's bytes, read in pieces.
Result<std::string> Sha256File(const std::string& path);

}  // namespace receipts
