#include "core/claim.h"

namespace receipts {

const char* ClaimKindName(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kContract:
      return "contract";
    case ClaimKind::kGrant:
      return "grant";
    case ClaimKind::kLease:
      return "lease";
  }
  return "contract";
}

}  // namespace receipts
