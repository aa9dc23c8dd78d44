#include "core/secret_compare.h"

#include <sodium.h>

namespace receipts {

bool InitSecretCompare() { return sodium_init() >= 0; }

bool SecretEquals(std::string_view secret, std::string_view given) {
  unsigned char secret_hash[crypto_generichash_BYTES];
  unsigned char given_hash[crypto_generichash_BYTES];
  crypto_generichash(secret_hash, sizeof secret_hash,
                     reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), nullptr,
                     0);
  crypto_generichash(given_hash, sizeof given_hash,
                     reinterpret_cast<const unsigned char*>(given.data()), given.size(), nullptr,
                     0);
  return sodium_memcmp(secret_hash, given_hash, sizeof secret_hash) == 0;
}

}  // namespace receipts
