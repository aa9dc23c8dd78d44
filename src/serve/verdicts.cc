#include "serve/verdicts.h"

#include <optional>

#include "report/verdict_style.h"
#include "verify/claim_result.h"

namespace receipts::serve {

const char* VerdictMeaningOf(std::string_view name) {
  std::optional<Verdict> verdict = VerdictNamed(name);
  return verdict ? VerdictMeaning(*verdict) : "";
}

const char* VerdictLabelOf(std::string_view name) {
  std::optional<Verdict> verdict = VerdictNamed(name);
  return verdict ? VerdictLabel(*verdict) : "";
}

std::string VerdictWords(std::string_view name) {
  const char* label = VerdictLabelOf(name);
  return *label ? std::string(label) : std::string(name);
}

std::string VerdictClass(std::string_view name) {
  return VerdictNamed(name) ? "v-" + std::string(name) : "v-none";
}

const char* VerdictColourOf(std::string_view name) {
  // Anything else is grey, as unverifiable is.
  return VerdictColour(VerdictNamed(name).value_or(Verdict::kUnverifiable));
}

}  // namespace receipts::serve
