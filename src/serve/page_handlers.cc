#include "core/claim.h"
#include "ledger/diff.h"
#include "ledger/history.h"
#include "serve/claim_detail.h"
#include "serve/claims_query.h"
#include "serve/handlers.h"
#include "serve/page_layout.h"
#include "serve/pages.h"

namespace receipts::serve {
namespace {

Reply Html(std::string body) { return Reply{200, kHtmlType, std::move(body), {}}; }

bool IsOneToken(std::string_view q) {
  return !q.empty() && q.size() <= 100 && q.find_first_of(" \t") == std::string_view::npos &&
         q.front() != '$';
}

}  // namespace

Reply PageHome(ServeContext& ctx, const GetRequest& req) {
  if (Status s = CheckParams(req.params, {"kind", "snapshot"}); !s.ok()) return HtmlError(s);
  auto snapshots = req.ledger->Snapshots();
  if (!snapshots.ok()) return HtmlError(snapshots.status());
  if (snapshots->empty()) return Html(EmptyLedgerPage());
  auto verified = VerifiedSnapshotIds(req.ledger->db());
  if (!verified.ok()) return HtmlError(verified.status());
  // Permalinks: /?kind=grants shows the latest grants list, /?snapshot=3 that snapshot.
  const std::string kind = Param(req.params, "kind");
  if (!kind.empty() && !ClaimKindNamed(kind)) {
    return HtmlError(Status::InvalidInput("parameter 'kind' must be contracts, grants or leases"));
  }
  const std::string claim_kind = kind.empty() ? "" : ClaimKindName(*ClaimKindNamed(kind));
  const SnapshotInfo* shown = nullptr;
  std::string ref = Param(req.params, "snapshot");
  if (!ref.empty()) {
    if (Status s = CheckSnapshotRef("snapshot", ref); !s.ok()) return HtmlError(s);
    auto found = req.ledger->FindSnapshot(ref);
    if (!found.ok()) return HtmlError(found.status());
    for (const SnapshotInfo& s : *snapshots) {
      if (s.id == found->id) shown = &s;
    }
    if (shown != nullptr && !kind.empty() && !SnapshotKindHolds(shown->kind, claim_kind)) {
      return HtmlError(Status::InvalidInput("snapshot " + ref + " is a list of " + shown->kind +
                                            ", not " + kind));
    }
  } else {
    for (const SnapshotInfo& s : *snapshots) {
      if (kind.empty() || SnapshotKindHolds(s.kind, claim_kind)) shown = &s;
    }
    if (shown == nullptr) return HtmlError(Status::NotFound("no snapshot of " + kind));
  }
  if (shown == nullptr) return HtmlError(Status::NotFound("no snapshot " + ref));
  auto view = ctx.views.Get(req.ledger, *shown, req.version);
  if (!view.ok()) return HtmlError(view.status());
  return Html(HomePage(**view, *snapshots, *verified));
}

Reply PageClaims(ServeContext& ctx, const GetRequest& req) {
  auto query = ParseClaimsQuery(req.params);
  if (!query.ok()) return HtmlError(query.status());
  if (query->csv) return HtmlError(Status::InvalidInput("format=csv: use /api/claims"));
  // An identifier typed into the search box (a PIID, FAIN, award id, lease number or claim key)
  // that names one claim in any snapshot goes straight to its page.
  if (IsOneToken(query->q)) {
    auto histories = FindClaimHistories(req.ledger, query->q);
    if (!histories.ok()) return HtmlError(histories.status());
    if (histories->size() == 1) {
      Reply reply{303, kHtmlType, "", {}};
      reply.headers.emplace_back("Location", ClaimPath(histories->front().key));
      return reply;
    }
  }
  auto view = ViewOf(ctx, req, query->snapshot);
  if (!view.ok()) return HtmlError(view.status());
  auto snapshots = req.ledger->Snapshots();
  if (!snapshots.ok()) return HtmlError(snapshots.status());
  ClaimsSelection selection = ctx.selections.Select(*view, req.version, *query, false);
  // A search looks in every snapshot: how many claims match in each of the others.
  std::vector<SnapshotMatches> elsewhere;
  if (!query->q.empty()) {
    for (const SnapshotInfo& s : *snapshots) {
      if (s.id == (*view)->snapshot.id) continue;
      auto other = ctx.views.Get(req.ledger, s, req.version);
      if (!other.ok()) return HtmlError(other.status());
      ClaimsQuery there = *query;
      there.snapshot = std::to_string(s.id);
      std::size_t matches = ctx.selections.Select(*other, req.version, there, false).total;
      if (matches > 0) elsewhere.push_back({s, matches});
    }
  }
  return Html(ClaimsPage(**view, *query, selection, *snapshots, elsewhere));
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
  if (Status s = CheckParams(req.params, {"from", "to", "change", "agency", "money", "sort"});
      !s.ok()) {
    return HtmlError(s);
  }
  auto filter = ParseDiffFilter(req.params, /*default_by_size=*/true);
  if (!filter.ok()) return HtmlError(filter.status());
  auto snapshots = req.ledger->Snapshots();
  if (!snapshots.ok()) return HtmlError(snapshots.status());
  if (!req.params.count("from") && !req.params.count("to")) {
    return Html(DiffPage(*snapshots, nullptr, nullptr, nullptr, *filter, {}));
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
  SnapshotDiff shown = FilterDiff(*diff, *filter);
  return Html(DiffPage(*snapshots, &*from, &*to, &shown, *filter, AgenciesOfDiff(*diff)));
}

}  // namespace receipts::serve
