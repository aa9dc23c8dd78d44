// A zip archive in memory, written with libarchive, for tests that serve or store zips.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <string>
#include <utility>
#include <vector>

namespace receipts::testing {

// The members, deflated, in order.
inline std::string ZipBytes(const std::vector<std::pair<std::string, std::string>>& members) {
  std::vector<char> buffer(4096);
  for (const auto& [name, bytes] : members) buffer.resize(buffer.size() + bytes.size() + 512);
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  std::size_t used = 0;
  archive_write_open_memory(a, buffer.data(), buffer.size(), &used);
  for (const auto& [name, bytes] : members) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_write_header(a, entry);
    archive_write_data(a, bytes.data(), bytes.size());
    archive_entry_free(entry);
  }
  archive_write_close(a);
  archive_write_free(a);
  return std::string(buffer.data(), used);
}

}  // namespace receipts::testing
