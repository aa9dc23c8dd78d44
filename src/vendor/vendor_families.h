// Vendor families built from identifiers only: every record row names its vendor's UEI and the
// UEI of that vendor's ultimate parent, and each such row links the two. A family is everything
// those links connect, and nothing else: two vendors that share a name but no link stay apart
// ("TESLA LABORATORIES INC.", UEI LKH1DTGEND43, is not Tesla, Inc.). A name finds candidate
// families for the user to choose from by UEI; it never merges them.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/award.h"

namespace receipts {

// A row that linked a vendor to its parent: the first one read, and how many rows say the same.
struct FamilyLink {
  std::string uei;
  std::string parent_uei;
  std::string record;  // the first linking row: "agencyID/PIID/mod" and its file:line
  std::size_t rows = 0;
};

struct VendorFamily {
  // The ultimate parent: the parent UEI named by the family's most recent action (a vendor with
  // no parent recorded is its own). `parent_ueis` holds every parent UEI the rows named: a parent
  // re-registered under a new UEI links both.
  std::string parent_uei;
  std::vector<std::string> parent_ueis;
  struct Member {
    std::string uei;
    std::vector<std::string> names;  // every name recorded for it (as vendor or as parent), most
                                     // recorded first
  };
  std::vector<Member> members;  // every UEI of the family, parents included, by UEI
  std::vector<FamilyLink> links;
  // FPDS masks some awardees ("DOMESTIC AWARDEES (UNDISCLOSED)"): their rows share one UEI but
  // are not one company, and are not to be read as a family.
  bool masked = false;
};

class VendorFamilies {
 public:
  // The families of every UEI the awards' actions name.
  static VendorFamilies Build(const RecordSet& records);

  // The family holding `uei` (a member or a parent, any case); null when no row names it.
  const VendorFamily* FindByUei(std::string_view uei) const;

  // The families one of whose names holds every word of `name` (whole words, any case), most
  // obligated first is left to the caller; by parent UEI here.
  std::vector<const VendorFamily*> FindByName(std::string_view name) const;

  const std::vector<VendorFamily>& families() const { return families_; }

 private:
  std::vector<VendorFamily> families_;
  std::map<std::string, std::size_t, std::less<>> family_of_uei_;
};

// The family's name for a reader: the name most rows record for its parent UEI, else for any of
// its UEIs, else the parent UEI.
std::string DisplayName(const VendorFamily& family);

// "LKH1DTGEND43": 12 characters, letters and digits (SAM.gov's Unique Entity ID).
bool LooksLikeUei(std::string_view text);

}  // namespace receipts
