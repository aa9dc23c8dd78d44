#include "cli/suggest.h"

#include <algorithm>
#include <vector>

namespace receipts::cli {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> SuggestOption(const CLI::App& app, std::string_view typed) {
  typed = typed.substr(0, typed.find('='));
  std::optional<std::string> best;
  std::size_t best_distance = 3;  // at most 2 edits
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) {
      const std::string flag = "--" + name;
      std::size_t distance = EditDistance(typed, flag);
      if (distance < best_distance) {
        best_distance = distance;
        best = flag;
      }
    }
  }
  return best;
}

std::string Suggestions(const CLI::App& root, const std::vector<std::string>& extras) {
  const CLI::App* app = &root;  // the deepest subcommand parsed ("fetch usaspending")
  while (!app->get_subcommands().empty()) app = app->get_subcommands().back();
  std::string out;
  for (const std::string& extra : extras) {
    if (!extra.starts_with("-")) continue;
    if (std::optional<std::string> near = SuggestOption(*app, extra)) {
      out += "receipts: " + extra.substr(0, extra.find('=')) + ": did you mean " + *near + "?\n";
    }
  }
  return out;
}

}  // namespace receipts::cli
