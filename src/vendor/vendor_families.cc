#include "vendor/vendor_families.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <set>
#include <tuple>

#include "core/text.h"
#include "verify/measures.h"

namespace receipts {
namespace {

// Union-find over UEIs, by index.
class Links {
 public:
  std::size_t IndexOf(const std::string& uei) {
    auto [it, added] = index_.emplace(uei, parent_.size());
    if (added) parent_.push_back(parent_.size());
    return it->second;
  }
  std::size_t Root(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void Join(std::size_t a, std::size_t b) {
    a = Root(a);
    b = Root(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }
  const std::map<std::string, std::size_t>& index() const { return index_; }

 private:
  std::map<std::string, std::size_t> index_;
  std::vector<std::size_t> parent_;
};

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

}  // namespace

std::string DisplayName(const VendorFamily& family) {
  for (const VendorFamily::Member& m : family.members) {
    if (m.uei == family.parent_uei && !m.names.empty()) return m.names.front();
  }
  for (const VendorFamily::Member& m : family.members) {
    if (!m.names.empty()) return m.names.front();
  }
  return family.parent_uei;
}

bool LooksLikeUei(std::string_view text) {
  if (text.size() != 12) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

VendorFamilies VendorFamilies::Build(const RecordSet& records) {
  Links links;
  std::map<std::pair<std::string, std::string>, FamilyLink> link_rows;
  std::map<std::string, std::map<std::string, std::size_t>> names;  // UEI → name → rows
  // The latest action of each root's family names its parent: (date, parent UEI) per UEI.
  std::map<std::string, std::pair<Date, std::string>> latest_parent;
  for (const Award& award : records.awards) {
    for (const Action& a : award.actions) {
      const std::string uei = ToUpperAscii(Trim(a.vendor_uei));
      if (uei.empty()) continue;
      const std::string parent = ToUpperAscii(Trim(a.parent_uei));
      const std::size_t i = links.IndexOf(uei);
      if (!a.vendor_name.empty()) ++names[uei][std::string(Trim(a.vendor_name))];
      if (parent.empty()) continue;
      links.Join(i, links.IndexOf(parent));
      if (!a.parent_name.empty()) ++names[parent][std::string(Trim(a.parent_name))];
      FamilyLink& link = link_rows[{uei, parent}];
      if (link.rows++ == 0) {
        link.uei = uei;
        link.parent_uei = parent;
        link.record =
            fmt::format("{} ({}:{})", ActionRef(award, a).ToString(),
                        std::filesystem::path(a.source_file).filename().string(), a.source_line);
      }
      const Date when = a.signed_date.value_or(Date());
      auto& latest = latest_parent[uei];
      if (latest.second.empty() || latest.first < when) latest = {when, parent};
    }
  }

  VendorFamilies out;
  std::map<std::size_t, std::size_t> family_of_root;
  for (const auto& [uei, index] : links.index()) {
    const std::size_t root = links.Root(index);
    auto [it, added] = family_of_root.emplace(root, out.families_.size());
    if (added) out.families_.emplace_back();
    VendorFamily& family = out.families_[it->second];
    // Most recorded first, then alphabetical.
    std::vector<std::pair<std::string, std::size_t>> counted(names[uei].begin(), names[uei].end());
    std::stable_sort(counted.begin(), counted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    VendorFamily::Member member{uei, {}};
    for (auto& [name, rows] : counted) {
      family.masked |= name.find("(UNDISCLOSED)") != std::string::npos;
      member.names.push_back(std::move(name));
    }
    family.members.push_back(std::move(member));
    out.family_of_uei_.emplace(uei, it->second);
  }
  for (auto& [pair, link] : link_rows) {
    VendorFamily& family = out.families_[out.family_of_uei_.at(pair.first)];
    family.parent_ueis.push_back(pair.second);
    family.links.push_back(std::move(link));
  }
  for (VendorFamily& family : out.families_) {
    std::sort(family.parent_ueis.begin(), family.parent_ueis.end());
    family.parent_ueis.erase(std::unique(family.parent_ueis.begin(), family.parent_ueis.end()),
                             family.parent_ueis.end());
    // The ultimate parent: the parent UEI the most other UEIs link to, then the one most rows
    // name, then the one the latest action names. A family with no parent is its only UEI's.
    struct Score {
      std::size_t children = 0, rows = 0;
      Date latest;
    };
    std::map<std::string, Score> scores;
    for (const FamilyLink& link : family.links) {
      Score& score = scores[link.parent_uei];
      score.children += link.uei != link.parent_uei;
      score.rows += link.rows;
    }
    for (const VendorFamily::Member& m : family.members) {
      auto it = latest_parent.find(m.uei);
      if (it != latest_parent.end() && scores[it->second.second].latest < it->second.first) {
        scores[it->second.second].latest = it->second.first;
      }
    }
    const Score* best = nullptr;
    for (const auto& [uei, score] : scores) {
      if (best == nullptr || std::tie(score.children, score.rows, score.latest) >
                                 std::tie(best->children, best->rows, best->latest)) {
        best = &score;
        family.parent_uei = uei;
      }
    }
    if (family.parent_uei.empty()) family.parent_uei = family.members.front().uei;
  }
  return out;
}

const VendorFamily* VendorFamilies::FindByUei(std::string_view uei) const {
  auto it = family_of_uei_.find(ToUpperAscii(Trim(uei)));
  return it == family_of_uei_.end() ? nullptr : &families_[it->second];
}

std::vector<const VendorFamily*> VendorFamilies::FindByName(std::string_view name) const {
  const std::vector<std::string> wanted = Words(name);
  std::vector<const VendorFamily*> out;
  if (wanted.empty()) return out;
  for (const VendorFamily& family : families_) {
    bool found = false;
    for (const VendorFamily::Member& m : family.members) {
      for (const std::string& recorded : m.names) {
        const std::vector<std::string> words = Words(recorded);
        found |= std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
          return std::find(words.begin(), words.end(), w) != words.end();
        });
      }
    }
    if (found) out.push_back(&family);
  }
  std::sort(out.begin(), out.end(), [](const VendorFamily* a, const VendorFamily* b) {
    return a->parent_uei < b->parent_uei;
  });
  return out;
}

}  // namespace receipts
