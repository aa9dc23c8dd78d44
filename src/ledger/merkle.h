// Merkle trees as RFC 9162 (Certificate Transparency 2.0, section 2.1) defines them: a leaf is
// SHA-256(0x00 || entry), a node SHA-256(0x01 || left || right), the tree over n leaves splits at
// the largest power of two below n, and the empty tree's root is SHA-256 of nothing. Inclusion and
// consistency proofs and their verification follow the RFC's algorithms step by step, so a proof
// made here checks with any RFC 9162 verifier (doc/formats.md, "Transparency log"). Hashes are the
// 32 raw digest bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace receipts {

// SHA-256(0x00 || entry).
std::string MerkleLeafHash(std::string_view entry);
// SHA-256(0x01 || left || right).
std::string MerkleNodeHash(std::string_view left, std::string_view right);
// SHA-256 of the empty string: the root of a tree with no leaves.
std::string MerkleEmptyRoot();

// A tree built once over its leaf hashes, every level kept, so that each proof costs
// O(log n) hashes looked up, not recomputed.
class MerkleTree {
 public:
  explicit MerkleTree(std::vector<std::string> leaf_hashes);

  std::uint64_t size() const { return levels_.front().size(); }
  // The root of the whole tree (MerkleEmptyRoot() when it has no leaves).
  const std::string& root() const { return root_; }
  // The root of the tree of the first `m` leaves (m <= size()).
  std::string RootOf(std::uint64_t m) const;
  // RFC 9162 2.1.3.1: the audit path of leaf `index` (< size()), leaf side first.
  std::vector<std::string> InclusionProof(std::uint64_t index) const;
  // RFC 9162 2.1.4.1: the proof that the tree of the first `m` leaves (0 < m <= size()) is a
  // prefix of this one.
  std::vector<std::string> ConsistencyProof(std::uint64_t m) const;

 private:
  // The hash of leaves [begin, end), 0 <= begin < end <= size().
  std::string RangeHash(std::uint64_t begin, std::uint64_t end) const;
  void SubProof(std::uint64_t m, std::uint64_t begin, std::uint64_t end, bool whole,
                std::vector<std::string>* out) const;

  std::vector<std::vector<std::string>> levels_;  // levels_[0] the leaves; an odd last node rises
  std::string root_;
};

// RFC 9162 2.1.3.2: true when `proof` shows `leaf_hash` at `index` in the tree of `size` leaves
// whose root is `root`.
bool VerifyInclusion(std::uint64_t index, std::uint64_t size, std::string_view leaf_hash,
                     const std::vector<std::string>& proof, std::string_view root);

// The root `proof` leads to from `leaf_hash` at `index` of `size`; empty when the proof has the
// wrong length for that position.
std::string RootFromInclusion(std::uint64_t index, std::uint64_t size, std::string_view leaf_hash,
                              const std::vector<std::string>& proof);

// RFC 9162 2.1.4.2: true when `proof` shows the tree of `old_size` leaves with root `old_root` is
// a prefix of the tree of `new_size` leaves with root `new_root` (0 < old_size <= new_size).
bool VerifyConsistency(std::uint64_t old_size, std::uint64_t new_size, std::string_view old_root,
                       std::string_view new_root, const std::vector<std::string>& proof);

}  // namespace receipts
