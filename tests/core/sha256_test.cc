#include "core/sha256.h"

#include <gtest/gtest.h>

#include <string>

#include "core/hex.h"

namespace receipts {
namespace {

// FIPS 180-2 appendix B vectors: one block, two blocks, and a million 'a's fed in odd pieces.
TEST(Sha256Test, StandardVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  Sha256 hash;
  std::string piece(997, 'a');
  std::size_t fed = 0;
  while (fed + piece.size() <= 1000000) {
    hash.Update(piece);
    fed += piece.size();
  }
  hash.Update(std::string(1000000 - fed, 'a'));
  EXPECT_EQ(hash.FinishHex(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Finishing readies the hash for the next input.
  hash.Update("abc");
  EXPECT_EQ(hash.FinishHex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(HexTest, RoundTripsAndRefusesNonHex) {
  EXPECT_EQ(ToHex(std::string("\x00\x7f\xff", 3)), "007fff");
  std::string bytes;
  ASSERT_TRUE(FromHex("007FfF", &bytes));
  EXPECT_EQ(bytes, std::string("\x00\x7f\xff", 3));
  EXPECT_FALSE(FromHex("abc", &bytes));
  EXPECT_FALSE(FromHex("zz", &bytes));
}

}  // namespace
}  // namespace receipts
