// The transparency log as a reader meets it: a ledger written by the release before the log
// (tests/fixtures/ledger-v3) migrated, then checked and proved; every claim of the real
// 13,440-claim list proved and verified; and each way of cheating refused: a changed bit in a
// proof, a proof spliced from another snapshot, a checkpoint signed by another key, a deleted
// tail and a re-ordered (rewritten) log.
#include "ledger/transparency_log.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../cli/run_binary.h"
#include "ledger/checkpoint.h"
#include "ledger/ledger.h"
#include "ledger/proofs.h"
#include "ledger/signing.h"
#include "ledger/sqlite_db.h"
#include "ledger_test_util.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;
using testing::kSource;
using testing::Ran;
using testing::Slurp;

const fs::path kFixture = fs::path(kSource) / "tests/fixtures/ledger-v3";
const std::string kKey = (kFixture / "test-key").string();

class TransparencyLogTest : public testing::LedgerFileTest {
 protected:
  Ran Run(const std::string& args) {
    return testing::RunBinary(dir_, args, "cd " + dir_.string() + " && ");
  }
  // The fixture, migrated, with a checkpoint signed by its key in CP.
  void MigrateFixture() {
    fs::copy_file(kFixture / "ledger-v3.db", path_);
    Ran migrated = Run("migrate --ledger ledger.db");
    ASSERT_EQ(migrated.exit_code, 0) << migrated.err;
    Ran signed_cp = Run("checkpoint --ledger ledger.db --sign-key " + kKey);
    ASSERT_EQ(signed_cp.exit_code, 0) << signed_cp.err;
    std::ofstream(dir_ / "CP") << signed_cp.out;
  }
  std::string PublicKey() {
    auto key = ReadPublicKey(kKey + ".pub");
    EXPECT_TRUE(key.ok());
    return key.ok() ? *key : std::string();
  }
};

TEST_F(TransparencyLogTest, TheLastReleasesLedgerMigratesAndReadsAsBefore) {
  MigrateFixture();
  Ran log = Run("log --ledger ledger.db");
  EXPECT_EQ(log.out, Slurp(kFixture / "log.txt"));
  Ran check = Run("check --ledger ledger.db");
  ASSERT_EQ(check.exit_code, 0) << check.out << check.err;
  const std::string before = Slurp(kFixture / "check.txt");
  EXPECT_EQ(check.out.substr(0, before.size()), before);
  // Snapshot 1, its verification, snapshot 2.
  EXPECT_NE(check.out.find("log: 3 leaves, every one recomputed from the rows; root "),
            std::string::npos)
      << check.out;

  auto ledger = Ledger::OpenReadOnly(path_);
  ASSERT_TRUE(ledger.ok());
  auto leaves = ReadLogLeaves((*ledger)->db());
  ASSERT_TRUE(leaves.ok());
  ASSERT_EQ(leaves->size(), 3u);
  EXPECT_EQ((*leaves)[0].kind, "snapshot");
  EXPECT_EQ((*leaves)[1].kind, "verification");
  EXPECT_EQ((*leaves)[2].kind, "snapshot");
  // Nothing local is hashed: the list was ingested from a temporary directory, and only its file
  // name is in the leaf; no ingest time either.
  auto fields = SplitNetstrings((*leaves)[0].entry);
  ASSERT_TRUE(fields.ok());
  EXPECT_EQ((*fields)[3], "2025-03-13_contracts_grab.csv");
  EXPECT_EQ((*leaves)[0].entry.find("/tmp"), std::string::npos);
  EXPECT_EQ((*leaves)[0].entry.find("ingested"), std::string::npos);

  // Every claim of both snapshots proves and verifies, with its verdict where one is stored.
  const std::string key = PublicKey();
  int proved = 0, with_verdict = 0;
  for (std::int64_t snapshot : {1, 2}) {
    Status s = ProveSnapshotClaims(
        ledger->get(), snapshot, [&](const std::string& claim_key, const std::string& proof) {
          auto verified = VerifyProofFile(proof, key, std::nullopt);
          EXPECT_TRUE(verified.ok()) << claim_key << ": " << verified.status().message();
          if (verified.ok() && verified->find("\nverdict: ") != std::string::npos) ++with_verdict;
          ++proved;
          return Status::Ok();
        });
    ASSERT_TRUE(s.ok()) << s.message();
  }
  EXPECT_EQ(proved, 80);
  EXPECT_EQ(with_verdict, 40);  // the 40 verdicts stored with snapshot 1
}

TEST_F(TransparencyLogTest, ProveAndVerifyProofFromTheCommandLine) {
  MigrateFixture();
  Ran proved =
      Run("prove --ledger ledger.db --claim contract:9507:9523ZY24P0043 --snapshot 1 --out P.json");
  ASSERT_EQ(proved.exit_code, 0) << proved.err;
  Ran ok = Run("verify-proof P.json --pubkey " + kKey + ".pub --checkpoint CP");
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(ok.out.rfind("ok: claim contract:9507:9523ZY24P0043 is claim 5 of 40 in the contracts "
                         "snapshot as of 2025-03-13T00:00:00Z (2025-03-13_contracts_grab.csv, "
                         "$35907669.08 claimed), leaf 0 of the log\n",
                         0),
            0u)
      << ok.out;
  EXPECT_NE(ok.out.find("verdict: not_terminated, award CONT_AWD_9523ZY24P0043_9507_-NONE-_-NONE-"),
            std::string::npos)
      << ok.out;
  // The Go note verifier key works as the public key too.
  auto pub = ReadPublicKey(kKey + ".pub");
  ASSERT_TRUE(pub.ok());
  Ran by_verifier_key =
      Run("verify-proof P.json --pubkey '" + NoteVerifierKey(kDefaultLogOrigin, *pub) + "'");
  EXPECT_EQ(by_verifier_key.exit_code, 0) << by_verifier_key.err;
  // A verifier key names its log: the same key under another name is refused.
  Ran misnamed =
      Run("verify-proof P.json --pubkey '" + NoteVerifierKey("someone.else/log", *pub) + "'");
  EXPECT_EQ(misnamed.exit_code, 3);
  EXPECT_NE(misnamed.err.find("the verifier key is named 'someone.else/log'"), std::string::npos)
      << misnamed.err;
  // A claim proof carrying a consistency member: checked even without --checkpoint, so a changed
  // hash in it is refused.
  ASSERT_EQ(Run("prove --ledger ledger.db --claim contract:9507:9523ZY24P0043 --snapshot 1 "
                "--from CP --out PC.json")
                .exit_code,
            0);
  EXPECT_EQ(Run("verify-proof PC.json --pubkey " + kKey + ".pub").exit_code, 0);
  std::string with_consistency = Slurp(dir_ / "PC.json");
  const std::size_t from = with_consistency.find("\"from\":\"");
  ASSERT_NE(from, std::string::npos);
  // The signature of the old checkpoint, one character changed (still base64).
  const std::size_t sig = with_consistency.find("\\u000a\\u000a", from) + 40;
  with_consistency[sig] = with_consistency[sig] == 'A' ? 'B' : 'A';
  std::ofstream(dir_ / "PC2.json") << with_consistency;
  EXPECT_EQ(Run("verify-proof PC2.json --pubkey " + kKey + ".pub").exit_code, 3);
  // Another key's checkpoint: refused, exit 3.
  Ran keygen = Run("keygen --out OTHER");
  ASSERT_EQ(keygen.exit_code, 0);
  Ran other = Run("verify-proof P.json --pubkey OTHER.pub");
  EXPECT_EQ(other.exit_code, 3);
  EXPECT_NE(other.err.find("signed by another key"), std::string::npos) << other.err;
  Ran unknown = Run("prove --ledger ledger.db --claim contract:0000:NOPE --out Q.json");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_FALSE(fs::exists(dir_ / "Q.json"));
}

TEST_F(TransparencyLogTest, EveryFlippedBitOfAProofIsRejected) {
  MigrateFixture();
  auto ledger = Ledger::OpenReadOnly(path_);
  ASSERT_TRUE(ledger.ok());
  ClaimProofOptions options;
  options.claim_key = "contract:9507:9523ZY24P0043";
  options.snapshot = "1";
  auto proof = ProveClaim(ledger->get(), options);
  ASSERT_TRUE(proof.ok()) << proof.status().message();
  const std::string key = PublicKey();
  ASSERT_TRUE(VerifyProofFile(*proof, key, std::nullopt).ok());
  int accepted = 0;
  for (std::size_t i = 0; i < proof->size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string changed = *proof;
      changed[i] = static_cast<char>(changed[i] ^ (1 << bit));
      if (VerifyProofFile(changed, key, std::nullopt).ok()) {
        ++accepted;
        ADD_FAILURE() << "byte " << i << " bit " << bit << " ('" << (*proof)[i] << "') accepted";
      }
    }
  }
  EXPECT_EQ(accepted, 0);
  // Cut short anywhere: rejected.
  for (std::size_t n = 0; n + 1 < proof->size(); n += 97) {
    EXPECT_FALSE(VerifyProofFile(proof->substr(0, n), key, std::nullopt).ok()) << n;
  }
}

TEST_F(TransparencyLogTest, AProofSplicedFromAnotherSnapshotIsRejected) {
  MigrateFixture();
  auto ledger = Ledger::OpenReadOnly(path_);
  ASSERT_TRUE(ledger.ok());
  std::vector<std::string> first, second;
  ASSERT_TRUE(ProveSnapshotClaims(ledger->get(), 1, [&](const std::string&, const std::string& p) {
                first.push_back(p);
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(ProveSnapshotClaims(ledger->get(), 2, [&](const std::string&, const std::string& p) {
                second.push_back(p);
                return Status::Ok();
              }).ok());
  // Snapshot 1's claim with snapshot 2's header and its (valid) path in the log.
  auto member = [](const std::string& proof, const std::string& name) {
    const std::size_t at = proof.find("\"" + name + "\":{");
    return proof.substr(at, proof.find('}', at) - at + 1);
  };
  std::string spliced = first[4];
  const std::string mine = member(spliced, "snapshot");
  spliced.replace(spliced.find(mine), mine.size(), member(second[4], "snapshot"));
  auto verified = VerifyProofFile(spliced, PublicKey(), std::nullopt);
  ASSERT_FALSE(verified.ok());
  EXPECT_NE(verified.status().message().find("not the snapshot's claims root"), std::string::npos)
      << verified.status().message();
}

// The real list of 2025-10-21 (13,440 claims, $61,020,948,260.68 claimed, counted by hand from
// the file): every claim's proof verifies.
TEST_F(TransparencyLogTest, EveryClaimOfTheLargestRealListProves) {
  Ran ingest = Run("ingest --ledger ledger.db --sign-key " + kKey + " --claims " + kSource +
                   "/demo/claims/2025-10-21_contracts_api.csv.gz");
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  auto ledger = Ledger::OpenReadOnly(path_);
  ASSERT_TRUE(ledger.ok());
  const std::string key = PublicKey();
  std::size_t proved = 0, largest = 0;
  Status s = ProveSnapshotClaims(
      ledger->get(), 1, [&](const std::string& claim_key, const std::string& proof) {
        auto verified = VerifyProofFile(proof, key, std::nullopt);
        if (!verified.ok())
          return Status::Corruption(claim_key + ": " + verified.status().message());
        ++proved;
        largest = std::max(largest, proof.size());
        return Status::Ok();
      });
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(proved, 13440u);
  EXPECT_LT(largest, 16u << 10);  // a proof is kilobytes, not the list's megabytes
}

TEST_F(TransparencyLogTest, CheckRefusesALogThatDoesNotExtendTheCheckpoint) {
  // Two snapshots, then the first verified: leaves snapshot 1, snapshot 2, run of 1.
  fs::copy_file(kFixture / "ledger-v3.db", path_);
  testing::Tamper(path_,
                  "DELETE FROM verdicts; DELETE FROM verifications;");  // unverified, as at first
  ASSERT_EQ(Run("migrate --ledger ledger.db").exit_code, 0);
  const std::string records = kSource + "/demo/records/2025-03-13_fpds_";
  Ran verify = Run("verify --ledger ledger.db --snapshot 1 --out OUT --records " + records +
                   "awards.csv.gz --records " + records + "idvs.csv.gz");
  ASSERT_EQ(verify.exit_code, 0) << verify.err;
  Ran signed_cp = Run("checkpoint --ledger ledger.db --sign-key " + kKey);
  ASSERT_EQ(signed_cp.exit_code, 0);
  std::ofstream(dir_ / "CP") << signed_cp.out;
  // The run's report carries the log's checkpoint with the run in it (3 leaves, unsigned then),
  // and the ledger's report the signed one.
  EXPECT_NE(Slurp(dir_ / "OUT" / "report.html")
                .find("<pre data-testid=\"checkpoint\">receipts.ledger/doge-claims\n3\n"),
            std::string::npos);
  ASSERT_EQ(Run("report --ledger ledger.db --out HISTORY").exit_code, 0);
  const std::string history = Slurp(dir_ / "HISTORY" / "report.html");
  const std::string signature_line = signed_cp.out.substr(signed_cp.out.rfind("\n\n") + 2);
  EXPECT_NE(history.find("receipts.ledger/doge-claims\n3\n"), std::string::npos);
  EXPECT_NE(history.find(signature_line.substr(0, signature_line.size() - 1)), std::string::npos)
      << history.substr(history.find("data-testid=\"checkpoint\""), 400);
  Ran fine = Run("check --ledger ledger.db --checkpoint CP");
  EXPECT_EQ(fine.exit_code, 0) << fine.out << fine.err;
  EXPECT_NE(fine.out.find("checkpoint: the log extends the checkpoint of 3 leaves"),
            std::string::npos)
      << fine.out;

  // Rewritten: the log rebuilt in another order from the same rows is consistent with them, but
  // not with what was published.
  fs::copy_file(path_, dir_ / "rewritten.db");
  testing::Tamper(dir_ / "rewritten.db", "DELETE FROM log_leaves");
  {
    auto db = SqliteDb::Open((dir_ / "rewritten.db").string(), false);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(BuildLogFromExistingRows(db->get()).ok());
  }
  Ran rewritten = Run("check --ledger rewritten.db");
  EXPECT_EQ(rewritten.exit_code, 0) << rewritten.out;  // consistent with itself
  rewritten = Run("check --ledger rewritten.db --checkpoint CP");
  EXPECT_EQ(rewritten.exit_code, 3);
  EXPECT_NE(rewritten.out.find("the past was rewritten"), std::string::npos) << rewritten.out;

  // A deleted tail: the verification leaf (and its run) gone.
  testing::Tamper(path_,
                  "DELETE FROM log_leaves WHERE idx = 2; DELETE FROM verdicts; DELETE FROM "
                  "verifications");
  Ran truncated = Run("check --ledger ledger.db --checkpoint CP");
  EXPECT_EQ(truncated.exit_code, 3);
  EXPECT_NE(truncated.out.find("its tail was deleted"), std::string::npos) << truncated.out;

  // A checkpoint signed by another key: refused before the ledger is read.
  ASSERT_EQ(Run("keygen --out OTHER").exit_code, 0);
  Ran other = Run("check --ledger ledger.db --checkpoint CP --pubkey OTHER.pub");
  EXPECT_EQ(other.exit_code, 3);
  EXPECT_NE(other.err.find("signed by another key"), std::string::npos) << other.err;
}

TEST_F(TransparencyLogTest, AnEditedLeafOrVerdictIsCaughtByCheck) {
  MigrateFixture();
  fs::copy_file(path_, dir_ / "verdict.db");
  testing::Tamper(dir_ / "verdict.db",
                  "UPDATE verdicts SET verified_savings_cents = 100 WHERE seq = 3");
  Ran verdict = Run("check --ledger verdict.db");
  EXPECT_EQ(verdict.exit_code, 3);
  testing::Tamper(path_, "UPDATE log_leaves SET entry = CAST('x' AS BLOB) WHERE idx = 2");
  Ran leaf = Run("check --ledger ledger.db");
  EXPECT_EQ(leaf.exit_code, 3);
  EXPECT_NE(leaf.out.find("transparency log: log leaf 2"), std::string::npos) << leaf.out;
}

}  // namespace
}  // namespace receipts
