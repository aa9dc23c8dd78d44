// `vendor` and `leads` stream the records: a family is read by UEI in a few filtered scans and
// the leads part by part. Whatever the parts, they must answer exactly what reading every award
// at once answers, on the benchmark's USAspending file (the real FPDS actions among synthetic
// ones, so real families and rules are exercised) and on the shipped FPDS files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../vendor/real_records.h"
#include "generate_lib.h"
#include "jobs/leads_job.h"
#include "jobs/record_inputs.h"
#include "jobs/vendor_job.h"
#include "leads/leads.h"
#include "vendor/family_totals.h"
#include "vendor/vendor_families.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;

const std::string kClaims =
    std::string(RECEIPTS_SOURCE_DIR) + "/demo/claims/2025-03-13_contracts_grab.csv.gz";

// A small USAspending Contracts_PrimeTransactions file: 3,000 synthetic rows and the 21,627 real
// FPDS actions, made once per test binary.
const std::string& GeneratedFile() {
  static const std::string* path = [] {
    bench::GenerateOptions options = bench::DefaultGenerateOptions(RECEIPTS_SOURCE_DIR);
    options.rows = 3000;
    options.seed = 7;
    auto* out = new std::string((fs::temp_directory_path() /
                                 ("receipts_money_stream_" + std::to_string(::getpid()) + ".csv"))
                                    .string());
    EXPECT_EQ(bench::Generate(options, *out, nullptr), "");
    return out;
  }();
  return *path;
}

class MoneyStreamingTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { fs::remove(GeneratedFile()); }

  // A part size that splits the inputs into about `parts` parts.
  static std::uint64_t PartBytes(const std::vector<std::string>& inputs, unsigned parts) {
    const std::uint64_t whole = std::uint64_t{1} << 50;
    const unsigned one = PartsFor(inputs, whole);
    EXPECT_EQ(one, 1u);
    std::uint64_t bytes = 0;
    for (const std::string& input : inputs) bytes += fs::file_size(input);
    const bool compressed = inputs.front().ends_with(".gz");
    return (compressed ? bytes * 8 : bytes) / parts + 1;
  }
};

std::string Describe(const VendorFamily& f) {
  std::string out = f.parent_uei + " " + std::to_string(f.obligated) + " " +
                    std::to_string(f.actions) + (f.masked ? " masked" : "") + "\n";
  for (const VendorFamily::Member& m : f.members) {
    out += "  " + m.uei + " [";
    for (const std::string& n : m.names) out += n + ";";
    out += "] others [";
    for (const std::string& p : m.other_parents) out += p + ";";
    out += "]\n";
  }
  for (const FamilyLink& l : f.links) {
    out += "  link " + l.uei + " " + l.record + " " + std::to_string(l.rows) + "\n";
  }
  return out;
}

std::string Describe(const FamilyTotals& t) {
  std::string out = std::to_string(t.obligated) + " " + std::to_string(t.actions) + " open " +
                    std::to_string(t.open_awards) + " " + std::to_string(t.remaining_ceiling) +
                    " idv " + std::to_string(t.open_idvs) + " " +
                    std::to_string(t.open_idv_ceiling) + "\n";
  for (const AgencyObligations& a : t.by_agency) {
    out += "  agency " + a.agency_id + " " + std::to_string(a.obligated) + " " +
           std::to_string(a.award_keys.size()) + "\n";
  }
  for (const YearObligations& y : t.by_fiscal_year) {
    out += "  FY" + std::to_string(y.fiscal_year) + " " + std::to_string(y.obligated) + "\n";
  }
  for (const FamilyAward& a : t.awards)
    out += "  " + a.key + " " + std::to_string(a.obligated) + "\n";
  out += "  deobligated " + std::to_string(t.deobligated_since) + " terminations " +
         std::to_string(t.terminations_since.size()) + "\n";
  return out;
}

std::string Describe(const LeadsRun& run) {
  std::string out;
  for (const RuleCoverage& c : run.coverage) {
    out += c.rule + " " + std::to_string(c.applicable) + " " + std::to_string(c.blank) + " " +
           std::to_string(c.flagged) + "\n";
  }
  for (const Lead& l : run.leads) {
    out += l.rule + " " + l.award_key + " " + l.vendor_uei + " " + std::to_string(l.obligated) +
           " " + l.sentence + " |";
    for (const std::string& e : l.evidence) out += " " + e;
    out += "\n";
  }
  return out;
}

// The family and totals of `uei` read the way the job read it before streaming: every award.
std::string WholeReadFamily(const std::vector<std::string>& inputs, const std::string& uei,
                            Date since) {
  auto records = ReadAwards(inputs, RecordFilter::All());
  EXPECT_TRUE(records.ok()) << records.status().ToString();
  const VendorFamilies families = VendorFamilies::Build(*records);
  const VendorFamily* family = families.FindByUei(uei);
  if (family == nullptr) return "none";
  return Describe(*family) + Describe(TotalsOf(*family, *records, since, records->as_of));
}

TEST_F(MoneyStreamingTest, VendorByUeiReadsOnlyItsFamilyYetAnswersAsAWholeRead) {
  const std::vector<std::string> inputs{GeneratedFile()};
  const Date since = *Date::FromYmd(2025, 1, 20);
  // Tetra Tech's parent, one of its subsidiaries (family by its latest row), and TESLA
  // LABORATORIES INC., a family of its own.
  for (const std::string uei : {"LMRMKLLL3LG5", "MC45KD32KMC7", "LKH1DTGEND43"}) {
    VendorJob job;
    job.query = uei;
    job.record_inputs = inputs;
    job.since = since;
    auto report = RunVendorJob(job);
    ASSERT_TRUE(report.ok()) << uei << ": " << report.status().ToString();
    ASSERT_TRUE(report->by_uei);
    EXPECT_EQ(Describe(report->family) + Describe(report->totals),
              WholeReadFamily(inputs, uei, since))
        << uei;
  }
}

TEST_F(MoneyStreamingTest, VendorClaimsVerdictsMatchAWholeRead) {
  VendorJob job;
  job.query = "LMRMKLLL3LG5";
  job.record_inputs = {GeneratedFile()};
  job.claims_file = kClaims;
  auto report = RunVendorJob(job);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  auto records = ReadAwards(job.record_inputs, RecordFilter::All());
  ASSERT_TRUE(records.ok());
  auto beside = ClaimsBeside::Open(kClaims, "");
  ASSERT_TRUE(beside.ok());
  auto claims = beside->WithVerdicts(*records, job.since);
  ASSERT_TRUE(claims.ok());
  const std::vector<AwardClaim> expected = ClaimsOnFamily(report->totals, *claims);
  ASSERT_FALSE(expected.empty());
  ASSERT_EQ(report->claims.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(report->claims[i].claim_key, expected[i].claim_key);
    EXPECT_EQ(report->claims[i].verdict, expected[i].verdict) << expected[i].claim_key;
    EXPECT_EQ(report->claims[i].verified_savings, expected[i].verified_savings);
  }
  EXPECT_EQ(report->context.agencies.size() > 0, true);
}

TEST_F(MoneyStreamingTest, VendorNameSearchedInPartsFindsTheWholeReadsCandidates) {
  const std::vector<std::string> inputs{GeneratedFile()};
  auto records = ReadAwards(inputs, RecordFilter::All());
  ASSERT_TRUE(records.ok());
  const VendorFamilies families = VendorFamilies::Build(*records);
  for (const std::string name : {"tetra tech", "tesla", "booz allen"}) {
    std::string expected;
    for (const VendorFamily* f : families.FindByName(name)) expected += Describe(*f);
    ASSERT_NE(expected, "") << name;
    VendorJob job;
    job.query = name;
    job.record_inputs = inputs;
    job.part_bytes = PartBytes(inputs, 3);
    ASSERT_EQ(PartsFor(inputs, job.part_bytes), 3u);
    auto report = RunVendorJob(job);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    std::string got;
    for (const VendorFamily& f : report->candidates) got += Describe(f);
    EXPECT_EQ(got, expected) << name;
  }
}

TEST_F(MoneyStreamingTest, UnknownUeiAndNameAreClearErrorsAfterStreaming) {
  VendorJob job;
  job.record_inputs = {GeneratedFile()};
  job.query = "ZZZZZZZZZZZZ";
  auto report = RunVendorJob(job);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("no record row names the UEI ZZZZZZZZZZZZ"),
            std::string::npos)
      << report.status().message();
  EXPECT_NE(report.status().message().find("24,627 actions read"), std::string::npos)
      << report.status().message();
  job.query = "no such vendor anywhere";
  report = RunVendorJob(job);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("no vendor or parent"), std::string::npos);
}

TEST_F(MoneyStreamingTest, LeadsInPartsAreTheLeadsOfAWholeRead) {
  for (const std::vector<std::string>& inputs :
       {std::vector<std::string>{GeneratedFile()},
        std::vector<std::string>{testing::kFpdsAwards, testing::kFpdsIdvs}}) {
    auto records = ReadAwards(inputs, RecordFilter::All());
    ASSERT_TRUE(records.ok());
    const std::string expected = Describe(FindLeads(*records, LeadRules::Defaults()));
    LeadsJob job;
    job.record_inputs = inputs;
    job.claims_file = kClaims;
    auto whole = RunLeadsJob(job);
    ASSERT_TRUE(whole.ok()) << whole.status().ToString();
    EXPECT_EQ(Describe(whole->run), expected);
    job.part_bytes = PartBytes(inputs, 4);
    ASSERT_EQ(PartsFor(inputs, job.part_bytes), 4u);
    auto parts = RunLeadsJob(job);
    ASSERT_TRUE(parts.ok()) << parts.status().ToString();
    EXPECT_EQ(Describe(parts->run), expected);
    EXPECT_EQ(parts->awards, whole->awards);
    EXPECT_EQ(parts->records_as_of, whole->records_as_of);
    ASSERT_FALSE(whole->claims.empty());
    ASSERT_EQ(parts->claims.size(), whole->claims.size());
    for (const auto& [key, claims] : whole->claims) {
      ASSERT_EQ(parts->claims.count(key), 1u) << key;
      ASSERT_EQ(parts->claims.at(key).size(), claims.size());
      for (std::size_t i = 0; i < claims.size(); ++i) {
        EXPECT_EQ(parts->claims.at(key)[i].verdict, claims[i].verdict) << key;
      }
    }
  }
}

TEST(RecordFilterPartTest, EveryAwardIsInExactlyOnePart) {
  const RecordSet& records = testing::ShippedFpdsRecords();
  std::vector<std::size_t> per_part(5);
  for (const Award& award : records.awards) {
    unsigned kept = 0;
    for (unsigned i = 0; i < 5; ++i) {
      if (RecordFilter::Part(i, 5).KeepsAward(award)) {
        ++kept;
        ++per_part[i];
      }
    }
    EXPECT_EQ(kept, 1u) << award.key;
  }
  for (std::size_t n : per_part) EXPECT_GT(n, records.awards.size() / 10);
}

}  // namespace
}  // namespace receipts
