// The request handlers: the JSON/CSV API (api_handlers.cc) and the dashboard pages
// (page_handlers.cc). Each gets a ledger connection of its own, the ledger version (for
// caching), the checked-by-the-handler query parameters, and the path argument (a claim key).
#pragma once

#include <string>

#include "ledger/ledger.h"
#include "report/view.h"
#include "serve/context.h"
#include "serve/params.h"

namespace receipts::serve {

struct GetRequest {
  Ledger* ledger = nullptr;
  std::string version;  // LedgerVersion
  QueryParams params;
  std::string arg;  // the claim key of /api/claims/{key} and /claims/{key}
};

Reply ApiSummary(ServeContext& ctx, const GetRequest& req);
Reply ApiSnapshots(ServeContext& ctx, const GetRequest& req);
Reply ApiClaims(ServeContext& ctx, const GetRequest& req);
Reply ApiClaim(ServeContext& ctx, const GetRequest& req);
Reply ApiDiff(ServeContext& ctx, const GetRequest& req);
// GET /api/checkpoint: the transparency log's checkpoint note (text/plain), as `receipts
// checkpoint` prints it. GET /api/proofs/{key}?snapshot=: the claim's proof file, as `receipts
// prove` writes it (against the latest stored signed checkpoint).
Reply ApiCheckpoint(ServeContext& ctx, const GetRequest& req);
Reply ApiProof(ServeContext& ctx, const GetRequest& req);

// POST /api/snapshots, once authorized: ingests `body` (a claims file, any format ingest
// reads) as the next snapshot. Parameters: name (file name, for messages and the source),
// as_of, kind.
Reply ApiIngest(ServeContext& ctx, Ledger* ledger, const QueryParams& params, std::string body);

// GET /api/vendors?q=, /api/vendors/{uei}, /api/leads (serve --records).
Reply ApiVendors(ServeContext& ctx, const GetRequest& req);
Reply ApiVendor(ServeContext& ctx, const GetRequest& req);
Reply ApiLeads(ServeContext& ctx, const GetRequest& req);
Reply PageVendors(ServeContext& ctx, const GetRequest& req);
Reply PageVendor(ServeContext& ctx, const GetRequest& req);
Reply PageLeads(ServeContext& ctx, const GetRequest& req);

// The page `name` rendered from `model` in the layout, or with ?format=json the model itself.
Reply Page(const ServeContext& ctx, const GetRequest& req, std::string_view name, const View& model,
           std::string_view title, std::string_view nav);
// `format` on a page or a model of the money endpoints: html (a page) or json (its model).
Status CheckPageFormat(const QueryParams& params);

Reply PageHome(ServeContext& ctx, const GetRequest& req);
Reply PageClaims(ServeContext& ctx, const GetRequest& req);
Reply PageClaim(ServeContext& ctx, const GetRequest& req);
Reply PageDiff(ServeContext& ctx, const GetRequest& req);

}  // namespace receipts::serve

namespace receipts::serve {

// The view of snapshot `ref` ("latest" or an id): NotFound when there is none.
Result<std::shared_ptr<const SnapshotView>> ViewOf(ServeContext& ctx, const GetRequest& req,
                                                   const std::string& ref);

}  // namespace receipts::serve
