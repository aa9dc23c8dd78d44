// GSA's Inventory of Owned and Leased Properties (IOLP), leases sheet: one snapshot as GSA
// published it, and the leases it lists. IOLP has no rent and no tenant agency.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace receipts {

struct Lease {
  std::string lease_number;  // "LPA00132"
  std::string location_code;
  std::string asset_name;
  std::string street_address;
  std::string city;   // upper-cased, spaces collapsed
  std::string state;  // upper-cased two-letter code
  std::optional<long long> rentable_square_feet;
  std::optional<Date> effective;
  std::optional<Date> expiration;
  std::size_t source_row = 0;  // sheet row (XLSX) or physical line (CSV)
};

struct LeaseInventory {
  std::string source_file;
  Date published;  // from the file's name (GSA names them 2025-5-23-iolp-leases.xlsx)
  std::vector<Lease> leases;
};

}  // namespace receipts
