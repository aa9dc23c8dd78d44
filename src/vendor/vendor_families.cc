#include "vendor/vendor_families.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <tuple>

#include "core/text.h"
#include "verify/measures.h"

namespace receipts {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// Names by row count, most recorded first, then alphabetical.
std::vector<std::string> ByCount(const std::map<std::string, std::size_t>& counted) {
  std::vector<std::pair<std::string, std::size_t>> names(counted.begin(), counted.end());
  std::stable_sort(names.begin(), names.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> out;
  for (auto& [name, rows] : names) out.push_back(std::move(name));
  return out;
}

}  // namespace

std::string ParentOfAction(const Action& action) {
  std::string parent = ToUpperAscii(Trim(action.parent_uei));
  return parent.empty() ? ToUpperAscii(Trim(action.vendor_uei)) : parent;
}

bool LooksLikeUei(std::string_view text) {
  if (text.size() != 12) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

VendorFamilies VendorFamilies::Build(const RecordSet& records) {
  struct Parent {
    std::map<std::string, FamilyLink> links;  // by vendor UEI
    Cents obligated = 0;
    std::size_t actions = 0;
  };
  std::map<std::string, Parent> parents;
  std::map<std::string, std::map<std::string, std::size_t>> names;  // UEI → name → rows
  std::map<std::string, std::set<std::string>> parents_of;          // UEI → parents recorded
  // The parent each UEI's latest row names: its family when it is no parent itself.
  std::map<std::string, std::pair<Date, std::string>> latest_parent;
  for (const Award& award : records.awards) {
    for (const Action& a : award.actions) {
      const std::string uei = ToUpperAscii(Trim(a.vendor_uei));
      if (uei.empty()) continue;
      const std::string parent = ParentOfAction(a);
      if (!a.vendor_name.empty()) ++names[uei][std::string(Trim(a.vendor_name))];
      if (!a.parent_name.empty()) ++names[parent][std::string(Trim(a.parent_name))];
      Parent& p = parents[parent];
      p.obligated += a.obligated;
      ++p.actions;
      FamilyLink& link = p.links[uei];
      if (link.rows++ == 0) {
        link.uei = uei;
        link.parent_uei = parent;
        link.record =
            fmt::format("{} ({}:{})", ActionRef(award, a).ToString(),
                        std::filesystem::path(a.source_file).filename().string(), a.source_line);
      }
      parents_of[uei].insert(parent);
      const Date when = a.signed_date.value_or(Date());
      auto& latest = latest_parent[uei];
      if (latest.second.empty() || latest.first <= when) latest = {when, parent};
    }
  }

  VendorFamilies out;
  for (auto& [parent_uei, p] : parents) {
    VendorFamily family;
    family.parent_uei = parent_uei;
    family.obligated = p.obligated;
    family.actions = p.actions;
    std::set<std::string> ueis{parent_uei};
    for (auto& [uei, link] : p.links) {
      ueis.insert(uei);
      family.links.push_back(std::move(link));
    }
    for (const std::string& uei : ueis) {
      VendorFamily::Member member{uei, ByCount(names[uei]), {}};
      for (const std::string& other : parents_of[uei]) {
        if (other != parent_uei) member.other_parents.push_back(other);
      }
      for (const std::string& name : member.names) {
        family.masked |= name.find("(UNDISCLOSED)") != std::string::npos;
      }
      family.members.push_back(std::move(member));
    }
    out.family_of_uei_[parent_uei] = out.families_.size();
    out.families_.push_back(std::move(family));
  }
  // A UEI that is no parent belongs, for a lookup, to the family its latest row names.
  for (const auto& [uei, latest] : latest_parent) {
    if (!out.family_of_uei_.count(uei))
      out.family_of_uei_[uei] = out.family_of_uei_.at(latest.second);
  }
  return out;
}

const VendorFamily* VendorFamilies::FindByUei(std::string_view uei) const {
  auto it = family_of_uei_.find(ToUpperAscii(Trim(uei)));
  return it == family_of_uei_.end() ? nullptr : &families_[it->second];
}

bool NamesHoldWords(const std::vector<std::string>& names, std::string_view query) {
  const std::vector<std::string> wanted = Words(query);
  if (wanted.empty()) return false;
  return std::any_of(names.begin(), names.end(), [&wanted](const std::string& recorded) {
    const std::vector<std::string> words = Words(recorded);
    return std::all_of(wanted.begin(), wanted.end(), [&words](const std::string& w) {
      return std::find(words.begin(), words.end(), w) != words.end();
    });
  });
}

std::vector<const VendorFamily*> VendorFamilies::FindByName(std::string_view name) const {
  std::vector<const VendorFamily*> out;
  for (const VendorFamily& family : families_) {
    if (std::any_of(
            family.members.begin(), family.members.end(),
            [name](const VendorFamily::Member& m) { return NamesHoldWords(m.names, name); })) {
      out.push_back(&family);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const VendorFamily* a, const VendorFamily* b) {
    return std::tie(b->obligated, a->parent_uei) < std::tie(a->obligated, b->parent_uei);
  });
  return out;
}

std::string DisplayName(const VendorFamily& family) {
  for (const VendorFamily::Member& m : family.members) {
    if (m.uei == family.parent_uei && !m.names.empty()) return m.names.front();
  }
  for (const VendorFamily::Member& m : family.members) {
    if (!m.names.empty()) return m.names.front();
  }
  return family.parent_uei;
}

}  // namespace receipts
