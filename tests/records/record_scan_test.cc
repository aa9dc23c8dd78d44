// The scanner against the reader it must agree with: same awards and actions from every fixture
// and the demo records, whatever the chunking, line ends and compression; the filter keeps only
// wanted awards yet counts the rest; bad input at scale names file, line and field.
#include "records/record_scan.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../test_files.h"
#include "core/claim.h"
#include "records/records_reader.h"
#include "records_test_util.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using testing::MakeTestDir;
using testing::ReadAllRecords;

std::string Fixture(const std::string& name) {
  return receipts::testing::FixturePath("records", name);
}

class RecordScanTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTestDir("receipts_scan_"); }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  fs::path dir_;
};

RecordSet ReadScan(const std::vector<std::string>& paths, const RecordFilter& filter,
                   ScanOptions options = {}) {
  RecordSet records;
  ScanStats stats;
  Status s = ScanRecordFiles(paths, filter, &records, &stats, options);
  EXPECT_TRUE(s.ok()) << s.ToString();
  FinishRecords(&records);
  return records;
}

std::string Describe(const Action& a) {
  return fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}:{}", a.mod_number, a.transaction_number,
                     a.signed_date ? a.signed_date->ToIso() : "-", a.obligated,
                     a.base_and_exercised, a.base_and_all,
                     a.total_obligated ? *a.total_obligated : -1, a.reason_code, a.vendor_name,
                     a.action_type, a.source_file, a.source_line);
}

std::string Describe(const Award& award) {
  std::string out =
      fmt::format("{} {} {} {} {} {} outlayed={}\n", award.key, static_cast<int>(award.family),
                  award.agency_id, award.piid, award.idv_agency_id, award.idv_piid,
                  award.total_outlayed ? *award.total_outlayed : -1);
  for (const Action& a : award.actions) out += "  " + Describe(a) + "\n";
  return out;
}

// Awards `keep` selects, described in record order.
std::string Describe(const RecordSet& records, const RecordFilter& keep) {
  std::string out;
  for (const Award& award : records.awards) {
    bool wanted = award.family == AwardFamily::kAssistance ? keep.WantsAssistanceId(award.piid)
                                                           : keep.WantsPiid(award.piid);
    if (wanted) out += Describe(award);
  }
  out += fmt::format("actions={} as_of={}", records.action_count,
                     records.as_of ? records.as_of->ToIso() : "-");
  return out;
}

void ExpectSameAsReader(const std::vector<std::string>& paths, ScanOptions options = {}) {
  RecordSet old = ReadAllRecords(paths);
  RecordSet scanned = ReadScan(paths, RecordFilter::All(), options);
  EXPECT_EQ(Describe(scanned, RecordFilter::All()), Describe(old, RecordFilter::All()));
  EXPECT_EQ(scanned.awards.size(), old.awards.size());
}

TEST_F(RecordScanTest, EveryFixtureAsTheReaderReadsIt) {
  for (const char* name :
       {"contracts_prime_transactions.csv", "contracts_award_summaries.csv",
        "assistance_prime_transactions.csv", "fpds_awards_slice.csv", "fpds_awards_slice.csv.gz",
        "fpds_idvs_slice.csv", "records_bundle.zip"}) {
    SCOPED_TRACE(name);
    ExpectSameAsReader({Fixture(name)});
    ScanOptions tiny;
    tiny.chunk_bytes = 301;
    tiny.threads = 3;
    tiny.stream_piece_bytes = 777;
    ExpectSameAsReader({Fixture(name)}, tiny);
  }
}

TEST_F(RecordScanTest, DeltaFileAppliedAfterTheFullFile) {
  ExpectSameAsReader({Fixture("contracts_prime_transactions.csv"), Fixture("contracts_delta.csv")});
}

TEST_F(RecordScanTest, DemoRecords) {
  std::string dir = std::string(RECEIPTS_SOURCE_DIR) + "/demo/records/";
  ExpectSameAsReader({dir + "2025-03-13_fpds_awards.csv.gz", dir + "2025-03-13_fpds_idvs.csv.gz"});
}

// A file of many short awards with quoted commas, quotes and newlines, written with `eol`.
std::string Synthetic(std::size_t rows, const std::string& eol) {
  std::string out =
      "contract_transaction_unique_key,contract_award_unique_key,award_id_piid,"
      "modification_number,federal_action_obligation,action_date,recipient_name" +
      eol;
  for (std::size_t i = 0; i < rows; ++i) {
    std::string name = i % 3 == 0   ? "\"ACME, \"\"THE\"\" CO\nLINE " + std::to_string(i) + "\""
                       : i % 3 == 1 ? "\"MULTI\r\nLINE\n\n\"\"X\"\"\""
                                    : "PLAIN " + std::to_string(i);
    out += fmt::format(
               "9700_-NONE-_P{0}_{1}_-NONE-_0,CONT_AWD_P{0}_9700_-NONE-_-NONE-,P{0},{1},"
               "{2}.50,2025-0{3}-1{4},{5}",
               i % 50, i, i * 7 % 1000, 1 + i % 9, i % 10, name) +
           eol;
  }
  return out;
}

TEST_F(RecordScanTest, QuotedNewlinesAcrossChunkBoundaries) {
  for (const char* eol : {"\n", "\r\n"}) {
    SCOPED_TRACE(eol[0] == '\r' ? "CRLF" : "LF");
    std::string path = Write("synthetic.csv", Synthetic(600, eol));
    for (std::size_t chunk : {1u, 7u, 64u, 100u, 333u, 4096u}) {
      ScanOptions options;
      options.chunk_bytes = chunk;
      options.threads = 2;
      SCOPED_TRACE(chunk);
      ExpectSameAsReader({path}, options);
    }
  }
}

// The filter keeps the wanted awards exactly as the reader reads them, and counts the others.
TEST_F(RecordScanTest, FilterKeepsWantedAwardsAndCountsTheRest) {
  std::vector<std::string> paths = {
      Write("synthetic.csv", Synthetic(400, "\n")), Fixture("contracts_prime_transactions.csv"),
      Fixture("contracts_delta.csv"), Fixture("assistance_prime_transactions.csv")};
  RecordSet old = ReadAllRecords(paths);
  std::vector<Claim> claims(3);
  claims[0].piid = "P7";
  claims[1].piid = "93310023P0021";
  claims[2].kind = ClaimKind::kGrant;
  claims[2].fain = "NU50CK000513";
  RecordFilter filter = RecordFilter::ForClaims(claims);
  for (std::size_t chunk : {64u, 1u << 20}) {
    ScanOptions options;
    options.chunk_bytes = chunk;
    RecordSet scanned = ReadScan(paths, filter, options);
    EXPECT_EQ(Describe(scanned, filter), Describe(old, filter));
    EXPECT_EQ(scanned.awards.size(), 3u);
    EXPECT_EQ(scanned.awards.size() + scanned.skipped_awards, old.awards.size());
    EXPECT_EQ(scanned.action_count, old.action_count);
    EXPECT_EQ(scanned.as_of, old.as_of);
  }
}

TEST_F(RecordScanTest, GzipAndZipStreamedInPieces) {
  std::string csv = Write("synthetic.csv", Synthetic(500, "\n"));
  std::string gz = (dir_ / "synthetic.csv.gz").string();
  std::string zip = (dir_ / "bundle.zip").string();
  ASSERT_EQ(std::system(("gzip -c " + csv + " > " + gz).c_str()), 0);
  fs::copy_file(Fixture("contracts_award_summaries.csv"), dir_ / "summaries.csv");
  if (std::system(
          ("cd " + dir_.string() + " && zip -q bundle.zip synthetic.csv summaries.csv").c_str()) !=
      0) {
    GTEST_SKIP() << "zip not installed";
  }
  for (std::size_t piece : {1u, 13u, 1000u, 1u << 20}) {
    ScanOptions options;
    options.stream_piece_bytes = piece;
    SCOPED_TRACE(piece);
    // Same actions as the plain file (source_file aside, which names the archive).
    RecordSet plain = ReadScan({csv}, RecordFilter::All());
    RecordSet from_gz = ReadScan({gz}, RecordFilter::All(), options);
    std::string a = Describe(plain, RecordFilter::All()),
                b = Describe(from_gz, RecordFilter::All());
    for (std::string* s : {&a, &b}) {
      for (std::size_t at; (at = s->find(dir_.string())) != std::string::npos;) {
        s->replace(at, s->find(':', at) - at, "F");
      }
    }
    EXPECT_EQ(a, b);
    ExpectSameAsReader({zip}, options);
  }
}

// A folder of thousands of small files (a record store's shape) is read file by file on every
// core with no thread or mapping per file: the result is the one of scanning each file as a
// stream, in file order (deletions in a later file apply to the earlier ones), and a bad row in
// one file names it and its line.
TEST_F(RecordScanTest, ManySmallFilesScanAsOneAfterTheOther) {
  const std::string all = Synthetic(1200, "\n");
  const std::string header = all.substr(0, all.find('\n') + 1);
  std::vector<std::string> paths;
  std::size_t at = header.size();
  for (int i = 0; at < all.size(); ++i) {
    // About ten records a file (a quoted field may hold a line end: cut at a record's start).
    std::size_t end = at;
    for (int r = 0; r < 10 && end < all.size(); ++r) {
      end = all.find("\n9700_", end);
      end = end == std::string::npos ? all.size() : end + 1;
    }
    const std::string name = fmt::format("f{:04d}.csv", i);
    paths.push_back(Write(name, header + all.substr(at, end - at)));
    if (i % 3 == 1) {  // some gzipped, as fetched files may be
      ASSERT_EQ(std::system(("gzip -f " + paths.back()).c_str()), 0);
      paths.back() += ".gz";
    }
    at = end;
  }
  paths.push_back(Fixture("contracts_prime_transactions.csv"));
  paths.push_back(Fixture("contracts_delta.csv"));
  ASSERT_GT(paths.size(), 100u);
  ScanOptions streamed;  // no file is small next to one-byte chunks and pieces
  streamed.chunk_bytes = 1;
  streamed.stream_piece_bytes = 1;
  std::vector<Claim> claims(2);
  claims[0].piid = "P7";
  claims[1].piid = "93310023P0021";
  for (const RecordFilter& filter : {RecordFilter::All(), RecordFilter::ForClaims(claims)}) {
    RecordSet small = ReadScan(paths, filter);
    RecordSet one_by_one = ReadScan(paths, filter, streamed);
    EXPECT_EQ(Describe(small, filter), Describe(one_by_one, filter));
    EXPECT_EQ(small.awards.size(), one_by_one.awards.size());
    EXPECT_EQ(small.skipped_awards, one_by_one.skipped_awards);
    EXPECT_EQ(small.skipped_actions, one_by_one.skipped_actions);
    EXPECT_EQ(small.sources, one_by_one.sources);
  }
  // A row with a field too many in the 37th file.
  std::string bad = header +
                    "9700_-NONE-_PX_0_-NONE-_0,CONT_AWD_PX_9700_-NONE-_-NONE-,PX,0,"
                    "1.00,2025-01-01,NAME\n9700_-NONE-_PY_0_-NONE-_0,"
                    "CONT_AWD_PY_9700_-NONE-_-NONE-,PY,0,1.00,2025-01-01,NAME,EXTRA\n";
  paths[36] = Write("bad.csv", bad);
  RecordSet records;
  ScanStats stats;
  Status s = ScanRecordFiles(paths, RecordFilter::All(), &records, &stats);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind(paths[36] + ":3:", 0), 0u) << s.ToString();
}

TEST_F(RecordScanTest, TruncatedZipNamesFileAndLine) {
  std::string whole = Write("synthetic.csv", Synthetic(3000, "\n"));
  if (std::system(("cd " + dir_.string() + " && zip -q big.zip synthetic.csv").c_str()) != 0) {
    GTEST_SKIP() << "zip not installed";
  }
  std::string zip = (dir_ / "big.zip").string();
  fs::resize_file(zip, fs::file_size(zip) / 2);
  RecordSet records;
  ScanStats stats;
  Status s = ScanRecordFiles({zip}, RecordFilter::All(), &records, &stats);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(zip), std::string::npos) << s.ToString();
  EXPECT_NE(s.message().find("truncated"), std::string::npos) << s.ToString();
}

// An Award Data Archive holds several CSVs: its members are scanned by parallel workers, each
// with its own stream, and merged in member order, so any number of workers gives what the
// reader gives, and a bad row in the third member is reported with that member's name and line.
TEST_F(RecordScanTest, ZipMembersScannedInParallelMergeInOrder) {
  Write("a.csv", Synthetic(400, "\n"));
  Write("b.csv", Synthetic(300, "\r\n"));
  fs::copy_file(Fixture("fpds_awards_slice.csv"), dir_ / "c_fpds.csv");
  fs::copy_file(Fixture("contracts_award_summaries.csv"), dir_ / "d.csv");
  if (std::system(("cd " + dir_.string() + " && zip -q archive.zip a.csv b.csv c_fpds.csv d.csv")
                      .c_str()) != 0) {
    GTEST_SKIP() << "zip not installed";
  }
  std::string zip = (dir_ / "archive.zip").string();
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    SCOPED_TRACE(threads);
    ScanOptions options;
    options.threads = threads;
    options.stream_piece_bytes = 4096;
    ExpectSameAsReader({zip}, options);
  }

  std::string good = Synthetic(100, "\n");
  // Its physical line: descriptions hold line breaks.
  std::size_t bad_line = 1 + static_cast<std::size_t>(std::count(good.begin(), good.end(), '\n'));
  Write("c.csv", good + "k,CONT_AWD_P1_97,P1,0\n");
  if (std::system(("cd " + dir_.string() + " && zip -q bad.zip a.csv b.csv c.csv d.csv").c_str()) !=
      0) {
    GTEST_SKIP() << "zip failed";
  }
  for (unsigned threads : {1u, 2u, 4u}) {
    SCOPED_TRACE(threads);
    ScanOptions options;
    options.threads = threads;
    RecordSet records;
    ScanStats stats;
    Status s = ScanRecordFiles({(dir_ / "bad.zip").string()}, RecordFilter::All(), &records, &stats,
                               options);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(
        s.message().find(fmt::format(
            "bad.zip:c.csv:{}: field 'federal_action_obligation': expected 7 fields", bad_line)),
        std::string::npos)
        << s.ToString();
  }
}

TEST_F(RecordScanTest, HeaderWithoutANeededColumn) {
  std::string path = Write("no_piid.csv",
                           "contract_transaction_unique_key,contract_award_unique_key,"
                           "modification_number,federal_action_obligation,action_date\n"
                           "a,b,0,1.00,2025-01-01\n");
  RecordSet records;
  ScanStats stats;
  Status s = ScanRecordFiles({path}, RecordFilter::All(), &records, &stats);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path + ":1: field 'award_id_piid': missing column"), std::string::npos)
      << s.ToString();
}

// Line 3,000,001 with a field missing, after rows holding quoted newlines: the line is exact
// although the file is cut into chunks scanned in parallel.
TEST_F(RecordScanTest, WrongFieldCountAtLineThreeMillionAndOne) {
  fs::path path = dir_ / "big.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "contract_transaction_unique_key,contract_award_unique_key,award_id_piid,"
           "modification_number,federal_action_obligation,action_date\n";
    std::string row = "k,CONT_AWD_P1_97_-NONE-_-NONE-,P1,0,1.00,2025-01-01\n";
    std::string quoted = "\"k\n2\",CONT_AWD_P2_97_-NONE-_-NONE-,P2,0,1.00,2025-01-01\n";
    std::string block;
    for (int i = 0; i < 1000; ++i) block += row;
    // Lines 2 .. 3,000,000: 1,000 rows of two lines each, then single-line rows.
    for (int i = 0; i < 1000; ++i) out << quoted;
    for (int i = 0; i < 2997; ++i) out << block;
    for (int i = 0; i < 999; ++i) out << row;
    ASSERT_TRUE(out.good());
    out << "k,CONT_AWD_P1_97_-NONE-_-NONE-,P1,0,1.00\n";  // line 3,000,001
    out << row;
  }
  ScanOptions options;
  options.chunk_bytes = 4 << 20;
  RecordSet records;
  ScanStats stats;
  Status s =
      ScanRecordFiles({path.string()}, RecordFilter::ForClaims({}), &records, &stats, options);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path.string() + ":3000001: field 'action_date': expected 6 fields"),
            std::string::npos)
      << s.ToString();
}

TEST_F(RecordScanTest, UnterminatedQuoteAtTheEnd) {
  std::string path =
      Write("cut.csv", Synthetic(40, "\n") + "k,CONT_AWD_P1_97,P1,0,1.00,2025-01-01,\"ACME\n");
  RecordSet records;
  ScanStats stats;
  Status s = ScanRecordFiles({path}, RecordFilter::All(), &records, &stats);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("unterminated quoted field"), std::string::npos) << s.ToString();
}

// A stray quote inside an unquoted field, and a lone CR, read by CsvReader's own rules.
TEST_F(RecordScanTest, OddQuotesReadAsTheReaderReadsThem) {
  std::string text = Synthetic(20, "\n");
  text += "9700_-NONE-_PX_0_-NONE-_0,CONT_AWD_PX_9700_-NONE-_-NONE-,PX,0,5.00,2025-02-01,AB\"C\n";
  text += "9700_-NONE-_PY_0_-NONE-_0,CONT_AWD_PY_9700_-NONE-_-NONE-,PY,0,6.00,2025-02-02,\"Q\"R\n";
  text += "9700_-NONE-_PZ_0_-NONE-_0,CONT_AWD_PZ_9700_-NONE-_-NONE-,PZ,0,7.00,2025-02-03,Z\r";
  text += Synthetic(20, "\n").substr(text.find('\n') + 1);
  std::string path = Write("odd.csv", text);
  ExpectSameAsReader({path});
}

TEST(ProgressMeterTest, OffWhenNotATerminalOrQuiet) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  EXPECT_FALSE(ProgressMeter::ShouldShow(fds[1], false));
  EXPECT_FALSE(ProgressMeter::ShouldShow(fds[1], true));
  ::close(fds[0]);
  ::close(fds[1]);
  std::string line = ProgressMeter::Format("big.csv", 2'000'000'000, 8'000'000'000, 1234, 2.0);
  EXPECT_EQ(line, "receipts: big.csv 2.00 GB of 8.00 GB (25%), 1234 rows, 1.00 GB/s, ETA 0:06");
}

// A NUL byte in a row of an award nobody asked for was only counted; it is not text, so the row
// goes to the full decoder, which names line and field.
TEST_F(RecordScanTest, NulByteInAnUnwantedRowNamesLineAndField) {
  using namespace std::string_literals;
  std::string path = Write("nul.csv",
                           "contract_transaction_unique_key,contract_award_unique_key,"
                           "award_id_piid,modification_number,federal_action_obligation,"
                           "action_date\n"
                           "k1,CONT_AWD_P1_97_-NONE-_-NONE-,P1,0,1.00,2025-01-01\n"
                           "k2,CONT_AWD_P2_97_-NONE-_-NONE-,P2,0,2.\0,2025-01-01\n"s);
  Claim wanted;
  wanted.kind = ClaimKind::kContract;
  wanted.piid = "P1";
  RecordSet records;
  ScanStats stats;
  Status s = ScanRecordFiles({path}, RecordFilter::ForClaims({wanted}), &records, &stats);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path + ":3: field 'federal_action_obligation': holds a NUL byte"),
            std::string::npos)
      << s.ToString();
}

}  // namespace
}  // namespace receipts
