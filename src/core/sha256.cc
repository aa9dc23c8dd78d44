#include "core/sha256.h"

#include <openssl/evp.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <vector>

#include "core/hex.h"
#include "core/input_open.h"

namespace receipts {

// OpenSSL's, not libsodium's: OpenSSL uses the CPU's SHA instructions where it has them. On this
// machine (SHA-NI) it hashes the 874 MB bench file in 0.56 s where libsodium took 2.28 s, and
// verify --ledger hashes every record file it reads (a 10 GB file: 26 s against 7 s).
struct Sha256::State {
  EVP_MD_CTX* context = nullptr;
  ~State() { EVP_MD_CTX_free(context); }
};

namespace {

void Begin(EVP_MD_CTX* context) {
  if (EVP_DigestInit_ex(context, EVP_sha256(), nullptr) != 1) throw std::bad_alloc();
}

}  // namespace

Sha256::Sha256() : state_(new State) {
  state_->context = EVP_MD_CTX_new();
  if (state_->context == nullptr) throw std::bad_alloc();
  Begin(state_->context);
}

Sha256::~Sha256() = default;

void Sha256::Update(std::string_view bytes) {
  if (!bytes.empty()) EVP_DigestUpdate(state_->context, bytes.data(), bytes.size());
}

std::string Sha256::FinishHex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(state_->context, digest, &size);
  Begin(state_->context);  // ready for reuse
  return ToHex(std::string_view(reinterpret_cast<const char*>(digest), size));
}

std::string Sha256::FinishRaw() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(state_->context, digest, &size);
  Begin(state_->context);
  return std::string(reinterpret_cast<const char*>(digest), size);
}

std::string Sha256Raw(std::string_view prefix, std::string_view a, std::string_view b) {
  Sha256 hash;
  hash.Update(prefix);
  hash.Update(a);
  hash.Update(b);
  return hash.FinishRaw();
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
