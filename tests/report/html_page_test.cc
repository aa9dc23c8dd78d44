#include "report/html_page.h"

#include <gtest/gtest.h>

#include <string>

namespace receipts {
namespace {

TEST(HtmlPageTest, StartsTheHeadAndHeader) {
  std::string page = ReportPageStart({.title = "receipts — T"});
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                       "'none'; style-src 'unsafe-inline'; img-src data:\">\n"
                       "<title>receipts — T</title>\n<style>\n:root{",
                       0),
            0u)
      << page;
  const std::string end = "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>receipts — T</h1>\n";
  ASSERT_GE(page.size(), end.size());
  EXPECT_EQ(page.substr(page.size() - end.size()), end);
  EXPECT_EQ(page.find("script"), std::string::npos);
  EXPECT_EQ(page.find("://"), std::string::npos);  // nothing loaded from anywhere
  EXPECT_EQ(page.find("url("), std::string::npos);
  EXPECT_NE(page.find("\ntable{border-collapse:collapse;width:100%}\n"), std::string::npos);
}

TEST(HtmlPageTest, ScriptIsAllowedOnlyWhenThePageHasOne) {
  std::string page = ReportPageStart({.title = "T", .inline_script = true});
  EXPECT_NE(page.find("style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"),
            std::string::npos);
}

TEST(HtmlPageTest, PageRulesGoAroundTheSharedTableRules) {
  std::string page = ReportPageStart(
      {.title = "T", .css_top = "top{}\n", .table_font_size = "13px", .css_rest = "rest{}\n"});
  std::size_t headings = page.find(".sub,.muted,footer{color:var(--muted)}\n");
  std::size_t top = page.find("\ntop{}\n");
  std::size_t table = page.find("\ntable{border-collapse:collapse;width:100%;font-size:13px}\n");
  std::size_t cells = page.find("\ntd.m,th.m{");
  std::size_t rest = page.find("\nrest{}\n");
  std::size_t footer = page.find("\nfooter{margin-top:40px;");
  ASSERT_NE(footer, std::string::npos);
  EXPECT_LT(headings, top);
  EXPECT_LT(top, table);
  EXPECT_LT(table, cells);
  EXPECT_LT(cells, rest);
  EXPECT_LT(rest, footer);
}

}  // namespace
}  // namespace receipts
