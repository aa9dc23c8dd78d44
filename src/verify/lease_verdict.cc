#include "verify/lease_verdict.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "core/text.h"

namespace receipts {
namespace {

constexpr const char* kMatchRule = "city, state and rentable square feet";
constexpr const char* kInventoryAgency = "GSA-IOLP";

Cents Abs(Cents c) { return c < 0 ? -c : c; }

std::string PlaceKey(std::string_view city, std::string_view state, long long square_feet) {
  return fmt::format("{}|{}|{}", city, state, square_feet);
}

Date AddMonths(Date date, int months) {
  using namespace std::chrono;
  year_month_day ymd{sys_days(days(date.days_since_epoch()))};
  year_month_day shifted = ymd + std::chrono::months(months);
  if (!shifted.ok()) shifted = shifted.year() / shifted.month() / last;
  Result<Date> out = Date::FromYmd(static_cast<int>(shifted.year()),
                                   static_cast<int>(static_cast<unsigned>(shifted.month())),
                                   static_cast<int>(static_cast<unsigned>(shifted.day())));
  return out.ok() ? *out : date;
}

std::string InventoryDates(const std::vector<LeaseInventory>& inventories) {
  std::vector<std::string> dates;
  for (const LeaseInventory& inventory : inventories) dates.push_back(inventory.published.ToIso());
  return Join(dates, ", ");
}

bool AgencyDirect(const Claim& claim) {
  return ToLowerAscii(claim.description).find("agency direct") != std::string::npos;
}

}  // namespace

std::pair<std::string, std::string> SplitLeaseLocation(std::string_view location) {
  std::size_t comma = location.rfind(',');
  if (comma == std::string_view::npos) return {};
  return {ToUpperAscii(CollapseSpaces(location.substr(0, comma))),
          ToUpperAscii(Trim(location.substr(comma + 1)))};
}

int MonthsBetween(Date from, Date to) {
  if (!(from < to)) return 0;
  int months = (to.year() - from.year()) * 12 + (to.month() - from.month());
  if (to.day() < from.day()) --months;
  return std::max(0, months);
}

LeaseVerifier::LeaseVerifier(const RecordSet& records) : records_(records) {
  const std::size_t n = records_.lease_inventories.size();
  for (std::size_t i = 0; i < n; ++i) {
    for (const Lease& lease : records_.lease_inventories[i].leases) {
      Presence& p = presence_[lease.lease_number];
      p.by_inventory.resize(n, nullptr);
      if (p.by_inventory[i] == nullptr) p.by_inventory[i] = &lease;
      if (!lease.rentable_square_feet) continue;
      std::vector<std::string>& numbers =
          numbers_by_place_[PlaceKey(lease.city, lease.state, *lease.rentable_square_feet)];
      if (std::find(numbers.begin(), numbers.end(), lease.lease_number) == numbers.end()) {
        numbers.push_back(lease.lease_number);
      }
    }
  }
}

void LeaseVerifier::Verify(const Claim& claim, ClaimResult* r) {
  const std::vector<LeaseInventory>& inventories = records_.lease_inventories;
  auto [city, state] = SplitLeaseLocation(claim.location);
  if (city.empty() || state.empty() || !claim.square_feet) {
    r->verdict = Verdict::kUnverifiable;
    r->reason =
        fmt::format("The listing gives no {} to find a GSA lease by (location \"{}\").",
                    !claim.square_feet ? "square feet" : "\"CITY, ST\" location", claim.location);
    return;
  }
  if (inventories.empty()) {
    r->verdict = Verdict::kNotFound;
    r->reason =
        "The records given hold no GSA lease inventory (IOLP), so no lease can be looked up: pass "
        "GSA's iolp-leases.xlsx files with --records.";
    return;
  }
  LeaseMeasures lease;
  lease.match_rule = kMatchRule;
  auto found = numbers_by_place_.find(PlaceKey(city, state, *claim.square_feet));
  if (found == numbers_by_place_.end()) {
    r->verdict = Verdict::kNotFound;
    r->reason = fmt::format(
        "No GSA lease in the inventories given ({}) is in {}, {} with {} rentable square feet. "
        "IOLP lists only GSA's own leases: leases an agency holds under its own authority are not "
        "in it{}.",
        InventoryDates(inventories), city, state, GroupThousands(*claim.square_feet),
        AgencyDirect(claim) ? ", and this listing says it is an agency direct lease" : "");
    r->lease = std::move(lease);
    return;
  }
  lease.lease_numbers = found->second;
  if (lease.lease_numbers.size() > 1) {
    r->verdict = Verdict::kAmbiguous;
    r->reason = fmt::format(
        "{} GSA leases in {}, {} have {} rentable square feet ({}); the listing does not say which "
        "was terminated.",
        lease.lease_numbers.size(), city, state, GroupThousands(*claim.square_feet),
        Join(lease.lease_numbers, ", "));
    r->lease = std::move(lease);
    return;
  }
  const std::string& number = lease.lease_numbers.front();
  r->award_key = number;
  const Presence& presence = presence_.at(number);
  for (std::size_t i = 0; i < inventories.size(); ++i) {
    const Lease* listed = presence.by_inventory.size() > i ? presence.by_inventory[i] : nullptr;
    if (listed == nullptr) continue;
    lease.last_present = inventories[i].published;
    if (listed->expiration) lease.expiration = listed->expiration;
    r->evidence.push_back(RecordRef{kInventoryAgency, number, inventories[i].published.ToIso(),
                                    std::to_string(listed->source_row)});
  }
  const std::optional<Date> claim_date = claim.date ? claim.date : claim.earliest_date;
  // Per list: two lists given together (two snapshots) each count their own claim of a lease.
  auto first_claim = first_claim_of_lease_.emplace(claim.source_file + "\n" + number, r->claim_id);
  if (!first_claim.second) {
    r->verdict = Verdict::kDuplicate;
    r->verified_savings = 0;
    r->reason = fmt::format(
        "Same GSA lease ({}) as claim {} earlier in the list; its savings are counted once, there.",
        number, first_claim.first->second);
    r->lease = std::move(lease);
    return;
  }
  if (claim_date) {
    for (std::size_t i = 0; i < inventories.size(); ++i) {
      const bool absent = presence.by_inventory.size() <= i || presence.by_inventory[i] == nullptr;
      if (absent && *claim_date < inventories[i].published) {
        lease.first_absent = inventories[i].published;
        break;
      }
    }
    if (lease.expiration) {
      lease.months_remaining = MonthsBetween(*claim_date, *lease.expiration);
      if (claim.claimed_value) {
        lease.rent_bound = *claim.claimed_value * *lease.months_remaining / 12;
      }
    }
  }
  const Cents claimed = claim.claimed_savings.value_or(0);
  const std::string claimed_text = "Claimed " + FormatUsd(claimed);
  const std::string expires =
      lease.expiration ? "expiring " + lease.expiration->ToIso() : "with no expiration date";
  const std::string found_text = fmt::format("GSA lease {} ({}, {}, {} sq ft) {}", number, city,
                                             state, GroupThousands(*claim.square_feet), expires);
  std::string term_text;
  if (lease.months_remaining && claim_date) {
    term_text = fmt::format(", {} months after the claim date {}", *lease.months_remaining,
                            claim_date->ToIso());
    if (lease.rent_bound) {
      term_text += fmt::format(
          "; at the listed annual value of {} the rest of the term is worth "
          "at most {}",
          FormatUsd(*claim.claimed_value), FormatUsd(*lease.rent_bound));
    }
  }
  const std::string where =
      lease.first_absent
          ? fmt::format(" It is gone from the inventory of {}.", lease.first_absent->ToIso())
          : fmt::format(" It is still in the inventory of {}.", lease.last_present->ToIso());
  r->verified_savings = 0;
  r->lease = lease;
  auto finish = [&](Verdict verdict, std::string reason) {
    r->verdict = verdict;
    r->reason = std::move(reason) + " Matched: " + kMatchRule + ".";
    r->lease = lease;
  };
  if (claimed == 0) {
    finish(Verdict::kZeroClaim,
           fmt::format("Claimed $0.00; {}{}.{}", found_text, term_text, where));
    return;
  }
  if (!claim_date) {
    finish(Verdict::kUnverifiable,
           fmt::format("{}; {}.{} The listing has no date, so the term left cannot be measured.",
                       claimed_text, found_text, where));
    return;
  }
  if (lease.expiration && !(AddMonths(*claim_date, kLeaseExpiringMonths) < *lease.expiration)) {
    finish(Verdict::kExpiring,
           fmt::format("{}, but {}{}: within {} months of the claim, so it was ending on its own "
                       "schedule.{}",
                       claimed_text, found_text, term_text, kLeaseExpiringMonths, where));
    return;
  }
  const Date takes_effect = AddMonths(*claim_date, kLeaseTerminationEffectMonths);
  if (!lease.first_absent && !(*lease.last_present < takes_effect)) {
    finish(Verdict::kStillLeased,
           fmt::format("{}, but {}{}. It is still in GSA's inventory of {}, after the "
                       "termination would have taken effect (about {}): it was not terminated.",
                       claimed_text, found_text, term_text, lease.last_present->ToIso(),
                       takes_effect.ToIso()));
    return;
  }
  if (lease.rent_bound && claimed > *lease.rent_bound &&
      Abs(claimed - *lease.rent_bound) > std::max<Cents>(100, claimed / 100)) {
    if (lease.first_absent) r->verified_savings = *lease.rent_bound;
    finish(Verdict::kOverstated,
           fmt::format("{}; {}{}: the claim is {} more than that.{}", claimed_text, found_text,
                       term_text, FormatUsd(claimed - *lease.rent_bound), where));
    return;
  }
  if (lease.first_absent) {
    r->verified_savings = lease.rent_bound ? std::min(claimed, *lease.rent_bound) : Cents{0};
    finish(Verdict::kLeaseEnded,
           fmt::format("{}; {}{}.{} The lease ended: the claim counts, up to the rent left on "
                       "the term.",
                       claimed_text, found_text, term_text, where));
    return;
  }
  finish(Verdict::kAfterRecords,
         fmt::format("{}; {}{}.{} The latest inventory given ({}) comes before the termination "
                     "would take effect (about {}): a later inventory will tell whether it ended.",
                     claimed_text, found_text, term_text, where, lease.last_present->ToIso(),
                     takes_effect.ToIso()));
}

}  // namespace receipts
