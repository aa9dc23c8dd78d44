// Checkpoints and signed notes in the C2SP formats: the signed-note example of Go's
// golang.org/x/mod/sumdb/note (a key, a text and the note Go signs it into, byte for byte), our
// own checkpoints round-tripped, and every way a checkpoint can be wrong refused.
#include "ledger/checkpoint.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>
#include <vector>

#include "core/hex.h"
#include "ledger/merkle.h"

namespace receipts {
namespace {

// Go's example: PRIVATE+KEY+PeterNeumann+c74f20a3+<base64(0x01 || seed)> signs this text into
// this note; PeterNeumann+c74f20a3+<base64(0x01 || public key)> verifies it.
constexpr const char kGoSigner[] = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
constexpr const char kGoVerifier[] =
    "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr const char kGoText[] =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
constexpr const char kGoNote[] =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
    "\n"
    "\xE2\x80\x94 PeterNeumann "
    "x08go/ZJkuBS9UG/"
    "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

SigningKey GoKey() {
  std::string typed_seed;
  EXPECT_TRUE(FromBase64(kGoSigner, &typed_seed));
  EXPECT_EQ(typed_seed.size(), 33u);
  EXPECT_EQ(typed_seed[0], 0x01);
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  EXPECT_EQ(sodium_init() >= 0, true);
  crypto_sign_seed_keypair(pk, sk, reinterpret_cast<const unsigned char*>(typed_seed.data() + 1));
  return {std::string(reinterpret_cast<char*>(sk), sizeof sk),
          std::string(reinterpret_cast<char*>(pk), sizeof pk)};
}

TEST(CheckpointTest, SignsAndVerifiesGosSignedNoteExampleByteForByte) {
  const SigningKey key = GoKey();
  EXPECT_EQ(ToHex(NoteKeyHash("PeterNeumann", key.public_key)), "c74f20a3");
  EXPECT_EQ(NoteVerifierKey("PeterNeumann", key.public_key), kGoVerifier);
  EXPECT_EQ(SignNote(kGoText, "PeterNeumann", key), kGoNote);
  auto from_verifier = ReadNotePublicKey(kGoVerifier);
  ASSERT_TRUE(from_verifier.ok()) << from_verifier.status().message();
  EXPECT_EQ(*from_verifier, key.public_key);
  auto note = ParseSignedNote(kGoNote);
  ASSERT_TRUE(note.ok());
  EXPECT_EQ(note->body, kGoText);
  ASSERT_EQ(note->signatures.size(), 1u);
  EXPECT_EQ(note->signatures[0].name, "PeterNeumann");
  EXPECT_EQ(ToHex(note->signatures[0].key_hash), "c74f20a3");
  // A verifier key whose hash does not match its name is refused.
  EXPECT_FALSE(
      ReadNotePublicKey("PeterNeumanm+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW").ok());
}

Checkpoint Sample() {
  return {"receipts.test/log", 3, MerkleNodeHash(MerkleLeafHash("a"), MerkleLeafHash("b"))};
}

TEST(CheckpointTest, ASignedCheckpointOpensWithItsKeyOnly) {
  const SigningKey key = GoKey();
  const Checkpoint c = Sample();
  const std::string note = SignNote(CheckpointBody(c), c.origin, key);
  auto opened = OpenCheckpoint(note, key.public_key);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  EXPECT_EQ(opened->origin, c.origin);
  EXPECT_EQ(opened->size, 3u);
  EXPECT_EQ(opened->root, c.root);

  std::string other_pk(crypto_sign_PUBLICKEYBYTES, '\0');
  std::vector<unsigned char> other_sk(crypto_sign_SECRETKEYBYTES);
  crypto_sign_keypair(reinterpret_cast<unsigned char*>(other_pk.data()), other_sk.data());
  auto other = OpenCheckpoint(note, other_pk);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.status().message().find("signed by another key"), std::string::npos);

  // Every byte of the note changed in turn: refused (or, in the signature's name, not ours).
  for (std::size_t i = 0; i < note.size(); ++i) {
    std::string changed = note;
    changed[i] = static_cast<char>(changed[i] ^ 0x04);
    EXPECT_FALSE(OpenCheckpoint(changed, key.public_key).ok()) << "byte " << i;
  }
  EXPECT_FALSE(OpenCheckpoint(CheckpointBody(c), key.public_key).ok());  // unsigned
}

TEST(CheckpointTest, BodiesThatAreNotCheckpointsAreRefusedByLine) {
  EXPECT_TRUE(ParseCheckpointBody(CheckpointBody(Sample())).ok());
  for (const char* bad : {"origin\n3\n", "origin\n03\nAAAA\n", "origin\nx\nAAAA\n", "\n3\nAAAA\n",
                          "origin\n3\nnot base64\n", "origin\n3\nAAAA\n",  // 3 bytes, not 32
                          "origin\n3\nAAAA\nextension\n", "origin\n3\nAAAA"}) {
    EXPECT_FALSE(ParseCheckpointBody(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace receipts
