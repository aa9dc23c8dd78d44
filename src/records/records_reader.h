// Reads the authoritative record into one model (core/award.h), whatever the source:
//   - FPDS element CSV (columns named as FPDS ATOM elements: agencyID, PIID, modNumber,
//     obligatedAmount, baseAndAllOptionsValue, …), awards and IDVs files;
//   - USAspending Contracts_PrimeTransactions and Contracts_PrimeAwardSummaries CSV (and the
//     Assistance_* equivalents), including Award Data Archive zips and delta files;
//   - the agencies' own terminated-grant lists (HHS, NSF) and GSA's lease inventory (IOLP, XLSX
//     or CSV), kept beside the awards in RecordSet.
// Plain, .gz or .zip; columns by header name, never position.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/award.h"
#include "core/status.h"
#include "io/input_file.h"
#include "records/records_batch.h"

namespace receipts {

// Adds every action of `path` to `records` (the file's format is detected from its header).
// On failure `records` is left as it was, and the status names file, line and field.
Status ReadRecordsFile(const std::string& path, RecordSet* records);

// The same over bytes in memory; `name` is used in errors.
Status ParseRecords(const std::string& name, std::string bytes, RecordSet* records);

// The record format `head` (the first bytes of a decoded file: its header line at least) is in,
// told as ReadRecordsFile tells it: "FPDS element CSV", "USAspending Contracts_PrimeTransactions
// CSV" (or another USAspending file), "a saved FPDS ATOM feed"; "" when it is none of these. For
// the claims readers, to refuse a record file passed as claims with a pointer to --records.
std::string RecordFormatOf(std::string_view head);

// True when `bytes` are read whole rather than scanned: a saved FPDS ATOM feed page
// (records/records_atom.h), a SAM.gov Contract Awards response (records/records_sam.h), an
// agency's list of terminated grants (records/termination_lists.h) or a GSA lease inventory CSV
// (records/lease_inventory.h).
bool IsStructuredRecords(std::string_view bytes);
// True when a decoded file's parts are read whole: an XLSX workbook (a lease inventory), or a
// part IsStructuredRecords says is.
bool IsWholeRecords(const std::vector<InputPart>& parts);

// Adds every part (plain, a .gz, or a zip's members; CSV, ATOM or SAM JSON, told by content) to
// `records`, all or nothing, as ReadRecordsFile does for a file.
Status ReadRecordParts(const std::string& name, const std::vector<InputPart>& parts,
                       RecordSet* records);

// True when `parts` are a USAspending per-award download (POST /api/v2/download/contract|idv|
// assistance/): a zip with a *_TransactionHistory_* member.
bool IsAwardDownload(const std::vector<InputPart>& parts);

// Adds a per-award download to `records`: its TransactionHistory members as records (the
// Contracts/Assistance_PrimeTransactions columns), its FederalAccountFunding members as the
// awards' outlays (records/records_outlays.h; an award with no File C rows keeps unknown outlays,
// never zero), and skips the rest (Sub-Awards, IDV Orders, data dictionary, readme). All or
// nothing, as ReadRecordsFile.
Status ReadAwardDownload(const std::string& name, const std::vector<InputPart>& parts,
                         RecordSet* records);

// ReadAwardDownload in two steps, so that many downloads can be parsed at once (each on its own)
// and added in order: ParseAwardDownload reads `parts` and touches nothing else; AddAwardDownload
// adds what it read to `records` (its deletions apply to the awards read before).
struct ParsedDownload {
  std::string name;
  std::unique_ptr<records::RecordBatch> batch;
};
Result<ParsedDownload> ParseAwardDownload(const std::string& name,
                                          const std::vector<InputPart>& parts);
void AddAwardDownload(ParsedDownload parsed, RecordSet* records);

// Merges awards that share a key, drops exact duplicate actions (same mod and transaction
// number: the later row wins), sorts each award's actions, and sets as_of and action_count.
// Call once after the last file.
void FinishRecords(RecordSet* records);

}  // namespace receipts
