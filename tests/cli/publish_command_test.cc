// `receipts publish` on a ledger of the real 2025-02-18 and 2025-02-19 snapshots: every page the
// site links to is in it, the ICE claim's page shows its life and its record rows, a second run
// replaces the first whole, and a directory holding someone else's files is left alone.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "run_binary.h"
#include "serve/static_links.h"

namespace receipts::testing {
namespace {

namespace fs = std::filesystem;

class PublishCommandTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("receipts_publish_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    const std::string ledger = (*dir_ / "ledger.db").string();
    const std::string claims = kSource + "/demo/claims/";
    for (const char* file :
         {"2025-02-18T18-25_contracts_fpds.csv.gz", "2025-02-19T10-50_contracts_fpds.csv.gz"}) {
      ASSERT_EQ(
          RunBinary(*dir_, "ingest --ledger " + ledger + " --claims " + claims + file).exit_code,
          0);
    }
    ASSERT_EQ(
        RunBinary(*dir_, "verify --ledger " + ledger + " --snapshot latest --records " + Records())
            .exit_code,
        0);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static std::string Records() {
    const std::string records = kSource + "/demo/records/";
    return records + "2025-03-13_fpds_awards.csv.gz " + records + "2025-03-13_fpds_idvs.csv.gz";
  }
  static std::string Ledger() { return (*dir_ / "ledger.db").string(); }
  static fs::path* dir_;
};
fs::path* PublishCommandTest::dir_ = nullptr;

TEST_F(PublishCommandTest, EveryLinkOfTheSiteIsAFileOfIt) {
  const fs::path site = *dir_ / "site";
  Ran ran = RunBinary(*dir_, "publish --ledger " + Ledger() + " --out " + site.string() +
                                 " --records " + Records());
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  EXPECT_NE(ran.out.find("pages (1,127 claims)"), std::string::npos) << ran.out;

  const std::regex link(R"re((?:href|src|action)="([^"]*)")re");
  std::size_t pages = 0, links = 0;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(site)) {
    if (e.path().extension() != ".html") continue;
    ++pages;
    const std::string html = Slurp(e.path());
    for (auto m = std::sregex_iterator(html.begin(), html.end(), link); m != std::sregex_iterator();
         ++m) {
      std::string target = (*m)[1];
      if (target.rfind("https://", 0) == 0 || target.rfind("#", 0) == 0 ||
          target.rfind("data:", 0) == 0) {
        continue;
      }
      ASSERT_NE(target.rfind("/", 0), 0u) << e.path() << " links to the server: " << target;
      target = target.substr(0, target.find('?'));
      for (std::size_t at; (at = target.find("&amp;")) != std::string::npos;) {
        target.replace(at, 5, "&");
      }
      ++links;
      EXPECT_TRUE(fs::exists(e.path().parent_path() / target))
          << e.path() << " links to a missing " << target;
    }
  }
  // 1,127 claims, 2 overviews, 3 lists each, a kind, a diff, … (1,140); vendors.html and the
  // 493 families the claims' awards name; the leads pages, 100 leads each: 56 of every rule's
  // and 62 rule by rule (W1 12, W2 12, W3 4, W4 4, W6 4, W7 1, W8 1, W9 1, W11 20, W12 3).
  EXPECT_EQ(pages, 1'140u + 1 + 493 + 56 + 62);
  EXPECT_GT(links, 15'000u);  // 18,328 when written: about 16 per page

  // The ICE claim: its life first, its record rows with their FPDS links, the figures of its
  // JSON file.
  const std::string stem = serve::ClaimFileStem("contract:7012:70CMSD22A00000008");
  const std::string page = Slurp(site / "claims" / (stem + ".html"));
  EXPECT_NE(page.find("data-testid=\"life\">First claimed $8,000,000,000.00 on 2025-02-18"),
            std::string::npos);
  EXPECT_NE(page.find("data-testid=\"record-row\""), std::string::npos);
  EXPECT_NE(page.find("href=\"../index.html\""), std::string::npos);
  const std::string json = Slurp(site / "api" / "claim" / (stem + ".json"));
  EXPECT_NE(json.find("\"claimed_savings\":\"8000000.00\""), std::string::npos);
  EXPECT_NE(Slurp(site / "csv" / "claims-2.csv").find("contract:7012:70CMSD22A00000008"),
            std::string::npos);
  EXPECT_NE(Slurp(site / "search" / "2.js").find("\"contract:7012:70CMSD22A00000008\""),
            std::string::npos);
  EXPECT_NE(Slurp(site / "diff" / "1-2.html").find("$8,000,000,000.00"), std::string::npos);

  // Follow the money: Tetra Tech's family (9 UEIs, $1,102,297,138.71 in the records, checked by
  // hand in tests/vendor), listed, with its page and JSON; the leads pages by rule.
  EXPECT_NE(Slurp(site / "vendors.html").find("vendors/LMRMKLLL3LG5.html"), std::string::npos);
  EXPECT_NE(Slurp(site / "vendors" / "LMRMKLLL3LG5.html").find("$1,102,297,138.71"),
            std::string::npos);
  EXPECT_NE(
      Slurp(site / "api" / "vendors" / "LMRMKLLL3LG5.json").find("\"obligated\":\"1102297138.71\""),
      std::string::npos);
  const std::string leads = Slurp(site / "leads.html");
  EXPECT_NE(leads.find("href=\"leads/W1-1.html\""), std::string::npos);
  EXPECT_TRUE(fs::exists(site / "leads" / "W1-12.html"));
  EXPECT_FALSE(fs::exists(site / "leads" / "W1-13.html"));
  EXPECT_TRUE(fs::exists(site / "api" / "leads" / "W11-20.json"));
}

// A reader with the site alone: its checkpoint.txt, and a proof file beside every claim's page
// that `receipts verify-proof` checks against that checkpoint with the publisher's key.
TEST_F(PublishCommandTest, TheSiteCarriesTheCheckpointAndEveryClaimsProof) {
  const fs::path ledger = *dir_ / "signed.db";
  fs::copy_file(Ledger(), ledger, fs::copy_options::overwrite_existing);
  ASSERT_EQ(RunBinary(*dir_, "keygen --out " + (*dir_ / "site-key").string()).exit_code, 0);
  Ran signed_cp = RunBinary(*dir_, "checkpoint --ledger " + ledger.string() + " --sign-key " +
                                       (*dir_ / "site-key").string());
  ASSERT_EQ(signed_cp.exit_code, 0) << signed_cp.err;
  const fs::path site = *dir_ / "proved-site";
  Ran ran = RunBinary(*dir_, "publish --ledger " + ledger.string() + " --out " + site.string());
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  EXPECT_EQ(Slurp(site / "checkpoint.txt"), signed_cp.out);
  std::size_t proofs = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(site / "proofs")) {
    proofs += e.path().extension() == ".json";
  }
  EXPECT_EQ(proofs, 1'127u);  // one per claim, as there is one page per claim
  const std::string stem = serve::ClaimFileStem("contract:7012:70CMSD22A00000008");
  EXPECT_NE(Slurp(site / "claims" / (stem + ".html"))
                .find("href=\"../proofs/" + stem + ".json\" download data-testid=\"proof-link\""),
            std::string::npos);
  EXPECT_NE(Slurp(site / "index.html").find("href=\"checkpoint.txt\""), std::string::npos);
  Ran verified = RunBinary(*dir_, "verify-proof " + (site / "proofs" / (stem + ".json")).string() +
                                      " --pubkey " + (*dir_ / "site-key.pub").string() +
                                      " --checkpoint " + (site / "checkpoint.txt").string());
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_NE(verified.out.find("ok: claim contract:7012:70CMSD22A00000008 is claim "),
            std::string::npos)
      << verified.out;
}

TEST_F(PublishCommandTest, WithoutRecordsTheSiteHasNoVendorOrLeadsPages) {
  const fs::path site = *dir_ / "site-no-records";
  Ran ran = RunBinary(*dir_, "publish --ledger " + Ledger() + " --out " + site.string());
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  EXPECT_FALSE(fs::exists(site / "vendors.html"));
  EXPECT_FALSE(fs::exists(site / "leads.html"));
  EXPECT_EQ(Slurp(site / "index.html").find("vendors.html"), std::string::npos);
}

TEST_F(PublishCommandTest, ASecondRunReplacesTheSiteAndForeignFilesAreKept) {
  const fs::path site = *dir_ / "again";
  ASSERT_EQ(RunBinary(*dir_, "publish --ledger " + Ledger() + " --out " + site.string()).exit_code,
            0);
  ASSERT_EQ(RunBinary(*dir_, "publish --ledger " + Ledger() + " --out " + site.string()).exit_code,
            0);
  EXPECT_TRUE(fs::exists(site / "index.html"));
  { std::ofstream(site / "claims" / "my-notes.txt") << "mine"; }
  Ran ran = RunBinary(*dir_, "publish --ledger " + Ledger() + " --out " + site.string());
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.err.find("claims/my-notes.txt"), std::string::npos) << ran.err;
  EXPECT_EQ(Slurp(site / "claims" / "my-notes.txt"), "mine");
  EXPECT_TRUE(fs::exists(site / "index.html"));
}

TEST_F(PublishCommandTest, AMissingOrEmptyLedgerIsAClearError) {
  Ran ran = RunBinary(*dir_, "publish --ledger " + (*dir_ / "none.db").string() + " --out " +
                                 (*dir_ / "x").string());
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_FALSE(fs::exists(*dir_ / "none.db"));
  EXPECT_FALSE(fs::exists(*dir_ / "x"));
  ran = RunBinary(*dir_, "publish --ledger " + Ledger());
  EXPECT_EQ(ran.exit_code, 2);  // --out is required
}

// publish --templates DIR: the site is written from a reader's templates where they give one,
// the built-in ones elsewhere; a template that does not parse writes nothing and names the file.
TEST_F(PublishCommandTest, AReadersTemplatesWriteTheSite) {
  const fs::path templates = *dir_ / "templates";
  fs::create_directories(templates);
  std::ofstream(templates / "claim.mustache")
      << "<h1 data-testid=\"mine\">{{claim.name}}: {{claim.claimed_savings.usd}} claimed; "
         "{{#verdict}}{{label}}{{/verdict}}</h1>\n";
  const fs::path site = *dir_ / "own";
  Ran ran = RunBinary(*dir_, "publish --ledger " + Ledger() + " --out " + site.string() +
                                 " --templates " + templates.string());
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  const std::string page =
      Slurp(site / "claims" / (serve::ClaimFileStem("contract:7012:70CMSD22A00000008") + ".html"));
  EXPECT_NE(page.find("<h1 data-testid=\"mine\">70CMSD22A00000008: $8,000,000.00 claimed; "),
            std::string::npos)
      << page.substr(0, 2000);
  EXPECT_NE(Slurp(site / "index.html").find("data-testid=\"headline-claimed\""), std::string::npos);

  std::ofstream(templates / "claim.mustache") << "{{#claim}}never closed\n";
  const fs::path broken = *dir_ / "broken";
  ran = RunBinary(*dir_, "publish --ledger " + Ledger() + " --out " + broken.string() +
                             " --templates " + templates.string());
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.err.find((templates / "claim.mustache").string()), std::string::npos) << ran.err;
  EXPECT_FALSE(fs::exists(broken));
}

}  // namespace
}  // namespace receipts::testing
