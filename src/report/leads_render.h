// `receipts leads`' outputs (doc/formats.md, "Leads"): leads.csv (one row per lead), leads.json
// (the rules as applied, each rule's coverage, every lead with its evidence and the claims on
// its award) and the coverage table printed on stdout.
#pragma once

#include <string>

#include "leads/leads_report.h"
#include "report/text_sink.h"

namespace receipts {

inline constexpr const char* kLeadsCsvHeader =
    "rule,award_key,agency_id,piid,vendor_uei,vendor_name,obligated,sentence,evidence,claims";

// Each writes its file piece by piece into `sink` (report/text_sink.h), so a million leads are
// never held twice; the string forms are for tests and small runs.
void RenderLeadsCsv(const LeadsReport& report, TextSink* sink);
void RenderLeadsJson(const LeadsReport& report, TextSink* sink);
std::string RenderLeadsCsv(const LeadsReport& report);
std::string RenderLeadsJson(const LeadsReport& report);
std::string RenderLeadsCoverage(const LeadsReport& report);

}  // namespace receipts
