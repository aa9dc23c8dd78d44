// Vendor families built from identifiers only. Every record row names its vendor's UEI and the
// UEI of that vendor's ultimate parent at the time; a family is one ultimate parent UEI, the UEIs
// of the rows that name it, and those rows. Nothing is chained: a subsidiary sold from one parent
// to another is in both families, each with the rows recorded under it, so two groups are never
// merged through one company, and a figure never counts another group's money. Names never link:
// "TESLA LABORATORIES INC." (UEI LKH1DTGEND43) is not Tesla, Inc. A name finds candidate families
// for the user to choose from by UEI.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/award.h"
#include "core/money.h"

namespace receipts {

// A vendor UEI recorded under the family's parent: the first such row read, and how many rows.
struct FamilyLink {
  std::string uei;
  std::string parent_uei;
  std::string record;  // the first linking row: "agencyID/PIID/mod" and its file:line
  std::size_t rows = 0;
};

struct VendorFamily {
  // The ultimate parent UEI the family's rows name (a row naming no parent is its vendor's own).
  std::string parent_uei;
  struct Member {
    std::string uei;
    std::vector<std::string> names;  // every name recorded for it (as vendor or as parent), most
                                     // recorded first
    // Other ultimate parents rows record for this UEI (before or after a sale): other families.
    std::vector<std::string> other_parents;
  };
  std::vector<Member> members;  // the parent and every UEI recorded under it, by UEI
  std::vector<FamilyLink> links;
  Cents obligated = 0;      // Σ obligatedAmount of the rows recorded under the parent
  std::size_t actions = 0;  // those rows
  // FPDS masks some awardees ("DOMESTIC AWARDEES (UNDISCLOSED)"): their rows share one UEI but
  // are not one company, and are not to be read as a family.
  bool masked = false;
};

class VendorFamilies {
 public:
  // The families of every ultimate parent the awards' actions name.
  static VendorFamilies Build(const RecordSet& records);

  // The family of `uei` (any case): its own when rows name it as a parent, else the family of
  // the parent its latest row names; null when no row names it.
  const VendorFamily* FindByUei(std::string_view uei) const;

  // The families one of whose recorded names holds every word of `name` (whole words, any
  // case), most obligated first.
  std::vector<const VendorFamily*> FindByName(std::string_view name) const;

  const std::vector<VendorFamily>& families() const { return families_; }

 private:
  std::vector<VendorFamily> families_;
  std::map<std::string, std::size_t, std::less<>> family_of_uei_;
};

// The ultimate parent UEI `action` is recorded under: its parent UEI, else its own UEI; "" when
// it names no vendor. Upper case, trimmed.
std::string ParentOfAction(const Action& action);

// The family's name for a reader: the name most rows record for its parent UEI, else for any of
// its UEIs, else the parent UEI.
std::string DisplayName(const VendorFamily& family);

// Whether one of `names` holds every word of `query` (whole words of letters and digits, any
// case); false when `query` has no word.
bool NamesHoldWords(const std::vector<std::string>& names, std::string_view query);

// "LKH1DTGEND43": 12 characters, letters and digits (SAM.gov's Unique Entity ID).
bool LooksLikeUei(std::string_view text);

}  // namespace receipts
