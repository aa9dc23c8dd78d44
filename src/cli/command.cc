#include "cli/command.h"

namespace receipts::cli {

int Fail(const Status& status) {
  std::cerr << "receipts: " << status.message() << "\n";
  return status.code() == Status::Code::kUsage ? kExitUsage : kExitBadInput;
}

int UsageError(const std::string& message) {
  std::cerr << "receipts: " << message << "\nRun 'receipts --help' for usage.\n";
  return kExitUsage;
}

int SinceFlag(const std::string& text, Date* since) {
  auto parsed = ParseDate(text);
  if (!parsed.ok() || !parsed->has_value()) {
    return UsageError("--since: '" + text + "' is not a date");
  }
  *since = **parsed;
  return kExitOk;
}

}  // namespace receipts::cli
