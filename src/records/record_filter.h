// Which awards a job needs from the record files: the PIIDs and FAINs/URIs its claims name. A
// scanner decodes in full only the rows of those awards; every other row is checked for shape and
// counted, so memory follows the claims, not the size of the files.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/claim.h"

namespace receipts {

class RecordFilter {
 public:
  // Wants every award (what a reader with no claims to check must do).
  static RecordFilter All();
  // Wants the awards `claims` can match (match/award_index.h): contracts and IDVs by PIID,
  // assistance by FAIN or URI. Leases name no award.
  static RecordFilter ForClaims(const std::vector<Claim>& claims);

  bool wants_all() const { return all_; }
  // `piid` as NormalizePiid gives it.
  bool WantsPiid(std::string_view piid) const;
  // A FAIN or URI, trimmed and upper-cased.
  bool WantsAssistanceId(std::string_view id) const;

  // A digest of the filter's contents, for cache keys.
  std::string Fingerprint() const;

 private:
  // Looked up by string_view without a copy (C++20 heterogeneous lookup).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using Set = std::unordered_set<std::string, Hash, std::equal_to<>>;

  // A bitmap of the identifiers' hashes, looked at before the sets: most rows of a bulk file name
  // awards no claim names, and one bit answers them (the hash-set lookup was 8% of a scan).
  static constexpr std::size_t kBloomBits = 1 << 20;
  static std::uint64_t Hash(std::string_view id, std::uint64_t seed);
  void Mark(std::uint64_t hash);
  bool Marked(std::uint64_t hash) const {
    return (bloom_[(hash >> 6) & (kBloomBits / 64 - 1)] >> (hash & 63)) & 1;
  }

  bool all_ = false;
  Set piids_;
  Set assistance_ids_;
  std::vector<std::uint64_t> bloom_ = std::vector<std::uint64_t>(kBloomBits / 64);
};

}  // namespace receipts
