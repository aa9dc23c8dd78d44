// The follow-the-money endpoints and pages: vendors and leads, read from the records the server
// was started with (serve --records).
#include "core/text.h"
#include "jobs/award_claims.h"
#include "serve/api_json.h"
#include "serve/handlers.h"
#include "serve/money_pages.h"
#include "serve/pages.h"
#include "serve/url.h"
#include "vendor/vendor_families.h"

namespace receipts::serve {
namespace {

Reply Json(const View& model) { return Reply{200, kJsonType, JsonBody(model), {}, {}}; }

Status NoRecords() {
  return Status::NotFound(
      "this server has no records: vendors and leads need serve --records FILE… (the files "
      "verify read)");
}

// An FPDS agencyID or a rule id: letters and digits, at most 8.
bool IsShortCode(std::string_view text) {
  if (text.empty() || text.size() > 8) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

Result<LeadsFilter> ParseLeadsFilter(const ServeContext& ctx, const QueryParams& params) {
  LeadsFilter filter;
  filter.rule = ToUpperAscii(Param(params, "rule"));
  filter.agency = ToUpperAscii(Param(params, "agency"));
  if (!filter.rule.empty()) {
    bool known = false;
    for (const RuleCoverage& c : ctx.records->leads().coverage) known |= c.rule == filter.rule;
    if (!known) return Status::InvalidInput("parameter 'rule': no rule '" + filter.rule + "'");
  }
  if (!filter.agency.empty() && !IsShortCode(filter.agency)) {
    return Status::InvalidInput("parameter 'agency': an FPDS agencyID such as 7200");
  }
  auto page = ParseBoundedInt("page", Param(params, "page", "1"), 1, 1'000'000);
  if (!page.ok()) return page.status();
  filter.page = *page;
  return filter;
}

// The vendor's model, or why there is none.
Result<View> VendorOf(ServeContext& ctx, const GetRequest& req) {
  if (!ctx.records) return NoRecords();
  if (Status s = CheckParams(req.params, {"format"}); !s.ok()) return s;
  if (Status s = CheckPageFormat(req.params); !s.ok()) return s;
  if (!LooksLikeUei(req.arg)) {
    return Status::InvalidInput("a vendor is named by its UEI: 12 letters and digits");
  }
  const VendorFamily* family = ctx.records->families().FindByUei(req.arg);
  if (family == nullptr) {
    return Status::NotFound("no record row names the UEI " + ToUpperAscii(req.arg));
  }
  auto claims = ctx.stored_claims.Get(req.ledger, req.version);
  if (!claims.ok()) return claims.status();
  return VendorModel(*ctx.records, *family, **claims);
}

Result<View> CandidatesOf(ServeContext& ctx, const GetRequest& req) {
  if (!ctx.records) return NoRecords();
  if (Status s = CheckParams(req.params, {"q", "format"}); !s.ok()) return s;
  if (Status s = CheckPageFormat(req.params); !s.ok()) return s;
  return VendorCandidatesModel(*ctx.records, std::string(Trim(Param(req.params, "q"))));
}

// The leads the request selects; `filter` (may be null) gets the selection.
Result<View> LeadsOf(ServeContext& ctx, const GetRequest& req, LeadsFilter* filter = nullptr) {
  if (!ctx.records) return NoRecords();
  if (Status s = CheckParams(req.params, {"rule", "agency", "page", "format"}); !s.ok()) return s;
  if (Status s = CheckPageFormat(req.params); !s.ok()) return s;
  auto parsed = ParseLeadsFilter(ctx, req.params);
  if (!parsed.ok()) return parsed.status();
  if (filter != nullptr) *filter = *parsed;
  return LeadsModel(*ctx.records, *parsed);
}

}  // namespace

Reply ApiVendors(ServeContext& ctx, const GetRequest& req) {
  if (Trim(Param(req.params, "q")).empty()) {
    return JsonError(400, "parameter 'q' (a vendor name) is required");
  }
  auto model = CandidatesOf(ctx, req);
  return model.ok() ? Json(*model) : JsonError(model.status());
}

Reply ApiVendor(ServeContext& ctx, const GetRequest& req) {
  auto model = VendorOf(ctx, req);
  return model.ok() ? Json(*model) : JsonError(model.status());
}

Reply ApiLeads(ServeContext& ctx, const GetRequest& req) {
  auto model = LeadsOf(ctx, req);
  return model.ok() ? Json(*model) : JsonError(model.status());
}

Reply PageVendors(ServeContext& ctx, const GetRequest& req) {
  auto model = CandidatesOf(ctx, req);
  if (!model.ok()) return HtmlError(ctx, model.status());
  model->Set("searched", !model->Find("query")->text().empty());
  return Page(ctx, req, "vendors", *model, "Vendors", "vendors");
}

Reply PageVendor(ServeContext& ctx, const GetRequest& req) {
  auto model = VendorOf(ctx, req);
  if (!model.ok()) return HtmlError(ctx, model.status());
  const std::string title = model->Find("name")->text();
  return Page(ctx, req, "vendor", *model, title, "vendors");
}

Reply PageLeads(ServeContext& ctx, const GetRequest& req) {
  LeadsFilter filter;
  auto model = LeadsOf(ctx, req, &filter);
  if (!model.ok()) return HtmlError(ctx, model.status());
  // The filter form and the pager.
  View& rules = model->Set("rule_options", View::List());
  rules.Push(OptionModel("", "every rule", filter.rule.empty()));
  for (const RuleCoverage& c : ctx.records->leads().coverage) {
    rules.Push(OptionModel(c.rule, c.rule + ": " + c.title, c.rule == filter.rule));
  }
  auto link = [&](std::int64_t page) {
    std::vector<std::pair<std::string, std::string>> parts;
    if (!filter.rule.empty()) parts.emplace_back("rule", filter.rule);
    if (!filter.agency.empty()) parts.emplace_back("agency", filter.agency);
    if (page > 1) parts.emplace_back("page", std::to_string(page));
    return "/leads" + QueryString(parts);
  };
  const std::int64_t pages = model->Find("pages")->integer();
  if (filter.page > 1) model->Set("prev_href", link(filter.page - 1));
  if (filter.page < pages) model->Set("next_href", link(filter.page + 1));
  return Page(ctx, req, "leads", *model, "Leads", "leads");
}

}  // namespace receipts::serve
