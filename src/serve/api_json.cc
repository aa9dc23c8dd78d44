#include "serve/api_json.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "core/json_writer.h"
#include "core/text.h"
#include "report/report_html.h"
#include "serve/page_layout.h"
#include "serve/url.h"
#include "serve/verdicts.h"

namespace receipts::serve {
namespace {

// A claim's fields as listed, `name` (PIID, else award id, else key) and `href`: its claim page
// in snapshot `snapshot_id`.
View ClaimModel(const LedgerClaim& c, std::int64_t snapshot_id) {
  View m = View::Object();
  m.Set("key", c.key);
  m.Set("seq", View::Int(c.seq));
  m.Set("kind", c.kind);
  m.Set("piid", c.piid);
  m.Set("agency_id", c.agency_id);
  m.Set("award_id", c.award_id);
  m.Set("fain", c.fain);
  m.Set("location", c.location);
  m.Set("square_feet", View::OptionalInt(c.square_feet));
  m.Set("agency", Trim(c.agency));
  m.Set("vendor", c.vendor);
  m.Set("description", c.description);
  m.Set("status", c.status);
  m.Set("link", c.link);
  m.Set("date", c.date);
  m.Set("claimed_savings", View::Money(c.claimed_savings));
  m.Set("claimed_value", View::Money(c.claimed_value));
  m.Set("source_line", View::Int(c.source_line));
  m.Set("name", !c.piid.empty() ? c.piid : (!c.award_id.empty() ? c.award_id : c.key));
  m.Set("href", ClaimPath(c.key, snapshot_id));
  return m;
}

// A field's value as a reader sees it: money fields as "$1,234.56" ("(blank)" when empty).
std::string FieldText(const std::string& field, const std::string& value) {
  if (field != "claimed_savings" && field != "claimed_value") return value;
  if (value.empty()) return "(blank)";
  auto cents = ParseMoney(value);
  if (!cents.ok() || !cents->has_value()) return value;
  return FormatUsd(**cents);
}

View FieldChangesModel(const std::vector<FieldChange>& changes) {
  View list = View::List();
  for (const FieldChange& f : changes) {
    View& m = list.Push(View::Object());
    m.Set("field", f.field);
    m.Set("old", f.old_value);
    m.Set("new", f.new_value);
    m.Set("old_text", FieldText(f.field, f.old_value));
    m.Set("new_text", FieldText(f.field, f.new_value));
  }
  return list;
}

View MeasuresModel(const ClaimDetail& d) {
  if (!d.check) return View();
  const ClaimResult& r = *d.check;
  View m = View::Object();
  m.Set("ceiling_minus_obligated", View::Money(r.ceiling_minus_obligated));
  m.Set("deobligated", View::Money(r.deobligated));
  m.Set("ceiling_reduced", View::Money(r.ceiling_reduced));
  m.Set("obligated_not_outlaid", View::Money(r.obligated_not_outlaid));
  m.Set("verified_savings", View::Money(r.verified_savings));
  m.Set("verdict", VerdictName(r.verdict));
  m.Set("same_records_as_stored", d.check_matches_stored);
  return m;
}

View EvidenceModel(const ClaimDetail& d) {
  const ClaimLinks links = LinksOfDetail(d);
  View m = View::Object();
  m.Set("award_key", AwardKeyOfDetail(d));
  m.Set("usaspending_url", links.usaspending_url);
  m.Set("fpds_url", links.fpds_base.url);
  m.Set("published_link", links.published_url);
  // The base record is listed apart (fpds_base_key) only when no evidence row is that record.
  bool base_in_records = false;
  if (!d.check) {
    m.Set("records", View());
    m.Set("fpds_base_key", links.fpds_base.url.empty() ? std::string() : links.fpds_base.key);
    return m;
  }
  View& records = m.Set("records", View::List());
  for (const RecordLink& link : links.fpds_actions) {
    View& row = records.Push(View::Object());
    row.Set("key", link.key);
    row.Set("fpds_url", link.url);
    base_in_records |= link.key == links.fpds_base.key;
  }
  if (d.check->evidence_left_out > 0) {
    View& row = records.Push(View::Object());
    row.Set("key", LeftOutEvidenceKey(d.check->evidence_left_out));
    row.Set("fpds_url", "");
  }
  m.Set("fpds_base_key",
        links.fpds_base.url.empty() || base_in_records ? std::string() : links.fpds_base.key);
  return m;
}

View RecordRowsModel(const ClaimDetail& d) {
  if (!d.record_award) return View();
  const Award& award = *d.record_award;
  const ParentIdv parent = ParentIdvOfDetail(d);
  View list = View::List();
  for (const Action& a : award.actions) {
    View& m = list.Push(View::Object());
    m.Set("mod_number", ModNumberOf(a));
    m.Set("transaction_number", a.transaction_number);
    m.Set("signed_date", a.signed_date ? View(a.signed_date->ToIso()) : View());
    m.Set("obligated", View::Money(a.obligated));
    m.Set("ceiling_change", View::Money(a.base_and_all));
    m.Set("reason_code", a.reason_code);
    m.Set("fpds_url", FpdsUrlOfAction(award, a, parent));
    m.Set("source_file", a.source_file);
    m.Set("source_line", View::Int(a.source_line));
    m.Set("source_name", std::filesystem::path(a.source_file).filename().string());
  }
  return list;
}

// A snapshot's source as the public may see it: URLs and `upload:NAME` as stored, a path on
// this machine by its file name only (ingest stores the path it was given, often absolute).
std::string PublicSource(const std::string& source) {
  if (source.find("://") != std::string::npos || source.rfind("upload:", 0) == 0) return source;
  std::size_t slash = source.find_last_of('/');
  return slash == std::string::npos ? source : source.substr(slash + 1);
}

}  // namespace

std::string ErrorJson(const std::string& message) {
  return "{\"error\":" + JsonString(message) + "}\n";
}

std::string JsonBody(const View& model) { return ViewJson(model) + "\n"; }

View VerdictModel(const std::optional<ClaimVerdict>& v) {
  if (!v) return View();
  View m = View::Object();
  m.Set("verdict", v->verdict);
  m.Set("meaning", VerdictMeaningOf(v->verdict));
  m.Set("verified_savings", View::Money(v->verified_savings));
  m.Set("reason", v->reason);
  m.Set("award_key", v->award_key);
  m.Set("label", VerdictWords(v->verdict));
  return m;
}

View SnapshotModel(const SnapshotInfo& s, bool verified) {
  View m = View::Object();
  m.Set("id", View::Int(s.id));
  m.Set("kind", s.kind);
  m.Set("source", PublicSource(s.source));
  m.Set("as_of", s.as_of);
  m.Set("ingested_at", s.ingested_at);
  m.Set("claim_count",
        View::Count(static_cast<std::uint64_t>(std::max<std::int64_t>(0, s.claim_count))));
  m.Set("claimed_total", View::Money(s.claimed_total));
  m.Set("raw_sha256", s.raw_sha256);
  m.Set("claims_sha256", s.claims_sha256);
  m.Set("prev_head", s.prev_head);
  m.Set("head", s.head);
  m.Set("signed", s.is_signed);
  m.Set("verified", verified);
  m.Set("label", SnapshotLabel(s));
  m.Set("as_of_text", AsOfText(s.as_of));
  return m;
}

View SnapshotsModel(const std::vector<SnapshotInfo>& snapshots,
                    const std::vector<std::int64_t>& verified_ids) {
  View m = View::Object();
  View& list = m.Set("snapshots", View::List());
  for (const SnapshotInfo& s : snapshots) {
    bool verified = std::find(verified_ids.begin(), verified_ids.end(), s.id) != verified_ids.end();
    list.Push(SnapshotModel(s, verified));
  }
  return m;
}

View SummaryModel(const SnapshotView& view) {
  View m = View::Object();
  m.Set("snapshot", SnapshotModel(view.snapshot, view.verified));
  m.Set("claims", View::Count(view.rows.size()));
  m.Set("claimed_total", View::Money(view.claimed_total));
  m.Set("verified_total", View::Money(view.verified_total));
  m.Set("verified_at", view.verified ? View(view.verified_at) : View());
  View& verdicts = m.Set("by_verdict", View::List());
  for (const VerdictTotals& v : view.by_verdict) {
    View& row = verdicts.Push(View::Object());
    row.Set("verdict", VerdictName(v.verdict));
    row.Set("meaning", VerdictMeaningOf(VerdictName(v.verdict)));
    row.Set("count", View::Count(v.count));
    row.Set("claimed", View::Money(v.claimed));
    row.Set("verified", View::Money(v.verified));
    row.Set("label", VerdictLabel(v.verdict));
  }
  View& agencies = m.Set("by_agency", View::List());
  for (const AgencyTotals& a : view.by_agency) {
    View& row = agencies.Push(View::Object());
    row.Set("agency", a.agency);
    row.Set("count", View::Count(a.count));
    row.Set("claimed", View::Money(a.claimed));
    row.Set("verified",
            View::Money(view.verified ? std::optional<Cents>(a.verified) : std::nullopt));
  }
  return m;
}

View ClaimsModel(const SnapshotView& view, const ClaimsQuery& query,
                 const ClaimsSelection& selection) {
  View m = View::Object();
  m.Set("snapshot", SnapshotModel(view.snapshot, view.verified));
  m.Set("total", View::Count(selection.total));
  m.Set("page", View::Int(query.page));
  m.Set("per_page", View::Int(query.per_page));
  m.Set("pages", View::Int(selection.pages));
  m.Set("sort", ClaimSortName(query.sort));
  m.Set("order", query.descending ? "desc" : "asc");
  View& claims = m.Set("claims", View::List());
  for (const ClaimRow* row : selection.rows) {
    View& claim = claims.Push(ClaimModel(row->claim, view.snapshot.id));
    claim.Set("verdict", VerdictModel(row->verdict));
  }
  return m;
}

View ClaimDetailModel(const ClaimDetail& d) {
  View m = View::Object();
  m.Set("key", d.key);
  m.Set("snapshot", SnapshotModel(d.snapshot, d.row.verdict.has_value()));
  m.Set("claim", ClaimModel(d.row.claim, d.snapshot.id));
  m.Set("verdict", VerdictModel(d.row.verdict));
  m.Set("measures", MeasuresModel(d));
  m.Set("evidence", EvidenceModel(d));
  m.Set("life", LifeSentence(LifeOfClaim(d.versions)));
  m.Set("record_rows", RecordRowsModel(d));
  View& versions = m.Set("versions", View::List());
  for (const ClaimVersionView& v : d.versions) {
    View& row = versions.Push(View::Object());
    row.Set("snapshot_id", View::Int(v.snapshot.id));
    row.Set("as_of", v.snapshot.as_of);
    row.Set("mark", v.mark);
    row.Set("listed", v.claim.has_value());
    row.Set("claimed_savings", View::Money(v.claim ? v.claim->claimed_savings : std::nullopt));
    row.Set("changes", FieldChangesModel(v.changes));
    row.Set("verdict", VerdictModel(v.verdict));
    row.Set("href", v.claim ? View(ClaimPath(d.key, v.snapshot.id)) : View());
    row.Set("as_of_text", AsOfText(v.snapshot.as_of));
  }
  return m;
}

View DiffModel(const SnapshotInfo& from, const SnapshotInfo& to, const SnapshotDiff& diff,
               std::size_t max_changes) {
  View m = View::Object();
  m.Set("from", SnapshotModel(from, false));
  m.Set("to", SnapshotModel(to, false));
  m.Set("added", View::Count(diff.added));
  m.Set("removed", View::Count(diff.removed));
  m.Set("changed", View::Count(diff.changed));
  m.Set("added_savings", View::Money(diff.added_savings));
  m.Set("removed_savings", View::Money(diff.removed_savings));
  m.Set("changed_delta", View::Money(diff.changed_delta));
  m.Set("matching", View::Count(diff.changes.size()));
  View& changes = m.Set("changes", View::List());
  for (std::size_t i = 0; i < diff.changes.size() && i < max_changes; ++i) {
    const ClaimChange& c = diff.changes[i];
    const LedgerClaim* any = c.new_claim ? &*c.new_claim : &*c.old_claim;
    View& row = changes.Push(View::Object());
    row.Set("change", ChangeTypeName(c.type));
    row.Set("key", c.key);
    row.Set("kind", c.kind);
    row.Set("piid", any->piid);
    row.Set("agency", Trim(any->agency));
    row.Set("old_claimed_savings",
            View::Money(c.old_claim ? c.old_claim->claimed_savings : std::nullopt));
    row.Set("new_claimed_savings",
            View::Money(c.new_claim ? c.new_claim->claimed_savings : std::nullopt));
    row.Set("fields", FieldChangesModel(c.fields));
    row.Set("name", !any->piid.empty() ? any->piid : c.key);
    row.Set("href", ClaimPath(c.key, c.new_claim ? to.id : from.id));
    row.Set("listed_before", c.old_claim.has_value());
    row.Set("listed_after", c.new_claim.has_value());
  }
  return m;
}

View IngestModel(const SnapshotInfo& snapshot, bool unchanged) {
  View m = View::Object();
  m.Set("snapshot", SnapshotModel(snapshot, false));
  m.Set("unchanged", unchanged);
  return m;
}

}  // namespace receipts::serve
