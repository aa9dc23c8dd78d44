// The HTTP API against a real server on 127.0.0.1 (in this process, on a free port) over a
// ledger built by the real binary from the real 2025-02-18 and 2025-02-19 snapshots, with
// verdicts stored by `receipts verify --ledger`: figures, bad parameters (400), unknown things
// (404), ETags (304), path traversal, security headers, and who may write (401/403/201).
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "../cli/run_binary.h"
#include "core/sha256.h"
#include "ledger/proofs.h"
#include "ledger/signing.h"
#include "running_server.h"
#include "serve/auth.h"
#include "serve/ledger_pool.h"
#include "serve/server.h"

namespace {

namespace fs = std::filesystem;
using receipts::serve::ServeOptions;
using receipts::serve::Server;
using namespace receipts::testing;  // Exchange, kBinary, kSource, RunningServer, Slurp

const std::string kClaims = kSource + "/demo/claims/";
const std::string kRecords = kSource + "/demo/records/";
const std::string kToken = "test-token-0123456789abcdef";
const std::string kKey = "contract:7012:70CMSD22A00000008";
const std::string kKeyPath = "/api/claims/contract%3A7012%3A70CMSD22A00000008";

int Sh(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

class ServeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("receipts_serve_api_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    std::string ledger = (*dir_ / "ledger.db").string();
    for (const char* file :
         {"2025-02-18T18-25_contracts_fpds.csv.gz", "2025-02-19T10-50_contracts_fpds.csv.gz"}) {
      ASSERT_EQ(Sh(kBinary + " ingest --ledger " + ledger + " --claims " + kClaims + file), 0);
    }
    ASSERT_EQ(
        Sh(kBinary + " verify --ledger " + ledger + " --snapshot latest --records " + kRecords +
           "2025-03-13_fpds_awards.csv.gz " + kRecords + "2025-03-13_fpds_idvs.csv.gz"),
        0);
    // The log's checkpoint signed, as a publisher would before serving.
    const std::string key = (*dir_ / "log-key").string();
    ASSERT_EQ(Sh(kBinary + " keygen --out " + key), 0);
    ASSERT_EQ(Sh(kBinary + " checkpoint --ledger " + ledger + " --sign-key " + key), 0);
    ServeOptions options;
    options.ledger = ledger;
    options.threads = 4;
    server_ = new RunningServer(options);
    ASSERT_EQ(server_->error(), "");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    fs::remove_all(*dir_);
    delete dir_;
  }

  static void ExpectSecurityHeaders(const httplib::Result& res) {
    ASSERT_TRUE(res);
    EXPECT_FALSE(res->get_header_value("Content-Type").empty()) << res->status;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY");
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer");
    std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  }

  // A JSON error with status `status`.
  static void ExpectJsonError(const httplib::Result& res, int status) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(res->body.rfind("{\"error\":\"", 0), 0u) << res->body;
    ExpectSecurityHeaders(res);
  }

  static fs::path* dir_;
  static RunningServer* server_;
};

fs::path* ServeApiTest::dir_ = nullptr;
RunningServer* ServeApiTest::server_ = nullptr;

TEST_F(ServeApiTest, SummaryHasTheLatestSnapshotsFigures) {
  auto res = server_->Client().Get("/api/summary");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  ExpectSecurityHeaders(res);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const std::string& b = res->body;
  EXPECT_NE(b.find("\"claims\":1127,"), std::string::npos);
  EXPECT_NE(b.find("\"claimed_total\":\"8497568305.00\",\"claimed_total_cents\":849756830500"),
            std::string::npos);
  EXPECT_NE(b.find("\"verified_total\":\""), std::string::npos);  // verdicts are stored
  EXPECT_EQ(b.find("\"verified_total\":null"), std::string::npos);
  EXPECT_NE(b.find("\"verdict\":\"idv_ceiling\""), std::string::npos);
  EXPECT_NE(b.find("\"agency\":\"Department of Homeland Security\""), std::string::npos);

  // Snapshot 1 was never verified: its verified total is unknown, not zero.
  res = server_->Client().Get("/api/summary?snapshot=1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"verified_total\":null,\"verified_total_cents\":null"),
            std::string::npos);
  EXPECT_NE(res->body.find("\"claimed_total\":\"16489568305.00\""), std::string::npos);
}

TEST_F(ServeApiTest, SnapshotsAsJsonAndCsv) {
  auto res = server_->Client().Get("/api/snapshots");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"id\":1,"), std::string::npos);
  EXPECT_NE(res->body.find("\"id\":2,"), std::string::npos);
  EXPECT_NE(res->body.find("\"as_of\":\"2025-02-19T10:50:00Z\""), std::string::npos);
  res = server_->Client().Get("/api/snapshots?format=csv");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(res->body.rfind("id,kind,as_of,ingested_at,claim_count,claimed_total,verified,head\n"
                            "1,contracts,2025-02-18T18:25:00Z,",
                            0),
            0u)
      << res->body;
  EXPECT_NE(res->body.find(",1127,8497568305.00,true,"), std::string::npos);
}

TEST_F(ServeApiTest, ClaimsSearchFilterSortPage) {
  auto res = server_->Client().Get("/api/claims?q=70CMSD22A00000008");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"total\":1,"), std::string::npos) << res->body.substr(0, 300);
  EXPECT_NE(res->body.find("\"key\":\"" + kKey + "\""), std::string::npos);
  EXPECT_NE(
      res->body.find("\"claimed_savings\":\"8000000.00\",\"claimed_savings_cents\":800000000"),
      std::string::npos);

  res = server_->Client().Get("/api/claims?per_page=500&page=3");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"total\":1127,\"page\":3,\"per_page\":500,\"pages\":3,"),
            std::string::npos);

  res = server_->Client().Get("/api/claims?verdict=idv_ceiling&sort=claimed&per_page=1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"total\":44,"), std::string::npos) << res->body.substr(0, 400);
  EXPECT_NE(res->body.find("\"order\":\"desc\""), std::string::npos);

  res = server_->Client().Get("/api/claims?agency=department%20of%20education&per_page=1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"agency\":\"Department of Education\""), std::string::npos);

  res = server_->Client().Get("/api/claims?q=70CMSD22A00000008&format=csv");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(res->body.rfind("snapshot_id,seq,claim_key,kind,piid,agency_id,agency,vendor,date,"
                            "claimed_savings,claimed_value,verdict,verified_savings,award_key,"
                            "reason,verdict_label,description,status,published_link,"
                            "usaspending_url,fpds_url\n2,478," +
                                kKey + ",contract,70CMSD22A00000008,7012,",
                            0),
            0u)
      << res->body;
  EXPECT_NE(res->body.find(",8000000.00,8000000.00,idv_ceiling,0.00,CONT_IDV_"), std::string::npos);
}

TEST_F(ServeApiTest, BadParametersAre400WithAJsonError) {
  for (const char* path : {"/api/claims?per_page=501",
                           "/api/claims?per_page=0",
                           "/api/claims?per_page=-1",
                           "/api/claims?page=0",
                           "/api/claims?page=abc",
                           "/api/claims?page=99999999999999999999",
                           "/api/claims?sort=price",
                           "/api/claims?order=up",
                           "/api/claims?verdict=fraud",
                           "/api/claims?snapshot=abc",
                           "/api/claims?snapshot=0",
                           "/api/claims?format=xml",
                           "/api/claims?bogus=1",
                           "/api/claims?q=a&q=b",
                           "/api/claims?q=%ff%fe",
                           "/api/summary?format=csv",
                           "/api/summary?x=1",
                           "/api/snapshots?page=1",
                           "/api/diff",
                           "/api/diff?from=1",
                           "/api/diff?from=1&to=x",
                           "/api/claims/x?snapshot=-2"}) {
    SCOPED_TRACE(path);
    ExpectJsonError(server_->Client().Get(path), 400);
  }
  std::string long_q = "/api/claims?q=" + std::string(201, 'a');
  ExpectJsonError(server_->Client().Get(long_q), 400);
  auto res = server_->Client().Get("/api/claims?per_page=501");
  ASSERT_TRUE(res);
  EXPECT_NE(res->body.find("per_page"), std::string::npos) << res->body;
}

TEST_F(ServeApiTest, UnknownThingsAre404) {
  ExpectJsonError(server_->Client().Get("/api/claims?snapshot=99"), 404);
  ExpectJsonError(server_->Client().Get("/api/claims/contract%3A0000%3ANOPE"), 404);
  ExpectJsonError(server_->Client().Get("/api/diff?from=1&to=99"), 404);
  ExpectJsonError(server_->Client().Get("/api/nothing"), 404);
  ExpectJsonError(server_->Client().Get("/api"), 404);
  auto res = server_->Client().Get("/no/such/page");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  ExpectSecurityHeaders(res);
}

TEST_F(ServeApiTest, ClaimHasVerdictEvidenceAndEveryVersion) {
  auto res = server_->Client().Get(kKeyPath);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string& b = res->body;
  EXPECT_NE(b.find("\"key\":\"" + kKey + "\""), std::string::npos);
  EXPECT_NE(b.find("\"verdict\":{\"verdict\":\"idv_ceiling\""), std::string::npos);
  EXPECT_NE(b.find("\"reason\":\"Claimed $8,000,000.00 on an IDV"), std::string::npos);
  EXPECT_NE(b.find("\"usaspending_url\":\"https://www.usaspending.gov/award/"
                   "CONT_IDV_70CMSD22A00000008_7012\""),
            std::string::npos);
  EXPECT_NE(b.find("\"fpds_url\":\"https://www.fpds.gov/ezsearch/jsp/viewLinkController.jsp?"
                   "agencyID=7012&PIID=70CMSD22A00000008&modNumber=0&idvAgencyID=&idvPIID=&"
                   "contractType=IDV\""),
            std::string::npos);
  EXPECT_NE(b.find("\"measures\":null"), std::string::npos);  // no --records given
  // Both versions: $8 billion on 02-18, $8 million on 02-19.
  EXPECT_NE(b.find("{\"snapshot_id\":1,\"as_of\":\"2025-02-18T18:25:00Z\",\"mark\":\"listed\","
                   "\"listed\":true,\"claimed_savings\":\"8000000000.00\""),
            std::string::npos)
      << b;
  EXPECT_NE(b.find("{\"snapshot_id\":2,\"as_of\":\"2025-02-19T10:50:00Z\",\"mark\":\"changed\","
                   "\"listed\":true,\"claimed_savings\":\"8000000.00\""),
            std::string::npos);
  // The canonical values, and the same as a reader reads them (the page shows these).
  EXPECT_NE(b.find("{\"field\":\"claimed_savings\",\"old\":\"8000000000.00\",\"new\":"
                   "\"8000000.00\",\"old_text\":\"$8,000,000,000.00\",\"new_text\":"
                   "\"$8,000,000.00\"}"),
            std::string::npos);

  // The same claim as it stood in snapshot 1, and by its PIID alone.
  res = server_->Client().Get(kKeyPath + "?snapshot=1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"claim\":{\"key\":\"" + kKey + "\",\"seq\":478"), std::string::npos);
  EXPECT_NE(res->body.find("\"claimed_savings_cents\":800000000000"), std::string::npos);
  res = server_->Client().Get("/api/claims/70CMSD22A00000008");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

// The log's checkpoint and a claim's proof over HTTP: the proof a reader downloads verifies with
// the publisher's public key alone, and the claim page links to it and shows the checkpoint.
TEST_F(ServeApiTest, CheckpointAndProofsAreServed) {
  auto res = server_->Client().Get("/api/checkpoint");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  // Two snapshots and the verification of the second; signed.
  EXPECT_EQ(res->body.rfind("receipts.ledger/doge-claims\n3\n", 0), 0u) << res->body;
  EXPECT_NE(res->body.find("\n\n\xE2\x80\x94 receipts.ledger/doge-claims "), std::string::npos);
  const std::string checkpoint = res->body;

  res = server_->Client().Get("/api/proofs/contract%3A7012%3A70CMSD22A00000008?snapshot=2");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_NE(res->get_header_value("Content-Disposition").find("attachment; filename=\"proof-"),
            std::string::npos);
  auto key = receipts::ReadPublicKey((*dir_ / "log-key.pub").string());
  ASSERT_TRUE(key.ok());
  auto verified = receipts::VerifyProofFile(res->body, *key, checkpoint);
  ASSERT_TRUE(verified.ok()) << verified.status().message();
  EXPECT_NE(verified->find("ok: claim " + kKey + " is claim "), std::string::npos) << *verified;
  EXPECT_NE(verified->find("verdict: idv_ceiling"), std::string::npos) << *verified;

  ExpectJsonError(server_->Client().Get("/api/proofs/contract%3A0000%3ANOPE"), 404);
  ExpectJsonError(server_->Client().Get("/api/proofs/" + kKey + "?snapshot=x"), 400);

  res = server_->Client().Get("/claims/contract%3A7012%3A70CMSD22A00000008");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("href=\"/api/proofs/contract%3A7012%3A70CMSD22A00000008?snapshot=2\" "
                           "download data-testid=\"proof-link\""),
            std::string::npos);
  EXPECT_NE(res->body.find("<pre class=\"checkpoint\" data-testid=\"checkpoint\">"
                           "receipts.ledger/doge-claims\n3\n"),
            std::string::npos);
}

TEST_F(ServeApiTest, DiffShowsTheEightBillionCorrection) {
  auto res = server_->Client().Get("/api/diff?from=1&to=2");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const std::string& b = res->body;
  EXPECT_NE(b.find("\"added\":0,\"removed\":0,\"changed\":1,"), std::string::npos);
  EXPECT_NE(b.find("\"changed_delta\":\"-7992000000.00\",\"changed_delta_cents\":-799200000000"),
            std::string::npos);
  EXPECT_NE(b.find("\"old_claimed_savings\":\"8000000000.00\",\"old_claimed_savings_cents\":"
                   "800000000000,\"new_claimed_savings\":\"8000000.00\""),
            std::string::npos);
  res = server_->Client().Get("/api/diff?from=1&to=latest&format=csv");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body.rfind("change,kind,claim_key,field,old,new\n", 0), 0u);
  EXPECT_NE(
      res->body.find("changed,contract," + kKey + ",claimed_savings,8000000000.00,8000000.00\n"),
      std::string::npos);
}

TEST_F(ServeApiTest, EtagsAnswer304) {
  auto first = server_->Client().Get("/api/summary");
  ASSERT_TRUE(first);
  std::string etag = first->get_header_value("ETag");
  ASSERT_EQ(etag.size(), 34u);
  auto again = server_->Client().Get("/api/summary", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(again->get_header_value("ETag"), etag);
  ExpectSecurityHeaders(again);
  auto list = server_->Client().Get("/api/claims?q=dhs", {{"If-None-Match", "\"x\", " + etag}});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);  // another query: another ETag
  EXPECT_NE(list->get_header_value("ETag"), etag);
  auto page = server_->Client().Get("/", {{"If-None-Match", "W/" + etag}});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
}

TEST_F(ServeApiTest, PathTraversalFindsNothing) {
  for (const char* path :
       {"/assets/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/assets/..%2f..%2f..%2fetc%2fpasswd", "/../../etc/passwd", "/assets//etc/passwd",
        "/assets/app.css/../../../etc/passwd", "/assets/app.css%00.html", "/assets/", "/etc/passwd",
        "/assets/%2e%2e%5c%2e%2e%5cetc%5cpasswd", "/CMakeLists.txt"}) {
    SCOPED_TRACE(path);
    auto res = server_->Client().Get(path);
    ASSERT_TRUE(res);
    EXPECT_TRUE(res->status == 404 || res->status == 400) << res->status;
    EXPECT_EQ(res->body.find("root:"), std::string::npos);
    EXPECT_EQ(res->body.find("cmake_minimum_required"), std::string::npos);
    ExpectSecurityHeaders(res);
  }
  auto css = server_->Client().Get("/assets/app.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  ExpectSecurityHeaders(css);
}

TEST_F(ServeApiTest, DashboardPagesRenderWithoutScript) {
  auto res = server_->Client().Get("/");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  ExpectSecurityHeaders(res);
  EXPECT_NE(res->body.find("data-testid=\"headline-claimed\" data-cents=\"849756830500\""),
            std::string::npos);
  EXPECT_NE(res->body.find("data-testid=\"chart-verdicts\""), std::string::npos);
  EXPECT_NE(res->body.find("data-testid=\"chart-trend\""), std::string::npos);
  EXPECT_EQ(res->body.find("style=\""), std::string::npos);  // the CSP allows no inline style
  EXPECT_EQ(res->body.find("<script>"), std::string::npos);
  EXPECT_EQ(res->body.find("http://"), std::string::npos);  // nothing loaded from elsewhere

  // A PIID typed into the search box goes straight to its claim, whatever the snapshot.
  res = server_->Client().Get("/claims?q=70CMSD22A00000008");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  // (httplib's client URL-decodes a Location header as it reads it: the server sends %3A.)
  EXPECT_EQ(res->get_header_value("Location"), "/claims/contract:7012:70CMSD22A00000008");
  // Words match whole words, and the page says where else the search matches.
  res = server_->Client().Get("/claims?q=d%26g%20support&snapshot=1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("href=\"/claims/contract%3A7012%3A70CMSD22A00000008?snapshot=1\""),
            std::string::npos);
  EXPECT_NE(res->body.find("data-testid=\"elsewhere\""), std::string::npos);
  EXPECT_NE(res->body.find("in snapshot 2 (contracts, 2025-02-19)"), std::string::npos);
  // By amount: the $8B of the first snapshot, exactly or as the dashboard rounds it.
  for (const char* q : {"%248%2C000%2C000%2C000", "%248b"}) {
    res = server_->Client().Get(std::string("/claims?snapshot=1&q=") + q);
    ASSERT_TRUE(res);
    EXPECT_NE(res->body.find("href=\"/claims/contract%3A7012%3A70CMSD22A00000008?snapshot=1\""),
              std::string::npos)
        << q;
  }
  res = server_->Client().Get("/claims?snapshot=1&q=servic");  // part of a word finds nothing
  ASSERT_TRUE(res);
  EXPECT_NE(res->body.find("<strong data-testid=\"claims-total\">0</strong>"), std::string::npos);
  // The overview of any snapshot and kind has a permalink.
  res = server_->Client().Get("/?snapshot=1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("/?snapshot=1</a>"), std::string::npos);
  res = server_->Client().Get("/?kind=contracts");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("/?snapshot=2</a>"), std::string::npos);
  res = server_->Client().Get("/?kind=grants");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);

  res = server_->Client().Get("/claims/contract%3A7012%3A70CMSD22A00000008?snapshot=2");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("data-testid=\"claimed-savings\" data-cents=\"800000000\">"
                           "$8,000,000.00<"),
            std::string::npos);
  EXPECT_NE(res->body.find("href=\"https://www.usaspending.gov/award/"
                           "CONT_IDV_70CMSD22A00000008_7012\""),
            std::string::npos);

  res = server_->Client().Get("/diff?from=1&to=2");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("$8,000,000,000.00</span> → <span class=\"new\">$8,000,000.00"),
            std::string::npos);
  EXPECT_NE(res->body.find("data-testid=\"diff-shown\">1 change shown, the largest move"),
            std::string::npos);
  res = server_->Client().Get("/diff?from=1&to=2&change=added&agency=DHS&money=1&sort=key");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("data-testid=\"diff-shown\">0 changes shown, by claim"),
            std::string::npos);
  EXPECT_NE(res->body.find("format=csv&amp;change=added&amp;agency=DHS&amp;money=1&amp;sort=key"),
            std::string::npos);
  res = server_->Client().Get("/diff?from=1&to=2&change=edited");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  res = server_->Client().Get("/api/diff?from=1&to=2&change=removed");
  ASSERT_TRUE(res);
  EXPECT_NE(res->body.find("\"changed\":1,"), std::string::npos);  // counts of the whole diff
  EXPECT_NE(res->body.find("\"changes\":[]"), std::string::npos);

  res = server_->Client().Get("/claims?per_page=9999");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  res = server_->Client().Get("/claims?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body.find("<script>alert"), std::string::npos);
  EXPECT_NE(res->body.find("&lt;script&gt;alert(1)"), std::string::npos);
}

// One view model per page: the page's ?format=json is its API endpoint's object with the page's
// navigation added after it, so every figure the page shows is the API's.
TEST_F(ServeApiTest, EachPageRendersTheModelItsApiSerialises) {
  const std::pair<std::string, std::string> pairs[] = {
      {"/?snapshot=2", "/api/summary?snapshot=2"},
      {"/claims?snapshot=1&q=d%26g%20support", "/api/claims?snapshot=1&q=d%26g%20support"},
      {"/claims/contract%3A7012%3A70CMSD22A00000008?snapshot=2",
       "/api/claims/contract%3A7012%3A70CMSD22A00000008?snapshot=2"},
      {"/diff?from=1&to=2&sort=key", "/api/diff?from=1&to=2&sort=key"}};
  for (const auto& [page, api] : pairs) {
    auto api_res = server_->Client().Get(api);
    ASSERT_TRUE(api_res);
    ASSERT_EQ(api_res->status, 200) << api;
    auto page_res = server_->Client().Get(page + "&format=json");
    ASSERT_TRUE(page_res);
    ASSERT_EQ(page_res->status, 200) << page;
    EXPECT_EQ(page_res->get_header_value("Content-Type"), "application/json; charset=utf-8");
    std::string data = api_res->body.substr(0, api_res->body.size() - 2);  // without "}\n"
    ASSERT_EQ(page_res->body.compare(0, data.size(), data), 0) << page;
    EXPECT_EQ(page_res->body[data.size()], ',') << page;  // the page's own keys follow
  }
  auto bad = server_->Client().Get("/diff?format=xml");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

// serve --templates DIR: a reader's template in place of the built-in one; a broken one stops
// serve before it binds, naming the file.
TEST_F(ServeApiTest, ServeReadsAReadersTemplates) {
  fs::path templates = *dir_ / "templates";
  fs::create_directories(templates);
  std::ofstream(templates / "claim.mustache")
      << "<h1 data-testid=\"mine\">{{claim.piid}} claimed {{claim.claimed_savings.usd}}</h1>\n";
  ServeOptions options;
  options.ledger = (*dir_ / "ledger.db").string();
  options.threads = 2;
  options.templates = templates.string();
  {
    RunningServer server(options);
    ASSERT_EQ(server.error(), "");
    auto res = server.Client().Get("/claims/contract%3A7012%3A70CMSD22A00000008?snapshot=1");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_NE(res->body.find("<h1 data-testid=\"mine\">70CMSD22A00000008 claimed "
                             "$8,000,000,000.00</h1>"),
              std::string::npos)
        << res->body;
  }
  std::ofstream(templates / "claim.mustache") << "{{#claim}}never closed";
  RunningServer broken(options);
  EXPECT_NE(broken.error().find("claim.mustache"), std::string::npos) << broken.error();
}

// serve --records: vendor families, leads, and a claim's vendor and leads (the figures are
// pinned by tests/vendor and tests/leads; here, that the API and the pages serve them).
TEST_F(ServeApiTest, VendorsAndLeadsWithRecords) {
  auto none = server_->Client().Get("/api/leads");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);  // this server has no records
  EXPECT_NE(none->body.find("serve --records"), std::string::npos);

  ServeOptions options;
  options.ledger = (*dir_ / "ledger.db").string();
  options.threads = 2;
  options.records = {kRecords + "2025-03-13_fpds_awards.csv.gz",
                     kRecords + "2025-03-13_fpds_idvs.csv.gz"};
  RunningServer server(options);
  ASSERT_EQ(server.error(), "");
  auto res = server.Client().Get("/api/vendors?q=tesla");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"candidates\":[{\"parent_uei\":\"LKH1DTGEND43\""), std::string::npos)
      << res->body.substr(0, 300);
  res = server.Client().Get("/api/vendors/M5NWCBJCKST7");  // a subsidiary finds its family
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"parent_uei\":\"LMRMKLLL3LG5\""), std::string::npos);
  EXPECT_NE(res->body.find("\"obligated\":\"1102297138.71\""), std::string::npos);
  EXPECT_NE(res->body.find("\"claim_key\":\"contract:7200:"), std::string::npos);  // snapshot 2
  res = server.Client().Get("/api/vendors/ZZZZZZZZZZZZ");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  res = server.Client().Get("/api/vendors/not-a-uei");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  res = server.Client().Get("/api/leads?rule=W8&agency=3600");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"piid\":\"36C24624N0989\""), std::string::npos);
  for (const char* bad : {"/api/leads?rule=W99", "/api/leads?page=0", "/api/leads?agency=%3Cb%3E",
                          "/api/leads?format=csv"}) {
    res = server.Client().Get(bad);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << bad;
  }
  res = server.Client().Get("/leads?rule=W9");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("<strong data-testid=\"leads-total\">1</strong>"), std::string::npos);
  EXPECT_NE(res->body.find("href=\"/leads\""), std::string::npos);  // the layout links it
  res = server.Client().Get("/vendors/LMRMKLLL3LG5");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("data-testid=\"vendor-obligated\" data-cents=\"110229713871\""),
            std::string::npos);
  res = server.Client().Get("/claims/contract%3A7012%3A70CMSD22A00000008?snapshot=2");
  ASSERT_TRUE(res);
  EXPECT_NE(res->body.find("data-testid=\"vendor-link\""), std::string::npos);
  EXPECT_NE(res->body.find("data-testid=\"claim-leads\""), std::string::npos);

  // serve --rules: the leads pages use the user's thresholds; a bad file stops serve, named.
  std::ofstream(*dir_ / "rules.json") << R"({"W8": {"enabled": false}})";
  options.rules = (*dir_ / "rules.json").string();
  {
    RunningServer ruled(options);
    ASSERT_EQ(ruled.error(), "");
    auto ruled_res = ruled.Client().Get("/api/leads?rule=W8");
    ASSERT_TRUE(ruled_res);
    EXPECT_NE(ruled_res->body.find("\"total\":0,"), std::string::npos)
        << ruled_res->body.substr(0, 400);
    // Other rules, other answer: never a 304 for the first server's tag.
    auto first = server.Client().Get("/api/leads?rule=W8");
    ASSERT_TRUE(first);
    EXPECT_NE(first->get_header_value("ETag"), ruled_res->get_header_value("ETag"));
    httplib::Headers if_none{{"If-None-Match", first->get_header_value("ETag")}};
    auto again = ruled.Client().Get("/api/leads?rule=W8", if_none);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 200);
  }
  std::ofstream(*dir_ / "rules.json") << R"({"W8": {"enabled": "no"}})";
  RunningServer broken(options);
  EXPECT_NE(broken.error().find("rules.json: rule W8, 'enabled'"), std::string::npos)
      << broken.error();
}

TEST_F(ServeApiTest, ReadOnlyServerRefusesWrites) {
  auto res = server_->Client().Post("/api/snapshots", {{"Authorization", "Bearer " + kToken}}, "x",
                                    "text/csv");
  ExpectJsonError(res, 403);
  ExpectJsonError(server_->Client().Put("/api/snapshots"), 405);
  ExpectJsonError(server_->Client().Delete("/api/snapshots"), 405);
  ExpectJsonError(server_->Client().Post("/api/claims", "x", "text/plain"), 405);

  // And the ledger itself is opened read-only.
  auto pool = receipts::serve::LedgerPool::Open((*dir_ / "ledger.db").string(), true, 1);
  ASSERT_TRUE(pool.ok()) << pool.status().ToString();
  auto lease = (*pool)->Acquire();
  EXPECT_FALSE(lease->db()->Exec("CREATE TABLE intruder (x)").ok());
}

TEST_F(ServeApiTest, WritesNeedTheToken) {
  fs::path ledger = *dir_ / "writable.db";
  fs::copy_file(*dir_ / "ledger.db", ledger, fs::copy_options::overwrite_existing);
  ServeOptions options;
  options.ledger = ledger.string();
  options.token = kToken;
  options.max_body_bytes = 1 << 20;
  options.threads = 4;
  RunningServer writable(options);
  ASSERT_EQ(writable.error(), "");
  const std::string body = Slurp(kClaims + "2025-02-20T12-58_contracts_fpds.csv.gz");
  ASSERT_GT(body.size(), 1000u);
  const std::string path = "/api/snapshots?name=2025-02-20T12-58_contracts_fpds.csv.gz";

  auto res = writable.Client().Post(path, body, "application/gzip");
  ExpectJsonError(res, 401);
  EXPECT_EQ(res->get_header_value("WWW-Authenticate"), "Bearer");
  ExpectJsonError(writable.Client().Post(path, {{"Authorization", "Basic " + kToken}}, body,
                                         "application/gzip"),
                  401);
  ExpectJsonError(
      writable.Client().Post(path, {{"Authorization", "Bearer"}}, body, "application/gzip"), 401);
  ExpectJsonError(writable.Client().Post(path, {{"Authorization", "Bearer " + kToken + "x"}}, body,
                                         "application/gzip"),
                  403);
  ExpectJsonError(
      writable.Client().Post(path, {{"Authorization", "Bearer wrong"}}, body, "application/gzip"),
      403);
  // Nothing was added by the refused requests.
  res = writable.Client().Get("/api/snapshots?format=csv");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body.find("\n3,"), std::string::npos);

  const httplib::Headers auth = {{"Authorization", "Bearer " + kToken}};
  ExpectJsonError(writable.Client().Post("/api/snapshots?name=bad.csv", auth,
                                         "not,a,claims\nfile,at,all\n", "text/csv"),
                  400);
  // Too large: refused from the declared length, before the body is read.
  std::string reply =
      Exchange(writable.port(),
               "POST /api/snapshots HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
               "Authorization: Bearer " +
                   kToken + "\r\nContent-Length: 2097152\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
  EXPECT_NE(reply.find("{\"error\":\"the body is larger than 1048576 bytes\"}"), std::string::npos);
  // Without a token, a large body is refused before it is read, too.
  reply = Exchange(writable.port(),
                   "POST /api/snapshots HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                   "Content-Length: 2097152\r\n\r\n");
  EXPECT_TRUE(reply.rfind("HTTP/1.1 401", 0) == 0 || reply.rfind("HTTP/1.1 413", 0) == 0) << reply;

  res = writable.Client().Post(path, auth, body, "application/gzip");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201) << res->body;
  EXPECT_NE(res->body.find("\"id\":3,"), std::string::npos);
  EXPECT_NE(res->body.find("\"as_of\":\"2025-02-20T12:58:00Z\""), std::string::npos);
  EXPECT_NE(res->body.find("\"unchanged\":false"), std::string::npos);
  res = writable.Client().Post(path, auth, body, "application/gzip");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"unchanged\":true"), std::string::npos);
  res = writable.Client().Get("/api/summary");
  ASSERT_TRUE(res);
  EXPECT_NE(res->body.find("\"snapshot\":{\"id\":3,"), std::string::npos);
  EXPECT_EQ(Sh(kBinary + " check --ledger " + ledger.string()), 0);
}

TEST(ServeTokenTest, TokenFileMustBePrivateAndLong) {
  fs::path file = fs::temp_directory_path() / ("receipts_token_" + std::to_string(::getpid()));
  {
    std::ofstream out(file);
    out << kToken << "\n";
  }
  ::chmod(file.c_str(), 0644);
  EXPECT_FALSE(receipts::serve::LoadToken(file.string(), nullptr).ok());
  ::chmod(file.c_str(), 0600);
  auto token = receipts::serve::LoadToken(file.string(), "ignored-because-file-given");
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(token->value_or(""), kToken);
  EXPECT_FALSE(receipts::serve::LoadToken("", "short").ok());
  auto none = receipts::serve::LoadToken("", nullptr);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  fs::remove(file);
}

}  // namespace
