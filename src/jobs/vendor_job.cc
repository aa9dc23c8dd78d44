#include "jobs/vendor_job.h"

#include <algorithm>

#include "core/money.h"
#include "core/text.h"
#include "jobs/record_inputs.h"
#include "records/records_reader.h"

namespace receipts {

Result<VendorReport> RunVendorJob(const VendorJob& job) {
  const std::string query(Trim(job.query));
  if (query.empty()) return Status::Usage("give a UEI, a parent UEI or a vendor name");
  std::vector<Matter> matters;
  if (!job.matters_file.empty()) {
    auto read = ReadMatters(job.matters_file);
    if (!read.ok()) return read.status();
    matters = std::move(*read);
  }
  auto records = ReadEveryAward(job.record_inputs);
  if (!records.ok()) return records.status();
  const VendorFamilies families = VendorFamilies::Build(*records);

  VendorReport report;
  report.query = query;
  report.records_as_of = records->as_of;
  report.since = job.since;
  report.record_actions = records->action_count;
  if (const VendorFamily* family = families.FindByUei(query)) {
    report.by_uei = true;
    report.family = *family;
    report.totals = TotalsOf(*family, *records, job.since, records->as_of);
    auto claims = ClaimsWithVerdicts(job.claims_file, job.ledger, *records, job.since);
    if (!claims.ok()) return claims.status();
    report.claims = ClaimsOnFamily(report.totals, *claims);
    report.with_claims = !job.claims_file.empty() || !job.ledger.empty();
    report.with_matters = !job.matters_file.empty();
    report.context =
        FindWhereCutsMet(report.family, report.totals, *claims, matters, records->as_of);
    return report;
  }
  if (LooksLikeUei(query)) {
    return Status::NotFound("no record row names the UEI " + ToUpperAscii(query) +
                            " (as vendor or as ultimate parent) in the " +
                            GroupThousands(records->action_count) + " actions read");
  }
  for (const VendorFamily* family : families.FindByName(query)) {
    report.candidates.push_back(*family);
  }
  if (report.candidates.empty()) {
    return Status::NotFound("no vendor or parent in the records is named '" + query +
                            "' (every word must appear in a recorded name)");
  }
  return report;
}

}  // namespace receipts
