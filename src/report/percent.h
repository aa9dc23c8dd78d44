// Shares of money for display ("12.3%"): the one place reports compute a ratio.
#pragma once

#include <string>

#include "core/money.h"

namespace receipts {

// part / whole as a percentage with one decimal ("12.3%"); "<0.1%" when a positive part would
// round to 0.0%; "n/a" when whole is not positive.
// Display only: the ratio goes through a double, money itself never does.
std::string PercentOf(Cents part, Cents whole);

}  // namespace receipts
