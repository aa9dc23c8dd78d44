// tests/proofs/verify_proof.py, the second verifier written from doc/formats.md alone (Python's
// standard library, Ed25519 in Python): its own vectors (RFC 8032, RFC 6962, Go's signed note),
// then the proofs `receipts prove` writes for a migrated ledger: every claim of a snapshot
// accepted, and what `receipts verify-proof` refuses refused too (a changed byte, another key, a
// trusted checkpoint the proof does not extend).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../cli/run_binary.h"
#include "../ledger/ledger_test_util.h"
#include "ledger/ledger.h"

namespace receipts::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kFixture = fs::path(kSource) / "tests/fixtures/ledger-v3";
const std::string kKey = (kFixture / "test-key").string();
const std::string kVerifier = "python3 " + kSource + "/tests/proofs/verify_proof.py ";

class VerifyProofPyTest : public LedgerFileTest {
 protected:
  Ran Run(const std::string& args) { return RunBinary(dir_, args, "cd " + dir_.string() + " && "); }
  // The Python verifier, run as a reader runs it.
  Ran Python(const std::string& args) {
    Ran ran;
    const std::string command =
        "cd " + dir_.string() + " && " + kVerifier + args + " >py.out " + "2>py.err </dev/null";
    const int status = std::system(command.c_str());
    ran.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    ran.out = Slurp(dir_ / "py.out");
    ran.err = Slurp(dir_ / "py.err");
    return ran;
  }
};

TEST_F(VerifyProofPyTest, ItsOwnVectorsPass) {
  Ran ran = Python("--self-test");
  EXPECT_EQ(ran.exit_code, 0) << ran.out << ran.err;
}

TEST_F(VerifyProofPyTest, AcceptsWhatReceiptsProvesAndRefusesWhatItRefuses) {
  fs::copy_file(kFixture / "ledger-v3.db", path_);
  ASSERT_EQ(Run("migrate --ledger ledger.db").exit_code, 0);
  Ran cp = Run("checkpoint --ledger ledger.db --sign-key " + kKey);
  ASSERT_EQ(cp.exit_code, 0) << cp.err;
  std::ofstream(dir_ / "CP") << cp.out;

  // Claims of both snapshots, spread over each (those of snapshot 1 with their verdicts).
  std::vector<std::string> keys;
  {
    auto ledger = Ledger::OpenReadOnly(path_);
    ASSERT_TRUE(ledger.ok());
    for (std::int64_t snapshot : {1, 2}) {
      auto claims = (*ledger)->Claims(snapshot, /*with_raw=*/false);
      ASSERT_TRUE(claims.ok());
      ASSERT_EQ(claims->size(), 40u);
      for (std::size_t i = 0; i < claims->size(); i += 13) keys.push_back((*claims)[i].key);
    }
  }
  for (const std::string& key : keys) {
    Ran proved = Run("prove --ledger ledger.db --claim '" + key + "' --out P.json");
    ASSERT_EQ(proved.exit_code, 0) << key << ": " << proved.err;
    Ran ok = Python("P.json --pubkey " + kKey + ".pub --checkpoint CP");
    EXPECT_EQ(ok.exit_code, 0) << key << ": " << ok.out << ok.err;
    EXPECT_EQ(ok.out.rfind("ok: ", 0), 0u) << ok.out;
  }

  ASSERT_EQ(
      Run("prove --ledger ledger.db --claim contract:9507:9523ZY24P0043 --out P.json").exit_code,
      0);
  const std::string proof = Slurp(dir_ / "P.json");
  // A changed byte in each part of the file: refused by both verifiers.
  for (std::size_t at :
       {proof.find("\"entry\":\"") + 20, proof.find("\"path\":[\"") + 12,
        proof.find("\"index\":") + 8, proof.rfind("\\u000a") - 5, proof.size() - 10}) {
    std::string changed = proof;
    changed[at] = static_cast<char>(changed[at] ^ 0x01);
    std::ofstream(dir_ / "BAD.json") << changed;
    EXPECT_EQ(Run("verify-proof BAD.json --pubkey " + kKey + ".pub").exit_code, 3) << at;
    Ran bad = Python("BAD.json --pubkey " + kKey + ".pub");
    EXPECT_EQ(bad.exit_code, 3) << "byte " << at << ": " << bad.out;
  }
  // Another key.
  ASSERT_EQ(Run("keygen --out OTHER").exit_code, 0);
  EXPECT_EQ(Python("P.json --pubkey OTHER.pub").exit_code, 3);
  // A trusted checkpoint of a log the proof does not extend (another ledger's, same origin).
  fs::copy_file(path_, dir_ / "other.db");
  ASSERT_EQ(Run("ingest --ledger other.db --claims " + kSource +
                "/demo/claims/2025-02-18T18-25_contracts_fpds.csv.gz")
                .exit_code,
            0);
  Ran other_cp = Run("checkpoint --ledger other.db --sign-key " + kKey);
  ASSERT_EQ(other_cp.exit_code, 0);
  std::ofstream(dir_ / "OTHER_CP") << other_cp.out;
  EXPECT_EQ(Run("verify-proof P.json --pubkey " + kKey + ".pub --checkpoint OTHER_CP").exit_code,
            3);
  EXPECT_EQ(Python("P.json --pubkey " + kKey + ".pub --checkpoint OTHER_CP").exit_code, 3);

  // A consistency proof: the longer log extends CP.
  Ran consistency = Run("prove --ledger other.db --from CP --sign-key " + kKey + " --out C.json");
  ASSERT_EQ(consistency.exit_code, 0) << consistency.err;
  EXPECT_EQ(Run("verify-proof C.json --pubkey " + kKey + ".pub").exit_code, 0);
  Ran py_consistency = Python("C.json --pubkey " + kKey + ".pub --checkpoint CP");
  EXPECT_EQ(py_consistency.exit_code, 0) << py_consistency.out << py_consistency.err;
}

}  // namespace
}  // namespace receipts::testing
