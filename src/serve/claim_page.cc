#include "core/text.h"
#include "serve/api_json.h"
#include "serve/page_layout.h"
#include "serve/pages.h"

namespace receipts::serve {

View ClaimPageModel(const ClaimDetail& d) {
  View m = ClaimDetailModel(d);
  const LedgerClaim& c = d.row.claim;

  // The claim as listed: only the fields it has, in the order a reader checks them.
  View& facts = m.Set("facts", View::List());
  auto fact = [&](std::string_view label, std::string value) {
    if (value.empty()) return;
    View& f = facts.Push(View::Object());
    f.Set("label", label);
    f.Set("value", std::move(value));
  };
  fact("kind", c.kind);
  fact("PIID", c.piid);
  fact("agency id", c.agency_id);
  fact("award id", c.award_id);
  fact("FAIN", c.fain);
  fact("location", c.location);
  if (c.square_feet) fact("square feet", std::to_string(*c.square_feet));
  fact("agency", std::string(Trim(c.agency)));
  fact("vendor", c.vendor);
  fact("description", c.description);
  fact("status", c.status);
  fact("date", c.date);
  fact("link", c.link);
  fact("source line", std::to_string(c.source_line));

  if (d.record_award) {
    m.Set("record_award_key", d.record_award->key);
    m.Set("record_action_count", View::Count(d.record_award->actions.size()));
    m.Set("record_actions_plural", d.record_award->actions.size() != 1);
  }
  return m;
}

}  // namespace receipts::serve
