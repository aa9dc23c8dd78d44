// The command-line front end: parses flags and calls the library, nothing more.
// Exit codes: 0 ok, 1 bad input (or I/O), 2 usage.
#include <iostream>
#include <string>

#include "cli/command.h"
#include "cli/suggest.h"
#include "core/env_limit.h"
#include "core/fatal.h"

namespace {

// "receipts 0.1.0 (abc1234)": CMake's project(VERSION) and the commit git named at configure time
// (left out when git was not there).
std::string VersionLine() {
  std::string line = std::string("receipts ") + RECEIPTS_VERSION;
  const std::string commit = RECEIPTS_GIT_COMMIT;
  if (!commit.empty()) line += " (" + commit + ")";
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace receipts::cli;
  CLI::App app{"receipts: check government savings claims against the public spending record"};
  app.require_subcommand(1);
  app.set_version_flag("--version", VersionLine(), "Print the version and exit");
  Commands commands;
  AddVerifyCommand(app, &commands);
  AddLedgerCommands(app, &commands);
  AddFetchCommand(app, &commands);
  AddServeCommand(app, &commands);
  AddPublishCommand(app, &commands);
  AddMoneyCommands(app, &commands);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError& e) {
    app.exit(e);
    std::cerr << Suggestions(app, app.remaining(true));  // "did you mean --claims?"
    return kExitUsage;
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  // A malformed cap is refused before any work, not silently replaced by the default.
  if (receipts::Status limits = receipts::CheckLimitEnvironment(); !limits.ok()) {
    return UsageError(limits.message());
  }
  try {
    for (const Command& command : commands) {
      if (command.app->parsed()) return command.run();
    }
  } catch (...) {  // std::bad_alloc above all: exit 1 with a message, never an abort
    receipts::ReportCurrentException("main");
    return kExitBadInput;
  }
  return kExitUsage;
}
