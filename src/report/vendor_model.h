// One model of a vendor family, and of the candidates a name finds: what `receipts vendor
// --format json` prints and what GET /api/vendors/{uei} and /api/vendors?q= serve (the server
// adds its links, labels and the leads on the family's awards). Keys and money as in
// doc/formats.md ("Vendor families").
#pragma once

#include "report/view.h"
#include "vendor/vendor_report.h"

namespace receipts {

// The family of `report` (by_uei): its UEIs and the rows that link them, totals by agency and
// fiscal year, de-obligations and terminations since, open awards, every award, the claims on
// them and, with claims or matters, where the cuts met it (null otherwise).
View VendorModel(const VendorReport& report);

// One candidate family: parent_uei, name, masked, ueis, obligated, actions.
View CandidateModel(const VendorFamily& family);

// The candidates of `report` (a name): {"query", "candidates": [CandidateModel…]}.
View CandidatesModel(const VendorReport& report);

// A family's UEIs: [{uei, names, names_text, other_parents}].
View UeisModel(const VendorFamily& family);

}  // namespace receipts
