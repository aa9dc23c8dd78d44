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

namespace receipts::records {

// An action named by its award key, modification and transaction number.
struct ActionRef {
  std::string award_key;
  std::string mod_number;
  std::string transaction_number;
};

class RecordBatch {
 public:
  // The award with `key`, created (with only its key set) on first use. The pointer is valid until
  // the next call.
  Award* FindOrAdd(const std::string& key);

  // Adds `action` to `award` (from FindOrAdd).
  void AddAction(Award* award, Action action);

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
};

}  // namespace receipts::records
