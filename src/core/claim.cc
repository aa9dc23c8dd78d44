#include "core/claim.h"

#include <iterator>

namespace receipts {
namespace {

struct ClaimKindNames {
  ClaimKind kind;
  const char* singular;
  const char* plural;
};

constexpr ClaimKindNames kClaimKindNames[] = {
    {ClaimKind::kContract, "contract", "contracts"},
    {ClaimKind::kGrant, "grant", "grants"},
    {ClaimKind::kLease, "lease", "leases"},
};

const ClaimKindNames& NamesOf(ClaimKind kind) {
  for (const ClaimKindNames& names : kClaimKindNames) {
    if (names.kind == kind) return names;
  }
  return kClaimKindNames[0];
}

}  // namespace

const char* ClaimKindName(ClaimKind kind) { return NamesOf(kind).singular; }

const char* ClaimKindPluralName(ClaimKind kind) { return NamesOf(kind).plural; }

std::optional<ClaimKind> ClaimKindNamed(std::string_view name) {
  for (const ClaimKindNames& names : kClaimKindNames) {
    if (name == names.singular || name == names.plural) return names.kind;
  }
  return std::nullopt;
}

}  // namespace receipts
