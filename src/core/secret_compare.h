// Comparing a secret (the serve token) with what a client sent, in time that tells the client
// nothing: neither where the two differ nor how long the secret is.
#pragma once

#include <string_view>

namespace receipts {

// Makes libsodium ready; false when it cannot be (the comparison below is then unsafe to use).
// Safe to call more than once, from any thread.
bool InitSecretCompare();

// True when `given` equals `secret`. Both are hashed first (BLAKE2b), and the digests compared
// in constant time.
bool SecretEquals(std::string_view secret, std::string_view given);

}  // namespace receipts
