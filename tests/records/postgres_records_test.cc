// `--records postgresql://…` against a real PostgreSQL: a throwaway cluster on a private socket
// (tests/postgres/cluster, stopped whatever happens), USAspending's tables under their real names
// and types (tests/postgres/usaspending_schema.sql, a documented subset), loaded with every real
// FPDS action of the demo records mapped to those columns (tests/postgres/load). Verify against
// the database must give, claim for claim, what it gives from the same rows as a file; a wrong
// password, a missing column and a connection dropped mid-query are clear errors that leave no
// output behind.
#include "records/postgres_records.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <thread>

#include "../cli/run_binary.h"
#include "generate_lib.h"
#include "records/records_reader.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using testing::kSource;
using testing::Ran;

const std::string kClaims = kSource + "/demo/claims/2025-03-13_contracts_grab.csv.gz";

class PostgresRecordsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("receipts_pg_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    const bool have_server =
        std::system("ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1") == 0;
    if (!have_server) {
      // scripts/test installs the server: in CI its absence is a failure, not a skip.
      if (std::getenv("CI") != nullptr) {
        failure_ = new std::string("no PostgreSQL server installed (apt install postgresql)");
      }
      return;
    }
    const std::string start = kSource + "/tests/postgres/cluster start " + (*dir_ / "pg").string() +
                              " " + std::to_string(::getpid()) + " >/dev/null";
    if (std::system(start.c_str()) != 0) {
      failure_ = new std::string("the test cluster did not start");
      return;
    }
    // The real rows, as bench/generate writes them (every real FPDS action of demo/records).
    bench::GenerateOptions options = bench::DefaultGenerateOptions(kSource);
    options.rows = 0;
    csv_ = new std::string((*dir_ / "real_rows.csv").string());
    bench::GenerateStats stats;
    if (std::string error = bench::Generate(options, *csv_, &stats); !error.empty()) {
      failure_ = new std::string("generate: " + error);
      return;
    }
    const std::string load =
        kSource + "/tests/postgres/load " + Socket() + " " + *csv_ + " >/dev/null";
    if (std::system(load.c_str()) != 0) failure_ = new std::string("loading the rows failed");
  }

  static void TearDownTestSuite() {
    std::system((kSource + "/tests/postgres/cluster stop " + (*dir_ / "pg").string()).c_str());
    fs::remove_all(*dir_);
  }

  void SetUp() override {
    if (failure_ != nullptr) FAIL() << *failure_;
    if (csv_ == nullptr) GTEST_SKIP() << "no PostgreSQL server here (scripts/test installs it)";
    work_ = *dir_ / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(work_);
    fs::create_directories(work_);
  }

  static std::string Socket() { return (*dir_ / "pg" / "socket").string(); }
  static std::string Uri(const std::string& user = "postgres",
                         const std::string& database = "usaspending") {
    return "'postgresql://" + user + "@/" + database + "?host=" + Socket() + "'";
  }
  static int Psql(const std::string& sql, const std::string& database = "usaspending") {
    return std::system(("psql -X -q -v ON_ERROR_STOP=1 -h " + Socket() + " -U postgres -d " +
                        database + " -c \"" + sql + "\" >/dev/null")
                           .c_str());
  }

  Ran Receipts(const std::string& args) { return testing::RunBinary(work_, args); }

  static fs::path* dir_;
  static std::string* csv_;
  static std::string* failure_;
  fs::path work_;
};

fs::path* PostgresRecordsTest::dir_ = nullptr;
std::string* PostgresRecordsTest::csv_ = nullptr;
std::string* PostgresRecordsTest::failure_ = nullptr;

TEST(PostgresInputTest, NamesAndPasswordsHidden) {
  EXPECT_TRUE(IsPostgresInput("postgresql://u@h/db"));
  EXPECT_TRUE(IsPostgresInput("postgres://h/db"));
  EXPECT_TRUE(IsPostgresInput("service=usaspending"));
  EXPECT_TRUE(IsPostgresInput("postgresql:"));
  EXPECT_FALSE(IsPostgresInput("records.csv"));
  EXPECT_FALSE(IsPostgresInput("postgresql.csv"));
  EXPECT_EQ(PostgresDisplayName("postgresql://reader:s3cret@db.example/usaspending"),
            "postgresql://reader@db.example/usaspending");
  EXPECT_EQ(PostgresDisplayName("postgresql://db/usaspending?user=r&password=s3cret&sslmode=x"),
            "postgresql://db/usaspending?user=r&password=(hidden)&sslmode=x");
}

// The same claims, the same rows: the database and the file give the same verdicts.csv.
TEST_F(PostgresRecordsTest, VerifyAgainstTheDatabaseIsVerifyAgainstTheFile) {
  Ran from_file = Receipts("verify --no-cache --quiet --claims " + kClaims + " --records " + *csv_ +
                           " --out " + (work_ / "file").string());
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  Ran from_db = Receipts("verify --no-cache --quiet --claims " + kClaims + " --records " + Uri() +
                         " --out " + (work_ / "db").string());
  ASSERT_EQ(from_db.exit_code, 0) << from_db.err;
  const std::string file_verdicts = testing::Slurp(work_ / "file" / "verdicts.csv");
  const std::string db_verdicts = testing::Slurp(work_ / "db" / "verdicts.csv");
  ASSERT_GT(file_verdicts.size(), 100000u);
  EXPECT_EQ(db_verdicts, file_verdicts);
  // The headline's verified total and verdict counts are the file's too; the record counts
  // differ only in that the database is read for the claimed awards alone.
  auto verified = [](const std::string& out) {
    const std::size_t at = out.find("verified  ");
    return at == std::string::npos ? std::string() : out.substr(at, out.find('\n', at) - at);
  };
  EXPECT_EQ(verified(from_db.out), verified(from_file.out));
  EXPECT_NE(from_db.out.find("records as of 2025-03-12"), std::string::npos) << from_db.out;
}

TEST_F(PostgresRecordsTest, AWrongPasswordIsAClearErrorAndHidesThePassword) {
  const std::string uri =
      "'postgresql://receipts_pw:not-the-password@/usaspending?host=" + Socket() + "'";
  Ran ran = Receipts("verify --no-cache --quiet --claims " + kClaims + " --records " + uri +
                     " --out " + (work_ / "out").string());
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.err.find("cannot connect"), std::string::npos) << ran.err;
  EXPECT_NE(ran.err.find("password authentication failed"), std::string::npos) << ran.err;
  EXPECT_EQ(ran.err.find("not-the-password"), std::string::npos) << ran.err;
  EXPECT_FALSE(fs::exists(work_ / "out"));
  // The right password reads.
  Ran right = Receipts("verify --no-cache --quiet --claims " + kClaims +
                       " --records 'postgresql://receipts_pw:secret@/usaspending?host=" + Socket() +
                       "' --out " + (work_ / "right").string());
  EXPECT_EQ(right.exit_code, 0) << right.err;
}

TEST_F(PostgresRecordsTest, AMissingColumnIsNamedWithItsTable) {
  ASSERT_EQ(Psql("CREATE DATABASE lacking", "postgres"), 0);
  ASSERT_EQ(std::system(("psql -X -q -h " + Socket() + " -U postgres -d lacking -f " + kSource +
                         "/tests/postgres/usaspending_schema.sql >/dev/null")
                            .c_str()),
            0);
  ASSERT_EQ(
      Psql("ALTER TABLE rpt.transaction_search DROP COLUMN base_and_all_options_value", "lacking"),
      0);
  Ran ran = Receipts("verify --no-cache --quiet --claims " + kClaims + " --records " +
                     Uri("postgres", "lacking") + " --out " + (work_ / "out").string());
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.err.find("rpt.transaction_search has no column base_and_all_options_value"),
            std::string::npos)
      << ran.err;
  EXPECT_FALSE(fs::exists(work_ / "out"));
  Ran empty = Receipts("verify --no-cache --quiet --claims " + kClaims + " --records " +
                       Uri("postgres", "postgres") + " --out " + (work_ / "out").string());
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_NE(empty.err.find("has no table rpt.transaction_search"), std::string::npos) << empty.err;
}

// Every award streamed in batches: each award whole in one batch, and together every action the
// file holds.
TEST_F(PostgresRecordsTest, ScanStreamsEveryAwardWholeInBatches) {
  const std::string uri = "postgresql://postgres@/usaspending?host=" + Socket();
  std::map<std::string, int> batch_of;
  std::uint64_t actions = 0;
  int batches = 0;
  Status s = ScanPostgresRecords(uri, 64 << 10, [&](RecordSet* part) {
    FinishRecords(part);
    ++batches;
    actions += part->action_count;
    for (const Award& award : part->awards) {
      const std::string id = std::to_string(static_cast<int>(award.family)) + award.piid;
      auto [at, first] = batch_of.try_emplace(id, batches);
      EXPECT_TRUE(first || at->second == batches) << id << " in two batches";
    }
    EXPECT_TRUE(part->as_of.has_value());
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_GT(batches, 10);
  RecordSet file;
  ASSERT_TRUE(ReadRecordsFile(*csv_, &file).ok());
  FinishRecords(&file);
  EXPECT_EQ(actions, file.action_count);
  std::set<std::string> file_ids;
  for (const Award& award : file.awards) {
    file_ids.insert(std::to_string(static_cast<int>(award.family)) + award.piid);
  }
  EXPECT_EQ(batch_of.size(), file_ids.size());
  // What `take` returns ends the scan.
  int taken = 0;
  Status stopped = ScanPostgresRecords(uri, 64 << 10, [&](RecordSet*) {
    return ++taken == 2 ? Status::InvalidInput("enough") : Status::Ok();
  });
  EXPECT_EQ(stopped.ToString().find("enough") != std::string::npos, true) << stopped.ToString();
  EXPECT_EQ(taken, 2);
}

// `leads` and `vendor NAME` see every award: from the database, streamed, they give what the file
// gives; a database beside record files is refused for them.
TEST_F(PostgresRecordsTest, LeadsAndVendorNamesFromTheDatabaseAreTheFiles) {
  Ran from_file = Receipts("leads --records " + *csv_ + " --out " + (work_ / "file").string());
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  Ran from_db = Receipts("leads --records " + Uri() + " --out " + (work_ / "db").string());
  ASSERT_EQ(from_db.exit_code, 0) << from_db.err;
  // The same leads, sentences and evidence rows; only where each row is differs: a file's line,
  // or the table row's transaction_id.
  const std::regex file_row(R"( \(real_rows\.csv:[0-9]+\))");
  const std::regex table_row(R"( \(rpt\.transaction_search:[0-9]+\))");
  const std::string file_leads =
      std::regex_replace(testing::Slurp(work_ / "file" / "leads.csv"), file_row, "");
  const std::string db_leads_raw = testing::Slurp(work_ / "db" / "leads.csv");
  ASSERT_GT(file_leads.size(), 1000u);
  EXPECT_NE(db_leads_raw.find(" (rpt.transaction_search:"), std::string::npos);
  EXPECT_EQ(std::regex_replace(db_leads_raw, table_row, ""), file_leads);

  Ran vendor_file = Receipts("vendor 'booz allen' --format csv --records " + *csv_);
  ASSERT_EQ(vendor_file.exit_code, 0) << vendor_file.err;
  Ran vendor_db = Receipts("vendor 'booz allen' --format csv --records " + Uri());
  ASSERT_EQ(vendor_db.exit_code, 0) << vendor_db.err;
  EXPECT_GT(vendor_file.out.size(), 200u);
  EXPECT_EQ(vendor_db.out, vendor_file.out);

  Ran mixed =
      Receipts("leads --records " + Uri() + " " + *csv_ + " --out " + (work_ / "mixed").string());
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_NE(mixed.err.find("give the database alone"), std::string::npos) << mixed.err;
  EXPECT_FALSE(fs::exists(work_ / "mixed"));
}

// USAspending's own load dates, where the database has them, are the records' as-of.
TEST_F(PostgresRecordsTest, TheAsOfIsTheDayUsaspendingLastLoadedItsFeeds) {
  ASSERT_EQ(Psql("CREATE TABLE public.external_data_type (external_data_type_id serial PRIMARY "
                 "KEY, name text NOT NULL); CREATE TABLE public.external_data_load_date "
                 "(external_data_load_date_id serial PRIMARY KEY, last_load_date timestamp NOT "
                 "NULL, external_data_type_id integer NOT NULL); INSERT INTO "
                 "public.external_data_type (name) VALUES ('fpds'), ('fabs'), ('gtas'); INSERT "
                 "INTO public.external_data_load_date (last_load_date, external_data_type_id) "
                 "VALUES ('2025-03-20 04:10', 1), ('2025-03-18 02:00', 2), ('2025-06-01', 3)"),
            0);
  Ran ran = Receipts("verify --no-cache --quiet --claims " + kClaims + " --records " + Uri() +
                     " --out " + (work_ / "out").string());
  Psql("DROP TABLE public.external_data_load_date; DROP TABLE public.external_data_type");
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  EXPECT_NE(ran.out.find("records as of 2025-03-20"), std::string::npos) << ran.out;
}

// Another session holds a lock the read must wait for; the read's backend is terminated while it
// waits, mid-query: a clear error, and no output.
TEST_F(PostgresRecordsTest, AConnectionDroppedMidQueryIsAClearErrorAndWritesNothing) {
  std::atomic<bool> done{false};
  std::thread locker([&] {
    std::system(("psql -X -q -h " + Socket() +
                 " -U postgres -d usaspending -c 'BEGIN; LOCK TABLE rpt.award_search IN ACCESS "
                 "EXCLUSIVE MODE; SELECT pg_sleep(20); COMMIT;' >/dev/null 2>&1 &")
                    .c_str());
  });
  locker.join();
  std::thread terminator([&] {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (!done.load() && std::chrono::steady_clock::now() < until) {
      Psql(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
          "'receipts' AND wait_event_type = 'Lock'");
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  Ran ran = Receipts("verify --no-cache --quiet --claims " + kClaims + " --records " + Uri() +
                     " --out " + (work_ / "out").string());
  done = true;
  terminator.join();
  Psql(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep%' AND "
      "pid <> pg_backend_pid()");
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.err.find("reading contract transactions"), std::string::npos) << ran.err;
  EXPECT_NE(ran.err.find("terminat"), std::string::npos) << ran.err;
  EXPECT_FALSE(fs::exists(work_ / "out"));
}

}  // namespace
}  // namespace receipts
