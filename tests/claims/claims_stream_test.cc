// Claims files streamed in pieces (they were read whole: a 300 MB list took 3.5 GB): a list read
// piece by piece, plain or gzipped, gives exactly the claims of the whole-buffer read, with
// records cut by a piece boundary (quoted line breaks included) and errors on the right line.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../test_files.h"
#include "claims/claims_csv.h"
#include "claims/claims_reader.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;

// The 2025-03-13 grab (quoted fields with line breaks) with its rows repeated to `bytes`.
std::string BigList(std::size_t bytes) {
  std::ifstream in(std::string(RECEIPTS_SOURCE_DIR) +
                   "/tests/fixtures/claims/2025-03-13_contracts_grab.csv");
  std::stringstream whole;
  whole << in.rdbuf();
  std::string text = whole.str();
  std::size_t header_end = text.find('\n') + 1;
  std::string rows = text.substr(header_end);
  if (!rows.ends_with('\n')) rows += '\n';
  std::string out = text.substr(0, header_end);
  while (out.size() < bytes) out += rows;
  return out;
}

void ExpectSameClaims(const std::vector<Claim>& got, const std::vector<Claim>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    ASSERT_EQ(got[i].source_line, want[i].source_line) << "claim " << i + 1;
    ASSERT_EQ(got[i].piid, want[i].piid) << "claim " << i + 1;
    ASSERT_EQ(got[i].description, want[i].description) << "claim " << i + 1;
    ASSERT_EQ(got[i].claimed_savings, want[i].claimed_savings) << "claim " << i + 1;
    ASSERT_EQ(got[i].raw, want[i].raw) << "claim " << i + 1;
  }
}

class ClaimsStreamTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::MakeTestDir("receipts_claims_stream_"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(ClaimsStreamTest, PiecesReadLikeTheWholeFilePlainAndGzipped) {
  // 20 MB: the 4 MiB start and two 8 MiB pieces, boundaries falling anywhere in a record.
  const std::string text = BigList(20 << 20);
  Result<std::vector<Claim>> whole = ParseClaimsCsv("list.csv", text, std::nullopt);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  ASSERT_GT(whole->size(), 40000u);

  fs::path plain = dir_ / "list.csv";
  std::ofstream(plain, std::ios::binary) << text;
  fs::path gz = dir_ / "list.csv.gz";
  ASSERT_EQ(std::system(("gzip -c " + plain.string() + " > " + gz.string()).c_str()), 0);
  for (const fs::path& path : {plain, gz}) {
    Result<std::vector<Claim>> streamed = ReadClaimsFile(path.string(), std::nullopt);
    ASSERT_TRUE(streamed.ok()) << streamed.status().ToString();
    for (Claim& claim : *streamed) claim.source_file = "list.csv";
    ExpectSameClaims(*streamed, *whole);
  }
}

TEST_F(ClaimsStreamTest, AParserFedTinyPiecesReadsLikeOneBuffer) {
  const std::string text = BigList(ClaimsCsvParser::kStartBytes + (1 << 20));
  Result<std::vector<Claim>> whole = ParseClaimsCsv("list.csv", text, std::nullopt);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  std::vector<Claim> got;
  ClaimsCsvParser parser("list.csv", std::nullopt, [&got](Claim&& claim) {
    got.push_back(std::move(claim));
    return Status::Ok();
  });
  // Up to 997 new bytes a call, the rest handed again: every cut, quoted line breaks included.
  std::string pending;
  std::size_t pos = 0;
  while (true) {
    std::size_t take = std::min<std::size_t>(997, text.size() - pos);
    pending.append(text, pos, take);
    pos += take;
    bool final = pos == text.size();
    Result<std::size_t> used = parser.Feed(pending, final);
    ASSERT_TRUE(used.ok()) << used.status().ToString();
    pending.erase(0, *used);
    if (final) break;
  }
  EXPECT_TRUE(pending.empty());
  ExpectSameClaims(got, *whole);
}

TEST_F(ClaimsStreamTest, AnErrorPastTheFirstPieceNamesItsLine) {
  std::string text = BigList(12 << 20);
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  text +=
      "2025-01-21,\"X\",\"A\",1,1,2025-02-13,\"T\",\"\",\"V\",\"D\",1x,\"9300\",\"X\",\"A\",,,"
      "\"AWARD\",\n";
  fs::path plain = dir_ / "bad.csv";
  std::ofstream(plain, std::ios::binary) << text;
  Result<std::vector<Claim>> read = ReadClaimsFile(plain.string(), std::nullopt);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().message().find(plain.string() + ":" + std::to_string(lines + 1) +
                                         ": field 'savings': "),
            0u)
      << read.status().message();
}

}  // namespace
}  // namespace receipts
