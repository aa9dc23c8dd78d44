#include "core/status.h"

#include <fmt/format.h>

namespace receipts {

Status Status::BadInput(std::string_view file, std::size_t line, std::string_view field,
                        std::string_view what) {
  std::string where = line > 0 ? fmt::format("{}:{}", file, line) : std::string(file);
  if (field.empty()) return InvalidInput(fmt::format("{}: {}", where, what));
  return InvalidInput(fmt::format("{}: field '{}': {}", where, field, what));
}

std::string Status::ToString() const {
  switch (code_) {
    case Code::kOk:
      return "OK";
    case Code::kInvalidInput:
      return "invalid input: " + message_;
    case Code::kIoError:
      return "I/O error: " + message_;
    case Code::kUsage:
      return "usage: " + message_;
    case Code::kNotFound:
      return "not found: " + message_;
    case Code::kCorruption:
      return "corruption: " + message_;
  }
  return message_;
}

}  // namespace receipts
