// Changes made behind the ledger's back, with plain SQL: `check` names the first bad snapshot.
#include <gtest/gtest.h>

#include "jobs/ledger_verify_job.h"
#include "ledger/canonical.h"
#include "ledger/check.h"
#include "ledger/hash_chain.h"
#include "ledger/ledger.h"
#include "ledger/signing.h"
#include "ledger/verdict_store.h"
#include "ledger_test_util.h"

namespace receipts {
namespace {

using testing::kHeader;
using testing::Link;

class TamperTest : public testing::LedgerFileTest {
 protected:
  void SetUp() override {
    LedgerFileTest::SetUp();
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

  // Checks as `receipts check` does: read-only, every raw page re-read.
  CheckReport Check(const std::optional<std::string>& pubkey = std::nullopt,
                    const std::optional<std::string>& expect_head = std::nullopt) {
    auto ledger = Ledger::OpenReadOnly(path_);
    EXPECT_TRUE(ledger.ok()) << ledger.status().message();
    if (!ledger.ok()) return CheckReport{};
    CheckOptions options;
    options.public_key = pubkey;
    options.expect_head = expect_head;
    options.read_pages = ReadPagesClaims;
    auto report = CheckLedger((*ledger)->db(), options);
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report.ok() ? *report : CheckReport{};
  }

  void ExpectBad(std::int64_t snapshot, const std::string& problem = "") {
    CheckReport report = Check();
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.first_bad_snapshot, snapshot) << report.problem;
    EXPECT_NE(report.problem.find(problem), std::string::npos) << report.problem;
  }

  std::string HeadOf(std::int64_t id) {
    auto ledger = Ledger::OpenReadOnly(path_);
    EXPECT_TRUE(ledger.ok());
    auto snapshot = (*ledger)->FindSnapshot(std::to_string(id));
    EXPECT_TRUE(snapshot.ok());
    return snapshot.ok() ? snapshot->head : std::string();
  }

  // Stores a verification of snapshot 2: claim 1 verified for $40, the others not found.
  void StoreVerification() {
    auto ledger = Ledger::Open(path_, false);
    ASSERT_TRUE(ledger.ok());
    VerifyRun run;
    run.since = *Date::FromYmd(2025, 1, 20);
    run.records_as_of = *Date::FromYmd(2025, 3, 1);
    for (int i = 0; i < 3; ++i) {
      ClaimResult result;
      result.claim_id = static_cast<std::size_t>(i + 1);
      result.verdict = i == 0 ? Verdict::kVerified : Verdict::kNotFound;
      if (i == 0) result.verified_savings = 4000;
      result.award_key = i == 0 ? "9700/AAA1" : "";
      result.reason = i == 0 ? "deobligated $40.00" : "no record";
      run.results.push_back(result);
    }
    ASSERT_TRUE(StoreVerdicts(ledger->get(), 2, run, {{"records.csv", std::string(64, 'a')}}).ok());
  }

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
    const SnapshotInfo& s = (*snapshots)[1];
    SnapshotHeader h{s, {{"2.csv", s.raw_sha256}}};
    h.claims_sha256 = ClaimsDigest(*claims);
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

  // Stripping the signature as well makes the chain consistent: under --pubkey the unsigned head
  // is a failure; without, the raw page (which still says "Gamma") gives the edit away.
  testing::Tamper(path_,
                  "UPDATE chain SET signature = NULL, public_key = NULL WHERE snapshot_id = 2");
  report = Check(key_.public_key);
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad_snapshot, 2);
  EXPECT_NE(report.problem.find("not signed"), std::string::npos) << report.problem;
  report = Check();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad_snapshot, 2);
  EXPECT_NE(report.problem.find("claim 3 (contract:2100:CCC3"), std::string::npos)
      << report.problem;
  EXPECT_NE(report.problem.find("vendor: stored 'Somebody Else', the raw pages say 'Gamma'"),
            std::string::npos)
      << report.problem;
}

// The latest snapshot deleted, every row of it: the chain that is left is consistent, and only
// the head pinned before the deletion tells.
TEST_F(TamperTest, DeletedTailFailsTheExpectedHead) {
  std::string pinned = HeadOf(2);
  EXPECT_TRUE(Check(std::nullopt, pinned).intact);
  EXPECT_EQ(Check(std::nullopt, pinned).expected_head_at, 2);
  EXPECT_TRUE(Check(std::nullopt, HeadOf(1)).intact);  // a later snapshot extends a pinned head
  testing::Tamper(path_,
                  "DELETE FROM claims WHERE snapshot_id = 2; DELETE FROM pages WHERE snapshot_id "
                  "= 2; DELETE FROM chain WHERE snapshot_id = 2; DELETE FROM log_leaves WHERE "
                  "snapshot_id = 2; DELETE FROM snapshots WHERE id = 2");
  EXPECT_TRUE(Check().intact);
  CheckReport report = Check(std::nullopt, pinned);
  EXPECT_FALSE(report.intact);
  EXPECT_NE(report.problem.find("expected head " + pinned + " is not in the chain"),
            std::string::npos)
      << report.problem;
}

// Every signature stripped: the heads are unchanged, so the chain is consistent.
TEST_F(TamperTest, StrippedSignaturesFailThePubkey) {
  testing::Tamper(path_, "UPDATE chain SET signature = NULL, public_key = NULL");
  CheckReport report = Check(key_.public_key);
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad_snapshot, 1);
  EXPECT_NE(report.problem.find("head is not signed"), std::string::npos) << report.problem;
  report = Check();
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.signed_heads, 0);
}

TEST_F(TamperTest, UnsignedSnapshotAppendedToASignedLedgerFailsThePubkey) {
  {
    auto ledger = Ledger::Open(path_, false);
    ASSERT_TRUE(ledger.ok());
    std::string three = std::string(kHeader) + "DDD4,Navy,Delta,100,d4,TERMINATED," +
                        Link("9700", "DDD4") + ",2/3/2025,5\n";
    ASSERT_TRUE((*ledger)
                    ->Ingest(testing::CsvSnapshot("3.csv", three, "2025-02-20T00:00:00Z"), nullptr)
                    .ok());
  }
  CheckReport report = Check(key_.public_key);
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad_snapshot, 3);
  EXPECT_NE(report.problem.find("head is not signed"), std::string::npos) << report.problem;
  report = Check();
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.signed_heads, 2);
  EXPECT_EQ(report.snapshots, 3);
}

TEST_F(TamperTest, EditedVerdictFailsTheSeal) {
  StoreVerification();
  CheckReport report = Check(key_.public_key);
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.verifications, 1);
  testing::Tamper(path_,
                  "UPDATE verdicts SET verdict = 'verified', verified_savings_cents = 700 WHERE "
                  "snapshot_id = 2 AND seq = 3");
  ExpectBad(2, "do not match the verification's seal");
}

TEST_F(TamperTest, EditedVerificationSinceFailsTheSeal) {
  StoreVerification();
  testing::Tamper(path_, "UPDATE verifications SET since = '2024-01-01' WHERE snapshot_id = 2");
  ExpectBad(2, "seal");
}

TEST_F(TamperTest, DeletedVerdictRowFailsTheSeal) {
  StoreVerification();
  testing::Tamper(path_, "DELETE FROM verdicts WHERE snapshot_id = 2 AND seq = 2");
  ExpectBad(2, "seal");
}

TEST_F(TamperTest, StrippedSealFails) {
  StoreVerification();
  testing::Tamper(path_, "UPDATE verifications SET sha256 = NULL");
  ExpectBad(2, "not sealed");
}

// The verification of snapshot 2 moved onto snapshot 1: the seal names the snapshot and its head.
TEST_F(TamperTest, VerificationMovedToAnotherSnapshotFailsTheSeal) {
  StoreVerification();
  testing::Tamper(path_,
                  "UPDATE verdicts SET snapshot_id = 1 WHERE seq < 3; DELETE FROM verdicts WHERE "
                  "snapshot_id = 2; UPDATE verifications SET snapshot_id = 1");
  ExpectBad(1, "seal");
}

TEST_F(TamperTest, UnknownSchemaVersionIsRefused) {
  for (const char* version : {"999", "5", "0", "-1", "x"}) {
    testing::Tamper(path_, std::string("UPDATE meta SET value = '") + version +
                               "' WHERE key = 'schema_version'");
    auto read_only = Ledger::OpenReadOnly(path_);
    EXPECT_FALSE(read_only.ok()) << version;
    auto read_write = Ledger::Open(path_, false);
    EXPECT_FALSE(read_write.ok()) << version;
    if (!read_write.ok()) {
      EXPECT_EQ(read_write.status().code(), Status::Code::kInvalidInput) << version;
      EXPECT_NE(read_write.status().message().find("ledger"), std::string::npos)
          << read_write.status().message();
    }
  }
  testing::Tamper(path_, "UPDATE meta SET value = '4' WHERE key = 'schema_version'");
  EXPECT_TRUE(Check().intact);  // refused means untouched: nothing was migrated or half-written
}

// A stored claim rewritten with its digest and head recomputed, on an unsigned ledger: every
// digest agrees, only the raw page (which says "Beta") does not.
TEST_F(TamperTest, ClaimsEditedConsistentlyWithTheirHashesFailTheRawPage) {
  testing::Tamper(path_, "UPDATE chain SET signature = NULL, public_key = NULL");
  {
    auto ledger = Ledger::OpenReadOnly(path_);
    ASSERT_TRUE(ledger.ok());
    auto snapshots = (*ledger)->Snapshots();
    ASSERT_TRUE(snapshots.ok());
    auto claims = (*ledger)->Claims(1, /*with_raw=*/true);
    ASSERT_TRUE(claims.ok());
    (*claims)[1].claimed_savings = 8000000;  // $80.00 -> $80,000.00, and the total with it
    const SnapshotInfo& s = (*snapshots)[0];
    SnapshotHeader h{s, {{"1.csv", s.raw_sha256}}};
    h.claimed_total = ClaimedTotal(*claims);
    h.claims_sha256 = ClaimsDigest(*claims);
    std::string head1 = HeadHash(kGenesisHead, h);
    const SnapshotInfo& t = (*snapshots)[1];
    SnapshotHeader h2{t, {{"2.csv", t.raw_sha256}}};
    std::string head2 = HeadHash(head1, h2);
    testing::Tamper(path_,
                    "UPDATE claims SET claimed_savings_cents = 8000000 WHERE snapshot_id "
                    "= 1 AND seq = 2; UPDATE snapshots SET claims_sha256 = '" +
                        h.claims_sha256 +
                        "', claimed_total_cents = " + std::to_string(h.claimed_total) +
                        " WHERE id = 1; UPDATE chain SET head = '" + head1 +
                        "' WHERE snapshot_id = 1; UPDATE chain SET prev_head = '" + head1 +
                        "', head = '" + head2 + "' WHERE snapshot_id = 2");
  }
  ExpectBad(1, "claim 2 (contract:9700:BBB2");
  CheckReport report = Check();
  EXPECT_NE(report.problem.find("claimed_savings: stored '80000.00', the raw pages say '80.00'"),
            std::string::npos)
      << report.problem;

  // Without re-reading the pages, the snapshot's leaf in the transparency log still tells: its
  // claims tree no longer gives the leaf's claims root.
  auto db = SqliteDb::OpenReadOnly(path_);
  ASSERT_TRUE(db.ok());
  auto digests_only = CheckLedger(db->get(), std::nullopt);
  ASSERT_TRUE(digests_only.ok());
  EXPECT_FALSE(digests_only->intact);
  EXPECT_NE(digests_only->problem.find("transparency log: log leaf 0: snapshot 1's rows"),
            std::string::npos)
      << digests_only->problem;
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

namespace receipts {
namespace {

// A parser change, simulated: the pages now read with claim 1's vendor spelled otherwise.
Result<std::vector<Claim>> ReadPagesAsANewerParser(const std::vector<RawPage>& pages,
                                                   const std::string& kind) {
  auto claims = ReadPagesClaims(pages, kind);
  if (claims.ok() && !claims->empty()) claims->front().vendor += " INC";
  return claims;
}

TEST_F(TamperTest, PagesThatAnOlderParserReadOtherwiseAreSaidSoNotCalledDamage) {
  auto check = [&] {
    auto ledger = Ledger::OpenReadOnly(path_);
    EXPECT_TRUE(ledger.ok());
    CheckOptions options;
    options.read_pages = ReadPagesAsANewerParser;
    auto report = CheckLedger((*ledger)->db(), options);
    EXPECT_TRUE(report.ok());
    return *report;
  };
  // Read by this parser, pages that read otherwise are damage.
  CheckReport current = check();
  EXPECT_FALSE(current.intact);
  EXPECT_EQ(current.first_bad_snapshot, 1);
  EXPECT_NE(current.problem.find("vendor"), std::string::npos) << current.problem;
  // Read by an older parser, they are its own status: every digest and head still checked.
  testing::Tamper(path_, "UPDATE snapshots SET claims_parser = 1");
  CheckReport older = check();
  EXPECT_TRUE(older.intact) << older.problem;
  EXPECT_EQ(older.read_by_older_parser, (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(older.snapshots, 2);
  // An older parser's snapshot with a claim edited behind the ledger's back is still damage.
  testing::Tamper(path_, "UPDATE claims SET vendor = 'Evil' WHERE snapshot_id = 2 AND seq = 2");
  CheckReport edited = check();
  EXPECT_FALSE(edited.intact);
  EXPECT_EQ(edited.first_bad_snapshot, 2);
}

TEST_F(TamperTest, VerifyingASnapshotAnOlderParserReadOtherwiseSaysSo) {
  // Stored claim keys that the pages no longer give: as a parser change would leave them.
  testing::Tamper(path_, "UPDATE claims SET claim_key = 'contract:9700:OTHER' WHERE seq = 1");
  auto ledger = Ledger::Open(path_, false);
  ASSERT_TRUE(ledger.ok());
  auto snapshot = (*ledger)->FindSnapshot("1");
  ASSERT_TRUE(snapshot.ok());
  EXPECT_EQ(snapshot->claims_parser, kClaimsParserVersion);
  auto current = ReadSnapshotClaims(ledger->get(), *snapshot);
  ASSERT_FALSE(current.ok());
  EXPECT_EQ(current.status().code(), Status::Code::kCorruption);

  testing::Tamper(path_, "UPDATE snapshots SET claims_parser = 1");
  snapshot = (*ledger)->FindSnapshot("1");
  ASSERT_TRUE(snapshot.ok());
  auto older = ReadSnapshotClaims(ledger->get(), *snapshot);
  ASSERT_FALSE(older.ok());
  EXPECT_EQ(older.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(older.status().message().find("read by an older parser (claims parser 1"),
            std::string::npos)
      << older.status().message();
}

}  // namespace
}  // namespace receipts
