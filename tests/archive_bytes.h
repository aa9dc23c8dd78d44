// Compressed bytes made in memory for tests: zip archives (libarchive) and gzip members (zlib).
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <utility>
#include <vector>

namespace receipts::testing {

// The members, in order: deflated, or stored as they are when `store` (so a test can flip a
// digit in a member's data). `options` are libarchive's (e.g. "zip:zip64" for zip64 fields).
inline std::string ZipBytes(const std::vector<std::pair<std::string, std::string>>& members,
                            bool store = false, const char* options = nullptr) {
  std::vector<char> buffer(4096);
  for (const auto& [name, bytes] : members) buffer.resize(buffer.size() + bytes.size() + 512);
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  if (store) archive_write_zip_set_compression_store(a);
  if (options != nullptr) {
    EXPECT_EQ(archive_write_set_options(a, options), ARCHIVE_OK) << options;
  }
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

// One gzip member of `text`; level 0 stores the bytes as they are, so a digit can be flipped.
inline std::string GzipBytes(const std::string& text, int level = Z_DEFAULT_COMPRESSION) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, text.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace receipts::testing
