#include "serve/templates.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <kainjow/mustache.hpp>

#include "serve/pages.h"

namespace receipts::serve {
namespace {

namespace fs = std::filesystem;

class TemplatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("receipts_templates_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  fs::path dir_;
};

TEST_F(TemplatesTest, EveryBuiltInTemplateParses) {
  ASSERT_GE(kBuiltInTemplateCount, 10u);
  for (std::size_t i = 0; i < kBuiltInTemplateCount; ++i) {
    kainjow::mustache::mustache parsed(kBuiltInTemplates[i].text);
    EXPECT_TRUE(parsed.is_valid()) << kBuiltInTemplates[i].name << ": " << parsed.error_message();
  }
  Templates templates;
  for (const char* page :
       {"layout", "home", "claims", "claim", "diff", "error", "empty", "search", "diff_index"}) {
    EXPECT_NE(templates.Source(page), nullptr) << page;
  }
}

TEST_F(TemplatesTest, EscapingIsTheEnginesNotTheCallers) {
  Templates templates;
  View model = ErrorModel(404, "<script>alert(1)</script> & \"quoted\"");
  std::string page = templates.RenderPage("error", model, "<title>", "");
  EXPECT_EQ(page.find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"),
            std::string::npos);
  EXPECT_NE(page.find("<title>&lt;title&gt; — receipts</title>"), std::string::npos);
  EXPECT_NE(page.find("<h1>Error 404</h1>"), std::string::npos);
}

TEST_F(TemplatesTest, MoneyCountsAndMissingValuesAsAReaderReadsThem) {
  Write("error.mustache",
        "{{#m}}{{usd}}|{{cents}}|{{dollars}}{{/m}};{{#none}}[{{usd}}|{{cents}}]{{^known}}unknown"
        "{{/known}}{{/none}};{{n}};{{#empty}}shown{{/empty}}{{^empty}}hidden{{/empty}};"
        "{{{chart}}};{{chart}};{{#m}}{{> money_cell}}{{/m}}");
  auto templates = Templates::WithOverrides(dir_.string());
  ASSERT_TRUE(templates.ok()) << templates.status().ToString();
  View model = View::Object();
  model.Set("m", View::Money(123456789));
  model.Set("none", View::Money(std::nullopt));
  model.Set("n", View::Count(1234567));
  model.Set("empty", "");
  model.Set("chart", View::Markup("<svg/>"));
  auto out = templates->Render("error", model);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out,
            "$1,234,567.89|123456789|1234567.89;[|]unknown;1,234,567;hidden;<svg/>;&lt;svg/&gt;;"
            "<td class=\"m\" data-cents=\"123456789\">$1,234,567.89</td>");
}

TEST_F(TemplatesTest, AReadersTemplateTakesThePlaceOfTheBuiltIn) {
  Write("error.mustache", "<p data-testid=\"error\">Oops {{status}}: {{error}}</p>\n");
  auto templates = Templates::WithOverrides(dir_.string());
  ASSERT_TRUE(templates.ok()) << templates.status().ToString();
  View model = View::Object();
  model.Set("status", View::Int(404));
  model.Set("error", "not here");
  std::string page = templates->RenderPage("error", model, "Error", "");
  EXPECT_NE(page.find("<p data-testid=\"error\">Oops 404: not here</p>"), std::string::npos);
  // The other templates stay the built-in ones: the layout still frames the page.
  EXPECT_NE(page.find("<a class=\"brand\" href=\"/\">receipts</a>"), std::string::npos);
}

TEST_F(TemplatesTest, BadTemplateFoldersAreRefusedNamingTheFile) {
  auto missing = Templates::WithOverrides((dir_ / "nope").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("not a directory of templates"), std::string::npos);

  Write("claim.mustache", "{{#claim}}unclosed");
  auto unclosed = Templates::WithOverrides(dir_.string());
  ASSERT_FALSE(unclosed.ok());
  EXPECT_NE(unclosed.status().message().find((dir_ / "claim.mustache").string()), std::string::npos)
      << unclosed.status().message();
  fs::remove(dir_ / "claim.mustache");

  Write("claim.mustache", "{{#claim}}{{> money_cell}}{{/claim}}");
  Write("money_cell.mustache", "<td>{{> claim}}</td>");
  auto cycle = Templates::WithOverrides(dir_.string());
  ASSERT_FALSE(cycle.ok());
  EXPECT_NE(cycle.status().message().find("include themselves: claim -> money_cell -> claim"),
            std::string::npos)
      << cycle.status().message();
  fs::remove(dir_ / "claim.mustache");
  fs::remove(dir_ / "money_cell.mustache");

  Write("claim.mustache", std::string((1 << 20) + 1, 'x'));
  auto big = Templates::WithOverrides(dir_.string());
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.status().message().find("over 1048576 bytes, more than a template holds"),
            std::string::npos)
      << big.status().message();
  fs::remove(dir_ / "claim.mustache");

  Write("claimz.mustache", "{{key}}");
  auto unknown = Templates::WithOverrides(dir_.string());
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("no built-in template is named 'claimz'"),
            std::string::npos)
      << unknown.status().message();
}

TEST_F(TemplatesTest, AModelKeyNeverHidesAPartial) {
  Write("error.mustache", "{{#m}}{{> money_cell}}{{/m}}");
  auto templates = Templates::WithOverrides(dir_.string());
  ASSERT_TRUE(templates.ok());
  View model = View::Object();
  model.Set("m", View::Money(100));
  model.Set("money_cell", "a value named like a partial");
  auto out = templates->Render("error", model);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "<td class=\"m\" data-cents=\"100\">$1.00</td>");
}

}  // namespace
}  // namespace receipts::serve
