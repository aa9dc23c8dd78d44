// RFC 9162 Merkle trees against the Certificate Transparency reference vectors (the eight leaves
// of RFC 6962's test data, their roots for every size, and the published inclusion and
// consistency proofs), then every proof of every tree up to 70 leaves, made and checked, and a
// flipped byte anywhere refused.
#include "ledger/merkle.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/hex.h"

namespace receipts {
namespace {

std::string Bytes(const std::string& hex) {
  std::string out;
  EXPECT_TRUE(FromHex(hex, &out)) << hex;
  return out;
}

std::vector<std::string> Hashes(const std::vector<std::string>& hex) {
  std::vector<std::string> out;
  for (const std::string& h : hex) out.push_back(Bytes(h));
  return out;
}

const std::vector<std::string> kLeafEntries = {"",
                                               "00",
                                               "10",
                                               "2021",
                                               "3031",
                                               "40414243",
                                               "5051525354555657",
                                               "606162636465666768696a6b6c6d6e6f"};

const std::vector<std::string> kRoots = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

std::vector<std::string> ReferenceLeaves(std::size_t n) {
  std::vector<std::string> leaves;
  for (std::size_t i = 0; i < n; ++i) leaves.push_back(MerkleLeafHash(Bytes(kLeafEntries[i])));
  return leaves;
}

TEST(MerkleTest, RootsAreTheReferenceRoots) {
  EXPECT_EQ(ToHex(MerkleEmptyRoot()), kRoots[0]);
  for (std::size_t n = 0; n <= 8; ++n) {
    MerkleTree tree(ReferenceLeaves(n));
    EXPECT_EQ(ToHex(tree.root()), kRoots[n]) << "size " << n;
    MerkleTree whole(ReferenceLeaves(8));
    EXPECT_EQ(ToHex(whole.RootOf(n)), kRoots[n]) << "prefix " << n;
  }
}

TEST(MerkleTest, InclusionProofsAreTheReferenceProofs) {
  struct Case {
    std::uint64_t index, size;
    std::vector<std::string> path;
  };
  const std::vector<Case> cases = {
      {0,
       8,
       {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
      {5,
       8,
       {"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
      {2, 3, {"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"}},
      {1,
       5,
       {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
  };
  for (const Case& c : cases) {
    const std::vector<std::string> leaves = ReferenceLeaves(c.size);
    MerkleTree tree(leaves);
    EXPECT_EQ(tree.InclusionProof(c.index), Hashes(c.path)) << c.index << "/" << c.size;
    EXPECT_TRUE(
        VerifyInclusion(c.index, c.size, leaves[c.index], Hashes(c.path), Bytes(kRoots[c.size])));
    EXPECT_FALSE(VerifyInclusion(c.index, c.size, leaves[c.index], Hashes(c.path),
                                 Bytes(kRoots[c.size - 1])));
  }
}

TEST(MerkleTest, ConsistencyProofsAreTheReferenceProofs) {
  struct Case {
    std::uint64_t old_size, new_size;
    std::vector<std::string> path;
  };
  const std::vector<Case> cases = {
      {1, 1, {}},
      {1,
       8,
       {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
      {6,
       8,
       {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
      {2,
       5,
       {"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
  };
  for (const Case& c : cases) {
    MerkleTree tree(ReferenceLeaves(c.new_size));
    EXPECT_EQ(tree.ConsistencyProof(c.old_size), Hashes(c.path))
        << c.old_size << "->" << c.new_size;
    EXPECT_TRUE(VerifyConsistency(c.old_size, c.new_size, Bytes(kRoots[c.old_size]),
                                  Bytes(kRoots[c.new_size]), Hashes(c.path)));
    if (c.old_size != c.new_size) {
      EXPECT_FALSE(VerifyConsistency(c.old_size, c.new_size, Bytes(kRoots[c.old_size - 1]),
                                     Bytes(kRoots[c.new_size]), Hashes(c.path)));
    }
  }
}

std::vector<std::string> Flipped(std::vector<std::string> proof, std::size_t which,
                                 std::size_t byte) {
  proof[which][byte] = static_cast<char>(proof[which][byte] ^ 0x01);
  return proof;
}

// Every leaf of every size, every prefix of every size: made here, checked here, and a changed
// byte, a wrong index or a wrong size refused.
TEST(MerkleTest, EveryProofOfEveryShapeVerifiesAndNoChangedOneDoes) {
  std::vector<std::string> all;
  for (int i = 0; i < 70; ++i) all.push_back(MerkleLeafHash(std::string(1, static_cast<char>(i))));
  for (std::uint64_t n = 1; n <= all.size(); ++n) {
    MerkleTree tree(std::vector<std::string>(all.begin(), all.begin() + n));
    for (std::uint64_t i = 0; i < n; ++i) {
      const std::vector<std::string> proof = tree.InclusionProof(i);
      ASSERT_TRUE(VerifyInclusion(i, n, all[i], proof, tree.root())) << i << "/" << n;
      if (n > 1) {
        EXPECT_FALSE(VerifyInclusion((i + 1) % n, n, all[i], proof, tree.root()));
        EXPECT_FALSE(VerifyInclusion(i, n, all[(i + 1) % n], proof, tree.root()));
      }
      for (std::size_t p = 0; p < proof.size(); ++p) {
        EXPECT_FALSE(VerifyInclusion(i, n, all[i], Flipped(proof, p, p % 32), tree.root()));
      }
    }
    for (std::uint64_t m = 1; m <= n; ++m) {
      const std::vector<std::string> proof = tree.ConsistencyProof(m);
      ASSERT_TRUE(VerifyConsistency(m, n, tree.RootOf(m), tree.root(), proof)) << m << "->" << n;
      for (std::size_t p = 0; p < proof.size(); ++p) {
        EXPECT_FALSE(VerifyConsistency(m, n, tree.RootOf(m), tree.root(), Flipped(proof, p, 7)));
      }
      if (m < n) {
        EXPECT_FALSE(VerifyConsistency(m, n, tree.RootOf(m + 1), tree.root(), proof));
      }
    }
  }
}

}  // namespace
}  // namespace receipts
