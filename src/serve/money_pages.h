// Follow the money on the dashboard (serve --records): a vendor family's page and the
// candidates a name finds (/vendors, /api/vendors), and the leads with filters by rule and
// agency (/leads, /api/leads). Each model is what its API endpoint serialises; the page adds its
// navigation (doc/api.md, doc/templates.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/award_claim.h"
#include "jobs/record_check.h"
#include "report/view.h"
#include "serve/claim_detail.h"

namespace receipts::serve {

// At most this many candidate families answer a name (the count of all is given).
inline constexpr std::size_t kMaxCandidates = 50;

// At most this many leads a page.
inline constexpr std::int64_t kLeadsPerPage = 100;

// GET /api/vendors?q=: the families one of whose recorded names holds every word of `query`.
View VendorCandidatesModel(const RecordCheck& records, const std::string& query);

// The static site's vendors.html (it cannot search): `families` listed as candidates are, with
// `listing` true.
View VendorIndexModel(const std::vector<const VendorFamily*>& families);

// GET /api/vendors/{uei}: the family, its totals, the stored DOGE claims on its awards (`claims`:
// every claim of the ledger's verified snapshots) and the leads on its awards.
View VendorModel(const RecordCheck& records, const VendorFamily& family,
                 const std::vector<AwardClaim>& claims);

struct LeadsFilter {
  std::string rule;    // "" = every rule
  std::string agency;  // an FPDS agencyID; "" = every agency
  std::int64_t page = 1;
};

// GET /api/leads: the rules' coverage, and the page of leads the filter selects.
View LeadsModel(const RecordCheck& records, const LeadsFilter& filter);

// One lead as the API and the claim page give it.
View LeadModel(const Lead& lead);

// The family of the award's latest vendor UEI: {"parent_uei", "name", "href"}; null when the
// award or its vendor is not in the records.
View VendorLinkOf(const RecordCheck& records, const Award& award);

// Adds to a claim page's model its award's vendor family (`vendor`, VendorLinkOf) and the leads
// on its award (`leads`).
void AddMoneyOfClaim(const RecordCheck& records, const ClaimDetail& detail, View* model);

}  // namespace receipts::serve
