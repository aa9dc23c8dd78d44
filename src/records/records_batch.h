// What one record file yields before it joins the RecordSet: its awards (one per key, actions in
// file order) and the actions a delta file deletes. A file is parsed whole into a batch and merged
// only when every part of it parsed, so a failed file leaves the RecordSet as it was.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/award.h"
#include "core/status.h"

namespace receipts::records {

// An action named by its award key, modification and transaction number.
struct ActionRef {
  std::string award_key;
  std::string mod_number;
  std::string transaction_number;
};

// The most actions one award may hold in one file unless RECEIPTS_MAX_ACTIONS_PER_AWARD says
// otherwise. The real files hold at most 10 per award (demo/records and ../shared/data/records:
// the FPDS award and IDV pulls, 2026-12-02; the test fixtures 5), and USAspending's long-running
// awards a few thousand; a file repeating one wanted row millions of times (a record bomb) held
// 4.4-4.9 GB before this cap.
inline constexpr std::size_t kDefaultMaxActionsPerAward = 1000000;

// The cap in force: RECEIPTS_MAX_ACTIONS_PER_AWARD when set (core/env_limit.h), else the default.
std::size_t MaxActionsPerAward();

class RecordBatch {
 public:
  RecordBatch() : max_actions_per_award_(MaxActionsPerAward()) {}

  // The award with `key`, created (with only its key set) on first use. The pointer is valid until
  // the next call.
  Award* FindOrAdd(const std::string& key);

  // Adds `action` to `award` (from FindOrAdd). Fails, naming the award, when it already holds
  // the cap's number of actions; the caller adds the file and line.
  Status AddAction(Award* award, Action action);

  // A delta file's 'D' row: removes the action from what this batch read so far, and remembers it
  // for the files read before (ApplyDeletions).
  void Delete(ActionRef ref);

  // Removes the remembered deletions from `records`' awards; returns how many actions went.
  std::size_t ApplyDeletions(RecordSet* records) const;

  // Moves the awards into `records` (after ApplyDeletions) and counts their actions.
  void MoveInto(RecordSet* records);

  std::size_t action_count() const { return action_count_; }

  // FPDS award files carry no parent IDV, yet orders under different IDVs reuse PIIDs. Awards
  // read under "KEY~UEI" are folded back into "KEY" unless several of them start with their own
  // base action (modification 0): then they are distinct awards and keep "KEY~UEI".
  void FoldVendorSplits();

 private:
  std::vector<Award> awards_;
  std::unordered_map<std::string, std::size_t> index_;  // key -> awards_ position
  std::vector<ActionRef> deletions_;
  std::size_t action_count_ = 0;
  std::size_t max_actions_per_award_;
};

}  // namespace receipts::records
