#include "serve/static_site.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <tuple>
#include <vector>

#include "core/json_writer.h"
#include "core/text.h"
#include "ledger/ledger.h"
#include "ledger/proofs.h"
#include "ledger/transparency_log.h"
#include "ledger/verdict_reads.h"
#include "report/output_dir.h"
#include "serve/api_json.h"
#include "serve/assets.h"
#include "serve/claims_query.h"
#include "serve/handlers.h"
#include "serve/money_pages.h"
#include "serve/page_layout.h"
#include "serve/static_links.h"
#include "serve/url.h"
#include "serve/verdicts.h"
#include "verify/claim_result.h"

namespace receipts::serve {
namespace {

using Handler = Reply (*)(ServeContext&, const GetRequest&);

// What every file of the site needs to be rendered.
struct Site {
  ServeContext* ctx = nullptr;
  Ledger* ledger = nullptr;
  std::string version;
  SiteMap map;
  PublishStats* stats = nullptr;
};

// The body of `handler`'s reply to GET `what` with `params`, or the error it answered with.
Result<std::string> Render(const Site& site, Handler handler, QueryParams params, std::string arg,
                           std::string_view what) {
  GetRequest req{site.ledger, site.version, std::move(params), std::move(arg)};
  Reply reply = handler(*site.ctx, req);
  if (reply.status != 200) {
    return Status::IoError(
        fmt::format("publish: {} answered {}: {}", what, reply.status, reply.error));
  }
  return std::move(reply.body);
}

std::size_t Depth(std::string_view name) {
  std::size_t depth = 0;
  for (char c : name) depth += c == '/';
  return depth;
}

std::string PrefixFor(std::string_view name) {
  std::string prefix;
  for (std::size_t i = 0; i < Depth(name); ++i) prefix += "../";
  return prefix;
}

// A file of the site, rendered when it is written (so memory holds one page at a time).
class SiteFiles {
 public:
  explicit SiteFiles(const Site* site) : site_(site) {}

  // A dashboard page: the handler's HTML with its links made relative to `name`.
  void Page(std::string name, Handler handler, QueryParams params, std::string arg = "") {
    std::string what = name;
    files_.push_back(OutputFile{name,
                                [this, name, handler, params = std::move(params),
                                 arg = std::move(arg), what](TextSink* sink) -> Status {
                                  auto body = Render(*site_, handler, params, arg, what);
                                  if (!body.ok()) return body.status();
                                  std::string html =
                                      RewriteLinks(*body, PrefixFor(name), site_->map);
                                  ++site_->stats->pages;
                                  site_->stats->bytes += html.size();
                                  sink->Append(html);
                                  return Status::Ok();
                                }});
  }

  // A data file from an API handler, written as it answered.
  void Data(std::string name, Handler handler, QueryParams params, std::string arg = "") {
    files_.push_back(OutputFile{name,
                                [this, name, handler, params = std::move(params),
                                 arg = std::move(arg)](TextSink* sink) -> Status {
                                  auto body = Render(*site_, handler, params, arg, name);
                                  if (!body.ok()) return body.status();
                                  ++site_->stats->data_files;
                                  site_->stats->bytes += body->size();
                                  sink->Append(*body);
                                  return Status::Ok();
                                }});
  }

  // A file whose text is made by `make`.
  void Text(std::string name, bool page, std::function<Result<std::string>()> make) {
    files_.push_back(OutputFile{name, [this, page, make = std::move(make)](TextSink* sink) {
                                  auto text = make();
                                  if (!text.ok()) return text.status();
                                  ++(page ? site_->stats->pages : site_->stats->data_files);
                                  site_->stats->bytes += text->size();
                                  sink->Append(*text);
                                  return Status::Ok();
                                }});
  }

  const std::vector<OutputFile>& files() const { return files_; }

 private:
  const Site* site_;
  std::vector<OutputFile> files_;
};

// One claim of a snapshot in the search index: [key, kind, ids, agency, vendor, description,
// claimed cents or null, verdict, file stem].
std::string IndexEntry(const ClaimRow& row) {
  const LedgerClaim& c = row.claim;
  std::string ids = c.piid;
  for (const std::string* id : {&c.fain, &c.award_id, &c.agency_id, &c.location}) {
    if (!id->empty()) ids += " " + *id;
  }
  return fmt::format("[{},{},{},{},{},{},{},{},{}]", JsonString(c.key), JsonString(c.kind),
                     JsonString(ids), JsonString(std::string(Trim(c.agency))), JsonString(c.vendor),
                     JsonString(c.description.substr(0, 300)),
                     c.claimed_savings ? std::to_string(*c.claimed_savings) : "null",
                     JsonString(row.verdict ? row.verdict->verdict : ""),
                     JsonString(ClaimFileStem(c.key)));
}

// search/ID.js: the claims of one snapshot for the search script. A script, not JSON, because
// a page opened from disk may load a script but not fetch a file.
Result<std::string> SearchIndex(const Site& site, const SnapshotInfo& snapshot) {
  auto view = site.ctx->views.Get(site.ledger, snapshot, site.version);
  if (!view.ok()) return view.status();
  std::string out = fmt::format(
      "window.RECEIPTS_SEARCH=window.RECEIPTS_SEARCH||{{}};\n"
      "window.RECEIPTS_SEARCH[{}]=[\n",
      snapshot.id);
  for (std::size_t i = 0; i < (*view)->rows.size(); ++i) {
    if (i > 0) out += ",\n";
    out += IndexEntry((*view)->rows[i]);
  }
  return out + "];\n";
}

// search/snapshots.js: every snapshot (id, kind, label, as-of) and the verdicts' words.
std::string SnapshotIndex(const std::vector<SnapshotInfo>& snapshots) {
  std::string out = "window.RECEIPTS_SNAPSHOTS=[";
  for (std::size_t i = 0; i < snapshots.size(); ++i) {
    const SnapshotInfo& s = snapshots[i];
    out += fmt::format("{}[{},{},{}]", i > 0 ? "," : "", s.id, JsonString(s.kind),
                       JsonString(SnapshotLabel(s)));
  }
  out += "];\nwindow.RECEIPTS_VERDICTS={";
  const char* separator = "";
  for (int v = 0; v < kVerdictCount; ++v) {
    std::string name = VerdictName(static_cast<Verdict>(v));
    out += fmt::format("{}{}:{}", separator, JsonString(name), JsonString(VerdictLabelOf(name)));
    separator = ",";
  }
  return out + "};\n";
}

// search.html (template search): the server's search, done by assets/search.js over
// search/*.js. Without script it says where the full lists are.
std::string SearchPage(const Templates& templates, const SiteMap& map,
                       const std::vector<SnapshotInfo>& snapshots) {
  View model = View::Object();
  View& list = model.Set("snapshots", View::List());
  for (const SnapshotInfo& s : snapshots) list.Push(SnapshotModel(s, false));
  return RewriteLinks(templates.RenderPage("search", model, "Search", "claims"), "", map);
}

// diff.html (template diff_index): the comparisons the site holds (the server compares any two
// snapshots).
std::string DiffIndexPage(const Templates& templates, const SiteMap& map,
                          const std::map<std::int64_t, SnapshotInfo>& by_id) {
  View model = View::Object();
  View& list = model.Set("diffs", View::List());
  for (const auto& [from, to] : map.diffs) {
    View& diff = list.Push(View::Object());
    diff.Set("from", SnapshotModel(by_id.at(from), false));
    diff.Set("to", SnapshotModel(by_id.at(to), false));
    diff.Set("href",
             "/diff" + QueryString({{"from", std::to_string(from)}, {"to", std::to_string(to)}}));
  }
  return RewriteLinks(templates.RenderPage("diff_index", model, "Changes", "diff"), "", map);
}

// The families of the vendors of the stored claims' awards (each award's latest vendor UEI), most
// obligated first: the vendor pages the site holds.
Result<std::vector<const VendorFamily*>> FamiliesOfClaims(ServeContext& ctx, const Site& site) {
  auto claims = ctx.stored_claims.Get(site.ledger, site.version);
  if (!claims.ok()) return claims.status();
  std::set<const VendorFamily*> found;
  for (const AwardClaim& claim : **claims) {
    const Award* award =
        claim.award_key.empty() ? nullptr : ctx.records->FindAward(claim.award_key);
    if (award == nullptr || award->actions.empty()) continue;
    const VendorFamily* family =
        ctx.records->families().FindByUei(award->actions.back().vendor_uei);
    if (family != nullptr) found.insert(family);
  }
  std::vector<const VendorFamily*> out(found.begin(), found.end());
  std::sort(out.begin(), out.end(), [](const VendorFamily* a, const VendorFamily* b) {
    return std::tie(b->obligated, a->parent_uei) < std::tie(a->obligated, b->parent_uei);
  });
  return out;
}

// vendors.html (the families listed), a page and a JSON file per family, and the leads pages by
// rule with their JSON (doc/formats.md, "The static site").
void AddMoneyFiles(const ServeContext& ctx, const std::vector<const VendorFamily*>& families,
                   SiteMap* map, SiteFiles* files) {
  map->money = true;
  for (const VendorFamily* family : families) {
    for (const VendorFamily::Member& m : family->members) {
      map->vendor_files.emplace(m.uei, family->parent_uei);
    }
    map->vendor_files[family->parent_uei] = family->parent_uei;
  }
  files->Text("vendors.html", true, [&ctx, &families, map] {
    return Result<std::string>(RewriteLinks(
        ctx.templates.RenderPage("vendors", VendorIndexModel(families), "Vendors", "vendors",
                                 /*follow_money=*/true),
        "", *map));
  });
  for (const VendorFamily* family : families) {
    files->Page("vendors/" + family->parent_uei + ".html", PageVendor, {}, family->parent_uei);
    files->Data("api/vendors/" + family->parent_uei + ".json", ApiVendor, {}, family->parent_uei);
  }
  std::map<std::string, std::size_t> per_rule{{"", ctx.records->leads().leads.size()}};
  for (const RuleCoverage& c : ctx.records->leads().coverage) per_rule[c.rule] = c.flagged;
  for (const auto& [rule, count] : per_rule) {
    const std::int64_t pages = std::max<std::int64_t>(
        1, (static_cast<std::int64_t>(count) + kLeadsPerPage - 1) / kLeadsPerPage);
    map->lead_pages[rule] = pages;
    for (std::int64_t page = 1; page <= pages; ++page) {
      QueryParams params{{"page", std::to_string(page)}};
      if (!rule.empty()) params.emplace("rule", rule);
      const std::string stem = LeadsFileStem(rule, page);
      files->Page(stem == "all-1" ? "leads.html" : "leads/" + stem + ".html", PageLeads, params);
      files->Data("api/leads/" + stem + ".json", ApiLeads, params);
    }
  }
}

}  // namespace

namespace {

// The proofs of one snapshot's claims, made together (ProveSnapshotClaims) when the first is
// wanted.
class ProvedSnapshot {
 public:
  Result<std::string> Proof(Ledger* ledger, std::int64_t snapshot_id, const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (snapshot_id != snapshot_id_) {
      proofs_.clear();
      snapshot_id_ = 0;
      Status s = ProveSnapshotClaims(ledger, snapshot_id,
                                     [this](const std::string& k, const std::string& proof) {
                                       proofs_[k] = proof;
                                       return Status::Ok();
                                     });
      if (!s.ok()) return s;
      snapshot_id_ = snapshot_id;
    }
    auto found = proofs_.find(key);
    if (found == proofs_.end()) {
      return Status::NotFound("snapshot " + std::to_string(snapshot_id) + " has no claim " + key);
    }
    return found->second;
  }

 private:
  std::mutex mutex_;
  std::int64_t snapshot_id_ = 0;
  std::map<std::string, std::string> proofs_;
};

}  // namespace

Status PublishSite(ServeContext& ctx, const std::string& ledger_path, const std::string& out_dir,
                   PublishStats* stats) {
  *stats = PublishStats{};
  auto ledger = Ledger::OpenReadOnly(ledger_path);
  if (!ledger.ok()) return ledger.status();
  auto version = LedgerContentVersion(ledger->get());
  if (!version.ok()) return version.status();
  auto snapshots = (*ledger)->Snapshots();
  if (!snapshots.ok()) return snapshots.status();
  if (snapshots->empty()) {
    return Status::InvalidInput(ledger_path +
                                ": no snapshot to publish (receipts ingest a claims list first)");
  }

  Site site{&ctx, ledger->get(), *version, {}, stats};
  std::map<std::int64_t, SnapshotInfo> by_id;
  std::map<std::string, std::int64_t> last_of_kind;
  std::set<std::string> kinds;
  std::set<std::string> keys;
  std::map<std::string, std::int64_t> latest_of_key;  // the latest snapshot listing each claim
  for (const SnapshotInfo& s : *snapshots) {
    by_id[s.id] = s;
    site.map.pages[s.id] =
        std::max<std::int64_t>(1, (s.claim_count + kMaxPerPage - 1) / kMaxPerPage);
    auto previous = last_of_kind.find(s.kind);
    if (previous != last_of_kind.end()) site.map.diffs.insert({previous->second, s.id});
    last_of_kind[s.kind] = s.id;
    kinds.insert(s.kind);
    auto claims = (*ledger)->Claims(s.id, /*with_raw=*/false);
    if (!claims.ok()) return claims.status();
    for (const LedgerClaim& c : *claims) {
      keys.insert(c.key);
      latest_of_key[c.key] = s.id;
    }
  }
  site.map.latest_snapshot = snapshots->back().id;
  stats->claims = keys.size();

  SiteFiles files(&site);
  files.Page("index.html", PageHome, {});
  files.Text("search.html", true,
             [&] { return Result<std::string>(SearchPage(ctx.templates, site.map, *snapshots)); });
  files.Text("diff.html", true,
             [&] { return Result<std::string>(DiffIndexPage(ctx.templates, site.map, by_id)); });
  for (const char* path : {"/assets/app.css", "/assets/app.js", "/assets/search.js"}) {
    const Asset* asset = FindAsset(path);
    if (asset == nullptr) return Status::NotFound(std::string("no asset ") + path);
    std::string content(asset->body);
    files.Text(std::string(path).substr(1), false,
               [content] { return Result<std::string>(content); });
  }
  files.Text("search/snapshots.js", false,
             [&] { return Result<std::string>(SnapshotIndex(*snapshots)); });
  files.Data("api/snapshots.json", ApiSnapshots, {});
  files.Data("csv/snapshots.csv", ApiSnapshots, {{"format", "csv"}});
  for (const std::string& kind : kinds) {
    files.Page("kinds/" + ClaimFileStem(kind) + ".html", PageHome, {{"kind", kind}});
  }
  for (const SnapshotInfo& s : *snapshots) {
    std::string id = std::to_string(s.id);
    files.Page("snapshots/" + id + ".html", PageHome, {{"snapshot", id}});
    for (std::int64_t page = 1; page <= site.map.pages[s.id]; ++page) {
      QueryParams params{{"snapshot", id},
                         {"page", std::to_string(page)},
                         {"per_page", std::to_string(kMaxPerPage)}};
      files.Page(fmt::format("lists/{}-{}.html", s.id, page), PageClaims, params);
      files.Data(fmt::format("api/claims/{}-{}.json", s.id, page), ApiClaims, params);
    }
    files.Data("api/summary/" + id + ".json", ApiSummary, {{"snapshot", id}});
    files.Data("csv/claims-" + id + ".csv", ApiClaims, {{"snapshot", id}, {"format", "csv"}});
    files.Text("search/" + id + ".js", false, [&site, s] { return SearchIndex(site, s); });
  }
  for (const auto& [from, to] : site.map.diffs) {
    QueryParams params{{"from", std::to_string(from)}, {"to", std::to_string(to)}};
    files.Page(fmt::format("diff/{}-{}.html", from, to), PageDiff, params);
    files.Data(fmt::format("api/diff/{}-{}.json", from, to), ApiDiff, params);
    QueryParams csv = params;
    csv.emplace("format", "csv");
    files.Data(fmt::format("csv/diff-{}-{}.csv", from, to), ApiDiff, csv);
  }
  for (const std::string& key : keys) {
    files.Page("claims/" + ClaimFileStem(key) + ".html", PageClaim, {}, key);
    files.Data("api/claim/" + ClaimFileStem(key) + ".json", ApiClaim, {}, key);
  }
  // The log's checkpoint, and each claim's proof in the latest snapshot listing it (what its
  // page links to). A snapshot's claims are proved in one pass, its trees built once, and held
  // only until the next snapshot's are wanted.
  Ledger* db = ledger->get();
  files.Text("checkpoint.txt", false, [db] { return LogCheckpointNote(db->db()); });
  std::map<std::int64_t, std::vector<std::string>> keys_by_snapshot;
  for (const auto& [key, id] : latest_of_key) keys_by_snapshot[id].push_back(key);
  auto proved = std::make_shared<ProvedSnapshot>();
  for (const auto& [id, of_snapshot] : keys_by_snapshot) {
    for (const std::string& key : of_snapshot) {
      files.Text("proofs/" + ClaimFileStem(key) + ".json", false,
                 [db, proved, id = id, key]() { return proved->Proof(db, id, key); });
    }
  }
  std::vector<const VendorFamily*> families;
  if (FollowsMoney(ctx)) {
    auto published = FamiliesOfClaims(ctx, site);
    if (!published.ok()) return published.status();
    families = std::move(*published);
    AddMoneyFiles(ctx, families, &site.map, &files);
  }
  return WriteFilesAtomically(out_dir, files.files());
}

}  // namespace receipts::serve
