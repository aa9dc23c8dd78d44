#include "serve/page_layout.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/money.h"
#include "serve/pages.h"
#include "serve/url.h"

namespace receipts::serve {

std::string ClaimPath(std::string_view key, std::int64_t snapshot_id) {
  return "/claims/" + UrlEncode(key) + "?snapshot=" + std::to_string(snapshot_id);
}

std::string ClaimPath(std::string_view key) { return "/claims/" + UrlEncode(key); }

std::string ProofPath(std::string_view key, std::int64_t snapshot_id) {
  return "/api/proofs/" + UrlEncode(key) + "?snapshot=" + std::to_string(snapshot_id);
}

std::string AsOfText(std::string_view as_of) {
  if (as_of.size() < 16 || as_of[10] != 'T') return std::string(as_of);
  if (as_of.substr(10) == "T00:00:00Z") return std::string(as_of.substr(0, 10));
  return fmt::format("{} {} UTC", as_of.substr(0, 10), as_of.substr(11, 5));
}

std::string SnapshotLabel(const SnapshotInfo& s) {
  const std::string when = AsOfText(s.as_of);
  return fmt::format(
      "snapshot {} · {} · {} · {} claims", s.id, s.kind, when,
      GroupThousands(static_cast<std::uint64_t>(std::max<std::int64_t>(0, s.claim_count))));
}

View OptionModel(std::string value, std::string label, bool selected) {
  View o = View::Object();
  o.Set("value", std::move(value));
  o.Set("label", std::move(label));
  o.Set("selected", selected);
  return o;
}

View ErrorModel(int status, std::string_view message) {
  View m = View::Object();
  m.Set("status", View::Int(status));
  m.Set("error", message);
  return m;
}

}  // namespace receipts::serve
