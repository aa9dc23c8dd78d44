// Changes made behind the ledger's back, with plain SQL: `check` names the first bad snapshot.
#include <gtest/gtest.h>

#include "ledger/canonical.h"
#include "ledger/check.h"
#include "ledger/hash_chain.h"
#include "ledger/ledger.h"
#include "ledger/signing.h"
#include "ledger_test_util.h"

namespace receipts {
namespace {

using testing::kHeader;
using testing::Link;

class TamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TestDir();
    path_ = (dir_ / "ledger.db").string();
    ASSERT_TRUE(GenerateKeyFiles((dir_ / "key").string()).ok());
    key_ = *ReadSigningKey((dir_ / "key").string());
    auto ledger = Ledger::Open(path_, true);
    ASSERT_TRUE(ledger.ok());
    std::string one = std::string(kHeader) + "AAA1,Navy,Acme,100,d1,TERMINATED," +
                      Link("9700", "AAA1") + ",2/1/2025,50\nBBB2,Navy,Beta,200,d2,TERMINATED," +
                      Link("9700", "BBB2") + ",2/1/2025,80\n";
    std::string two =
        one + "CCC3,Army,Gamma,10,d3,TERMINATED," + Link("2100", "CCC3") + ",2/2/2025,7\n";
    ASSERT_TRUE(
        (*ledger)->Ingest(testing::CsvSnapshot("1.csv", one, "2025-02-18T00:00:00Z"), &key_).ok());
    ASSERT_TRUE(
        (*ledger)->Ingest(testing::CsvSnapshot("2.csv", two, "2025-02-19T00:00:00Z"), &key_).ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CheckReport Check(const std::optional<std::string>& pubkey = std::nullopt) {
    auto db = SqliteDb::Open(path_, false);
    EXPECT_TRUE(db.ok());
    auto report = CheckLedger(db->get(), pubkey);
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report.ok() ? *report : CheckReport{};
  }

  void ExpectBad(std::int64_t snapshot) {
    CheckReport report = Check();
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.first_bad_snapshot, snapshot) << report.problem;
  }

  std::filesystem::path dir_;
  std::string path_;
  SigningKey key_;
};

TEST_F(TamperTest, UntouchedIsIntact) {
  CheckReport report = Check(key_.public_key);
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.snapshots, 2);
  EXPECT_EQ(report.signed_heads, 2);
  EXPECT_EQ(report.last_signed, 2);
}

TEST_F(TamperTest, ChangedClaimField) {
  testing::Tamper(
      path_, "UPDATE claims SET claimed_savings_cents = 500 WHERE snapshot_id = 1 AND seq = 1");
  ExpectBad(1);
}

TEST_F(TamperTest, ChangedClaimFieldKeepingTheTotal) {
  testing::Tamper(path_, "UPDATE claims SET vendor = 'Other' WHERE snapshot_id = 2 AND seq = 3");
  ExpectBad(2);
}

TEST_F(TamperTest, ChangedRawFields) {
  testing::Tamper(path_,
                  "UPDATE claims SET raw_json = replace(raw_json, 'Acme', 'Acne') WHERE "
                  "snapshot_id = 2");
  ExpectBad(2);
}

TEST_F(TamperTest, ChangedSnapshotTotal) {
  testing::Tamper(path_, "UPDATE snapshots SET claimed_total_cents = 1 WHERE id = 2");
  ExpectBad(2);
}

TEST_F(TamperTest, ChangedSnapshotAsOf) {
  testing::Tamper(path_, "UPDATE snapshots SET as_of = '2025-01-01T00:00:00Z' WHERE id = 1");
  ExpectBad(1);
}

TEST_F(TamperTest, ChangedChainHash) {
  testing::Tamper(path_,
                  "UPDATE chain SET head = '" + std::string(64, 'f') + "' WHERE snapshot_id = 2");
  ExpectBad(2);
}

TEST_F(TamperTest, DeletedClaimRow) {
  testing::Tamper(path_, "DELETE FROM claims WHERE snapshot_id = 2 AND seq = 3");
  ExpectBad(2);
}

TEST_F(TamperTest, DeletedFirstSnapshotEntirely) {
  testing::Tamper(path_,
                  "DELETE FROM claims WHERE snapshot_id = 1; DELETE FROM pages WHERE snapshot_id "
                  "= 1; DELETE FROM chain WHERE snapshot_id = 1; DELETE FROM snapshots WHERE id "
                  "= 1");
  ExpectBad(1);
}

TEST_F(TamperTest, ChangedRawPage) {
  testing::Tamper(path_, "UPDATE pages SET bytes = CAST('x' AS BLOB) WHERE snapshot_id = 1");
  ExpectBad(1);
}

// Someone rewrites a claim and recomputes the digests and the head after it: the chain is
// consistent again, and only the signature (made with a key they do not hold) gives it away.
TEST_F(TamperTest, RecomputedChainFailsTheSignature) {
  {
    auto ledger = Ledger::Open(path_, false);
    ASSERT_TRUE(ledger.ok());
    auto snapshots = (*ledger)->Snapshots();
    auto claims = (*ledger)->Claims(2, /*with_raw=*/true);
    ASSERT_TRUE(claims.ok());
    claims->back().vendor = "Somebody Else";
    SnapshotHeader h;
    const SnapshotInfo& s = (*snapshots)[1];
    h = {s.id,
         s.kind,
         s.source,
         s.as_of,
         s.ingested_at,
         s.raw_sha256,
         {{"2.csv", s.raw_sha256}},
         s.claim_count,
         s.claimed_total,
         ClaimsDigest(*claims)};
    std::string head = HeadHash((*snapshots)[0].head, h);
    testing::Tamper(path_,
                    "UPDATE claims SET vendor = 'Somebody Else' WHERE snapshot_id = 2 AND "
                    "seq = 3; UPDATE snapshots SET claims_sha256 = '" +
                        h.claims_sha256 + "' WHERE id = 2; UPDATE chain SET head = '" + head +
                        "' WHERE snapshot_id = 2");
  }
  CheckReport report = Check();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad_snapshot, 2);
  EXPECT_NE(report.problem.find("signature does not verify"), std::string::npos) << report.problem;

  // Stripping the signature as well makes the chain consistent; the signed part ends at 1.
  testing::Tamper(path_,
                  "UPDATE chain SET signature = NULL, public_key = NULL WHERE snapshot_id = 2");
  report = Check(key_.public_key);
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.signed_heads, 1);
  EXPECT_EQ(report.last_signed, 1);
}

TEST_F(TamperTest, AnotherKeyIsRejected) {
  ASSERT_TRUE(GenerateKeyFiles((dir_ / "other").string()).ok());
  auto other = ReadPublicKey((dir_ / "other.pub").string());
  CheckReport report = Check(*other);
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad_snapshot, 1);
}

}  // namespace
}  // namespace receipts
