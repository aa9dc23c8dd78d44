#include "ledger/diff.h"
#include "serve/claim_detail.h"
#include "serve/claims_query.h"
#include "serve/handlers.h"
#include "serve/pages.h"

namespace receipts::serve {
namespace {

Reply Html(std::string body) { return Reply{200, kHtmlType, std::move(body), {}}; }

}  // namespace

Reply PageHome(ServeContext& ctx, const GetRequest& req) {
  if (Status s = CheckParams(req.params, {}); !s.ok()) return HtmlError(s);
  auto snapshots = req.ledger->Snapshots();
  if (!snapshots.ok()) return HtmlError(snapshots.status());
  if (snapshots->empty()) return Html(EmptyLedgerPage());
  auto verified = VerifiedSnapshotIds(req.ledger->db());
  if (!verified.ok()) return HtmlError(verified.status());
  auto view = ctx.views.Get(req.ledger, snapshots->back(), req.version);
  if (!view.ok()) return HtmlError(view.status());
  return Html(HomePage(**view, *snapshots, *verified));
}

Reply PageClaims(ServeContext& ctx, const GetRequest& req) {
  auto query = ParseClaimsQuery(req.params);
  if (!query.ok()) return HtmlError(query.status());
  if (query->csv) return HtmlError(Status::InvalidInput("format=csv: use /api/claims"));
  auto view = ViewOf(ctx, req, query->snapshot);
  if (!view.ok()) return HtmlError(view.status());
  auto snapshots = req.ledger->Snapshots();
  if (!snapshots.ok()) return HtmlError(snapshots.status());
  ClaimsSelection selection = ctx.selections.Select(*view, req.version, *query, false);
  return Html(ClaimsPage(**view, *query, selection, *snapshots));
}

Reply PageClaim(ServeContext& ctx, const GetRequest& req) {
  if (Status s = CheckParams(req.params, {"snapshot"}); !s.ok()) return HtmlError(s);
  std::string ref = Param(req.params, "snapshot");
  if (!ref.empty()) {
    if (Status s = CheckSnapshotRef("snapshot", ref); !s.ok()) return HtmlError(s);
  }
  if (req.arg.empty() || req.arg.size() > kMaxParamLength) {
    return HtmlError(
        Status::InvalidInput("a claim key is 1 to " + std::to_string(kMaxParamLength) + " bytes"));
  }
  auto detail = LoadClaimDetail(req.ledger, ctx.records.get(), req.arg, ref);
  if (!detail.ok()) return HtmlError(detail.status());
  return Html(ClaimPage(*detail));
}

Reply PageDiff(ServeContext&, const GetRequest& req) {
  if (Status s = CheckParams(req.params, {"from", "to"}); !s.ok()) return HtmlError(s);
  auto snapshots = req.ledger->Snapshots();
  if (!snapshots.ok()) return HtmlError(snapshots.status());
  if (!req.params.count("from") && !req.params.count("to")) {
    return Html(DiffPage(*snapshots, nullptr, nullptr, nullptr));
  }
  std::string from_ref = Param(req.params, "from", "latest");
  std::string to_ref = Param(req.params, "to", "latest");
  if (Status s = CheckSnapshotRef("from", from_ref); !s.ok()) return HtmlError(s);
  if (Status s = CheckSnapshotRef("to", to_ref); !s.ok()) return HtmlError(s);
  auto from = req.ledger->FindSnapshot(from_ref);
  if (!from.ok()) return HtmlError(from.status());
  auto to = req.ledger->FindSnapshot(to_ref);
  if (!to.ok()) return HtmlError(to.status());
  auto diff = DiffSnapshots(req.ledger, *from, *to);
  if (!diff.ok()) return HtmlError(diff.status());
  return Html(DiffPage(*snapshots, &*from, &*to, &*diff));
}

}  // namespace receipts::serve
