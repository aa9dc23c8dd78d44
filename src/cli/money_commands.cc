// receipts vendor QUERY --records FILE|DIR… [--claims FILE | --ledger L] [--matters FILE]
//                       [--since DATE] [--out DIR] [--format text|csv|json]
// receipts leads --records FILE|DIR… [--claims FILE | --ledger L] [--rules FILE] [--out DIR]
// Follow the money: a vendor family by UEI, and explainable leads on the record
// (doc/formats.md, "Vendor families" and "Leads").
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/date.h"
#include "core/money.h"
#include "jobs/leads_job.h"
#include "jobs/vendor_job.h"
#include "report/leads_render.h"
#include "report/output_dir.h"
#include "report/vendor_render.h"

namespace receipts::cli {
namespace {

struct VendorFlags {
  std::string query;
  std::vector<std::string> records;
  std::string claims;
  std::string ledger;
  std::string since = "2025-01-20";
  std::string out;
  std::string format = "text";
  std::string matters;
};

struct LeadsFlags {
  std::vector<std::string> records;
  std::string claims;
  std::string ledger;
  std::string rules;
  std::string since = "2025-01-20";
  std::string out;
};

int RunVendor(const VendorFlags& flags) {
  if (flags.format != "text" && flags.format != "csv" && flags.format != "json") {
    return UsageError("--format must be text, csv or json");
  }
  Date since;
  if (int rc = SinceFlag(flags.since, &since); rc != kExitOk) return rc;
  VendorJob job{flags.query, flags.records, flags.claims, flags.ledger, flags.matters, since};
  auto report = RunVendorJob(job);
  if (!report.ok()) return Fail(report.status());
  if (!flags.out.empty()) {
    Status written = WriteFilesAtomically(flags.out, {{"vendor.json", RenderVendorJson(*report)},
                                                      {"vendor.csv", RenderVendorCsv(*report)},
                                                      {"vendor.txt", RenderVendorText(*report)}});
    if (!written.ok()) return Fail(written);
  }
  std::cout << (flags.format == "json"  ? RenderVendorJson(*report)
                : flags.format == "csv" ? RenderVendorCsv(*report)
                                        : RenderVendorText(*report));
  return kExitOk;
}

int RunLeads(const LeadsFlags& flags) {
  Date since;
  if (int rc = SinceFlag(flags.since, &since); rc != kExitOk) return rc;
  LeadsJob job{flags.records, flags.rules, flags.claims, flags.ledger, since};
  auto report = RunLeadsJob(job);
  if (!report.ok()) return Fail(report.status());
  if (!flags.out.empty()) {
    const LeadsReport& leads = *report;
    Status written = WriteFilesAtomically(
        flags.out, std::vector<OutputFile>{{"leads.csv",
                                            [&leads](TextSink* sink) {
                                              RenderLeadsCsv(leads, sink);
                                              return Status::Ok();
                                            }},
                                           {"leads.json", [&leads](TextSink* sink) {
                                              RenderLeadsJson(leads, sink);
                                              return Status::Ok();
                                            }}});
    if (!written.ok()) return Fail(written);
  }
  std::cout << RenderLeadsCoverage(*report);
  if (!flags.out.empty()) {
    std::cout << flags.out << "/leads.csv: " << GroupThousands(report->run.leads.size())
              << " leads; " << flags.out << "/leads.json\n";
  }
  return kExitOk;
}

}  // namespace

void AddMoneyCommands(CLI::App& root, Commands* commands) {
  auto vendor_flags = std::make_shared<VendorFlags>();
  CLI::App* vendor = root.add_subcommand(
      "vendor",
      "A vendor family by UEI (its UEIs linked by the record to one ultimate parent): what it was "
      "obligated by agency and fiscal year, de-obligations and terminations, open awards, and the "
      "DOGE claims on its awards. A name lists candidate families to pick from by UEI.");
  vendor->add_option("query", vendor_flags->query, "A UEI, a parent UEI or a name")->required();
  vendor->add_option("--records", vendor_flags->records, "Record files or directories")
      ->required()
      ->expected(1, -1);
  vendor->add_option("--claims", vendor_flags->claims,
                     "A claims list, verified against the records, for the claims on its awards");
  vendor->add_option("--ledger", vendor_flags->ledger,
                     "A ledger: the stored verdicts of the claims on its awards (read only)");
  vendor->add_option("--matters", vendor_flags->matters,
                     "Open matters (CSV: agency_id,agency,company,matter,opened,closed,"
                     "source_url[,note]) set beside the family's agencies, as sourced context");
  vendor->add_option("--since", vendor_flags->since, "De-obligations and terminations since")
      ->capture_default_str();
  vendor->add_option("--out", vendor_flags->out, "Also write vendor.json, vendor.csv, vendor.txt");
  vendor->add_option("--format", vendor_flags->format, "text, csv or json on stdout")
      ->capture_default_str();
  commands->push_back({vendor, [vendor_flags] { return RunVendor(*vendor_flags); }});

  auto leads_flags = std::make_shared<LeadsFlags>();
  CLI::App* leads = root.add_subcommand(
      "leads",
      "Explainable leads on the record (one offer on a competed award, not competed, ceiling "
      "growth, undefinitized actions, year-end money, obligations over the ceiling, money after a "
      "termination, same-day duplicates, pricing, unused IDVs): each a reason to look, with its "
      "figures and record rows, never an accusation; and each rule's coverage.");
  leads->add_option("--records", leads_flags->records, "Record files or directories")
      ->required()
      ->expected(1, -1);
  leads->add_option("--claims", leads_flags->claims,
                    "A claims list, verified against the records: the claims on flagged awards");
  leads->add_option("--ledger", leads_flags->ledger,
                    "A ledger: the stored verdicts of the claims on flagged awards (read only)");
  leads->add_option("--rules", leads_flags->rules,
                    "Rules file (JSON) changing the thresholds (doc/leads.md)");
  leads->add_option("--since", leads_flags->since, "With --claims: as for verify")
      ->capture_default_str();
  leads->add_option("--out", leads_flags->out, "Write leads.csv and leads.json here");
  commands->push_back({leads, [leads_flags] { return RunLeads(*leads_flags); }});
}

}  // namespace receipts::cli
