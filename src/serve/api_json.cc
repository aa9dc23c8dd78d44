#include "serve/api_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <optional>

#include "core/json_writer.h"
#include "core/text.h"
#include "report/report_html.h"
#include "serve/url.h"
#include "serve/verdicts.h"

namespace receipts::serve {
namespace {

// "name":"123.45","name_cents":12345 (or null, null).
std::string Money(const char* name, const std::optional<Cents>& cents) {
  if (!cents) return fmt::format("\"{0}\":null,\"{0}_cents\":null", name);
  return fmt::format("\"{0}\":\"{1}\",\"{0}_cents\":{2}", name, FormatDollars(*cents), *cents);
}

std::string Str(const std::string& text) { return JsonString(text); }

std::string OptInt(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : "null";
}

std::string ClaimFields(const LedgerClaim& c) {
  return fmt::format(
      "\"key\":{},\"seq\":{},\"kind\":{},\"piid\":{},\"agency_id\":{},\"award_id\":{},"
      "\"fain\":{},\"location\":{},\"square_feet\":{},\"agency\":{},\"vendor\":{},"
      "\"description\":{},\"status\":{},\"link\":{},\"date\":{},{},{},\"source_line\":{}",
      Str(c.key), c.seq, Str(c.kind), Str(c.piid), Str(c.agency_id), Str(c.award_id), Str(c.fain),
      Str(c.location), OptInt(c.square_feet), Str(std::string(Trim(c.agency))), Str(c.vendor),
      Str(c.description), Str(c.status), Str(c.link), Str(c.date),
      Money("claimed_savings", c.claimed_savings), Money("claimed_value", c.claimed_value),
      c.source_line);
}

std::string VerdictJson(const std::optional<ClaimVerdict>& v) {
  if (!v) return "null";
  return fmt::format("{{\"verdict\":{},\"meaning\":{},{},\"reason\":{},\"award_key\":{}}}",
                     Str(v->verdict), Str(VerdictMeaningOf(v->verdict)),
                     Money("verified_savings", v->verified_savings), Str(v->reason),
                     Str(v->award_key));
}

std::string FieldChangesJson(const std::vector<FieldChange>& changes) {
  std::string out = "[";
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (i > 0) out += ',';
    out += fmt::format("{{\"field\":{},\"old\":{},\"new\":{}}}", Str(changes[i].field),
                       Str(changes[i].old_value), Str(changes[i].new_value));
  }
  return out + "]";
}

std::string MeasuresJson(const ClaimDetail& d) {
  if (!d.check) return "null";
  const ClaimResult& r = *d.check;
  return fmt::format("{{{},{},{},{},{},\"verdict\":{},\"same_records_as_stored\":{}}}",
                     Money("ceiling_minus_obligated", r.ceiling_minus_obligated),
                     Money("deobligated", r.deobligated),
                     Money("ceiling_reduced", r.ceiling_reduced),
                     Money("obligated_not_outlaid", r.obligated_not_outlaid),
                     Money("verified_savings", r.verified_savings), Str(VerdictName(r.verdict)),
                     d.check_matches_stored ? "true" : "false");
}

std::string EvidenceJson(const ClaimDetail& d) {
  std::string award_key = d.row.verdict ? d.row.verdict->award_key : "";
  if (award_key.empty() && d.check) award_key = d.check->award_key;
  const ClaimLinks links = LinksOfDetail(d);
  std::string out = fmt::format(
      "{{\"award_key\":{},\"usaspending_url\":{},\"fpds_url\":{},\"published_link\":{},"
      "\"records\":",
      Str(award_key), Str(links.usaspending_url), Str(links.fpds_base.url),
      Str(links.published_url));
  if (!d.check) return out + "null}";
  out += '[';
  const char* separator = "";
  for (const RecordLink& link : links.fpds_actions) {
    out += fmt::format("{}{{\"key\":{},\"fpds_url\":{}}}", separator, Str(link.key), Str(link.url));
    separator = ",";
  }
  if (d.check->evidence_left_out > 0) {
    out += fmt::format("{}{{\"key\":{},\"fpds_url\":\"\"}}", separator,
                       Str(LeftOutEvidenceKey(d.check->evidence_left_out)));
  }
  return out + "]}";
}

std::string RecordRowsJson(const ClaimDetail& d) {
  if (!d.record_award) return "null";
  const Award& award = *d.record_award;
  const ParentIdv parent = ParentIdvOfDetail(d);
  std::string out = "[";
  const char* separator = "";
  for (const Action& a : award.actions) {
    out += fmt::format(
        "{}{{\"mod_number\":{},\"transaction_number\":{},\"signed_date\":{},{},{},"
        "\"reason_code\":{},\"fpds_url\":{},\"source_file\":{},\"source_line\":{}}}",
        separator, Str(ModNumberOf(a)), Str(a.transaction_number),
        a.signed_date ? Str(a.signed_date->ToIso()) : std::string("null"),
        Money("obligated", a.obligated), Money("ceiling_change", a.base_and_all),
        Str(a.reason_code), Str(FpdsUrlOfAction(award, a, parent)), Str(a.source_file),
        a.source_line);
    separator = ",";
  }
  return out + "]";
}

}  // namespace

std::string ErrorJson(const std::string& message) {
  return "{\"error\":" + JsonString(message) + "}\n";
}

namespace {
// A snapshot's source as the public may see it: URLs and `upload:NAME` as stored, a path on
// this machine by its file name only (ingest stores the path it was given, often absolute).
std::string PublicSource(const std::string& source) {
  if (source.find("://") != std::string::npos || source.rfind("upload:", 0) == 0) return source;
  std::size_t slash = source.find_last_of('/');
  return slash == std::string::npos ? source : source.substr(slash + 1);
}
}  // namespace

std::string SnapshotJson(const SnapshotInfo& s, bool verified) {
  return fmt::format(
      "{{\"id\":{},\"kind\":{},\"source\":{},\"as_of\":{},\"ingested_at\":{},\"claim_count\":{},"
      "{},\"raw_sha256\":{},\"claims_sha256\":{},\"prev_head\":{},\"head\":{},\"signed\":{},"
      "\"verified\":{}}}",
      s.id, Str(s.kind), Str(PublicSource(s.source)), Str(s.as_of), Str(s.ingested_at),
      s.claim_count, Money("claimed_total", s.claimed_total), Str(s.raw_sha256),
      Str(s.claims_sha256), Str(s.prev_head), Str(s.head), s.is_signed ? "true" : "false",
      verified ? "true" : "false");
}

std::string SnapshotsJson(const std::vector<SnapshotInfo>& snapshots,
                          const std::vector<std::int64_t>& verified_ids) {
  std::string out = "{\"snapshots\":[";
  for (std::size_t i = 0; i < snapshots.size(); ++i) {
    if (i > 0) out += ',';
    bool verified =
        std::find(verified_ids.begin(), verified_ids.end(), snapshots[i].id) != verified_ids.end();
    out += SnapshotJson(snapshots[i], verified);
  }
  return out + "]}\n";
}

std::string SummaryJson(const SnapshotView& view) {
  std::string out = fmt::format(
      "{{\"snapshot\":{},\"claims\":{},{},{},\"verified_at\":{},\"by_verdict\":[",
      SnapshotJson(view.snapshot, view.verified), view.rows.size(),
      Money("claimed_total", view.claimed_total), Money("verified_total", view.verified_total),
      view.verified ? Str(view.verified_at) : "null");
  for (std::size_t i = 0; i < view.by_verdict.size(); ++i) {
    const VerdictTotals& v = view.by_verdict[i];
    if (i > 0) out += ',';
    out += fmt::format("{{\"verdict\":{},\"meaning\":{},\"count\":{},{},{}}}",
                       Str(VerdictName(v.verdict)), Str(VerdictMeaningOf(VerdictName(v.verdict))),
                       v.count, Money("claimed", v.claimed), Money("verified", v.verified));
  }
  out += "],\"by_agency\":[";
  for (std::size_t i = 0; i < view.by_agency.size(); ++i) {
    const AgencyTotals& a = view.by_agency[i];
    if (i > 0) out += ',';
    out += fmt::format(
        "{{\"agency\":{},\"count\":{},{},{}}}", Str(a.agency), a.count, Money("claimed", a.claimed),
        Money("verified", view.verified ? std::optional<Cents>(a.verified) : std::nullopt));
  }
  return out + "]}\n";
}

std::string ClaimsJson(const SnapshotView& view, const ClaimsQuery& query,
                       const ClaimsSelection& selection) {
  std::string out;
  out.reserve(512 + selection.rows.size() * 900);
  auto it = std::back_inserter(out);
  fmt::format_to(it,
                 "{{\"snapshot\":{},\"total\":{},\"page\":{},\"per_page\":{},\"pages\":{},"
                 "\"sort\":{},\"order\":{},\"claims\":[",
                 SnapshotJson(view.snapshot, view.verified), selection.total, query.page,
                 query.per_page, selection.pages, Str(ClaimSortName(query.sort)),
                 query.descending ? "\"desc\"" : "\"asc\"");
  for (std::size_t i = 0; i < selection.rows.size(); ++i) {
    const ClaimRow& row = *selection.rows[i];
    if (i > 0) out += ',';
    fmt::format_to(it, "{{{},\"verdict\":{}}}", ClaimFields(row.claim), VerdictJson(row.verdict));
  }
  out += "]}\n";
  return out;
}

std::string ClaimDetailJson(const ClaimDetail& d) {
  std::string out = fmt::format(
      "{{\"key\":{},\"snapshot\":{},\"claim\":{{{}}},\"verdict\":{},\"measures\":{},"
      "\"evidence\":{},\"life\":{},\"record_rows\":{},\"versions\":[",
      Str(d.key), SnapshotJson(d.snapshot, d.row.verdict.has_value()), ClaimFields(d.row.claim),
      VerdictJson(d.row.verdict), MeasuresJson(d), EvidenceJson(d),
      Str(LifeSentence(LifeOfClaim(d.versions))), RecordRowsJson(d));
  for (std::size_t i = 0; i < d.versions.size(); ++i) {
    const ClaimVersionView& v = d.versions[i];
    if (i > 0) out += ',';
    out += fmt::format(
        "{{\"snapshot_id\":{},\"as_of\":{},\"mark\":{},\"listed\":{},{},\"changes\":{},"
        "\"verdict\":{}}}",
        v.snapshot.id, Str(v.snapshot.as_of), Str(v.mark), v.claim ? "true" : "false",
        Money("claimed_savings", v.claim ? v.claim->claimed_savings : std::nullopt),
        FieldChangesJson(v.changes), VerdictJson(v.verdict));
  }
  return out + "]}\n";
}

std::string DiffJson(const SnapshotInfo& from, const SnapshotInfo& to, const SnapshotDiff& diff) {
  std::string out = fmt::format(
      "{{\"from\":{},\"to\":{},\"added\":{},\"removed\":{},\"changed\":{},{},{},{},\"changes\":[",
      SnapshotJson(from, false), SnapshotJson(to, false), diff.added, diff.removed, diff.changed,
      Money("added_savings", diff.added_savings), Money("removed_savings", diff.removed_savings),
      Money("changed_delta", diff.changed_delta));
  auto it = std::back_inserter(out);
  for (std::size_t i = 0; i < diff.changes.size(); ++i) {
    const ClaimChange& c = diff.changes[i];
    if (i > 0) out += ',';
    const LedgerClaim* any = c.new_claim ? &*c.new_claim : &*c.old_claim;
    fmt::format_to(
        it,
        "{{\"change\":{},\"key\":{},\"kind\":{},\"piid\":{},\"agency\":{},{},{},"
        "\"fields\":{}}}",
        Str(ChangeTypeName(c.type)), Str(c.key), Str(c.kind), Str(any->piid),
        Str(std::string(Trim(any->agency))),
        Money("old_claimed_savings", c.old_claim ? c.old_claim->claimed_savings : std::nullopt),
        Money("new_claimed_savings", c.new_claim ? c.new_claim->claimed_savings : std::nullopt),
        FieldChangesJson(c.fields));
  }
  return out + "]}\n";
}

std::string IngestJson(const SnapshotInfo& snapshot, bool unchanged) {
  return fmt::format("{{\"snapshot\":{},\"unchanged\":{}}}\n", SnapshotJson(snapshot, false),
                     unchanged ? "true" : "false");
}

}  // namespace receipts::serve
