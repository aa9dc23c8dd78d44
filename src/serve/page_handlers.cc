#include "core/claim.h"
#include "ledger/diff.h"
#include "ledger/history.h"
#include "ledger/transparency_log.h"
#include "serve/api_json.h"
#include "serve/claim_detail.h"
#include "serve/claims_query.h"
#include "serve/handlers.h"
#include "serve/money_pages.h"
#include "serve/page_layout.h"
#include "serve/pages.h"

namespace receipts::serve {

Reply Page(const ServeContext& ctx, const GetRequest& req, std::string_view name, const View& model,
           std::string_view title, std::string_view nav) {
  if (Param(req.params, "format") == "json") return Reply{200, kJsonType, JsonBody(model), {}, {}};
  return Reply{
      200, kHtmlType, ctx.templates.RenderPage(name, model, title, nav, FollowsMoney(ctx)), {}, {}};
}

Status CheckPageFormat(const QueryParams& params) {
  const std::string format = Param(params, "format", "html");
  if (format == "html" || format == "json") return Status::Ok();
  return Status::InvalidInput("parameter 'format' must be html or json");
}

namespace {

bool IsOneToken(std::string_view q) {
  return !q.empty() && q.size() <= 100 && q.find_first_of(" \t") == std::string_view::npos &&
         q.front() != '$';
}

}  // namespace

Reply PageHome(ServeContext& ctx, const GetRequest& req) {
  if (Status s = CheckParams(req.params, {"kind", "snapshot", "format"}); !s.ok()) {
    return HtmlError(ctx, s);
  }
  if (Status s = CheckPageFormat(req.params); !s.ok()) return HtmlError(ctx, s);
  auto snapshots = req.ledger->Snapshots();
  if (!snapshots.ok()) return HtmlError(ctx, snapshots.status());
  if (snapshots->empty()) return Page(ctx, req, "empty", View::Object(), "Overview", "overview");
  auto verified = VerifiedSnapshotIds(req.ledger->db());
  if (!verified.ok()) return HtmlError(ctx, verified.status());
  // Permalinks: /?kind=grants shows the latest grants list, /?snapshot=3 that snapshot.
  const std::string kind = Param(req.params, "kind");
  if (!kind.empty() && !ClaimKindNamed(kind)) {
    return HtmlError(ctx,
                     Status::InvalidInput("parameter 'kind' must be contracts, grants or leases"));
  }
  const std::string claim_kind = kind.empty() ? "" : ClaimKindName(*ClaimKindNamed(kind));
  const SnapshotInfo* shown = nullptr;
  std::string ref = Param(req.params, "snapshot");
  if (!ref.empty()) {
    if (Status s = CheckSnapshotRef("snapshot", ref); !s.ok()) return HtmlError(ctx, s);
    auto found = req.ledger->FindSnapshot(ref);
    if (!found.ok()) return HtmlError(ctx, found.status());
    for (const SnapshotInfo& s : *snapshots) {
      if (s.id == found->id) shown = &s;
    }
    if (shown != nullptr && !kind.empty() && !SnapshotKindHolds(shown->kind, claim_kind)) {
      return HtmlError(ctx, Status::InvalidInput("snapshot " + ref + " is a list of " +
                                                 shown->kind + ", not " + kind));
    }
  } else {
    for (const SnapshotInfo& s : *snapshots) {
      if (kind.empty() || SnapshotKindHolds(s.kind, claim_kind)) shown = &s;
    }
    if (shown == nullptr) return HtmlError(ctx, Status::NotFound("no snapshot of " + kind));
  }
  if (shown == nullptr) return HtmlError(ctx, Status::NotFound("no snapshot " + ref));
  auto view = ctx.views.Get(req.ledger, *shown, req.version);
  if (!view.ok()) return HtmlError(ctx, view.status());
  return Page(ctx, req, "home", HomeModel(**view, *snapshots, *verified), "Overview", "overview");
}

Reply PageClaims(ServeContext& ctx, const GetRequest& req) {
  auto query = ParseClaimsQuery(req.params);
  if (!query.ok()) return HtmlError(ctx, query.status());
  if (query->csv) return HtmlError(ctx, Status::InvalidInput("format=csv: use /api/claims"));
  if (Status s = CheckPageFormat(req.params); !s.ok()) return HtmlError(ctx, s);
  // An identifier typed into the search box (a PIID, FAIN, award id, lease number or claim key)
  // that names one claim in any snapshot goes straight to its page.
  if (IsOneToken(query->q)) {
    auto histories = FindClaimHistories(req.ledger, query->q);
    if (!histories.ok()) return HtmlError(ctx, histories.status());
    if (histories->size() == 1) {
      Reply reply{303, kHtmlType, "", {}, {}};
      reply.headers.emplace_back("Location", ClaimPath(histories->front().key));
      return reply;
    }
  }
  auto view = ViewOf(ctx, req, query->snapshot);
  if (!view.ok()) return HtmlError(ctx, view.status());
  auto snapshots = req.ledger->Snapshots();
  if (!snapshots.ok()) return HtmlError(ctx, snapshots.status());
  ClaimsSelection selection = ctx.selections.Select(*view, req.version, *query, false);
  // A search looks in every snapshot: how many claims match in each of the others.
  std::vector<SnapshotMatches> elsewhere;
  if (!query->q.empty()) {
    for (const SnapshotInfo& s : *snapshots) {
      if (s.id == (*view)->snapshot.id) continue;
      auto other = ctx.views.Get(req.ledger, s, req.version);
      if (!other.ok()) return HtmlError(ctx, other.status());
      ClaimsQuery there = *query;
      there.snapshot = std::to_string(s.id);
      std::size_t matches = ctx.selections.Select(*other, req.version, there, false).total;
      if (matches > 0) elsewhere.push_back({s, matches});
    }
  }
  return Page(ctx, req, "claims", ClaimsPageModel(**view, *query, selection, *snapshots, elsewhere),
              "Claims", "claims");
}

Reply PageClaim(ServeContext& ctx, const GetRequest& req) {
  if (Status s = CheckParams(req.params, {"snapshot", "format"}); !s.ok()) {
    return HtmlError(ctx, s);
  }
  if (Status s = CheckPageFormat(req.params); !s.ok()) return HtmlError(ctx, s);
  std::string ref = Param(req.params, "snapshot");
  if (!ref.empty()) {
    if (Status s = CheckSnapshotRef("snapshot", ref); !s.ok()) return HtmlError(ctx, s);
  }
  if (req.arg.empty() || req.arg.size() > kMaxParamLength) {
    return HtmlError(ctx, Status::InvalidInput("a claim key is 1 to " +
                                               std::to_string(kMaxParamLength) + " bytes"));
  }
  auto detail = LoadClaimDetail(req.ledger, ctx.records.get(), req.arg, ref);
  if (!detail.ok()) return HtmlError(ctx, detail.status());
  const LedgerClaim& claim = detail->row.claim;
  View model = ClaimPageModel(*detail);
  model.Set("proof_href", ProofPath(detail->key, detail->snapshot.id));
  auto checkpoint = LogCheckpointNote(req.ledger->db());
  if (!checkpoint.ok()) return HtmlError(ctx, checkpoint.status());
  model.Set("checkpoint", *checkpoint);
  if (FollowsMoney(ctx)) AddMoneyOfClaim(*ctx.records, *detail, &model);
  return Page(ctx, req, "claim", model, !claim.piid.empty() ? claim.piid : detail->key, "claims");
}

Reply PageDiff(ServeContext& ctx, const GetRequest& req) {
  if (Status s =
          CheckParams(req.params, {"from", "to", "change", "agency", "money", "sort", "format"});
      !s.ok()) {
    return HtmlError(ctx, s);
  }
  if (Status s = CheckPageFormat(req.params); !s.ok()) return HtmlError(ctx, s);
  auto filter = ParseDiffFilter(req.params, /*default_by_size=*/true);
  if (!filter.ok()) return HtmlError(ctx, filter.status());
  auto snapshots = req.ledger->Snapshots();
  if (!snapshots.ok()) return HtmlError(ctx, snapshots.status());
  if (!req.params.count("from") && !req.params.count("to")) {
    return Page(ctx, req, "diff", DiffPageModel(*snapshots, nullptr, nullptr, nullptr, *filter, {}),
                "Changes", "diff");
  }
  std::string from_ref = Param(req.params, "from", "latest");
  std::string to_ref = Param(req.params, "to", "latest");
  if (Status s = CheckSnapshotRef("from", from_ref); !s.ok()) return HtmlError(ctx, s);
  if (Status s = CheckSnapshotRef("to", to_ref); !s.ok()) return HtmlError(ctx, s);
  auto from = req.ledger->FindSnapshot(from_ref);
  if (!from.ok()) return HtmlError(ctx, from.status());
  auto to = req.ledger->FindSnapshot(to_ref);
  if (!to.ok()) return HtmlError(ctx, to.status());
  auto diff = DiffSnapshots(req.ledger, *from, *to);
  if (!diff.ok()) return HtmlError(ctx, diff.status());
  SnapshotDiff shown = FilterDiff(*diff, *filter);
  return Page(ctx, req, "diff",
              DiffPageModel(*snapshots, &*from, &*to, &shown, *filter, AgenciesOfDiff(*diff)),
              "Changes", "diff");
}

}  // namespace receipts::serve
