#include "serve/static_links.h"

#include <gtest/gtest.h>

namespace receipts::serve {
namespace {

SiteMap Map() {
  SiteMap map;
  map.latest_snapshot = 2;
  map.pages = {{1, 3}, {2, 3}};
  map.diffs = {{1, 2}};
  return map;
}

TEST(StaticLinksTest, ClaimFilesAreSafeAndDistinct) {
  std::string stem = ClaimFileStem("contract:7012:70CMSD22A00000008");
  EXPECT_EQ(stem.substr(0, 32), "contract_7012_70CMSD22A00000008-");
  EXPECT_EQ(stem.size(), 32u + 12u);
  // ':' and '_' both become '_': the digest keeps the two files apart.
  EXPECT_NE(ClaimFileStem("contract:a:b"), ClaimFileStem("contract:a_b"));
  EXPECT_EQ(ClaimFileStem("grant:uri:../../etc/passwd").find('/'), std::string::npos);
  EXPECT_LE(ClaimFileStem(std::string(500, 'x')).size(), 80u + 13u);
}

TEST(StaticLinksTest, EveryServerLinkHasItsFile) {
  const SiteMap map = Map();
  EXPECT_EQ(StaticTarget("/", map), "index.html");
  EXPECT_EQ(StaticTarget("/?snapshot=1", map), "snapshots/1.html");
  EXPECT_EQ(StaticTarget("/?kind=contracts", map), "kinds/" + ClaimFileStem("contracts") + ".html");
  EXPECT_EQ(StaticTarget("/assets/app.css", map), "assets/app.css");
  EXPECT_EQ(StaticTarget("/claims", map), "lists/2-1.html");
  EXPECT_EQ(StaticTarget("/claims?snapshot=1&page=3", map), "lists/1-3.html");
  EXPECT_EQ(StaticTarget("/claims?snapshot=1&page=9", map), "lists/1-1.html");  // no such page
  EXPECT_EQ(StaticTarget("/claims?verdict=verified&snapshot=1", map),
            "search.html?verdict=verified&snapshot=1");
  EXPECT_EQ(StaticTarget("/claims/contract%3A7012%3A70CMSD22A00000008?snapshot=1", map),
            "claims/" + ClaimFileStem("contract:7012:70CMSD22A00000008") + ".html");
  EXPECT_EQ(StaticTarget("/diff?from=1&to=2", map), "diff/1-2.html");
  EXPECT_EQ(StaticTarget("/diff?from=2&to=1", map), "diff.html");  // not published
  EXPECT_EQ(StaticTarget("/api/diff?from=1&to=2&format=csv", map), "csv/diff-1-2.csv");
  EXPECT_EQ(StaticTarget("/api/diff?from=1&to=2", map), "api/diff/1-2.json");
  EXPECT_EQ(StaticTarget("/api/claims?format=csv", map), "csv/claims-2.csv");
  EXPECT_EQ(StaticTarget("/api/snapshots", map), "api/snapshots.json");
  EXPECT_EQ(StaticTarget("/api/summary", map), "api/summary/2.json");
  EXPECT_EQ(StaticTarget("/nowhere", map), "index.html");
}

TEST(StaticLinksTest, RewritesOnlyLinksToTheServer) {
  const SiteMap map = Map();
  std::string html =
      "<a href=\"/diff?from=1&amp;to=2\">d</a><link rel=\"stylesheet\" href=\"/assets/app.css\">"
      "<a href=\"https://www.usaspending.gov/award/X\">u</a><a href=\"#top\">t</a>"
      "<form action=\"/claims\"></form><a href=\"//evil.example/x\">e</a>"
      "<tr data-href=\"/claims/k\">";
  EXPECT_EQ(RewriteLinks(html, "../", map),
            "<a href=\"../diff/1-2.html\">d</a><link rel=\"stylesheet\" "
            "href=\"../assets/app.css\"><a href=\"https://www.usaspending.gov/award/X\">u</a>"
            "<a href=\"#top\">t</a><form action=\"../search.html\"></form>"
            "<a href=\"//evil.example/x\">e</a><tr data-href=\"../claims/" +
                ClaimFileStem("k") + ".html\">");
}

TEST(StaticLinksTest, VendorAndLeadsLinksGoToTheirFilesOrTheNearestOne) {
  SiteMap map = Map();
  // Without records the site has no vendor or leads pages.
  EXPECT_EQ(StaticTarget("/vendors/LMRMKLLL3LG5", map), "index.html");
  EXPECT_EQ(StaticTarget("/leads?rule=W1", map), "index.html");
  map.money = true;
  map.vendor_files = {{"LMRMKLLL3LG5", "LMRMKLLL3LG5"}, {"MC45KD32KMC7", "LMRMKLLL3LG5"}};
  map.lead_pages = {{"", 55}, {"W1", 12}};
  EXPECT_EQ(StaticTarget("/vendors", map), "vendors.html");
  EXPECT_EQ(StaticTarget("/vendors?q=tetra", map), "vendors.html");
  EXPECT_EQ(StaticTarget("/vendors/LMRMKLLL3LG5", map), "vendors/LMRMKLLL3LG5.html");
  // A subsidiary's link goes to its family's page; any case; an unpublished family to the list.
  EXPECT_EQ(StaticTarget("/vendors/mc45kd32kmc7", map), "vendors/LMRMKLLL3LG5.html");
  EXPECT_EQ(StaticTarget("/vendors/LKH1DTGEND43", map), "vendors.html");
  EXPECT_EQ(StaticTarget("/api/vendors/MC45KD32KMC7", map), "api/vendors/LMRMKLLL3LG5.json");
  EXPECT_EQ(StaticTarget("/leads", map), "leads.html");
  EXPECT_EQ(StaticTarget("/leads?page=2", map), "leads/all-2.html");
  EXPECT_EQ(StaticTarget("/leads?rule=w1&page=12", map), "leads/W1-12.html");
  EXPECT_EQ(StaticTarget("/leads?rule=W1&page=13", map), "leads/W1-1.html");  // no such page
  EXPECT_EQ(StaticTarget("/leads?rule=W1&agency=7200&page=3", map), "leads/W1-1.html");
  EXPECT_EQ(StaticTarget("/leads?rule=W99", map), "leads.html");
  EXPECT_EQ(StaticTarget("/api/leads?rule=W1&page=2", map), "api/leads/W1-2.json");
  EXPECT_EQ(LeadsFileStem("../x", 1), "all-1");
}

}  // namespace
}  // namespace receipts::serve
