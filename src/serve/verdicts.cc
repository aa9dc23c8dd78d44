#include "serve/verdicts.h"

#include "report/report_html.h"
#include "verify/claim_result.h"

namespace receipts::serve {
namespace {

struct VerdictStyle {
  const char* name;
  const char* css_class;
  const char* colour;  // as in report.html
};

constexpr VerdictStyle kStyles[] = {
    {"unverifiable", "v-unverifiable", "#a8a8a8"},
    {"not_found", "v-not_found", "#5e3c99"},
    {"duplicate", "v-duplicate", "#5f6b73"},
    {"zero_claim", "v-zero_claim", "#c9c9c9"},
    {"unit_error", "v-unit_error", "#d81b78"},
    {"idv_ceiling", "v-idv_ceiling", "#a6761d"},
    {"verified", "v-verified", "#2e7d32"},
    {"understated", "v-understated", "#1b9e77"},
    {"overstated", "v-overstated", "#e6a817"},
    {"options_only", "v-options_only", "#d95f02"},
    {"already_ended", "v-already_ended", "#7570b3"},
    {"not_terminated", "v-not_terminated", "#c62828"},
};

}  // namespace

const char* VerdictMeaningOf(std::string_view name) {
  for (int i = 0; i < kVerdictCount; ++i) {
    Verdict v = static_cast<Verdict>(i);
    if (name == VerdictName(v)) return VerdictMeaning(v);
  }
  return "";
}

std::string_view VerdictClass(std::string_view name) {
  for (const VerdictStyle& s : kStyles) {
    if (name == s.name) return s.css_class;
  }
  return "v-none";
}

const char* VerdictColourOf(std::string_view name) {
  for (const VerdictStyle& s : kStyles) {
    if (name == s.name) return s.colour;
  }
  return "#a8a8a8";
}

}  // namespace receipts::serve
