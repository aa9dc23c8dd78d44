#include "records/record_filter.h"

#include <algorithm>

#include "core/text.h"

namespace receipts {

RecordFilter RecordFilter::All() {
  RecordFilter filter;
  filter.all_ = true;
  return filter;
}

namespace {
constexpr std::uint64_t kPiidSeed = 1469598103934665603ULL;
constexpr std::uint64_t kAssistanceSeed = kPiidSeed ^ 0x9E3779B97F4A7C15ULL;
constexpr std::uint64_t kVendorSeed = kPiidSeed ^ 0xC2B2AE3D27D4EB4FULL;
constexpr std::uint64_t kPartSeed = 0x165667B19E3779F9ULL;
}  // namespace

std::uint64_t RecordFilter::Hash(std::string_view id, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h ^ (h >> 29);
}

void RecordFilter::Mark(std::uint64_t hash) {
  bloom_[(hash >> 6) & (kBloomBits / 64 - 1)] |= 1ULL << (hash & 63);
}

RecordFilter RecordFilter::ForClaims(const std::vector<Claim>& claims) {
  RecordFilter filter;
  for (const Claim& claim : claims) {
    if (!claim.piid.empty()) filter.AddPiid(claim.piid);
    for (const std::string* id : {&claim.fain, &claim.uri}) {
      if (id->empty()) continue;
      filter.assistance_ids_.insert(*id);
      filter.Mark(Hash(*id, kAssistanceSeed));
    }
  }
  return filter;
}

RecordFilter RecordFilter::Part(unsigned index, unsigned count) {
  if (count <= 1) return All();  // one part is every award
  RecordFilter filter;
  filter.part_count_ = std::max(1u, count);
  filter.part_index_ = std::min(index, filter.part_count_ - 1);
  return filter;
}

unsigned RecordFilter::PartOf(std::string_view id, unsigned count) {
  if (id.empty() || count <= 1) return 0;
  return static_cast<unsigned>(Hash(id, kPartSeed) % count);
}

bool RecordFilter::InPart(std::string_view id) const {
  return part_count_ != 0 && PartOf(id, part_count_) == part_index_;
}

void RecordFilter::AddPiid(const std::string& piid) {
  if (piid.empty()) return;
  piids_.insert(piid);
  Mark(Hash(piid, kPiidSeed));
}

void RecordFilter::AddVendorUei(const std::string& uei) {
  if (uei.empty()) return;
  vendor_ueis_.insert(uei);
  Mark(Hash(uei, kVendorSeed));
}

void RecordFilter::Merge(const RecordFilter& other) {
  all_ |= other.all_;
  for (const std::string& p : other.piids_) AddPiid(p);
  for (const std::string& a : other.assistance_ids_) {
    assistance_ids_.insert(a);
    Mark(Hash(a, kAssistanceSeed));
  }
  for (const std::string& v : other.vendor_ueis_) AddVendorUei(v);
}

bool RecordFilter::WantsPiid(std::string_view piid) const {
  if (all_ || InPart(piid)) return true;
  return Marked(Hash(piid, kPiidSeed)) && piids_.find(piid) != piids_.end();
}

bool RecordFilter::WantsAssistanceId(std::string_view id) const {
  if (all_ || InPart(id)) return true;
  return Marked(Hash(id, kAssistanceSeed)) && assistance_ids_.find(id) != assistance_ids_.end();
}

bool RecordFilter::WantsVendorUei(std::string_view uei) const {
  if (all_) return true;
  return !uei.empty() && Marked(Hash(uei, kVendorSeed)) &&
         vendor_ueis_.find(uei) != vendor_ueis_.end();
}

bool RecordFilter::KeepsAward(const Award& award) const {
  if (part_count_ == 0) return true;
  return PartOf(
             award.family == AwardFamily::kAssistance ? ToUpperAscii(Trim(award.piid)) : award.piid,
             part_count_) == part_index_;
}

std::string RecordFilter::Fingerprint() const {
  if (all_) return "all";
  std::vector<std::string> ids;
  for (const std::string& p : piids_) ids.push_back("P" + p);
  for (const std::string& a : assistance_ids_) ids.push_back("A" + a);
  for (const std::string& v : vendor_ueis_) ids.push_back("V" + v);
  std::sort(ids.begin(), ids.end());
  std::string out;
  if (part_count_ != 0) {
    out += "part " + std::to_string(part_index_) + "/" + std::to_string(part_count_) + "\n";
  }
  for (const std::string& id : ids) out += id + "\n";
  return out;
}

namespace {

template <typename Set>
std::vector<std::string> Sorted(const Set& set) {
  std::vector<std::string> out(set.begin(), set.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<std::string> RecordFilter::WantedPiids() const { return Sorted(piids_); }
std::vector<std::string> RecordFilter::WantedAssistanceIds() const {
  return Sorted(assistance_ids_);
}
std::vector<std::string> RecordFilter::WantedVendorUeis() const { return Sorted(vendor_ueis_); }

}  // namespace receipts
