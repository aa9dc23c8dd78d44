// The authoritative record: an award and its actions, one model whatever the source
// (FPDS element CSV, USAspending transactions or award summaries).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/grant_termination.h"
#include "core/lease.h"
#include "core/money.h"

namespace receipts {

enum class AwardFamily { kContract, kIdv, kAssistance };

// One contract action (modification) or assistance transaction, with its per-action changes.
struct Action {
  std::string mod_number;                       // "0", "P00003", "A00001"
  std::string transaction_number;               // tie-breaker; "" when the source has none
  std::optional<Date> signed_date;              // FPDS signedDate / USAspending action_date
  std::optional<Date> current_completion_date;  // after this action
  std::optional<Date> ultimate_completion_date;
  Cents obligated = 0;           // obligatedAmount / federal_action_obligation (− = de-obligated)
  Cents base_and_exercised = 0;  // change to base + exercised options
  Cents base_and_all = 0;        // change to base + all options (the ceiling)
  std::optional<Cents> total_obligated;           // cumulative, as the source states it
  std::optional<Cents> total_base_and_exercised;  // cumulative, as stated
  std::optional<Cents> total_base_and_all;        // cumulative, as stated
  std::string reason_code;  // reasonForModification / action_type_code: E, F, K, N, X, …
  std::string action_type;  // contractActionType / award type code, as stated
  std::string vendor_name;
  std::string vendor_uei;
  std::string parent_uei;
  std::string parent_name;  // the ultimate parent's name as recorded (ultimateParentUEIName)
  std::string extent_competed;
  std::optional<int> offers_received;
  // What the leads rules read (doc/leads.md), as the source codes them; "" when not recorded.
  std::string pricing_type;   // typeOfContractPricing: J firm fixed price, Y time and materials…
  std::string undefinitized;  // undefinitizedAction: X no, A letter contract, B other
  std::string psc;            // productOrServiceCode
  std::string naics;          // principalNAICSCode
  std::string source_file;
  std::size_t source_line = 0;
};

struct Award {
  AwardFamily family = AwardFamily::kContract;
  std::string agency_id;  // FPDS agencyID (contracts) / awarding sub-tier (assistance)
  std::string piid;       // PIID, or FAIN (or URI) for assistance
  std::string idv_agency_id;
  std::string idv_piid;
  std::string key;                      // USAspending-style unique award key (domain.md §1.1)
  std::vector<Action> actions;          // sorted by signed date, then mod and transaction number
  std::optional<Cents> total_outlayed;  // when the source carries outlays (USAspending)
  std::string vendor_name;              // of the latest action
  // Rows dropped as repeats of a modification although their figures differed: a sign that
  // several awards share this key (orders under different IDVs reuse PIIDs).
  std::size_t conflicting_duplicates = 0;
};

// Everything read from the record files: awards and their actions, the agencies' termination
// lists and GSA's lease inventories.
struct RecordSet {
  std::vector<Award> awards;
  std::optional<Date> as_of;         // latest signed date seen: how fresh the record is
  std::vector<std::string> sources;  // files read
  std::size_t action_count = 0;
  // What a scan for some awards only (records/record_scan.h) read but did not keep: distinct
  // awards, their actions (rows, less the rows a delta file deletes), their latest action date.
  // Counted in action_count, as_of and the awards-read figure all the same.
  std::size_t skipped_awards = 0;
  std::size_t skipped_actions = 0;
  std::optional<Date> skipped_as_of;
  // From a record store (fetch/record_store.h): the day its records were fetched, which is how
  // fresh they are whatever their latest action (FinishRecords takes the later of the two), and
  // the awards a source said it does not have: by the key asked for, the sentence that says so
  // ("USAspending has no award CONT_AWD_… (asked 2026-12-01).").
  std::optional<Date> fetched_as_of;
  struct Absent {
    std::string sentence;
    std::optional<Date> asked;  // the day the source was asked
  };
  std::map<std::string, Absent> absent_awards;
  // The agencies' own lists of terminated grants, one entry per FAIN per list, and GSA's lease
  // inventories, in the order read (FinishRecords sorts inventories by publication date).
  std::vector<GrantTermination> grant_terminations;
  std::vector<LeaseInventory> lease_inventories;
};

}  // namespace receipts
