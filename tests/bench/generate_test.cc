// The benchmark's generated USAspending file carries the real FPDS actions among synthetic ones:
// verifying the 2025-03-13 claims against it must give every claim the same figures and verdict
// as verifying them against the FPDS files themselves.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "claims/claims_reader.h"
#include "generate_lib.h"
#include "records/records_reader.h"
#include "verify/verifier.h"

namespace receipts {
namespace {

const std::string kSource = RECEIPTS_SOURCE_DIR;

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("receipts_generate_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string Generated(std::uint64_t rows, std::uint64_t seed, const std::string& name,
                      bench::GenerateStats* stats = nullptr) {
  bench::GenerateOptions options = bench::DefaultGenerateOptions(kSource);
  options.rows = rows;
  options.seed = seed;
  std::string path = TempPath(name);
  std::string error = bench::Generate(options, path, stats);
  EXPECT_EQ(error, "");
  return path;
}

std::vector<ClaimResult> Verify(const std::vector<Claim>& claims,
                                const std::vector<std::string>& files) {
  RecordSet records;
  for (const std::string& file : files) {
    Status s = ReadRecordsFile(file, &records);
    EXPECT_TRUE(s.ok()) << s.message();
  }
  FinishRecords(&records);
  return VerifyClaims(claims, records, VerifyOptions{DefaultSince()});
}

// Every record of `text` (after the header) has `columns` fields; returns the record count.
std::size_t CountRecords(const std::string& text, std::size_t columns, bool* all_complete) {
  std::size_t records = 0, fields = 1;
  bool quoted = false;
  *all_complete = true;
  for (std::size_t i = text.find('\n') + 1; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '"') quoted = !quoted;  // a doubled quote toggles twice
    if (quoted) continue;
    if (ch == ',') ++fields;
    if (ch == '\n') {
      *all_complete = *all_complete && fields == columns;
      ++records;
      fields = 1;
    }
  }
  return records;
}

std::string ExpectedHeader() {
  std::ifstream in(kSource + "/bench/contracts_prime_transactions_columns.txt");
  std::string header, name;
  int n = 0;
  while (std::getline(in, name)) header += (n++ ? "," : "") + name;
  EXPECT_EQ(n, 297);
  return header;
}

TEST(GenerateTest, SameFiguresAsTheFpdsFiles) {
  auto claims =
      ReadClaimsFile(kSource + "/demo/claims/2025-03-13_contracts_grab.csv.gz", std::nullopt);
  ASSERT_TRUE(claims.ok()) << claims.status().message();
  ASSERT_EQ(claims->size(), 5'356u);

  bench::GenerateStats stats;
  std::string generated = Generated(2'000, 7, "same_figures.csv", &stats);
  EXPECT_EQ(stats.synthetic_rows, 2'000u);
  EXPECT_EQ(stats.real_rows, 21'627u);  // 19,473 award actions + 2,154 IDV actions
  EXPECT_GT(stats.split_awards, 0u);

  // The file itself: the exact header, 297 fields a record, RFC 4180 quoting of descriptions
  // with commas, doubled quotes and line breaks, real vendors among the rows.
  {
    std::string text = Slurp(generated);
    EXPECT_EQ(text.size(), stats.bytes);
    ASSERT_EQ(text.substr(0, text.find('\n')), ExpectedHeader());
    bool all_297 = false;
    EXPECT_EQ(CountRecords(text, 297, &all_297), 2'000u + 21'627u);
    EXPECT_TRUE(all_297);
    EXPECT_NE(text.find("\"\"Statement of Work\"\"\n"), std::string::npos);
    EXPECT_NE(text.find(",CORICHIA BRISCO ENTERPRISES LLC,"), std::string::npos);
    EXPECT_NE(text.find("\n9300_-none-_93310023P0021_A00003_-none-_0,"
                        "CONT_AWD_93310023P0021_9300_-NONE-_-NONE-,93310023P0021,A00003,0,"),
              std::string::npos);
  }

  std::vector<ClaimResult> fpds =
      Verify(*claims, {kSource + "/demo/records/2025-03-13_fpds_awards.csv.gz",
                       kSource + "/demo/records/2025-03-13_fpds_idvs.csv.gz"});
  std::vector<ClaimResult> usaspending = Verify(*claims, {generated});
  std::filesystem::remove(generated);
  ASSERT_EQ(fpds.size(), claims->size());
  ASSERT_EQ(usaspending.size(), claims->size());
  int differing = 0, matched = 0;
  for (std::size_t i = 0; i < claims->size(); ++i) {
    const ClaimResult& a = fpds[i];
    const ClaimResult& b = usaspending[i];
    bool same = a.verdict == b.verdict && a.deobligated == b.deobligated &&
                a.ceiling_minus_obligated == b.ceiling_minus_obligated &&
                a.ceiling_reduced == b.ceiling_reduced && a.verified_savings == b.verified_savings;
    if (!same && ++differing <= 10) {
      ADD_FAILURE() << "claim " << i + 1 << " (" << (*claims)[i].piid << "): FPDS says " << a.reason
                    << " | generated file says " << b.reason;
    }
    if (a.deobligated) ++matched;
  }
  EXPECT_EQ(differing, 0);
  EXPECT_GT(matched, 5'000);  // the claims really were matched, not all not_found
}

// Small FPDS slices keep this quick: the same seed gives the same bytes, another seed others.
TEST(GenerateTest, DeterministicForASeed) {
  auto generate = [](std::uint64_t seed, const std::string& name) {
    bench::GenerateOptions options = bench::DefaultGenerateOptions(kSource);
    options.fpds_awards = kSource + "/tests/fixtures/records/fpds_awards_slice.csv";
    options.fpds_idvs = kSource + "/tests/fixtures/records/fpds_idvs_slice.csv";
    options.rows = 3'000;
    options.seed = seed;
    std::string path = TempPath(name);
    EXPECT_EQ(bench::Generate(options, path, nullptr), "");
    std::string text = Slurp(path);
    std::filesystem::remove(path);
    return text;
  };
  std::string a = generate(42, "seed_a.csv");
  std::string b = generate(42, "seed_b.csv");
  std::string c = generate(43, "seed_c.csv");
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  bool all_297 = false;
  EXPECT_EQ(CountRecords(a, 297, &all_297), 3'000u + 18u);
  EXPECT_TRUE(all_297);
}

TEST(GenerateTest, ReportsBadInput) {
  bench::GenerateOptions options = bench::DefaultGenerateOptions(kSource);
  options.fpds_awards = kSource + "/no/such/file.csv";
  EXPECT_NE(bench::Generate(options, TempPath("bad.csv"), nullptr).find("no/such/file.csv"),
            std::string::npos);
  options = bench::DefaultGenerateOptions(kSource);
  options.fpds_awards = kSource + "/tests/fixtures/records/contracts_prime_transactions.csv";
  EXPECT_NE(bench::Generate(options, TempPath("bad.csv"), nullptr).find("not an FPDS"),
            std::string::npos);
}

}  // namespace
}  // namespace receipts
