#include "records/record_filter.h"

#include <algorithm>

namespace receipts {

RecordFilter RecordFilter::All() {
  RecordFilter filter;
  filter.all_ = true;
  return filter;
}

namespace {
constexpr std::uint64_t kPiidSeed = 1469598103934665603ULL;
constexpr std::uint64_t kAssistanceSeed = kPiidSeed ^ 0x9E3779B97F4A7C15ULL;
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
    if (!claim.piid.empty()) {
      filter.piids_.insert(claim.piid);
      filter.Mark(Hash(claim.piid, kPiidSeed));
    }
    for (const std::string* id : {&claim.fain, &claim.uri}) {
      if (id->empty()) continue;
      filter.assistance_ids_.insert(*id);
      filter.Mark(Hash(*id, kAssistanceSeed));
    }
  }
  return filter;
}

bool RecordFilter::WantsPiid(std::string_view piid) const {
  if (all_) return true;
  return Marked(Hash(piid, kPiidSeed)) && piids_.find(piid) != piids_.end();
}

bool RecordFilter::WantsAssistanceId(std::string_view id) const {
  if (all_) return true;
  return Marked(Hash(id, kAssistanceSeed)) && assistance_ids_.find(id) != assistance_ids_.end();
}

std::string RecordFilter::Fingerprint() const {
  if (all_) return "all";
  std::vector<std::string> ids;
  for (const std::string& p : piids_) ids.push_back("P" + p);
  for (const std::string& a : assistance_ids_) ids.push_back("A" + a);
  std::sort(ids.begin(), ids.end());
  std::string out;
  for (const std::string& id : ids) out += id + "\n";
  return out;
}

}  // namespace receipts
