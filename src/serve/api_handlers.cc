#include <optional>

#include "core/as_of.h"
#include "jobs/ingest_job.h"
#include "ledger/diff.h"
#include "ledger/proofs.h"
#include "ledger/transparency_log.h"
#include "report/diff_render.h"
#include "serve/api_csv.h"
#include "serve/api_json.h"
#include "serve/claim_detail.h"
#include "serve/claims_query.h"
#include "serve/diff_filter.h"
#include "serve/handlers.h"
#include "serve/static_links.h"

namespace receipts::serve {
namespace {

Reply Json(std::string body) { return Reply{200, kJsonType, std::move(body), {}, {}}; }

Reply Csv(std::string body, const std::string& file_name) {
  return Reply{200,
               kCsvType,
               std::move(body),
               {{"Content-Disposition", "attachment; filename=\"" + file_name + "\""}},
               {}};
}

Status NoCsv() {
  return Status::InvalidInput(
      "format=csv is offered for the lists: /api/snapshots, /api/claims, /api/diff");
}

}  // namespace

Result<std::shared_ptr<const SnapshotView>> ViewOf(ServeContext& ctx, const GetRequest& req,
                                                   const std::string& ref) {
  auto snapshot = req.ledger->FindSnapshot(ref);
  if (!snapshot.ok()) return snapshot.status();
  return ctx.views.Get(req.ledger, *snapshot, req.version);
}

Reply ApiSummary(ServeContext& ctx, const GetRequest& req) {
  if (Status s = CheckParams(req.params, {"snapshot", "format"}); !s.ok()) return JsonError(s);
  std::string ref = Param(req.params, "snapshot", "latest");
  if (Status s = CheckSnapshotRef("snapshot", ref); !s.ok()) return JsonError(s);
  auto csv = ParseCsvFormat(req.params);
  if (!csv.ok()) return JsonError(csv.status());
  if (*csv) return JsonError(NoCsv());
  auto view = ViewOf(ctx, req, ref);
  if (!view.ok()) return JsonError(view.status());
  return Json(JsonBody(SummaryModel(**view)));
}

Reply ApiSnapshots(ServeContext&, const GetRequest& req) {
  if (Status s = CheckParams(req.params, {"format"}); !s.ok()) return JsonError(s);
  auto csv = ParseCsvFormat(req.params);
  if (!csv.ok()) return JsonError(csv.status());
  auto snapshots = req.ledger->Snapshots();
  if (!snapshots.ok()) return JsonError(snapshots.status());
  auto verified = VerifiedSnapshotIds(req.ledger->db());
  if (!verified.ok()) return JsonError(verified.status());
  if (*csv) return Csv(SnapshotsCsv(*snapshots, *verified), "snapshots.csv");
  return Json(JsonBody(SnapshotsModel(*snapshots, *verified)));
}

Reply ApiClaims(ServeContext& ctx, const GetRequest& req) {
  auto query = ParseClaimsQuery(req.params);
  if (!query.ok()) return JsonError(query.status());
  auto view = ViewOf(ctx, req, query->snapshot);
  if (!view.ok()) return JsonError(view.status());
  ClaimsSelection selection = ctx.selections.Select(*view, req.version, *query, query->csv);
  if (query->csv) {
    return Csv(ClaimsCsv(**view, selection),
               "claims-snapshot-" + std::to_string((*view)->snapshot.id) + ".csv");
  }
  return Json(JsonBody(ClaimsModel(**view, *query, selection)));
}

Reply ApiClaim(ServeContext& ctx, const GetRequest& req) {
  if (Status s = CheckParams(req.params, {"snapshot", "format"}); !s.ok()) return JsonError(s);
  std::string ref = Param(req.params, "snapshot");
  if (!ref.empty()) {
    if (Status s = CheckSnapshotRef("snapshot", ref); !s.ok()) return JsonError(s);
  }
  auto csv = ParseCsvFormat(req.params);
  if (!csv.ok()) return JsonError(csv.status());
  if (*csv) return JsonError(NoCsv());
  if (req.arg.empty() || req.arg.size() > kMaxParamLength) {
    return JsonError(400, "a claim key is 1 to " + std::to_string(kMaxParamLength) + " bytes");
  }
  auto detail = LoadClaimDetail(req.ledger, ctx.records.get(), req.arg, ref);
  if (!detail.ok()) return JsonError(detail.status());
  return Json(JsonBody(ClaimDetailModel(*detail)));
}

Reply ApiCheckpoint(ServeContext&, const GetRequest& req) {
  if (Status s = CheckParams(req.params, {}); !s.ok()) return JsonError(s);
  auto note = LogCheckpointNote(req.ledger->db());
  if (!note.ok()) return JsonError(note.status());
  return Reply{200, "text/plain; charset=utf-8", std::move(*note), {}, {}};
}

Reply ApiProof(ServeContext&, const GetRequest& req) {
  if (Status s = CheckParams(req.params, {"snapshot"}); !s.ok()) return JsonError(s);
  std::string ref = Param(req.params, "snapshot");
  if (!ref.empty()) {
    if (Status s = CheckSnapshotRef("snapshot", ref); !s.ok()) return JsonError(s);
  }
  if (req.arg.empty() || req.arg.size() > kMaxParamLength) {
    return JsonError(400, "a claim key is 1 to " + std::to_string(kMaxParamLength) + " bytes");
  }
  ClaimProofOptions options;
  options.claim_key = req.arg;
  options.snapshot = ref;
  auto proof = ProveClaim(req.ledger, options);
  if (!proof.ok()) return JsonError(proof.status());
  Reply reply{200, kJsonType, std::move(*proof), {}, {}};
  reply.headers.emplace_back("Content-Disposition",
                             "attachment; filename=\"proof-" + ClaimFileStem(req.arg) + ".json\"");
  return reply;
}

Reply ApiDiff(ServeContext&, const GetRequest& req) {
  if (Status s =
          CheckParams(req.params, {"from", "to", "format", "change", "agency", "money", "sort"});
      !s.ok()) {
    return JsonError(s);
  }
  auto filter = ParseDiffFilter(req.params, /*default_by_size=*/false);
  if (!filter.ok()) return JsonError(filter.status());
  if (!req.params.count("from") || !req.params.count("to")) {
    return JsonError(400, "parameters 'from' and 'to' (snapshot ids or 'latest') are required");
  }
  std::string from_ref = Param(req.params, "from"), to_ref = Param(req.params, "to");
  if (Status s = CheckSnapshotRef("from", from_ref); !s.ok()) return JsonError(s);
  if (Status s = CheckSnapshotRef("to", to_ref); !s.ok()) return JsonError(s);
  auto csv = ParseCsvFormat(req.params);
  if (!csv.ok()) return JsonError(csv.status());
  auto from = req.ledger->FindSnapshot(from_ref);
  if (!from.ok()) return JsonError(from.status());
  auto to = req.ledger->FindSnapshot(to_ref);
  if (!to.ok()) return JsonError(to.status());
  auto compared = DiffSnapshots(req.ledger, *from, *to);
  if (!compared.ok()) return JsonError(compared.status());
  const SnapshotDiff diff = FilterDiff(*compared, *filter);
  if (*csv) {
    return Csv(RenderDiffCsv(diff),
               "diff-" + std::to_string(from->id) + "-" + std::to_string(to->id) + ".csv");
  }
  return Json(JsonBody(DiffModel(*from, *to, diff)));
}

Reply ApiIngest(ServeContext&, Ledger* ledger, const QueryParams& params, std::string body) {
  if (Status s = CheckParams(params, {"name", "as_of", "kind"}); !s.ok()) return JsonError(s);
  std::string name = Param(params, "name", "upload");
  for (char c : name) {
    if (static_cast<unsigned char>(c) < ' ' || c == '/' || c == '\\') {
      return JsonError(400, "parameter 'name' is a file name: no slashes or control characters");
    }
  }
  std::string kind_text = Param(params, "kind");
  std::optional<ClaimKind> kind = ClaimKindNamed(kind_text);
  if (!kind_text.empty() && (!kind || kind_text != ClaimKindPluralName(*kind))) {
    return JsonError(400, "parameter 'kind' must be contracts, grants or leases");
  }
  std::string as_of;
  if (params.count("as_of")) {
    auto parsed = ParseAsOf(Param(params, "as_of"));
    if (!parsed.ok()) return JsonError(400, "parameter 'as_of': " + parsed.status().message());
    as_of = *parsed;
  }
  if (body.empty()) return JsonError(400, "the request body (a claims file) is empty");
  IngestJob job;
  job.source = "upload:" + name;
  job.bytes = std::move(body);
  job.as_of = as_of;
  job.name = name;
  job.kind = kind;
  auto result = IngestInto(ledger, std::move(job));
  if (!result.ok()) return JsonError(result.status());
  Reply reply = Json(JsonBody(IngestModel(result->snapshot, result->unchanged)));
  reply.status = result->unchanged ? 200 : 201;
  if (!result->unchanged) {
    reply.headers.emplace_back("Location", "/api/snapshots#" + std::to_string(result->snapshot.id));
  }
  return reply;
}

}  // namespace receipts::serve
