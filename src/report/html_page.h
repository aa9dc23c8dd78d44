// The start of a self-contained report page (report.html, the ledger's report.html): one look,
// nothing loaded from the network.
#pragma once

#include <string>
#include <string_view>

namespace receipts {

struct ReportPage {
  std::string_view title = {};            // <title> and <h1>, as given (not escaped)
  std::string_view css_top = {};          // the page's own rules after the shared body and headings
  std::string_view table_font_size = {};  // "13px"; "" keeps the body's
  std::string_view css_rest = {};         // the page's own rules after the shared table rules
  bool inline_script = false;             // whether the page carries an inline <script>
};

// From <!DOCTYPE html> to the page's <h1> inside <main><header>: charset, viewport, a
// Content-Security-Policy that loads nothing (inline style; inline script only when the page has
// some; data: images), and one <style> of the shared rules (colours, body, headings, tables,
// footer) with the page's own rules in between.
std::string ReportPageStart(const ReportPage& page);

// The transparency log's checkpoint note shown whole, with what a reader does with it; "" when
// `checkpoint` is "" (a report not made from a ledger).
std::string CheckpointSection(std::string_view checkpoint);

}  // namespace receipts
