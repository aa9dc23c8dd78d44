#include "jobs/record_inputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "core/date.h"
#include "core/input_open.h"
#include "core/ordered_work.h"
#include "fetch/record_store.h"
#include "io/archive_stream.h"
#include "io/input_file.h"
#include "records/postgres_records.h"
#include "records/records_reader.h"

namespace receipts {
namespace {

// A zip this small may be a per-award download: it is read whole to look at its members. Real
// per-award downloads are kilobytes; bulk archives are gigabytes and are scanned as streams.
constexpr std::uintmax_t kSmallZipBytes = std::uintmax_t{64} << 20;
// A .gz this small may hold ATOM pages or a SAM.gov response: it is inflated whole to look.
constexpr std::uintmax_t kSmallGzipBytes = std::uintmax_t{16} << 20;
// Saved ATOM crawls and SAM.gov responses are read whole (a DOM is needed for JSON): bounded.
constexpr std::uintmax_t kWholeBytes = std::uintmax_t{1} << 30;
constexpr std::size_t kHeadBytes = 64 << 10;

std::string DayOf(const std::string& utc) { return utc.substr(0, 10); }

const char* SourceName(const std::string& source) {
  return source == "sam" ? "SAM.gov" : "USAspending";
}

// At most this many inputs read whole are held at once, beyond the one being added.
constexpr std::size_t kWholeWindow = 16;

// An input read whole on a worker thread: its parts, and when it is a per-award download, what
// it parsed to.
struct WholeInput {
  std::string name;
  Status status;
  std::vector<InputPart> parts;
  std::optional<ParsedDownload> download;
};

// Decodes `bytes` into `in` and parses it when it is a per-award download.
void Decode(std::string bytes, WholeInput* in) {
  Result<std::vector<InputPart>> parts = DecodeInput(in->name, std::move(bytes));
  if (!parts.ok()) {
    in->status = parts.status();
    return;
  }
  in->parts = std::move(parts).value();
  if (!IsAwardDownload(in->parts)) return;
  Result<ParsedDownload> parsed = ParseAwardDownload(in->name, in->parts);
  if (!parsed.ok()) {
    in->status = parsed.status();
    return;
  }
  in->download = std::move(parsed).value();
  in->parts.clear();
}

// Adds what a worker read to `records`, or fails as it failed.
Status Add(WholeInput in, RecordSet* records) {
  if (!in.status.ok()) return in.status;
  if (in.download) {
    AddAwardDownload(std::move(*in.download), records);
    return Status::Ok();
  }
  return ReadRecordParts(in.name, in.parts, records);
}

// The awards of the store in `dir`: per source, the latest stored file of each (asked key,
// downloaded key or page), for awards whose last outcome is "done"; the awards the source said it
// does not have; and the earliest fetch day, which is how fresh the store is.
Status ReadStore(const std::string& dir, RecordSet* records, std::vector<std::string>* files_read) {
  auto store = RecordStore::Open(dir, /*create=*/false);
  if (!store.ok()) return store.status();
  using SourceKey = std::pair<std::string, std::string>;  // source, asked key
  std::map<std::pair<SourceKey, std::string>, StoreEntry> files;
  std::map<SourceKey, StoreEntry> last_outcome;  // the last done/absent entry
  for (const StoreEntry& entry : (*store)->Entries()) {
    const SourceKey key{entry.source, entry.award_key};
    // A USAspending file is one award's download (note: its key); a SAM.gov file is one page
    // of a search (its URL tells the page).
    if (entry.role == "file") files[{key, entry.source == "sam" ? entry.url : entry.note}] = entry;
    if (entry.role == "done" || entry.role == "absent") last_outcome[key] = entry;
  }
  std::optional<Date> fetched;
  auto note_fetched = [&](const std::string& at) {
    Result<std::optional<Date>> day = ParseDate(DayOf(at));
    if (day.ok() && *day && (!fetched || **day < *fetched)) fetched = **day;
  };
  for (const auto& [key, entry] : last_outcome) {
    if (entry.role != "absent") continue;
    // Another source that has the award wins over one that has not.
    if (records->absent_awards.count(key.second) == 0) {
      Result<std::optional<Date>> asked = ParseDate(DayOf(entry.fetched_at));
      records->absent_awards[key.second] =
          RecordSet::Absent{fmt::format("{} has no award {} (asked {}).", SourceName(key.first),
                                        key.second, DayOf(entry.fetched_at)),
                            asked.ok() ? *asked : std::nullopt};
    }
    note_fetched(entry.fetched_at);
  }
  std::set<std::string> read_bodies;
  std::vector<const StoreEntry*> bodies;
  for (const auto& [keys, entry] : files) {
    auto outcome = last_outcome.find(keys.first);
    if (outcome == last_outcome.end() || outcome->second.role != "done") continue;
    if (!read_bodies.insert(entry.sha256).second) continue;  // one body serving two keys
    bodies.push_back(&entry);
  }
  // Each body is read, checked, inflated and parsed on its own, on every core, then added in
  // index order.
  std::vector<WholeInput> read(bodies.size());
  Status s = RunInOrder(
      bodies.size(), 0, kWholeWindow,
      [&](std::size_t i) {
        WholeInput& in = read[i];
        in.name = (*store)->BodyPath(bodies[i]->sha256);
        Result<std::string> body = (*store)->ReadBody(*bodies[i]);
        if (!body.ok()) {
          in.status = body.status();
          return;
        }
        Decode(std::move(body).value(), &in);
      },
      [&](std::size_t i) {
        std::string name = read[i].name;
        if (Status added = Add(std::move(read[i]), records); !added.ok()) return added;
        if (files_read != nullptr) files_read->push_back(std::move(name));
        note_fetched(bodies[i]->fetched_at);
        return Status::Ok();
      });
  if (!s.ok()) return s;
  // An award one source has and another has not is not absent.
  for (const Award& award : records->awards) records->absent_awards.erase(award.key);
  if (fetched && (!records->fetched_as_of || *fetched < *records->fetched_as_of)) {
    records->fetched_as_of = fetched;
  }
  return Status::Ok();
}

// Every regular file beneath `dir`, in name order (hidden files and folders left out).
Result<std::vector<std::string>> FilesBeneath(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  std::filesystem::recursive_directory_iterator it(dir, ec), end;
  if (ec) return Status::IoError(dir + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return Status::IoError(dir + ": " + ec.message());
    const std::string name = it->path().filename().string();
    if (name.starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The first bytes of a plain file.
std::string Head(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
  return head;
}

// Reads `path` into `in` when it is not a CSV to scan: a per-award download (a small zip with a
// TransactionHistory member), saved ATOM pages or SAM.gov responses (XML or JSON, plain or
// compressed), a terminated-grant list or a lease inventory (XLSX or CSV); `*whole` tells.
// Anything else, and any file too big to be one, is left to the scan.
void ReadIfWhole(const std::string& path, WholeInput* in, bool* whole) {
  *whole = false;
  in->name = path;
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return;  // the scan names the file
  Result<ArchiveStream::Kind> kind = ArchiveStream::Detect(path);
  if (!kind.ok()) return;
  if (*kind == ArchiveStream::Kind::kPlain) {
    if (size > kWholeBytes || !IsStructuredRecords(Head(path))) return;
  } else if (size > (*kind == ArchiveStream::Kind::kZip ? kSmallZipBytes : kSmallGzipBytes)) {
    return;
  }
  *whole = true;
  Result<std::string> bytes = ReadWholeFile(path);
  if (!bytes.ok()) {
    in->status = bytes.status();
    return;
  }
  Decode(std::move(bytes).value(), in);
  if (in->status.ok() && !in->download && !IsWholeRecords(in->parts)) {
    *whole = false;
    in->parts.clear();
  }
}

}  // namespace

Status ReadRecordInputs(const std::vector<std::string>& inputs, const RecordFilter& wanted,
                        RecordSet* records, ScanStats* stats, const ScanOptions& options,
                        std::vector<std::string>* files_read) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    if (IsPostgresInput(input)) {
      if (Status s = ReadPostgresRecords(input, wanted, records); !s.ok()) return s;
      if (files_read != nullptr) files_read->push_back(PostgresDisplayName(input));
      continue;
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(input, ec)) {
      files.push_back(input);
      continue;
    }
    if (RecordStore::IsStore(input)) {
      if (Status s = ReadStore(input, records, files_read); !s.ok()) return s;
      continue;
    }
    Result<std::vector<std::string>> beneath = FilesBeneath(input);
    if (!beneath.ok()) return beneath.status();
    if (beneath->empty()) {
      return Status::InvalidInput(input + ": the directory holds no record files");
    }
    for (std::string& file : *beneath) files.push_back(std::move(file));
  }
  // Files read whole are read, checked and parsed on every core, and added in order.
  std::vector<std::string> scanned;
  std::vector<WholeInput> read(files.size());
  std::vector<char> whole(files.size(), 0);
  Status s = RunInOrder(
      files.size(), 0, kWholeWindow,
      [&](std::size_t i) {
        bool is_whole = false;
        ReadIfWhole(files[i], &read[i], &is_whole);
        whole[i] = is_whole ? 1 : 0;
      },
      [&](std::size_t i) {
        WholeInput in = std::move(read[i]);
        if (whole[i] != 0) {
          if (Status added = Add(std::move(in), records); !added.ok()) return added;
        } else {
          scanned.push_back(files[i]);
        }
        if (files_read != nullptr) files_read->push_back(files[i]);
        return Status::Ok();
      });
  if (!s.ok()) return s;
  if (scanned.empty()) return Status::Ok();
  return ScanRecordFiles(scanned, wanted, records, stats, options);
}

Result<RecordSet> ReadAwards(const std::vector<std::string>& inputs, const RecordFilter& wanted) {
  RecordSet records;
  ScanStats stats;
  if (Status s = ReadRecordInputs(inputs, wanted, &records, &stats, ScanOptions{}, nullptr);
      !s.ok()) {
    return s;
  }
  FinishRecords(&records);
  std::erase_if(records.awards,
                [&wanted](const Award& award) { return !wanted.KeepsAward(award); });
  return records;
}

unsigned PartsFor(const std::vector<std::string>& inputs, std::uint64_t part_bytes) {
  std::uint64_t text_bytes = 0;
  auto add = [&text_bytes](const std::string& path) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) return;
    Result<ArchiveStream::Kind> kind = ArchiveStream::Detect(path);
    const bool compressed = kind.ok() && *kind != ArchiveStream::Kind::kPlain;
    text_bytes += compressed ? size * 8 : size;
  };
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(input, ec)) {
      add(input);
      continue;
    }
    Result<std::vector<std::string>> beneath = FilesBeneath(input);
    if (!beneath.ok()) continue;  // the read names the directory
    for (const std::string& file : *beneath) add(file);
  }
  if (part_bytes == 0) return 1;
  return static_cast<unsigned>(
      std::clamp<std::uint64_t>((text_bytes + part_bytes - 1) / part_bytes, 1, 4096));
}

Status ForEachRecordPart(const std::vector<std::string>& inputs, std::uint64_t part_bytes,
                         const std::function<Status(RecordSet* part, bool whole)>& take) {
  for (const std::string& input : inputs) {
    if (!IsPostgresInput(input)) continue;
    if (inputs.size() > 1) {
      return Status::Usage(PostgresDisplayName(input) +
                           ": to read every award, give the database alone as --records (not "
                           "beside record files)");
    }
    return ScanPostgresRecords(input, part_bytes == 0 ? UINT64_MAX : part_bytes,
                               [&take](RecordSet* part) {
                                 FinishRecords(part);
                                 return take(part, false);
                               });
  }
  const unsigned parts = PartsFor(inputs, part_bytes);
  for (unsigned i = 0; i < parts; ++i) {
    Result<RecordSet> records = ReadAwards(inputs, RecordFilter::Part(i, parts));
    if (!records.ok()) return records.status();
    if (Status s = take(&*records, parts == 1); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace receipts
