#include "ledger/signing.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/atomic_file.h"
#include "core/input_open.h"
#include "core/text.h"

namespace receipts {
namespace {

// Written whole or not at all (a killed keygen leaves no half key), and never over a file that
// exists, symlink or not.
Status WriteNewFile(const std::string& path, const std::string& text, mode_t mode) {
  return WriteNewFileAtomically(path, text, mode);
}

Result<std::string> ReadHexFile(const std::string& path, std::size_t bytes_wanted) {
  auto read = ReadWholeFile(path);
  if (!read.ok()) return read.status();
  std::string bytes;
  std::string text(Trim(*read));
  if (!FromHex(text, &bytes) || bytes.size() != bytes_wanted) {
    return Status::InvalidInput(path + ": not a key file (expected " +
                                std::to_string(bytes_wanted * 2) + " hex digits)");
  }
  return bytes;
}

void InitSodium() {
  if (sodium_init() < 0) std::abort();
}

}  // namespace

Status GenerateKeyFiles(const std::string& path) {
  InitSodium();
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  std::string secret_hex = ToHex(std::string_view(reinterpret_cast<char*>(sk), sizeof sk)) + "\n";
  sodium_memzero(sk, sizeof sk);
  std::string public_hex = ToHex(std::string_view(reinterpret_cast<char*>(pk), sizeof pk)) + "\n";
  if (::access((path + ".pub").c_str(), F_OK) == 0) {
    return Status::IoError(path + ".pub: already exists; not overwriting a key");
  }
  Status s = WriteNewFile(path, secret_hex, 0600);
  sodium_memzero(secret_hex.data(), secret_hex.size());
  if (!s.ok()) return s;
  s = WriteNewFile(path + ".pub", public_hex, 0644);
  if (!s.ok()) ::unlink(path.c_str());
  return s;
}

Result<SigningKey> ReadSigningKey(const std::string& path) {
  auto secret = ReadHexFile(path, crypto_sign_SECRETKEYBYTES);
  if (!secret.ok()) return secret.status();
  SigningKey key;
  key.secret_key = std::move(*secret);
  key.public_key = key.secret_key.substr(crypto_sign_SECRETKEYBYTES - crypto_sign_PUBLICKEYBYTES);
  return key;
}

Result<std::string> ReadPublicKey(const std::string& path) {
  auto key = ReadHexFile(path, crypto_sign_PUBLICKEYBYTES);
  if (key.ok()) return key;
  auto secret = ReadSigningKey(path);
  if (secret.ok()) return secret->public_key;
  return key.status();
}

std::string SignHead(const SigningKey& key, std::string_view head_hex) {
  InitSodium();
  unsigned char signature[crypto_sign_BYTES];
  crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(head_hex.data()),
                       head_hex.size(),
                       reinterpret_cast<const unsigned char*>(key.secret_key.data()));
  return ToHex(std::string_view(reinterpret_cast<char*>(signature), sizeof signature));
}

bool VerifyHeadSignature(std::string_view public_key, std::string_view head_hex,
                         std::string_view signature_hex) {
  InitSodium();
  std::string signature;
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || !FromHex(signature_hex, &signature) ||
      signature.size() != crypto_sign_BYTES) {
    return false;
  }
  return crypto_sign_verify_detached(
             reinterpret_cast<const unsigned char*>(signature.data()),
             reinterpret_cast<const unsigned char*>(head_hex.data()), head_hex.size(),
             reinterpret_cast<const unsigned char*>(public_key.data())) == 0;
}

}  // namespace receipts
