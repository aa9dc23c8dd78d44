#include "serve/api_json.h"
#include "serve/page_layout.h"
#include "serve/pages.h"
#include "serve/url.h"

namespace receipts::serve {
namespace {

View SnapshotOptions(const std::vector<SnapshotInfo>& snapshots, const SnapshotInfo* chosen) {
  View list = View::List();
  for (const SnapshotInfo& s : snapshots) {
    list.Push(OptionModel(std::to_string(s.id), SnapshotLabel(s),
                          chosen != nullptr && chosen->id == s.id));
  }
  return list;
}

// The CSV of the same selection.
std::string DiffCsvPath(std::int64_t from, std::int64_t to, const DiffFilter& filter) {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"from", std::to_string(from)}, {"to", std::to_string(to)}, {"format", "csv"}};
  if (filter.change) parts.emplace_back("change", ChangeTypeName(*filter.change));
  if (!filter.agency.empty()) parts.emplace_back("agency", filter.agency);
  if (filter.money_only) parts.emplace_back("money", "1");
  parts.emplace_back("sort", filter.by_size ? "size" : "key");
  return "/api/diff" + QueryString(parts);
}

// The filter controls; with JavaScript off they are submitted by the Compare button.
void AddFilterOptions(View* m, const DiffFilter& filter, const std::vector<std::string>& agencies) {
  View& change = m->Set("change_options", View::List());
  change.Push(OptionModel("", "any", !filter.change));
  for (ChangeType type : {ChangeType::kAdded, ChangeType::kRemoved, ChangeType::kChanged}) {
    change.Push(OptionModel(ChangeTypeName(type), ChangeTypeName(type), filter.change == type));
  }
  View& agency = m->Set("agency_options", View::List());
  agency.Push(OptionModel("", "any", filter.agency.empty()));
  for (const std::string& name : agencies)
    agency.Push(OptionModel(name, name, name == filter.agency));
  View& money = m->Set("money_options", View::List());
  money.Push(OptionModel("", "any change", !filter.money_only));
  money.Push(OptionModel("1", "claimed savings changed", filter.money_only));
  View& sort = m->Set("sort_options", View::List());
  sort.Push(OptionModel("size", "largest change first", filter.by_size));
  sort.Push(OptionModel("key", "by claim", !filter.by_size));
}

}  // namespace

View DiffPageModel(const std::vector<SnapshotInfo>& snapshots, const SnapshotInfo* from,
                   const SnapshotInfo* to, const SnapshotDiff* diff, const DiffFilter& filter,
                   const std::vector<std::string>& agencies) {
  const bool compared = diff != nullptr && from != nullptr && to != nullptr;
  View m = compared ? DiffModel(*from, *to, *diff, kDiffPageRows) : View::Object();
  m.Set("compared", compared);
  const SnapshotInfo* default_from =
      from != nullptr ? from : (snapshots.size() >= 2 ? &snapshots[snapshots.size() - 2] : nullptr);
  const SnapshotInfo* default_to =
      to != nullptr ? to : (snapshots.empty() ? nullptr : &snapshots.back());
  m.Set("from_options", SnapshotOptions(snapshots, default_from));
  m.Set("to_options", SnapshotOptions(snapshots, default_to));
  AddFilterOptions(&m, filter, agencies);
  if (!compared) return m;

  m.Set("csv_href", DiffCsvPath(from->id, to->id, filter));
  m.Set("changes_plural", diff->changes.size() != 1);
  m.Set("by_size", filter.by_size);
  m.Set("truncated", diff->changes.size() > kDiffPageRows);
  m.Set("page_rows", View::Count(kDiffPageRows));
  return m;
}

}  // namespace receipts::serve
