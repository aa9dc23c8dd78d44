#include "report/html_page.h"

#include "report/html_escape.h"

namespace receipts {
namespace {

constexpr std::string_view kBodyCss =
    R"(:root{--fg:#1d232a;--muted:#5b6670;--line:#dde2e6;--bg:#fff;--soft:#f5f7f9}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
.sub,.muted,footer{color:var(--muted)}
)";

constexpr std::string_view kCellCss =
    R"(th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--soft);font-weight:600;white-space:nowrap}
td.m,th.m{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
)";

constexpr std::string_view kFooterCss =
    "footer{margin-top:40px;border-top:1px solid var(--line);padding-top:12px;font-size:13px}\n";

}  // namespace

std::string ReportPageStart(const ReportPage& page) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; ";
  if (page.inline_script) out += "script-src 'unsafe-inline'; ";
  out += "img-src data:\">\n<title>";
  out += page.title;
  out += "</title>\n<style>\n";
  out += kBodyCss;
  out += page.css_top;
  out += "table{border-collapse:collapse;width:100%";
  if (!page.table_font_size.empty()) {
    out += ";font-size:";
    out += page.table_font_size;
  }
  out += "}\n";
  out += kCellCss;
  out += page.css_rest;
  out += kFooterCss;
  out += "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>";
  out += page.title;
  out += "</h1>\n";
  return out;
}

std::string CheckpointSection(std::string_view checkpoint) {
  if (checkpoint.empty()) return {};
  return "<section>\n<h2>Transparency log checkpoint</h2>\n<p>The ledger's log of every snapshot "
         "and verification, as of this report. Keep this text: <code>receipts check --checkpoint"
         "</code> shows whether a ledger still extends it (no deleted tail, no rewritten past), "
         "and <code>receipts verify-proof PROOF --pubkey KEY.pub --checkpoint FILE</code> checks "
         "a claim's proof against it without the ledger (doc/formats.md, "
         "“Checkpoints”).</p>\n<pre data-testid=\"checkpoint\">" +
         HtmlEscape(checkpoint) + "</pre>\n</section>\n";
}

}  // namespace receipts
