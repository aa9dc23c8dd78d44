#include "core/sha256.h"

#include <sodium.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

#include "core/hex.h"
#include "core/input_open.h"

namespace receipts {

struct Sha256::State {
  crypto_hash_sha256_state sodium;
};

Sha256::Sha256() : state_(new State) { crypto_hash_sha256_init(&state_->sodium); }

Sha256::~Sha256() = default;

void Sha256::Update(std::string_view bytes) {
  if (!bytes.empty()) {
    crypto_hash_sha256_update(&state_->sodium, reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
  }
}

std::string Sha256::FinishHex() {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state_->sodium, digest);
  crypto_hash_sha256_init(&state_->sodium);  // ready for reuse
  return ToHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

std::string Sha256Hex(std::string_view bytes) {
  Sha256 hash;
  hash.Update(bytes);
  return hash.FinishHex();
}

Result<std::string> Sha256File(const std::string& path) {
  if (Status s = CheckInputFile(path); !s.ok()) return s;  // a FIFO would hang the read
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": " + std::strerror(errno));
  Sha256 hash;
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    hash.Update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) return Status::IoError(path + ": read error");
  return hash.FinishHex();
}

}  // namespace receipts
