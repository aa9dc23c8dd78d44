// A user's file of open matters (investigations, complaints, enforcement actions, inspections)
// against companies, by agency, each with its source (doc/formats.md, "Open matters"). `vendor
// --matters FILE` sets them beside a family's money and DOGE's cuts at the same agencies, as
// context with sources: co-occurrence is not evidence of intent.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "vendor/vendor_families.h"

namespace receipts {

struct Matter {
  std::string agency_id;  // FPDS agencyID of the agency holding it; "" when not given
  std::string agency;     // its name, as the source gives it
  std::string company;    // a UEI, or a company name as the source gives it
  std::string matter;
  std::optional<Date> opened;  // unknown when blank
  std::optional<Date> closed;  // still open when blank
  std::string source_url;
  std::string note;
  std::size_t line = 0;  // in the file, for citations
};

// Reads a matters CSV (header agency_id,agency,company,matter,opened,closed,source_url[,note]).
// Dates are YYYY-MM-DD, or YYYY-MM (opened: the month's first day; closed: its last). Errors
// name the file, line and field: a missing column, an empty company or matter, a source that is
// not an http(s) URL, a bad date, a matter closed before it opened.
Result<std::vector<Matter>> ReadMatters(const std::string& path);
// The same over bytes held in memory, named `name` in errors.
Result<std::vector<Matter>> ParseMatters(const std::string& name, std::string_view bytes);

// How a matter names a family: "uei" (its company is one of the family's UEIs), "name" (its
// company is, letter for letter once case, punctuation and spacing are set aside, a name the
// records give one of the family's UEIs: "Tesla, Inc." is not "TESLA LABORATORIES INC."), or ""
// when it does not name the family.
std::string MatterNamesFamily(const Matter& matter, const VendorFamily& family);

// Whether `matter` was open on `day` (opened on or before it, or opened unknown; not closed
// before it).
bool MatterOpenOn(const Matter& matter, Date day);

}  // namespace receipts
