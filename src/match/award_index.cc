#include "match/award_index.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace receipts {
namespace {

std::string IndexKey(AwardFamily family, std::string_view id) {
  return fmt::format("{}|{}", static_cast<int>(family), id);
}

const char* FamilyNoun(AwardFamily family) {
  switch (family) {
    case AwardFamily::kContract:
      return "award";
    case AwardFamily::kIdv:
      return "IDV";
    case AwardFamily::kAssistance:
      return "assistance award";
  }
  return "award";
}

// Vendor names compared across sources: letters and digits only, upper-cased.
std::string VendorKey(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

// True when two vendor names are the same firm as far as their text can tell: equal, or one
// starts with the other's first 12 characters ("ACME CORP" / "ACME CORPORATION").
bool SameVendor(std::string_view a, std::string_view b) {
  std::string x = VendorKey(a), y = VendorKey(b);
  if (x.empty() || y.empty()) return false;
  std::size_t n = std::min<std::size_t>({x.size(), y.size(), 12});
  return x.compare(0, n, y, 0, n) == 0;
}

}  // namespace

AwardMatch AwardIndex::MatchAmongSharedPiid(const Claim& claim,
                                            const std::vector<const Award*>& candidates,
                                            const std::string& how) const {
  AwardMatch match;
  match.has_identifier = true;
  std::vector<const Award*> same_vendor;
  // The names in alphabetical order, so the sentence is the same whatever order the record files
  // list the awards in (a record store reads them by key, a bulk file by action).
  std::set<std::string> names;
  for (const Award* award : candidates) {
    if (SameVendor(award->vendor_name, claim.vendor)) same_vendor.push_back(award);
    names.insert(award->vendor_name);
  }
  std::string vendors;
  for (const std::string& name : names) {
    if (vendors.size() >= 200) break;
    vendors += (vendors.empty() ? "" : "; ") + name;
  }
  if (same_vendor.empty()) {
    match.why_not = fmt::format(
        "{} different awards in the record share PIID {} (orders under different IDVs; the record "
        "file names no parent IDV), and none is to the listed vendor {} (they are to: {}).",
        candidates.size(), claim.piid, claim.vendor.empty() ? "(none listed)" : claim.vendor,
        vendors);
    return match;
  }
  match.award = same_vendor.front();
  match.method = fmt::format(
      "{}, and vendor {} among {} awards sharing the PIID{}", how, match.award->vendor_name,
      candidates.size(), same_vendor.size() > 1 ? " (still ambiguous: the first was taken)" : "");
  return match;
}

AwardIndex::AwardIndex(const RecordSet& records) : records_(records) {
  for (const Award& award : records_.awards) {
    by_family_and_id_[IndexKey(award.family, award.piid)].push_back(&award);
  }
}

const std::vector<const Award*>* AwardIndex::Find(AwardFamily family, std::string_view id) const {
  auto it = by_family_and_id_.find(IndexKey(family, id));
  return it == by_family_and_id_.end() ? nullptr : &it->second;
}

AwardMatch AwardIndex::Match(const Claim& claim) const {
  switch (claim.kind) {
    case ClaimKind::kContract:
      return MatchContract(claim);
    case ClaimKind::kGrant:
      return MatchGrant(claim);
    case ClaimKind::kLease:
      break;
  }
  AwardMatch none;
  none.why_not =
      "Leases carry no award identifier in FPDS or USAspending (only a location and an agency), "
      "so the claim cannot be checked against the spending record.";
  return none;
}

AwardMatch AwardIndex::MatchContract(const Claim& claim) const {
  AwardMatch match;
  if (claim.piid.empty()) {
    match.why_not =
        claim.link.empty()
            ? "The listing gives no PIID and no FPDS link, so no award can be identified."
            : "The listing gives no usable PIID (its FPDS link names none), so no award "
              "can be identified.";
    return match;
  }
  match.has_identifier = true;
  // The link says whether DOGE pointed at an award or at an IDV; look there first.
  AwardFamily first = claim.contract_type == "IDV" ? AwardFamily::kIdv : AwardFamily::kContract;
  AwardFamily second = first == AwardFamily::kIdv ? AwardFamily::kContract : AwardFamily::kIdv;
  for (AwardFamily family : {first, second}) {
    const auto* all = Find(family, claim.piid);
    if (all == nullptr) continue;
    const char* noun = FamilyNoun(family);
    std::vector<const Award*> candidates;
    for (const Award* award : *all) {
      if (!claim.agency_id.empty() && award->agency_id == claim.agency_id)
        candidates.push_back(award);
    }
    std::string how;
    if (!candidates.empty()) {
      how = fmt::format("{} matched by agency id {} and PIID", noun, claim.agency_id);
    } else {
      candidates = *all;
      how = claim.agency_id.empty()
                ? fmt::format("{} matched by PIID alone (the listing gives no agency id)", noun)
                : fmt::format("{} matched by PIID alone (listed agency id {}, record {})", noun,
                              claim.agency_id, candidates.front()->agency_id);
    }
    if (candidates.size() > 1) return MatchAmongSharedPiid(claim, candidates, how);
    match.award = candidates.front();
    match.method = how;
    return match;
  }
  match.why_not = fmt::format(
      "PIID {}{} is not in the records given ({} awards and IDVs read); it may be missing from "
      "FPDS or from the files passed with --records.",
      claim.piid, claim.agency_id.empty() ? "" : " (agency " + claim.agency_id + ")",
      records_.awards.size() + records_.skipped_awards);
  return match;
}

AwardMatch AwardIndex::MatchGrant(const Claim& claim) const {
  AwardMatch match;
  std::string id = !claim.fain.empty() ? claim.fain : claim.uri;
  if (id.empty()) {
    match.why_not =
        "The listing gives no FAIN or URI (no USAspending award link), so no grant can be "
        "identified.";
    return match;
  }
  match.has_identifier = true;
  const auto* candidates = Find(AwardFamily::kAssistance, id);
  if (candidates == nullptr) {
    match.why_not = fmt::format(
        "Grant {} is not in the records given; pass USAspending assistance files with --records "
        "to check grants.",
        id);
    return match;
  }
  match.award = candidates->front();
  match.method =
      fmt::format("assistance award matched by {} {}", claim.fain.empty() ? "URI" : "FAIN", id);
  return match;
}

}  // namespace receipts
