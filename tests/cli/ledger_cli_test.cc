// The ledger commands as a user (or a checking script) runs them: exact outputs and exit codes,
// nothing written on bad input, tampering caught with exit 3, and kill -9 during an ingest at
// random moments never leaving half a snapshot.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "run_binary.h"

namespace {

namespace fs = std::filesystem;
using namespace receipts::testing;  // kBinary, kSource, Ran, Slurp

const std::string kClaims = kSource + "/demo/claims/";
const std::string kFeb18 = kClaims + "2025-02-18T18-25_contracts_fpds.csv.gz";
const std::string kFeb19 = kClaims + "2025-02-19T10-50_contracts_fpds.csv.gz";
const std::string kOct21 = kClaims + "2025-10-21_contracts_api.csv.gz";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream s(text);
  for (std::string line; std::getline(s, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> Split(const std::string& line, char separator) {
  std::vector<std::string> parts;
  std::stringstream s(line);
  for (std::string part; std::getline(s, part, separator);) parts.push_back(part);
  return parts;
}

class LedgerCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = receipts::testing::MakeTestDir("receipts_ledger_cli_");
    ledger_ = (dir_ / "ledger.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs the binary in dir_ with `args`.
  Ran Run(const std::string& args) {
    return receipts::testing::RunBinary(dir_, args, "cd " + dir_.string() + " && ");
  }

  Ran Ingest(const std::string& file, const std::string& extra = "") {
    return Run("ingest --ledger " + ledger_ + " --claims " + file + " " + extra);
  }

  std::size_t SnapshotCount(const std::string& ledger) {
    Ran log = Run("log --ledger " + ledger);
    EXPECT_EQ(log.exit_code, 0) << log.err;
    return Lines(log.out).size();
  }

  fs::path dir_;
  std::string ledger_;
};

TEST_F(LedgerCliTest, IngestLogDiffHistoryCheck) {
  Ran first = Ingest(kFeb18);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "1\n");
  Ran second = Ingest(kFeb19);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, "2\n");
  Ran again = Ingest(kFeb19);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out, "unchanged: identical to snapshot 2\n");

  Ran log = Run("log --ledger " + ledger_);
  ASSERT_EQ(log.exit_code, 0) << log.err;
  std::vector<std::string> lines = Lines(log.out);
  ASSERT_EQ(lines.size(), 2u);
  std::vector<std::string> one = Split(lines[0], '\t');
  ASSERT_EQ(one.size(), 6u) << lines[0];
  EXPECT_EQ(one[5], "contracts");
  EXPECT_EQ(one[0], "1");
  EXPECT_EQ(one[1], "2025-02-18T18:25:00Z");  // from the file name
  EXPECT_EQ(one[2], "1127");
  EXPECT_EQ(one[3], "16489568305.00");
  EXPECT_EQ(one[4].size(), 64u);
  std::vector<std::string> two = Split(lines[1], '\t');
  EXPECT_EQ(two[1], "2025-02-19T10:50:00Z");
  EXPECT_EQ(two[3], "8497568305.00");

  Ran csv = Run("diff --ledger " + ledger_ + " 1 2 --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  lines = Lines(csv.out);
  ASSERT_EQ(lines.size(), 4u) << csv.out;
  EXPECT_EQ(lines[0], "change,kind,claim_key,field,old,new");
  EXPECT_EQ(lines[1].rfind("changed,contract,contract:7012:70CMSD22A00000008,link,https://", 0),
            0u);
  EXPECT_EQ(lines[2],
            "changed,contract,contract:7012:70CMSD22A00000008,claimed_savings,8000000000.00,"
            "8000000.00");
  EXPECT_EQ(lines[3],
            "changed,contract,contract:7012:70CMSD22A00000008,claimed_value,8000000000.00,"
            "8000000.00");
  Ran latest = Run("diff --ledger " + ledger_ + " 1 latest");
  EXPECT_EQ(latest.exit_code, 0);
  EXPECT_NE(latest.out.find("added 0 ($0.00), removed 0 ($0.00), changed 1"), std::string::npos)
      << latest.out;
  EXPECT_EQ(Run("diff --ledger " + ledger_ + " 1 9").exit_code, 1);
  EXPECT_EQ(Run("diff --ledger " + ledger_ + " 1 2 --format xml").exit_code, 2);

  Ran history = Run("history --ledger " + ledger_ + " 70CMSD22A00000008");
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_NE(history.out.find("contract:7012:70CMSD22A00000008\n  snapshot 1  2025-02-18T18:25:00Z"
                             "  listed\n"),
            std::string::npos)
      << history.out;
  EXPECT_NE(history.out.find("    claimed_savings: 8000000000.00 -> 8000000.00\n"),
            std::string::npos);
  EXPECT_EQ(Run("history --ledger " + ledger_ + " NOPE123").exit_code, 1);

  Ran check = Run("check --ledger " + ledger_);
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(check.out.rfind("ok: 2 snapshots, head " + two[4], 0), 0u) << check.out;
}

TEST_F(LedgerCliTest, AsOfAndDefaultLedger) {
  Ran ran =
      Run("ingest --claims " + kSource + "/tests/fixtures/claims/2025-05-19_contracts_api.csv");
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  EXPECT_TRUE(fs::exists(dir_ / "receipts.db"));  // the default ledger, in the working directory
  ran = Run("ingest --claims " + kSource +
            "/tests/fixtures/claims/2025-03-30_contracts_fpds.csv --as-of 2025-04-01T08:00");
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  std::vector<std::string> lines = Lines(Run("log").out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(Split(lines[0], '\t')[1], "2025-05-19T00:00:00Z");
  EXPECT_EQ(Split(lines[1], '\t')[1], "2025-04-01T08:00:00Z");
  EXPECT_EQ(Run("ingest --claims x.csv --as-of yesterday").exit_code, 2);
  // No date in the name: now.
  fs::copy_file(kSource + "/tests/fixtures/claims/2025-03-13_contracts_grab.csv",
                dir_ / "grab.csv");
  ran = Run("ingest --claims grab.csv");
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  lines = Lines(Run("log").out);
  EXPECT_GE(Split(lines[2], '\t')[1], "2025-11-01");
}

TEST_F(LedgerCliTest, BadInputWritesNothing) {
  ASSERT_EQ(Ingest(kFeb18).exit_code, 0);
  std::string before = Slurp(ledger_);
  Ran missing = Ingest("/nonexistent/claims.csv");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("/nonexistent/claims.csv"), std::string::npos) << missing.err;
  Ran directory = Ingest(dir_.string());
  EXPECT_EQ(directory.exit_code, 1) << directory.out;
  // A download cut short: half of a gzip file.
  std::string gz = Slurp(kOct21);
  std::ofstream(dir_ / "2025-10-21_cut.csv.gz", std::ios::binary) << gz.substr(0, gz.size() / 2);
  Ran truncated = Ingest((dir_ / "2025-10-21_cut.csv.gz").string());
  EXPECT_EQ(truncated.exit_code, 1);
  EXPECT_NE(truncated.err.find("2025-10-21_cut.csv.gz"), std::string::npos) << truncated.err;
  // Malformed money.
  std::ofstream(dir_ / "bad.csv") << "piid,agency,value,savings\nX1,Navy,10,5\nX2,Navy,10,1x\n";
  Ran bad = Ingest((dir_ / "bad.csv").string());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("bad.csv:3: field 'savings'"), std::string::npos) << bad.err;
  EXPECT_EQ(Slurp(ledger_), before);
  EXPECT_EQ(SnapshotCount(ledger_), 1u);
  EXPECT_EQ(Run("check --ledger " + ledger_).exit_code, 0);
  // Nothing is created for a bad first ingest either.
  EXPECT_EQ(Run("ingest --ledger new.db --claims /nonexistent.csv").exit_code, 1);
  EXPECT_FALSE(fs::exists(dir_ / "new.db"));
  EXPECT_EQ(Run("log --ledger missing.db").exit_code, 1);
  EXPECT_FALSE(fs::exists(dir_ / "missing.db"));
}

TEST_F(LedgerCliTest, TamperingWithTheSqliteShellIsExit3) {
  ASSERT_EQ(Ingest(kFeb18).exit_code, 0);
  ASSERT_EQ(Ingest(kFeb19).exit_code, 0);
  ASSERT_EQ(Run("check --ledger " + ledger_).exit_code, 0);
  ASSERT_EQ(std::system(("sqlite3 " + ledger_ +
                         " \"UPDATE claims SET claimed_savings_cents = 800000000000 WHERE "
                         "snapshot_id = 2 AND piid = '70CMSD22A00000008'\"")
                            .c_str()),
            0);
  Ran check = Run("check --ledger " + ledger_);
  EXPECT_EQ(check.exit_code, 3);
  EXPECT_NE(check.out.find("snapshot 2"), std::string::npos) << check.out;
  ASSERT_EQ(std::system(("sqlite3 " + ledger_ +
                         " \"UPDATE snapshots SET source = 'elsewhere' WHERE id = 1\"")
                            .c_str()),
            0);
  check = Run("check --ledger " + ledger_);
  EXPECT_EQ(check.exit_code, 3);
  EXPECT_NE(check.out.find("snapshot 1"), std::string::npos) << check.out;
  // Not a ledger at all.
  std::ofstream(dir_ / "junk.db") << std::string(4096, 'j');
  EXPECT_NE(Run("check --ledger junk.db").exit_code, 0);
}

TEST_F(LedgerCliTest, KeygenSignAndCheckWithPubkey) {
  Ran keygen = Run("keygen --out key");
  ASSERT_EQ(keygen.exit_code, 0) << keygen.err;
  EXPECT_EQ(fs::status(dir_ / "key").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_TRUE(fs::exists(dir_ / "key.pub"));
  EXPECT_EQ(Run("keygen --out key").exit_code, 1);  // never overwrites
  ASSERT_EQ(Run("keygen --out other").exit_code, 0);
  ASSERT_EQ(Ingest(kFeb18, "--sign-key key").exit_code, 0);
  ASSERT_EQ(Ingest(kFeb19, "--sign-key key").exit_code, 0);
  Ran check = Run("check --ledger " + ledger_ + " --pubkey key.pub");
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("signatures: 2 of 2 heads signed"), std::string::npos) << check.out;
  Ran wrong = Run("check --ledger " + ledger_ + " --pubkey other.pub");
  EXPECT_EQ(wrong.exit_code, 3);
  EXPECT_NE(wrong.out.find("snapshot 1"), std::string::npos) << wrong.out;
  ASSERT_EQ(std::system(("sqlite3 " + ledger_ + " \"UPDATE chain SET signature = '" +
                         std::string(128, 'a') + "' WHERE snapshot_id = 2\"")
                            .c_str()),
            0);
  Ran bad = Run("check --ledger " + ledger_ + " --pubkey key.pub");
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.out.find("snapshot 2: head signature does not verify"), std::string::npos)
      << bad.out;
  EXPECT_EQ(Ingest(kFeb18, "--sign-key missing.key").exit_code, 1);
}

TEST_F(LedgerCliTest, VerifyStoresVerdictsAndReportShowsThem) {
  ASSERT_EQ(Ingest(kFeb18).exit_code, 0);
  ASSERT_EQ(Ingest(kFeb19).exit_code, 0);
  std::string idvs = kSource + "/demo/records/2025-03-13_fpds_idvs.csv.gz";
  Ran verify = Run("verify --ledger " + ledger_ + " --snapshot 1 --records " + idvs + " --out out");
  ASSERT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_NE(verify.out.find("1,127 claims"), std::string::npos) << verify.out;
  EXPECT_NE(verify.out.find("stored:   1127 verdicts with snapshot 1"), std::string::npos)
      << verify.out;
  EXPECT_TRUE(fs::exists(dir_ / "out" / "verdicts.csv"));
  // Without --out: verdicts stored, no report directory.
  Ran latest = Run("verify --ledger " + ledger_ + " --records " + idvs);
  ASSERT_EQ(latest.exit_code, 0) << latest.err;
  EXPECT_NE(latest.out.find("with snapshot 2"), std::string::npos) << latest.out;
  EXPECT_EQ(latest.out.find("report:"), std::string::npos) << latest.out;
  EXPECT_EQ(
      Run("verify --ledger " + ledger_ + " --claims " + kFeb18 + " --records " + idvs).exit_code,
      2);
  EXPECT_EQ(Run("verify --records " + idvs + " --out x").exit_code, 2);
  EXPECT_EQ(Run("verify --claims " + kFeb18 + " --records " + idvs).exit_code, 2);
  // Verdicts are sealed to their snapshot's head: check passes, and fails once one is edited.
  Ran sealed = Run("check --ledger " + ledger_);
  EXPECT_EQ(sealed.exit_code, 0) << sealed.out << sealed.err;
  EXPECT_NE(sealed.out.find("verifications: 2 sealed, all match"), std::string::npos) << sealed.out;

  Ran report = Run("report --ledger " + ledger_ + " --out rep");
  ASSERT_EQ(report.exit_code, 0) << report.err;
  std::string html = Slurp(dir_ / "rep" / "report.html");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("contract:7012:70CMSD22A00000008"), std::string::npos);
  EXPECT_NE(html.find("<b>unit_error</b>"), std::string::npos);
  EXPECT_NE(html.find("$8,000,000,000.00"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);

  ASSERT_EQ(std::system(("sqlite3 " + ledger_ +
                         " \"UPDATE verdicts SET verdict = 'verified', verified_savings_cents = "
                         "800000000000 WHERE snapshot_id = 1 AND seq = 1\"")
                            .c_str()),
            0);
  Ran edited = Run("check --ledger " + ledger_);
  EXPECT_EQ(edited.exit_code, 3) << edited.out;
  EXPECT_NE(edited.out.find("BAD: snapshot 1: stored verdicts or verification run do not match"),
            std::string::npos)
      << edited.out;
}

// --snapshot all reads the records once and stores, for every snapshot, the verdicts a verify of
// that snapshot alone stores (so the whole wall against a multi-GB file is one scan).
TEST_F(LedgerCliTest, VerifyAllSnapshotsInOneReadStoresWhatEachAloneWould) {
  ASSERT_EQ(Ingest(kFeb18).exit_code, 0);
  ASSERT_EQ(Ingest(kFeb19).exit_code, 0);
  ASSERT_EQ(Ingest(kOct21).exit_code, 0);
  const std::string one_by_one = (dir_ / "one_by_one.db").string();
  fs::copy_file(ledger_, one_by_one);
  const std::string records = kSource + "/demo/records/2025-03-13_fpds_awards.csv.gz " + kSource +
                              "/demo/records/2025-03-13_fpds_idvs.csv.gz";
  Ran all = Run("verify --ledger " + ledger_ + " --snapshot all --records " + records);
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const std::vector<std::string> lines = Lines(all.out);
  ASSERT_EQ(lines.size(), 4u) << all.out;
  EXPECT_EQ(lines[0].rfind("snapshot 1 (", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("): 1127 claims, claimed $"), std::string::npos) << lines[0];
  EXPECT_EQ(lines[2].rfind("snapshot 3 (", 0), 0u) << lines[2];
  EXPECT_NE(lines[3].find("verdicts with 3 snapshots in " + ledger_ + " (one read of the records)"),
            std::string::npos)
      << lines[3];
  for (int id = 1; id <= 3; ++id) {
    Ran alone = Run("verify --ledger " + one_by_one + " --snapshot " + std::to_string(id) +
                    " --records " + records);
    ASSERT_EQ(alone.exit_code, 0) << alone.err;
  }
  auto stored = [this](const std::string& ledger) {
    const fs::path dump = dir_ / "dump.txt";
    EXPECT_EQ(std::system(("sqlite3 " + ledger +
                           " 'SELECT snapshot_id, seq, verdict, verified_savings_cents, reason "
                           "FROM verdicts ORDER BY 1, 2' > " +
                           dump.string())
                              .c_str()),
              0);
    return Slurp(dump);
  };
  const std::string verdicts = stored(ledger_);
  EXPECT_GT(Lines(verdicts).size(), 1127u * 2);
  EXPECT_EQ(verdicts, stored(one_by_one));
  Ran sealed = Run("check --ledger " + ledger_);
  EXPECT_EQ(sealed.exit_code, 0) << sealed.out << sealed.err;
  EXPECT_NE(sealed.out.find("verifications: 3 sealed, all match"), std::string::npos) << sealed.out;
  // The report is of one snapshot.
  EXPECT_EQ(
      Run("verify --ledger " + ledger_ + " --snapshot all --records " + records + " --out out")
          .exit_code,
      2);
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

// log and history wrote ledger tables into any file given (and created a missing one): every
// read-only command now opens SQLite read-only and refuses what is not a ledger.
TEST_F(LedgerCliTest, ReadOnlyCommandsNeverCreateOrWriteTheFileGiven) {
  std::ofstream(dir_ / "notes.txt") << "my notes, not a ledger\n";
  std::ofstream(dir_ / "empty.db");
  ASSERT_EQ(std::system(("sqlite3 " + (dir_ / "other.db").string() +
                         " \"CREATE TABLE t (x); INSERT INTO t VALUES (1)\"")
                            .c_str()),
            0);
  ASSERT_EQ(Ingest(kFeb18).exit_code, 0);
  ASSERT_EQ(Ingest(kFeb19).exit_code, 0);
  const auto past = fs::file_time_type::clock::now() - std::chrono::hours(24);
  const std::vector<std::string> commands = {
      "log", "history 70CMSD22A00000008", "diff 1 2", "check", "head", "report --out rep"};
  for (const char* name : {"notes.txt", "empty.db", "other.db", "ledger.db"}) {
    fs::path file = dir_ / name;
    fs::last_write_time(file, past);
    std::string bytes = Slurp(file);
    for (const std::string& command : commands) {
      std::vector<std::string> words = Split(command, ' ');
      std::string args = words[0] + " --ledger " + file.string() + command.substr(words[0].size());
      Ran ran = Run(args);
      if (std::string(name) == "ledger.db") {
        EXPECT_EQ(ran.exit_code, 0) << args << ": " << ran.err;
      } else {
        EXPECT_EQ(ran.exit_code, 1) << args << ": " << ran.out;
        EXPECT_NE(ran.err.find("not a receipts ledger"), std::string::npos)
            << args << ": " << ran.err;
      }
      EXPECT_EQ(Slurp(file), bytes) << args;
      EXPECT_EQ(fs::last_write_time(file), past) << args;
      EXPECT_FALSE(fs::exists(fs::path(file.string() + "-journal"))) << args;
      fs::remove_all(dir_ / "rep");
    }
    for (const std::string& command : commands) {
      std::vector<std::string> words = Split(command, ' ');
      Ran ran = Run(words[0] + " --ledger missing.db" + command.substr(words[0].size()));
      EXPECT_EQ(ran.exit_code, 1) << command;
      EXPECT_FALSE(fs::exists(dir_ / "missing.db")) << command;
    }
  }
}

// `migrate` and `verify --ledger` opened a 0-byte file read-write and made it a ledger.
TEST_F(LedgerCliTest, MigrateAndVerifyNeverTurnAFileIntoALedger) {
  std::ofstream(dir_ / "notes.txt") << "my notes, not a ledger\n";
  std::ofstream(dir_ / "empty.db");
  const std::string records = kSource + "/demo/records/2025-03-13_fpds_awards.csv.gz";
  for (const char* name : {"notes.txt", "empty.db"}) {
    fs::path file = dir_ / name;
    std::string bytes = Slurp(file);
    for (const std::string& args : {"migrate --ledger " + file.string(),
                                    "verify --ledger " + file.string() + " --records " + records}) {
      Ran ran = Run(args);
      EXPECT_EQ(ran.exit_code, 1) << args << ": " << ran.out;
      EXPECT_NE(ran.err.find("not a receipts ledger"), std::string::npos)
          << args << ": " << ran.err;
      EXPECT_EQ(Slurp(file), bytes) << args;
      EXPECT_FALSE(fs::exists(fs::path(file.string() + "-journal"))) << args;
    }
  }
  // ingest still creates a ledger in an empty file (a name made by mktemp, say).
  Ran ingest = Run("ingest --ledger " + (dir_ / "empty.db").string() + " --claims " + kFeb18);
  EXPECT_EQ(ingest.exit_code, 0) << ingest.err;
}

TEST_F(LedgerCliTest, UnknownSchemaVersionIsRefusedByEveryCommand) {
  ASSERT_EQ(Ingest(kFeb18).exit_code, 0);
  ASSERT_EQ(std::system(("sqlite3 " + ledger_ +
                         " \"UPDATE meta SET value = '999' WHERE key = 'schema_version'\"")
                            .c_str()),
            0);
  std::string bytes = Slurp(ledger_);
  for (const std::string& command :
       {std::string("log"), std::string("check"), std::string("diff 1 1"), std::string("head"),
        std::string("migrate"), std::string("claims " + kFeb19)}) {
    std::string args = command.starts_with("claims")
                           ? "ingest --ledger " + ledger_ + " --" + command
                           : Split(command, ' ')[0] + " --ledger " + ledger_ +
                                 command.substr(Split(command, ' ')[0].size());
    Ran ran = Run(args);
    EXPECT_EQ(ran.exit_code, 1) << args << ": " << ran.out;
    EXPECT_NE(ran.err.find("ledger schema version 999 is unknown"), std::string::npos)
        << args << ": " << ran.err;
  }
  EXPECT_EQ(Slurp(ledger_), bytes);
}

// An empty list stored as a 0-claim snapshot made every claim read as removed in the next diff.
TEST_F(LedgerCliTest, EmptyClaimsListIsRefusedUnlessAllowed) {
  std::ofstream(dir_ / "2025-03-01_empty.csv") << "piid,agency,value,savings\n";
  std::string empty = (dir_ / "2025-03-01_empty.csv").string();
  Ran refused = Ingest(empty);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find(empty + ": the claims list is empty"), std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("--allow-empty"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(ledger_));
  ASSERT_EQ(Ingest(kFeb18).exit_code, 0);
  EXPECT_EQ(Ingest(empty).exit_code, 1);
  EXPECT_EQ(SnapshotCount(ledger_), 1u);
  Ran allowed = Ingest(empty, "--allow-empty --kind contracts");
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_EQ(allowed.out, "2\n");
  EXPECT_EQ(Run("check --ledger " + ledger_).exit_code, 0);
}

// The latest snapshot deleted with the sqlite3 shell left a ledger that checked "ok".
TEST_F(LedgerCliTest, CheckExpectHeadCatchesADeletedTail) {
  ASSERT_EQ(Ingest(kFeb18).exit_code, 0);
  ASSERT_EQ(Ingest(kFeb19).exit_code, 0);
  Ran head = Run("head --ledger " + ledger_);
  ASSERT_EQ(head.exit_code, 0) << head.err;
  ASSERT_EQ(head.out.size(), 65u) << head.out;
  std::string pinned = head.out.substr(0, 64);
  Ran ok = Run("check --ledger " + ledger_ + " --expect-head " + pinned);
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find("expected head: snapshot 2"), std::string::npos) << ok.out;
  EXPECT_EQ(Run("check --ledger " + ledger_ + " --expect-head xyz").exit_code, 2);
  ASSERT_EQ(std::system(("sqlite3 " + ledger_ +
                         " \"DELETE FROM claims WHERE snapshot_id = 2; DELETE FROM pages WHERE "
                         "snapshot_id = 2; DELETE FROM chain WHERE snapshot_id = 2; DELETE FROM "
                         "log_leaves WHERE snapshot_id = 2; DELETE FROM snapshots WHERE id = 2\"")
                            .c_str()),
            0);
  EXPECT_EQ(Run("check --ledger " + ledger_).exit_code, 0);
  Ran deleted = Run("check --ledger " + ledger_ + " --expect-head " + pinned);
  EXPECT_EQ(deleted.exit_code, 3) << deleted.out;
  EXPECT_NE(deleted.out.find("BAD: the expected head " + pinned + " is not in the chain"),
            std::string::npos)
      << deleted.out;
}

// "0 of 4 heads signed ... all valid": under --pubkey an unsigned head is now a failure.
TEST_F(LedgerCliTest, PubkeyFailsAnUnsignedHead) {
  ASSERT_EQ(Run("keygen --out key").exit_code, 0);
  ASSERT_EQ(Ingest(kFeb18, "--sign-key key").exit_code, 0);
  ASSERT_EQ(Ingest(kFeb19).exit_code, 0);  // appended unsigned
  Ran check = Run("check --ledger " + ledger_ + " --pubkey key.pub");
  EXPECT_EQ(check.exit_code, 3) << check.out;
  EXPECT_NE(check.out.find("BAD: snapshot 2: head is not signed"), std::string::npos) << check.out;
  Ran plain = Run("check --ledger " + ledger_);
  EXPECT_EQ(plain.exit_code, 0) << plain.out;
  EXPECT_NE(plain.out.find("signatures: 1 of 2 heads signed"), std::string::npos) << plain.out;
  ASSERT_EQ(std::system(
                ("sqlite3 " + ledger_ + " \"UPDATE chain SET signature = NULL, public_key = NULL\"")
                    .c_str()),
            0);
  Ran stripped = Run("check --ledger " + ledger_ + " --pubkey key.pub");
  EXPECT_EQ(stripped.exit_code, 3) << stripped.out;
  EXPECT_NE(stripped.out.find("BAD: snapshot 1: head is not signed"), std::string::npos)
      << stripped.out;
}

// kill -9 at random moments of a real ingest: afterwards the ledger checks and holds either the
// two snapshots it had or all three, the third complete.
TEST_F(LedgerCliTest, KillDuringIngestNeverLeavesHalfASnapshot) {
  ASSERT_EQ(Ingest(kFeb18).exit_code, 0);
  ASSERT_EQ(Ingest(kFeb19).exit_code, 0);
  const std::string base = ledger_;
  const std::string run = (dir_ / "run.db").string();

  auto start_ingest = [&]() {
    pid_t pid = ::fork();
    if (pid == 0) {
      int null = ::open("/dev/null", O_RDWR);
      ::dup2(null, 1);
      ::dup2(null, 2);
      ::execl(kBinary.c_str(), kBinary.c_str(), "ingest", "--ledger", run.c_str(), "--claims",
              kOct21.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    return pid;
  };
  // How long a whole ingest takes here, to spread the kills over it.
  fs::copy_file(base, run, fs::copy_options::overwrite_existing);
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = start_ingest();
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  auto full =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0)
          .count();

  std::mt19937 random(20250218);
  std::uniform_int_distribution<long> delay(0, full * 11 / 10);
  int before_commit = 0, after_commit = 0, mid_transaction = 0;
#if defined(__SANITIZE_ADDRESS__)
  constexpr int kRuns = 8;  // an ASan ingest takes seconds; the release build runs 30
#else
  constexpr int kRuns = 30;
#endif
  for (int i = 0; i < kRuns; ++i) {
    fs::copy_file(base, run, fs::copy_options::overwrite_existing);
    fs::remove(run + "-journal");
    pid = start_ingest();
    std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    // A hot journal left behind: killed inside the write transaction.
    if (fs::exists(run + "-journal") && fs::file_size(run + "-journal") > 0) ++mid_transaction;
    Ran check = Run("check --ledger " + run);
    ASSERT_EQ(check.exit_code, 0) << "run " << i << ": " << check.out << check.err;
    std::vector<std::string> lines = Lines(Run("log --ledger " + run).out);
    ASSERT_TRUE(lines.size() == 2 || lines.size() == 3) << "run " << i;
    if (lines.size() == 3) {
      EXPECT_EQ(Split(lines[2], '\t')[2], "13440") << "run " << i;
      ++after_commit;
    } else {
      ++before_commit;
    }
  }
  std::printf(
      "kill -9 during ingest: %d runs, %d left 2 snapshots (%d inside the transaction), %d left 3 "
      "(ingest %ld ms)\n",
      kRuns, before_commit, mid_transaction, after_commit, static_cast<long>(full / 1000));
  EXPECT_GT(before_commit, 0);
}

}  // namespace
