#include "jobs/vendor_job.h"

#include <algorithm>
#include <set>

#include "core/money.h"
#include "core/text.h"
#include "records/records_reader.h"

namespace receipts {
namespace {

using UeiSet = std::set<std::string, std::less<>>;

// The rows of `parents`' families and all of them: every row recorded under a parent names a
// member UEI; then every row of those UEIs (their names and other parents) and of `parents`, the
// whole of every award with a row under a parent, and what `also` wants, in a second scan.
Result<RecordSet> ReadFamilies(const std::vector<std::string>& inputs, const UeiSet& parents,
                               const RecordFilter& also) {
  RecordFilter under;
  for (const std::string& parent : parents) under.AddVendorUei(parent);
  auto first = ReadAwards(inputs, under);
  if (!first.ok()) return first.status();
  RecordFilter whole = also;
  for (const std::string& parent : parents) whole.AddVendorUei(parent);
  for (const Award& award : first->awards) {
    bool in_family = false;
    for (const Action& a : award.actions) {
      if (!parents.count(ParentOfAction(a))) continue;
      in_family = true;
      whole.AddVendorUei(ToUpperAscii(Trim(a.vendor_uei)));
    }
    if (in_family && award.family != AwardFamily::kAssistance) whole.AddPiid(award.piid);
  }
  return ReadAwards(inputs, whole);
}

// The UEIs one of whose recorded names holds every word of `name`, read part by part.
Result<UeiSet> UeisNamed(const VendorJob& job, const std::string& name) {
  UeiSet named;
  Status read =
      ForEachRecordPart(job.record_inputs, job.part_bytes, [&](RecordSet* records, bool) -> Status {
        const VendorFamilies families = VendorFamilies::Build(*records);
        for (const VendorFamily* family : families.FindByName(name)) {
          for (const VendorFamily::Member& m : family->members) {
            if (NamesHoldWords(m.names, name)) named.insert(m.uei);
          }
        }
        return Status::Ok();
      });
  if (!read.ok()) return read;
  return named;
}

Status NoUei(const std::string& uei, const RecordSet& records) {
  return Status::NotFound("no record row names the UEI " + uei +
                          " (as vendor or as ultimate parent) in the " +
                          GroupThousands(records.action_count) + " actions read");
}

}  // namespace

Result<VendorReport> RunVendorJob(const VendorJob& job) {
  const std::string query(Trim(job.query));
  if (query.empty()) return Status::Usage("give a UEI, a parent UEI or a vendor name");
  std::vector<Matter> matters;
  if (!job.matters_file.empty()) {
    auto read = ReadMatters(job.matters_file);
    if (!read.ok()) return read.status();
    matters = std::move(*read);
  }
  auto beside = ClaimsBeside::Open(job.claims_file, job.ledger);
  if (!beside.ok()) return beside.status();

  VendorReport report;
  report.query = query;
  report.since = job.since;
  auto fill_records = [&report](const RecordSet& records) {
    report.records_as_of = records.as_of;
    report.record_actions = records.action_count;
  };

  if (LooksLikeUei(query)) {
    const std::string uei = ToUpperAscii(query);
    RecordFilter rows_of_uei;
    rows_of_uei.AddVendorUei(uei);
    auto own = ReadAwards(job.record_inputs, rows_of_uei);
    if (!own.ok()) return own.status();
    const VendorFamilies own_families = VendorFamilies::Build(*own);
    const VendorFamily* found = own_families.FindByUei(uei);
    if (found == nullptr) return NoUei(uei, *own);
    auto records = ReadFamilies(job.record_inputs, {found->parent_uei}, beside->wanted());
    if (!records.ok()) return records.status();
    const VendorFamilies families = VendorFamilies::Build(*records);
    const VendorFamily* family = families.FindByUei(uei);
    if (family == nullptr) return NoUei(uei, *records);  // a file changed between the scans
    fill_records(*records);
    report.by_uei = true;
    report.family = *family;
    report.totals = TotalsOf(*family, *records, job.since, records->as_of);
    auto claims = beside->WithVerdicts(*records, job.since);
    if (!claims.ok()) return claims.status();
    report.claims = ClaimsOnFamily(report.totals, *claims);
    report.with_claims = beside->any();
    report.with_matters = !job.matters_file.empty();
    report.context =
        FindWhereCutsMet(report.family, report.totals, *claims, matters, records->as_of);
    return report;
  }

  auto named = UeisNamed(job, query);
  if (!named.ok()) return named.status();
  UeiSet parents;
  if (!named->empty()) {
    RecordFilter rows_of_named;
    for (const std::string& uei : *named) rows_of_named.AddVendorUei(uei);
    auto rows = ReadAwards(job.record_inputs, rows_of_named);
    if (!rows.ok()) return rows.status();
    for (const Award& award : rows->awards) {
      for (const Action& a : award.actions) {
        const std::string uei = ToUpperAscii(Trim(a.vendor_uei));
        if (uei.empty()) continue;
        if (named->count(uei)) parents.insert(ParentOfAction(a));
        // A named UEI that is a parent: its own family holds it.
        if (named->count(ParentOfAction(a))) parents.insert(ParentOfAction(a));
      }
    }
  }
  if (parents.empty()) {
    return Status::NotFound("no vendor or parent in the records is named '" + query +
                            "' (every word must appear in a recorded name)");
  }
  auto records = ReadFamilies(job.record_inputs, parents, RecordFilter());
  if (!records.ok()) return records.status();
  fill_records(*records);
  const VendorFamilies families = VendorFamilies::Build(*records);
  for (const VendorFamily* family : families.FindByName(query)) {
    if (parents.count(family->parent_uei)) report.candidates.push_back(*family);
  }
  return report;
}

}  // namespace receipts
