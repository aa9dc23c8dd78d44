// Which awards a job needs from the record files: the PIIDs and FAINs/URIs its claims name, the
// awards of some vendors, or one part of every award. A scanner decodes in full only the rows of
// those awards; every other row is checked for shape and counted, so memory follows what is
// wanted, not the size of the files.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/award.h"
#include "core/claim.h"

namespace receipts {

class RecordFilter {
 public:
  // Wants every award (what a reader with no claims to check must do).
  static RecordFilter All();
  // Wants the awards `claims` can match (match/award_index.h): contracts and IDVs by PIID,
  // assistance by FAIN or URI. Leases name no award.
  static RecordFilter ForClaims(const std::vector<Claim>& claims);
  // Wants part `index` of `count` (index < count) of every award, by a hash of its PIID (or FAIN
  // or URI): reading each part in turn reads every award once, in a count-th of the memory. Rows
  // whose identifier is blank or odd are kept by every part; a reader keeps an award in the part
  // PartOf names (so such awards too are read once). A count of 1 (or 0) is All().
  static RecordFilter Part(unsigned index, unsigned count);
  // The part of `count` that holds the award with this identifier (a PIID as NormalizePiid
  // gives it, or a FAIN or URI trimmed and upper-cased); 0 when `id` is empty.
  static unsigned PartOf(std::string_view id, unsigned count);

  // Wants the awards of `piid` (as NormalizePiid gives it) as well.
  void AddPiid(const std::string& piid);
  // Wants, as well, every row whose vendor UEI or ultimate parent UEI is `uei` (trimmed, upper
  // case). Vendors are asked for by UEI only, never by name.
  void AddVendorUei(const std::string& uei);
  // Wants what `other` wants as well (a part filter cannot be merged).
  void Merge(const RecordFilter& other);

  bool wants_all() const { return all_; }
  // Whether rows are also wanted by their vendor's UEI (WantsVendorUei).
  bool wants_vendors() const { return !vendor_ueis_.empty(); }
  // `piid` as NormalizePiid gives it.
  bool WantsPiid(std::string_view piid) const;
  // A FAIN or URI, trimmed and upper-cased.
  bool WantsAssistanceId(std::string_view id) const;
  // A UEI, trimmed and upper-cased.
  bool WantsVendorUei(std::string_view uei) const;

  // Whether a reader keeps `award` once read: false only for an award of another part (a part
  // filter keeps odd rows in every part, and whole files are read whole).
  bool KeepsAward(const Award& award) const;

  // What it wants, sorted, for a reader that asks a server for them: PIIDs as NormalizePiid
  // gives them, FAINs and URIs and UEIs trimmed and upper-cased. Empty for All() and parts.
  std::vector<std::string> WantedPiids() const;
  std::vector<std::string> WantedAssistanceIds() const;
  std::vector<std::string> WantedVendorUeis() const;
  // True for a part filter (Part with a count above 1).
  bool is_part() const { return part_count_ > 1; }

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
  bool InPart(std::string_view id) const;

  bool all_ = false;
  unsigned part_count_ = 0;  // 0: not a part filter
  unsigned part_index_ = 0;
  Set piids_;
  Set assistance_ids_;
  Set vendor_ueis_;
  std::vector<std::uint64_t> bloom_ = std::vector<std::uint64_t>(kBloomBits / 64);
};

}  // namespace receipts
