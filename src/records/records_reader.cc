#include "records/records_reader.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <map>
#include <numeric>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "csv/csv_reader.h"
#include "io/input_file.h"
#include "records/lease_inventory.h"
#include "records/records_atom.h"
#include "records/records_batch.h"
#include "records/records_fpds.h"
#include "records/records_outlays.h"
#include "records/records_sam.h"
#include "records/records_usaspending.h"
#include "records/termination_lists.h"
#include "records/xlsx_workbook.h"

namespace receipts {
namespace {

// One decoded part (a plain file, a .gz, or one zip member) into `batch`, its format detected
// from the header.
Status ParsePart(const InputPart& part, records::RecordBatch* batch) {
  // Saved FPDS ATOM pages and SAM.gov Contract Awards responses are told by their first bytes.
  if (records::LooksLikeAtomFeed(part.bytes)) {
    return records::ReadAtomFeed(part.name, part.bytes, batch);
  }
  if (records::LooksLikeSamResponse(part.bytes)) {
    return records::ReadSamResponse(part.name, part.bytes, batch);
  }
  CsvReader csv(part.name, part.bytes);
  Status s = csv.ReadHeader();
  if (!s.ok()) return s;
  if (records::IsFpdsHeader(csv)) return records::ReadFpdsRows(&csv, batch);
  records::UsaspendingFile kind = records::DetectUsaspending(csv);
  if (kind != records::UsaspendingFile::kNone) {
    return records::ReadUsaspendingRows(kind, &csv, batch);
  }
  return Status::BadInput(
      part.name, 1, "",
      "not a record file: expected FPDS (PIID, obligatedAmount) or USAspending "
      "(contract_transaction_unique_key, contract_award_unique_key, "
      "assistance_transaction_unique_key, assistance_award_unique_key) columns, a saved FPDS "
      "ATOM feed or a SAM.gov Contract Awards response");
}

const char* UsaspendingFileName(records::UsaspendingFile kind) {
  switch (kind) {
    case records::UsaspendingFile::kContractTransactions:
      return "USAspending Contracts_PrimeTransactions CSV";
    case records::UsaspendingFile::kContractSummaries:
      return "USAspending Contracts_PrimeAwardSummaries CSV";
    case records::UsaspendingFile::kAssistanceTransactions:
      return "USAspending Assistance_PrimeTransactions CSV";
    case records::UsaspendingFile::kAssistanceSummaries:
      return "USAspending Assistance_PrimeAwardSummaries CSV";
    case records::UsaspendingFile::kNone:
      break;
  }
  return "";
}

}  // namespace

std::string RecordFormatOf(std::string_view head) {
  if (records::LooksLikeAtomFeed(head)) return "a saved FPDS ATOM feed";
  CsvReader csv("head", head);
  if (!csv.ReadHeader().ok()) return "";
  if (records::IsFpdsHeader(csv)) return "FPDS element CSV";
  return UsaspendingFileName(records::DetectUsaspending(csv));
}

namespace {

// What a file holds besides awards: the agencies' termination lists and GSA's lease inventories.
struct SideRecords {
  std::vector<GrantTermination> grant_terminations;
  std::vector<LeaseInventory> lease_inventories;

  void MoveInto(RecordSet* records) {
    for (GrantTermination& entry : grant_terminations) {
      records->grant_terminations.push_back(std::move(entry));
    }
    for (LeaseInventory& inventory : lease_inventories) {
      records->lease_inventories.push_back(std::move(inventory));
    }
  }
};

// A part that is not an award source: a termination list or a lease inventory CSV. `*read`
// tells whether it was one.
Status ParseSidePart(const InputPart& part, SideRecords* side, bool* read) {
  *read = true;
  if (records::LooksLikeTerminationList(part.bytes)) {
    return records::ReadTerminationList(part.name, part.bytes, &side->grant_terminations);
  }
  if (records::LooksLikeLeaseInventoryCsv(part.bytes)) {
    LeaseInventory inventory;
    Status s = records::ReadLeaseCsv(part.name, part.bytes, &inventory);
    if (s.ok()) side->lease_inventories.push_back(std::move(inventory));
    return s;
  }
  *read = false;
  return Status::Ok();
}

// Every part, then the merge: nothing reaches `records` unless all parts parsed. A workbook
// (its parts the zip's members) is a lease inventory.
Status ParseParts(const std::string& name, const std::vector<InputPart>& parts,
                  RecordSet* records) {
  records::RecordBatch batch;
  SideRecords side;
  if (records::IsXlsxWorkbook(parts)) {
    LeaseInventory inventory;
    if (Status s = records::ReadLeaseWorkbook(name, parts, &inventory); !s.ok()) return s;
    side.lease_inventories.push_back(std::move(inventory));
  } else {
    for (const InputPart& part : parts) {
      bool read = false;
      if (Status s = ParseSidePart(part, &side, &read); !s.ok()) return s;
      if (read) continue;
      Status s = ParsePart(part, &batch);
      if (!s.ok()) return s;
    }
  }
  records->action_count -= std::min(records->action_count, batch.ApplyDeletions(records));
  batch.MoveInto(records);
  side.MoveInto(records);
  records->sources.push_back(name);
  return Status::Ok();
}

// Moves the actions of `from` into `into` (same key, read later).
void MergeAward(Award* from, Award* into) {
  if (into->actions.empty()) {
    into->actions = std::move(from->actions);
  } else {
    into->actions.reserve(into->actions.size() + from->actions.size());
    std::move(from->actions.begin(), from->actions.end(), std::back_inserter(into->actions));
  }
  if (from->total_outlayed) into->total_outlayed = from->total_outlayed;
  if (into->agency_id.empty()) into->agency_id = std::move(from->agency_id);
  if (into->piid.empty()) into->piid = std::move(from->piid);
  if (into->idv_agency_id.empty()) into->idv_agency_id = std::move(from->idv_agency_id);
  if (into->idv_piid.empty()) into->idv_piid = std::move(from->idv_piid);
}

// Keeps the last-read action of each (mod_number, transaction_number), then orders the actions
// by signed date, mod and transaction number. Actions arrive in read order.
void DedupeAndSort(Award* award) {
  std::vector<Action>& actions = award->actions;
  std::vector<std::size_t> order(actions.size());
  std::iota(order.begin(), order.end(), 0);
  auto id = [&](std::size_t i) {
    return std::tie(actions[i].mod_number, actions[i].transaction_number);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return id(a) < id(b); });
  std::vector<Action> kept;
  kept.reserve(actions.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    // Within a run of equal ids the read order is kept: the run's last is the later row.
    if (k + 1 < order.size() && id(order[k]) == id(order[k + 1])) {
      const Action& dropped = actions[order[k]];
      const Action& later = actions[order[k + 1]];
      if (dropped.obligated != later.obligated || dropped.base_and_all != later.base_and_all ||
          dropped.signed_date != later.signed_date) {
        ++award->conflicting_duplicates;
      }
      continue;
    }
    kept.push_back(std::move(actions[order[k]]));
  }
  std::sort(kept.begin(), kept.end(), [](const Action& a, const Action& b) {
    return std::tie(a.signed_date, a.mod_number, a.transaction_number) <
           std::tie(b.signed_date, b.mod_number, b.transaction_number);
  });
  actions = std::move(kept);
}

}  // namespace

bool IsAwardDownload(const std::vector<InputPart>& parts) {
  for (const InputPart& part : parts) {
    if (part.name.find("TransactionHistory") != std::string::npos) return true;
  }
  return false;
}

Status ReadAwardDownload(const std::string& name, const std::vector<InputPart>& parts,
                         RecordSet* records) {
  Result<ParsedDownload> parsed = ParseAwardDownload(name, parts);
  if (!parsed.ok()) return parsed.status();
  AddAwardDownload(std::move(parsed).value(), records);
  return Status::Ok();
}

Result<ParsedDownload> ParseAwardDownload(const std::string& name,
                                          const std::vector<InputPart>& parts) {
  ParsedDownload parsed{name, std::make_unique<records::RecordBatch>()};
  records::RecordBatch& batch = *parsed.batch;
  std::map<std::string, Cents> outlays;
  for (const InputPart& part : parts) {
    const bool history = part.name.find("TransactionHistory") != std::string::npos;
    const bool funding = part.name.find("FederalAccountFunding") != std::string::npos;
    if (!history && !funding) continue;
    if (history) {
      if (Status s = ParsePart(part, &batch); !s.ok()) return s;
      continue;
    }
    CsvReader csv(part.name, part.bytes);
    if (Status s = csv.ReadHeader(); !s.ok()) return s;
    if (!records::IsFederalAccountFundingHeader(csv)) {
      return Status::BadInput(part.name, 1, "",
                              "not a FederalAccountFunding file: expected award_unique_key and "
                              "gross_outlay_amount_FYB_to_period_end columns");
    }
    auto read = records::ReadFederalAccountFunding(&csv);
    if (!read.ok()) return read.status();
    for (auto& [key, cents] : *read) outlays[key] += cents;
  }
  for (const auto& [key, cents] : outlays) batch.FindOrAdd(key)->total_outlayed = cents;
  return parsed;
}

void AddAwardDownload(ParsedDownload parsed, RecordSet* records) {
  records->action_count -= std::min(records->action_count, parsed.batch->ApplyDeletions(records));
  parsed.batch->MoveInto(records);
  records->sources.push_back(std::move(parsed.name));
}

bool IsStructuredRecords(std::string_view bytes) {
  return records::LooksLikeAtomFeed(bytes) || records::LooksLikeSamResponse(bytes) ||
         records::LooksLikeTerminationList(bytes) || records::LooksLikeLeaseInventoryCsv(bytes);
}

bool IsWholeRecords(const std::vector<InputPart>& parts) {
  if (records::IsXlsxWorkbook(parts)) return true;
  for (const InputPart& part : parts) {
    if (IsStructuredRecords(part.bytes)) return true;
  }
  return false;
}

Status ReadRecordParts(const std::string& name, const std::vector<InputPart>& parts,
                       RecordSet* records) {
  return ParseParts(name, parts, records);
}

Status ReadRecordsFile(const std::string& path, RecordSet* records) {
  Result<std::vector<InputPart>> parts = ReadInputFile(path);
  if (!parts.ok()) return parts.status();
  return ParseParts(path, *parts, records);
}

Status ParseRecords(const std::string& name, std::string bytes, RecordSet* records) {
  Result<std::vector<InputPart>> parts = DecodeInput(name, std::move(bytes));
  if (!parts.ok()) return parts.status();
  return ParseParts(name, *parts, records);
}

void FinishRecords(RecordSet* records) {
  std::stable_sort(
      records->lease_inventories.begin(), records->lease_inventories.end(),
      [](const LeaseInventory& a, const LeaseInventory& b) { return a.published < b.published; });
  std::vector<Award>& awards = records->awards;
  std::unordered_map<std::string, std::size_t> index;
  index.reserve(awards.size());
  std::size_t out = 0;
  for (std::size_t i = 0; i < awards.size(); ++i) {
    auto [it, inserted] = index.try_emplace(awards[i].key, out);
    if (inserted) {
      if (out != i) awards[out] = std::move(awards[i]);
      ++out;
    } else {
      MergeAward(&awards[i], &awards[it->second]);
    }
  }
  awards.erase(awards.begin() + static_cast<std::ptrdiff_t>(out), awards.end());

  records->as_of = records->skipped_as_of;
  if (records->fetched_as_of && (!records->as_of || *records->as_of < *records->fetched_as_of)) {
    records->as_of = records->fetched_as_of;
  }
  records->action_count = records->skipped_actions;
  for (Award& award : awards) {
    DedupeAndSort(&award);
    records->action_count += award.actions.size();
    for (auto it = award.actions.rbegin(); it != award.actions.rend(); ++it) {
      if (!it->vendor_name.empty()) {
        award.vendor_name = it->vendor_name;
        break;
      }
    }
    if (!award.actions.empty() && award.actions.back().signed_date &&
        (!records->as_of || *records->as_of < *award.actions.back().signed_date)) {
      records->as_of = award.actions.back().signed_date;
    }
  }
}

}  // namespace receipts
