// What every request handler shares: the ledger connections, the cache of snapshot views, the
// optional record files, and the write token (none: the server is read-only).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "jobs/record_check.h"
#include "serve/claims_query.h"
#include "serve/ledger_pool.h"
#include "serve/snapshot_view.h"
#include "serve/templates.h"

namespace receipts::serve {

struct ServeContext {
  std::unique_ptr<LedgerPool> pool;
  ViewCache views{20};  // a search looks in every snapshot
  SelectionCache selections{32};
  StoredClaimsCache stored_claims;       // the vendor pages' claims, once per ledger version
  std::unique_ptr<RecordCheck> records;  // null without --records
  std::optional<std::string> token;      // null: read-only
  Templates templates;                   // the pages' (built in, or --templates DIR)
  // What shapes a reply besides the ledger: the records' digests, the leads rules, the templates.
  // In every ETag, so a server restarted with other records, rules or templates never answers
  // 304 for what it now renders differently.
  std::string reply_salt;
};

// A handler's answer, before the router adds the common headers.
struct Reply {
  int status = 200;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string error;  // a failed reply's message, for in-process callers (publish)
};

inline constexpr const char* kJsonType = "application/json; charset=utf-8";
inline constexpr const char* kCsvType = "text/csv; charset=utf-8";
inline constexpr const char* kHtmlType = "text/html; charset=utf-8";

// The HTTP status for a failed Status: 400 bad input or usage, 404 not found, else 500.
int HttpStatusOf(const Status& status);

// A JSON error reply for `status` (500s say "internal error" and log the detail to stderr).
Reply JsonError(const Status& status);
Reply JsonError(int http_status, const std::string& message);

// An HTML error page for `status`, likewise, in the context's templates.
Reply HtmlError(const ServeContext& ctx, const Status& status);

// Whether the vendors and leads pages are served (and published): records loaded.
inline bool FollowsMoney(const ServeContext& ctx) { return ctx.records != nullptr; }

// The error page's HTML.
std::string ErrorPageHtml(const Templates& templates, int http_status, std::string_view message);

}  // namespace receipts::serve
