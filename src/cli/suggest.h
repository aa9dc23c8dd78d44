// "did you mean --claims?": the nearest option name to a flag the command does not know.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace receipts::cli {

// The number of single-character insertions, deletions and substitutions between `a` and `b`.
std::size_t EditDistance(std::string_view a, std::string_view b);

// The long option name of `app` (e.g. "--claims") nearest to `typed` ("--claim", "--claim=x":
// any "=value" is left out), when it is at most 2 edits away; the first of equals wins.
std::optional<std::string> SuggestOption(const CLI::App& app, std::string_view typed);

// A line "did you mean --claims?" for each unknown flag among `extras` that has a suggestion,
// looked up in the subcommand that was parsed (else in `root`).
std::string Suggestions(const CLI::App& root, const std::vector<std::string>& extras);

}  // namespace receipts::cli
