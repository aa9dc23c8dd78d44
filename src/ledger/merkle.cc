#include "ledger/merkle.h"

#include <bit>
#include <utility>

#include "core/sha256.h"

namespace receipts {
namespace {

constexpr std::string_view kLeafPrefix("\x00", 1);
constexpr std::string_view kNodePrefix("\x01", 1);

// The largest power of two strictly below n (n > 1).
std::uint64_t SplitOf(std::uint64_t n) { return std::bit_floor(n - 1); }

bool IsPowerOfTwo(std::uint64_t n) { return n != 0 && (n & (n - 1)) == 0; }

}  // namespace

std::string MerkleLeafHash(std::string_view entry) { return Sha256Raw(kLeafPrefix, entry); }

std::string MerkleNodeHash(std::string_view left, std::string_view right) {
  return Sha256Raw(kNodePrefix, left, right);
}

std::string MerkleEmptyRoot() { return Sha256Raw({}); }

MerkleTree::MerkleTree(std::vector<std::string> leaf_hashes) {
  levels_.push_back(std::move(leaf_hashes));
  while (levels_.back().size() > 1) {
    const std::vector<std::string>& below = levels_.back();
    std::vector<std::string> above;
    above.reserve((below.size() + 1) / 2);
    for (std::size_t i = 0; i + 1 < below.size(); i += 2) {
      above.push_back(MerkleNodeHash(below[i], below[i + 1]));
    }
    // An odd last node rises unchanged: the RFC's split at the largest power of two gives the
    // same hashes, level by level.
    if (below.size() % 2 == 1) above.push_back(below.back());
    levels_.push_back(std::move(above));
  }
  root_ = levels_.back().empty() ? MerkleEmptyRoot() : levels_.back().front();
}

std::string MerkleTree::RangeHash(std::uint64_t begin, std::uint64_t end) const {
  const std::uint64_t width = end - begin;
  if (IsPowerOfTwo(width) && begin % width == 0) {
    const int level = std::countr_zero(width);
    return levels_[level][begin >> level];
  }
  const std::uint64_t k = SplitOf(width);
  return MerkleNodeHash(RangeHash(begin, begin + k), RangeHash(begin + k, end));
}

std::string MerkleTree::RootOf(std::uint64_t m) const {
  if (m == 0 || m > size()) return m == 0 ? MerkleEmptyRoot() : std::string();
  return RangeHash(0, m);
}

std::vector<std::string> MerkleTree::InclusionProof(std::uint64_t index) const {
  std::vector<std::string> path;
  if (index >= size()) return path;
  for (std::size_t level = 0; level + 1 < levels_.size(); ++level) {
    const std::uint64_t sibling = index ^ 1;
    if (sibling < levels_[level].size()) path.push_back(levels_[level][sibling]);
    index >>= 1;
  }
  return path;
}

void MerkleTree::SubProof(std::uint64_t m, std::uint64_t begin, std::uint64_t end, bool whole,
                          std::vector<std::string>* out) const {
  const std::uint64_t n = end - begin;
  if (m == n) {
    if (!whole) out->push_back(RangeHash(begin, end));
    return;
  }
  const std::uint64_t k = SplitOf(n);
  if (m <= k) {
    SubProof(m, begin, begin + k, whole, out);
    out->push_back(RangeHash(begin + k, end));
  } else {
    SubProof(m - k, begin + k, end, false, out);
    out->push_back(RangeHash(begin, begin + k));
  }
}

std::vector<std::string> MerkleTree::ConsistencyProof(std::uint64_t m) const {
  std::vector<std::string> proof;
  if (m == 0 || m > size()) return proof;
  SubProof(m, 0, size(), true, &proof);
  return proof;
}

std::string RootFromInclusion(std::uint64_t index, std::uint64_t size, std::string_view leaf_hash,
                              const std::vector<std::string>& proof) {
  if (index >= size) return {};
  std::uint64_t fn = index;
  std::uint64_t sn = size - 1;
  std::string r(leaf_hash);
  for (const std::string& p : proof) {
    if (sn == 0) return {};
    if ((fn & 1) == 1 || fn == sn) {
      r = MerkleNodeHash(p, r);
      while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = MerkleNodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return {};
  return r;
}

bool VerifyInclusion(std::uint64_t index, std::uint64_t size, std::string_view leaf_hash,
                     const std::vector<std::string>& proof, std::string_view root) {
  const std::string r = RootFromInclusion(index, size, leaf_hash, proof);
  return !r.empty() && r == root;
}

bool VerifyConsistency(std::uint64_t old_size, std::uint64_t new_size, std::string_view old_root,
                       std::string_view new_root, const std::vector<std::string>& proof) {
  if (old_size == 0 || old_size > new_size) return false;
  if (old_size == new_size) return proof.empty() && old_root == new_root;
  std::vector<std::string> path;
  if (IsPowerOfTwo(old_size)) path.emplace_back(old_root);
  path.insert(path.end(), proof.begin(), proof.end());
  if (path.empty()) return false;
  std::uint64_t fn = old_size - 1;
  std::uint64_t sn = new_size - 1;
  while ((fn & 1) == 1) {
    fn >>= 1;
    sn >>= 1;
  }
  std::string fr = path.front();
  std::string sr = path.front();
  for (std::size_t i = 1; i < path.size(); ++i) {
    const std::string& c = path[i];
    if (sn == 0) return false;
    if ((fn & 1) == 1 || fn == sn) {
      fr = MerkleNodeHash(c, fr);
      sr = MerkleNodeHash(c, sr);
      while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = MerkleNodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && fr == old_root && sr == new_root;
}

}  // namespace receipts
