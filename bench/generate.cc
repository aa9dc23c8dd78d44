// bench/generate --rows N --out FILE [--seed S]: a USAspending Contracts_PrimeTransactions CSV
// of N synthetic transactions plus every real FPDS action of demo/records (generate_lib.h).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "generate_lib.h"

namespace {

int Usage() {
  std::fprintf(stderr,
               "usage: generate --rows N --out FILE [--seed S] [--columns FILE]\n"
               "                [--fpds-awards FILE] [--fpds-idvs FILE|'']\n"
               "Writes a Contracts_PrimeTransactions CSV: N synthetic rows with every real FPDS\n"
               "action of the demo records among them. FILE '-' is stdout.\n");
  return 2;
}

bool ParseCount(const char* text, std::uint64_t* out) {
  char* end = nullptr;
  unsigned long long v = std::strtoull(text, &end, 10);
  if (end == text || *end != '\0') return false;
  *out = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  receipts::bench::GenerateOptions options =
      receipts::bench::DefaultGenerateOptions(RECEIPTS_SOURCE_DIR);
  std::string out;
  bool have_rows = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (flag == "-h" || flag == "--help") return Usage();
    if (i + 1 >= argc) return Usage();
    const char* value = argv[++i];
    if (flag == "--rows") {
      if (!ParseCount(value, &options.rows)) return Usage();
      have_rows = true;
    } else if (flag == "--seed") {
      if (!ParseCount(value, &options.seed)) return Usage();
    } else if (flag == "--out") {
      out = value;
    } else if (flag == "--columns") {
      options.columns_path = value;
    } else if (flag == "--fpds-awards") {
      options.fpds_awards = value;
    } else if (flag == "--fpds-idvs") {
      options.fpds_idvs = value;
    } else {
      return Usage();
    }
  }
  if (!have_rows || out.empty()) return Usage();
  auto start = std::chrono::steady_clock::now();
  receipts::bench::GenerateStats stats;
  std::string error = receipts::bench::Generate(options, out, &stats);
  if (!error.empty()) {
    std::fprintf(stderr, "generate: %s\n", error.c_str());
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr,
               "generate: %llu synthetic + %llu real rows (%llu split awards), %llu bytes in "
               "%.2f s (%.0f MB/s)\n",
               static_cast<unsigned long long>(stats.synthetic_rows),
               static_cast<unsigned long long>(stats.real_rows),
               static_cast<unsigned long long>(stats.split_awards),
               static_cast<unsigned long long>(stats.bytes), seconds,
               static_cast<double>(stats.bytes) / 1e6 / seconds);
  return 0;
}
