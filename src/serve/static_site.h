// `receipts publish`: the dashboard as static files, for any static host or a folder opened from
// disk. Every page is the one `serve` renders (the same handlers, called in-process), with its
// links rewritten to relative file paths (static_links.h); the JSON API and the CSV exports are
// written as files beside them, and a search index with a small script stands in for the
// server's search. The site's layout is in doc/formats.md ("The static site").
#pragma once

#include <cstddef>
#include <string>

#include "core/status.h"
#include "serve/context.h"

namespace receipts::serve {

struct PublishStats {
  std::size_t pages = 0;       // .html files
  std::size_t data_files = 0;  // .json, .csv and .js files (the assets included)
  std::size_t claims = 0;      // distinct claims, one page each
  std::size_t bytes = 0;       // of every file written
};

// Writes the site of the ledger at `ledger_path` (opened read-only) into `out_dir`, as one run:
// readers see the old site or the new one, whole, and a directory holding files receipts did not
// write is not replaced (report/output_dir.h). `ctx.records` may be null (no measures or record
// rows on the claim pages). A ledger with no snapshot is InvalidInput.
Status PublishSite(ServeContext& ctx, const std::string& ledger_path, const std::string& out_dir,
                   PublishStats* stats);

}  // namespace receipts::serve
