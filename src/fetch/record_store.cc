#include "fetch/record_store.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/atomic_file.h"
#include "core/input_open.h"
#include "core/sha256.h"

namespace receipts {

const char kStoreIndexHeader[] =
    "fetched_at\tsource\trole\taward_key\tclaims\thttp_status\tsha256\tbytes\turl\tnote";

namespace {

constexpr int kFields = 10;

std::string IndexPath(const std::string& dir) { return dir + "/index.tsv"; }

// Tabs, newlines and backslashes inside a field are written as \t, \n, \\.
std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\\') {
      out += "\\\\";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      char next = text[++i];
      out += next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

std::string FormatLine(const StoreEntry& e) {
  return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", Escape(e.fetched_at),
                     Escape(e.source), Escape(e.role), Escape(e.award_key), Escape(e.claims),
                     e.http_status, e.sha256, e.bytes, Escape(e.url), Escape(e.note));
}

bool IsHex64(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Status ParseLine(const std::string& path, std::size_t line_no, std::string_view line,
                 StoreEntry* e) {
  std::vector<std::string_view> f = SplitTabs(line);
  if (f.size() != kFields) {
    return Status::Corruption(
        fmt::format("{}:{}: {} fields, expected {}", path, line_no, f.size(), kFields));
  }
  e->fetched_at = Unescape(f[0]);
  e->source = Unescape(f[1]);
  e->role = Unescape(f[2]);
  e->award_key = Unescape(f[3]);
  e->claims = Unescape(f[4]);
  auto number = [&](std::string_view text, auto* out, const char* field) -> Status {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
      return Status::Corruption(
          fmt::format("{}:{}: field '{}': '{}' is not a number", path, line_no, field, text));
    }
    return Status::Ok();
  };
  if (Status s = number(f[5], &e->http_status, "http_status"); !s.ok()) return s;
  e->sha256 = std::string(f[6]);
  if (!e->sha256.empty() && !IsHex64(e->sha256)) {
    return Status::Corruption(
        fmt::format("{}:{}: field 'sha256': not 64 lower-case hex digits", path, line_no));
  }
  if (Status s = number(f[7], &e->bytes, "bytes"); !s.ok()) return s;
  e->url = Unescape(f[8]);
  e->note = Unescape(f[9]);
  return Status::Ok();
}

// Removes what killed writers left: temporary index and body files (core/atomic_file).
void RemoveStaleBodyTemps(const std::string& dir) {
  RemoveStaleTemps(dir);
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/bodies", ec)) {
    if (entry.is_directory(ec)) RemoveStaleTemps(entry.path().string());
  }
}

}  // namespace

bool RecordStore::IsStore(const std::string& dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(IndexPath(dir), ec);
}

Result<std::unique_ptr<RecordStore>> RecordStore::Open(const std::string& dir, bool create) {
  std::unique_ptr<RecordStore> store(new RecordStore(dir));
  const std::string index = IndexPath(dir);
  std::error_code ec;
  if (!std::filesystem::exists(index, ec)) {
    if (!create) return Status::NotFound(dir + ": not a record store (no index.tsv)");
    std::filesystem::create_directories(dir + "/bodies", ec);
    if (ec) return Status::IoError(dir + ": " + ec.message());
    // The header goes in through a rename, so an index exists whole or not at all.
    if (Status s = WriteFileAtomically(index, std::string(kStoreIndexHeader) + "\n"); !s.ok()) {
      return s;
    }
  }
  if (create) RemoveStaleBodyTemps(dir);
  if (Status s = store->Load(create); !s.ok()) return s;
  return store;
}

Status RecordStore::Load(bool repair) {
  const std::string path = IndexPath(dir_);
  auto read = ReadWholeFile(path);
  if (!read.ok()) return read.status();
  const std::string text = std::move(*read);
  std::size_t pos = 0;
  std::size_t line_no = 0;
  std::size_t committed = 0;  // bytes up to the last whole line
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) break;  // a torn last line: never committed
    ++line_no;
    std::string_view line(text.data() + pos, end - pos);
    if (line_no == 1) {
      if (line != kStoreIndexHeader) {
        return Status::Corruption(path + ":1: not a record store index header");
      }
    } else if (!line.empty()) {
      StoreEntry entry;
      if (Status s = ParseLine(path, line_no, line, &entry); !s.ok()) return s;
      entries_.push_back(std::move(entry));
    }
    pos = end + 1;
    committed = pos;
  }
  if (line_no == 0) return Status::Corruption(path + ": empty index (no header line)");
  if (repair && committed < text.size()) {
    std::error_code ec;
    std::filesystem::resize_file(path, committed, ec);
    if (ec) return Status::IoError(path + ": cannot cut the torn last line: " + ec.message());
  }
  return Status::Ok();
}

std::string RecordStore::BodyPath(const std::string& sha256) const {
  return dir_ + "/bodies/" + sha256.substr(0, 2) + "/" + sha256;
}

Status RecordStore::Put(StoreEntry entry, std::string_view body, bool has_body) {
  if (has_body) {
    entry.sha256 = Sha256Hex(body);
    entry.bytes = body.size();
    const std::string path = BodyPath(entry.sha256);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) || std::filesystem::file_size(path, ec) != body.size()) {
      const std::string folder = path.substr(0, path.rfind('/'));
      std::filesystem::create_directories(folder, ec);
      if (ec) return Status::IoError(folder + ": " + ec.message());
      // A temporary name of its own (O_EXCL, random), so concurrent puts of the same body do
      // not collide and a planted symlink is never followed.
      if (Status s = WriteFileAtomically(path, body); !s.ok()) return s;
    }
  } else {
    entry.sha256.clear();
    entry.bytes = 0;
  }
  const std::string line = FormatLine(entry);
  std::lock_guard lock(mutex_);
  const std::string index = IndexPath(dir_);
  int fd = ::open(index.c_str(), O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return Status::IoError(index + ": " + std::strerror(errno));
  const off_t before = ::lseek(fd, 0, SEEK_END);
  int saved = WriteAllAndSync(fd, line);
  const bool ok = saved == 0;
  // A line half written (disk full) is taken back, so the next one does not join it.
  if (!ok && before >= 0 && ::ftruncate(fd, before) == 0) ::fsync(fd);
  ::close(fd);
  if (!ok) return Status::IoError(index + ": " + std::strerror(saved));
  entries_.push_back(std::move(entry));
  return Status::Ok();
}

std::vector<StoreEntry> RecordStore::Entries() const {
  std::lock_guard lock(mutex_);
  return entries_;
}

Result<std::string> RecordStore::ReadBody(const StoreEntry& entry) const {
  const std::string path = BodyPath(entry.sha256);
  auto read = ReadWholeFile(path);
  if (!read.ok()) return Status::Corruption(path + ": missing body named in " + IndexPath(dir_));
  std::string body = std::move(*read);
  if (body.size() != entry.bytes) {
    return Status::Corruption(
        fmt::format("{}: {} bytes, the index says {}", path, body.size(), entry.bytes));
  }
  if (Sha256Hex(body) != entry.sha256) {
    return Status::Corruption(path + ": SHA-256 differs from its name (the body was altered)");
  }
  return body;
}

}  // namespace receipts
