// How the front end is put together: each command file registers its subcommand and a function
// that runs it once the flags are parsed. No command holds logic beyond calling the library.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace receipts::cli {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};
using Commands = std::vector<Command>;

// Prints "receipts: MESSAGE" and returns the exit code for the status (2 usage, else 1).
int Fail(const Status& status);
// Prints a usage error and returns 2.
int UsageError(const std::string& message);

// Reads --since into `since`: kExitOk, or UsageError's exit when `text` is not a date.
int SinceFlag(const std::string& text, Date* since);

// One per command file.
void AddVerifyCommand(CLI::App& root, Commands* commands);
void AddLedgerCommands(CLI::App& root, Commands* commands);  // ingest, log, diff, history, …
void AddFetchCommand(CLI::App& root, Commands* commands);
void AddServeCommand(CLI::App& root, Commands* commands);
void AddPublishCommand(CLI::App& root, Commands* commands);
void AddMoneyCommands(CLI::App& root, Commands* commands);  // vendor, leads

}  // namespace receipts::cli
