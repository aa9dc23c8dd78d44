// Ed25519 signatures of ledger heads (libsodium), so a published ledger can be checked by anyone
// holding the public key. Key files are hex text on one line: the secret key file holds
// libsodium's 64-byte secret key (seed then public key; 128 hex digits), written with mode 0600;
// KEYFILE.pub holds the 32-byte public key (64 hex digits). A signature (128 hex digits) is over
// the head as its 64 lower-case hex characters.
#pragma once

#include <string>
#include <string_view>

#include "core/hex.h"
#include "core/status.h"

namespace receipts {

struct SigningKey {
  std::string secret_key;  // 64 raw bytes
  std::string public_key;  // 32 raw bytes
};

// Writes a new key pair to `path` (mode 0600; refuses to overwrite) and `path`.pub.
Status GenerateKeyFiles(const std::string& path);

Result<SigningKey> ReadSigningKey(const std::string& path);
// The 32 raw bytes of a public key file (or of a secret key file's public half).
Result<std::string> ReadPublicKey(const std::string& path);

// The signature of `head_hex`, in hex.
std::string SignHead(const SigningKey& key, std::string_view head_hex);
// True when `signature_hex` is `public_key`'s valid signature of `head_hex`.
bool VerifyHeadSignature(std::string_view public_key, std::string_view head_hex,
                         std::string_view signature_hex);

}  // namespace receipts
