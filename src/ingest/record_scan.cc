#include "ingest/record_scan.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <utility>

#include "core/date.h"
#include "core/text.h"
#include "ingest/archive_stream.h"
#include "ingest/csv_reader.h"
#include "ingest/csv_scanner.h"
#include "ingest/mapped_file.h"
#include "ingest/records_batch.h"
#include "ingest/records_fpds.h"
#include "ingest/records_usaspending.h"

namespace receipts {
namespace {

using records::RecordBatch;
using records::UsaspendingFile;
using records::UsaspendingRows;

// The header must be whole within this many bytes of a part's start.
constexpr std::size_t kHeaderWindow = 1 << 20;

// Cells the scanner reports, by position in ScannedRecord::cells.
enum Cell { kCorrection, kAwardKey, kId, kAltId, kDate };

// FNV-1a of the trimmed, upper-cased text: an award key as RecordBatch stores it.
std::uint64_t KeyHash(std::string_view text) {
  text = Trim(text);
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 'a' && u <= 'z') u = static_cast<unsigned char>(u - 32);
    h = (h ^ u) * 1099511628211ULL;
  }
  return h;
}

// A set of 64-bit hashes, open addressing: 16 bytes a key at most, however many keys.
class KeySet {
 public:
  void Insert(std::uint64_t h) {
    if (h == 0) h = 1;
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    std::size_t i = Slot(h);
    while (slots_[i] != 0 && slots_[i] != h) i = (i + 1) & (slots_.size() - 1);
    if (slots_[i] == 0) {
      slots_[i] = h;
      ++size_;
    }
  }
  bool Contains(std::uint64_t h) const {
    if (h == 0) h = 1;
    if (slots_.empty()) return false;
    std::size_t i = Slot(h);
    while (slots_[i] != 0) {
      if (slots_[i] == h) return true;
      i = (i + 1) & (slots_.size() - 1);
    }
    return false;
  }
  std::size_t size() const { return size_; }

 private:
  std::size_t Slot(std::uint64_t h) const {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return static_cast<std::size_t>(h) & (slots_.size() - 1);
  }
  void Grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    size_ = 0;
    for (std::uint64_t h : old) {
      if (h != 0) Insert(h);
    }
  }
  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

// One part (a plain file, the .gz, or a zip member) of the USAspending kind being scanned.
struct PartShape {
  std::string name;
  std::vector<std::string> header;
  UsaspendingRows::KeyColumns keys;
  bool assistance = false;
};

// A record handed over for full decoding; its bytes are in ChunkResult::bytes.
struct KeptRow {
  std::size_t offset = 0;
  std::size_t size = 0;
  std::size_t line = 0;  // relative to the chunk's first line
};

// What scanning a stretch of a part yields, merged in file order by the reading thread.
struct ChunkResult {
  std::size_t begin = 0;  // offset in the part where the scan started
  std::size_t end = 0;    // offset of the first record not handed over
  std::size_t lines = 0;  // physical lines in [begin, end)
  std::uint64_t rows = 0;
  std::uint64_t skipped_rows = 0;
  std::uint64_t skipped_deletes = 0;
  std::string bytes;
  std::vector<KeptRow> kept;
  std::vector<std::uint64_t> skipped_keys;
  std::string latest_iso;  // latest YYYY-MM-DD date of skipped rows
  std::optional<Date> latest_other;
  // The first error, its line relative to the chunk's first line.
  bool failed = false;
  std::size_t error_line = 0;
  std::string error_field;
  std::string error_what;
};

// Cells may be quoted: the text inside, "" read as ".
std::string_view Unquote(std::string_view cell, std::string* scratch) {
  if (cell.size() < 2 || cell.front() != '"') return cell;
  cell = cell.substr(1, cell.size() - 2);
  if (cell.find('"') == std::string_view::npos) return cell;
  scratch->clear();
  for (std::size_t i = 0; i < cell.size(); ++i) {
    scratch->push_back(cell[i]);
    if (cell[i] == '"' && i + 1 < cell.size() && cell[i + 1] == '"') ++i;
  }
  return *scratch;
}

bool IsIsoDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (t[i] < '0' || t[i] > '9') return false;
  }
  return true;
}

// Decides for each record: decode it in full (its award is wanted, or it is odd enough that the
// full decoder should judge it), or count it.
class RowSelector : public RecordSink {
 public:
  RowSelector(const PartShape& shape, const RecordFilter& filter, ChunkResult* out)
      : shape_(shape), filter_(filter), out_(out) {}

  bool OnRecord(const ScannedRecord& r) override {
    ++out_->rows;
    if (r.fields != shape_.header.size()) return FieldCountError(r);
    bool keep = r.non_ascii && !IsValidUtf8(r.bytes);  // the decoder names the field
    bool deletes = false;
    if (!keep && !filter_.wants_all()) {
      if (shape_.keys.correction >= 0) {
        std::string_view code = Trim(Unquote(r.cells[kCorrection], &scratch_));
        deletes = code == "D" || code == "d";
      }
      keep = Wanted(r);
    } else {
      keep = true;
    }
    if (!keep && deletes) {
      ++out_->skipped_deletes;
      return true;
    }
    std::string_view key;
    if (!keep) {
      key = Trim(Unquote(r.cells[kAwardKey], &scratch_));
      keep = key.empty();  // a key made from the PIID: let the decoder make it
    }
    if (!keep) keep = !NoteDate(r);
    if (keep) {
      out_->kept.push_back({out_->bytes.size(), r.bytes.size(), r.line});
      out_->bytes.append(r.bytes);
      return true;
    }
    ++out_->skipped_rows;
    std::uint64_t h = KeyHash(key);
    if (out_->skipped_keys.empty() || out_->skipped_keys.back() != h) {
      out_->skipped_keys.push_back(h);
    }
    return true;
  }

 private:
  // Whether the award of `r` is wanted; true too when its identifier is blank or odd (the
  // decoder then finds it in the transaction key).
  bool Wanted(const ScannedRecord& r) {
    if (shape_.assistance) {
      std::string_view id = Trim(Unquote(r.cells[kId], &scratch_));
      if (id.empty()) id = Trim(Unquote(r.cells[kAltId], &scratch_));
      if (id.empty() || id.size() > sizeof id_) return true;
      std::size_t n = 0;
      for (char c : id) id_[n++] = static_cast<char>(ToUpperChar(c));
      return filter_.WantsAssistanceId(std::string_view(id_, n));
    }
    // NormalizePiid's rule: letters and digits, upper-cased.
    std::string_view raw = Unquote(r.cells[kId], &scratch_);
    std::size_t n = 0;
    for (char c : raw) {
      unsigned char u = static_cast<unsigned char>(c);
      if ((u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z')) {
        if (n == sizeof id_) return true;
        id_[n++] = c;
      } else if (u >= 'a' && u <= 'z') {
        if (n == sizeof id_) return true;
        id_[n++] = static_cast<char>(u - 32);
      } else if (u >= 0x80) {
        return true;
      }
    }
    if (n == 0) return true;
    return filter_.WantsPiid(std::string_view(id_, n));
  }

  static unsigned char ToUpperChar(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u >= 'a' && u <= 'z' ? static_cast<unsigned char>(u - 32) : u;
  }

  // Keeps the latest action date of a counted row; false when the date is not one (the decoder
  // then reports it).
  bool NoteDate(const ScannedRecord& r) {
    if (shape_.keys.action_date < 0) return true;
    std::string_view text = Trim(Unquote(r.cells[kDate], &scratch_));
    if (text.empty()) return true;
    if (IsIsoDate(text)) {
      if (out_->latest_iso.empty() || text > std::string_view(out_->latest_iso)) {
        out_->latest_iso.assign(text);
      }
      return true;
    }
    Result<std::optional<Date>> date = ParseDate(text);
    if (!date.ok()) return false;
    if (*date && (!out_->latest_other || *out_->latest_other < **date)) out_->latest_other = *date;
    return true;
  }

  bool FieldCountError(const ScannedRecord& r) {
    const std::vector<std::string>& header = shape_.header;
    out_->failed = true;
    out_->error_line = r.line;
    out_->error_field = r.fields < header.size() ? header[r.fields] : header.back();
    out_->error_what =
        r.fields < header.size()
            ? fmt::format(
                  "expected {} fields as in the header, found {} (this field and the "
                  "ones after it are missing)",
                  header.size(), r.fields)
            : fmt::format(
                  "expected {} fields as in the header, found {} (more than up to this "
                  "last one)",
                  header.size(), r.fields);
    return false;
  }

  const PartShape& shape_;
  const RecordFilter& filter_;
  ChunkResult* out_;
  std::string scratch_;
  char id_[96];
};

// Scans data[begin, ...) (to the end of the part) as one chunk.
void ScanChunk(const CsvScanner& scanner, const PartShape& shape, const RecordFilter& filter,
               std::string_view data, std::size_t begin, std::size_t stop_at, bool final,
               ChunkResult* out) {
  out->begin = begin;
  RowSelector selector(shape, filter, out);
  std::size_t stop_after = stop_at == std::string_view::npos ? stop_at
                           : stop_at > begin                 ? stop_at - begin
                                                             : 0;
  CsvScanner::Outcome o = scanner.Scan(data.substr(begin), 0, stop_after, final, &selector);
  out->end = begin + o.consumed;
  out->lines = o.lines;
  if (!out->failed && (o.unterminated_quote || o.oversized)) {
    out->failed = true;
    out->error_line = o.error_line;
    out->error_what = o.unterminated_quote
                          ? "unterminated quoted field at end of file (truncated file?)"
                          : fmt::format(
                                "record longer than {} MiB (runaway quote or not a CSV "
                                "file?)",
                                CsvScanner::kMaxRecordBytes >> 20);
  }
}

// One file's scan: its batch and what it counted.
class FileScan {
 public:
  FileScan(const RecordFilter& filter, KeySet* keys, RecordSet* records, ScanStats* stats)
      : filter_(filter), keys_(keys), records_(records), stats_(stats) {}

  // Reads the header of a part from its first bytes; sets `*fpds` for an FPDS file (read whole
  // by the caller) or binds the USAspending columns. `*header_bytes` and `*first_line` say where
  // the records begin.
  Status BeginPart(const std::string& name, std::string_view head, bool whole, bool* fpds,
                   std::size_t* header_bytes, std::size_t* first_line) {
    std::string_view window = head.substr(0, kHeaderWindow);
    decoder_ = std::make_unique<CsvReader>(name, window);
    Status s = decoder_->ReadHeader();
    if (!s.ok()) return s;
    if (decoder_->position() >= window.size() && window.size() < head.size()) {
      return Status::BadInput(name, 1, "", "header row longer than 1 MiB");
    }
    (void)whole;
    *header_bytes = decoder_->position();
    *first_line =
        1 + static_cast<std::size_t>(std::count(head.begin(), head.begin() + *header_bytes, '\n'));
    *fpds = records::IsFpdsHeader(*decoder_);
    if (*fpds) return Status::Ok();
    UsaspendingFile kind = records::DetectUsaspending(*decoder_);
    if (kind == UsaspendingFile::kNone) {
      return Status::BadInput(
          name, 1, "",
          "not a record file: expected FPDS (PIID, obligatedAmount) or USAspending "
          "(contract_transaction_unique_key, contract_award_unique_key, "
          "assistance_transaction_unique_key, assistance_award_unique_key) columns");
    }
    Result<UsaspendingRows> rows = UsaspendingRows::Bind(kind, *decoder_);
    if (!rows.ok()) return rows.status();
    rows_ = std::make_unique<UsaspendingRows>(std::move(*rows));
    shape_.name = name;
    shape_.header = decoder_->header();
    shape_.keys = rows_->key_columns();
    shape_.assistance = shape_.keys.assistance;
    const auto& k = shape_.keys;
    scanner_ = std::make_unique<CsvScanner>(
        std::vector<int>{k.correction, k.award_key, k.id, k.alt_id, k.action_date});
    return Status::Ok();
  }

  // An FPDS part, whole in memory: read as ReadRecordsFile reads it (no filter).
  Status ReadFpdsPart(const std::string& name, std::string_view data) {
    CsvReader csv(name, data);
    Status s = csv.ReadHeader();
    if (!s.ok()) return s;
    std::size_t before = batch_.action_count();
    s = records::ReadFpdsRows(&csv, &batch_);
    stats_->decoded_rows += batch_.action_count() - before;
    stats_->bytes += data.size();
    return s;
  }

  const PartShape& shape() const { return shape_; }
  const CsvScanner& scanner() const { return *scanner_; }

  // Merges a chunk whose first line is `line`: decodes its kept rows, counts the rest.
  Status Absorb(ChunkResult* c, std::size_t line) {
    if (c->failed) {
      return Status::BadInput(shape_.name, line + c->error_line, c->error_field, c->error_what);
    }
    for (const KeptRow& row : c->kept) {
      decoder_->Reset(std::string_view(c->bytes).substr(row.offset, row.size), line + row.line);
      Result<bool> more = decoder_->Next();
      if (!more.ok()) return more.status();
      if (!*more) continue;
      Status s = rows_->Decode(*decoder_, &batch_);
      if (!s.ok()) return s;
    }
    stats_->rows += c->rows;
    stats_->decoded_rows += c->kept.size();
    skipped_actions_ += c->skipped_rows;
    skipped_deletes_ += c->skipped_deletes;
    for (std::uint64_t h : c->skipped_keys) keys_->Insert(h);
    if (!c->latest_iso.empty() && c->latest_iso > latest_iso_) latest_iso_ = c->latest_iso;
    if (c->latest_other && (!latest_other_ || *latest_other_ < *c->latest_other)) {
      latest_other_ = c->latest_other;
    }
    return Status::Ok();
  }

  // Everything read: the batch joins `records` (as ReadRecordsFile's ParseParts does).
  void Finish(const std::string& path) {
    records_->action_count -= std::min(records_->action_count, batch_.ApplyDeletions(records_));
    batch_.MoveInto(records_);
    records_->sources.push_back(path);
    std::uint64_t skipped = skipped_actions_ - std::min(skipped_actions_, skipped_deletes_);
    records_->skipped_actions += skipped;
    std::optional<Date> latest = latest_other_;
    if (!latest_iso_.empty()) {
      Result<std::optional<Date>> iso = ParseDate(latest_iso_);
      if (iso.ok() && *iso && (!latest || *latest < **iso)) latest = *iso;
    }
    if (latest && (!records_->skipped_as_of || *records_->skipped_as_of < *latest)) {
      records_->skipped_as_of = latest;
    }
  }

 private:
  [[maybe_unused]] const RecordFilter& filter_;
  KeySet* keys_;
  RecordSet* records_;
  ScanStats* stats_;
  RecordBatch batch_;
  std::unique_ptr<CsvReader> decoder_;
  std::unique_ptr<UsaspendingRows> rows_;
  std::unique_ptr<CsvScanner> scanner_;
  PartShape shape_;
  std::uint64_t skipped_actions_ = 0;
  std::uint64_t skipped_deletes_ = 0;
  std::string latest_iso_;
  std::optional<Date> latest_other_;
};

// Counts the records a scan hands over and whether they had the header's field count.
class ShapeProbe : public RecordSink {
 public:
  explicit ShapeProbe(std::size_t fields) : fields_(fields) {}
  bool OnRecord(const ScannedRecord& record) override {
    ok_ = ok_ && record.fields == fields_;
    return ++records_ < 2;
  }
  bool ok() const { return ok_ && records_ == 2; }

 private:
  std::size_t fields_;
  std::size_t records_ = 0;
  bool ok_ = true;
};

// The first record start at or after `offset` if the byte before it ends a line.
std::size_t NextLineStart(std::string_view data, std::size_t offset) {
  if (offset == 0) return 0;
  const void* nl = std::memchr(data.data() + offset - 1, '\n', data.size() - (offset - 1));
  return nl == nullptr ? data.size()
                       : static_cast<std::size_t>(static_cast<const char*>(nl) - data.data()) + 1;
}

// Where a chunk should start: the first line start at or after `offset` from which the next two
// records have the header's field count. A line end inside a quoted field (descriptions hold
// them) fails that test in practice; when no candidate passes, the plain line start is taken and
// the in-order merge corrects it if need be.
std::size_t GuessChunkStart(std::string_view data, std::size_t offset, const CsvScanner& scanner,
                            std::size_t fields) {
  std::size_t first = NextLineStart(data, offset);
  std::size_t candidate = first;
  for (int tries = 0; tries < 32 && candidate < data.size(); ++tries) {
    ShapeProbe probe(fields);
    std::string_view window = data.substr(candidate, 1 << 20);
    scanner.Scan(window, 0, window.size(), window.size() < (1u << 20), &probe);
    if (probe.ok()) return candidate;
    candidate = NextLineStart(data, candidate + 1);
  }
  return first;
}

// A plain file: mapped, split into chunks scanned in parallel, merged in order. A chunk starts
// at the first line start after its nominal offset; if the previous chunk (whose start is right)
// ends elsewhere (the line end was inside a quoted field), the chunk is scanned again from there.
Status ScanPlainFile(const std::string& path, const RecordFilter& filter,
                     const ScanOptions& options, FileScan* scan, ScanStats* stats) {
  Result<std::unique_ptr<MappedFile>> mapped = MappedFile::Open(path);
  if (!mapped.ok()) return mapped.status();
  const MappedFile& map = **mapped;
  std::string_view data = map.data();
  bool fpds = false;
  std::size_t header_bytes = 0, first_line = 1;
  Status s = scan->BeginPart(path, data, true, &fpds, &header_bytes, &first_line);
  if (!s.ok()) return s;
  if (fpds) return scan->ReadFpdsPart(path, data);

  const std::size_t body = data.size() - header_bytes;
  const std::size_t chunk_bytes = std::max<std::size_t>(options.chunk_bytes, 1);
  const std::size_t n_chunks = std::max<std::size_t>(1, (body + chunk_bytes - 1) / chunk_bytes);
  auto nominal = [&](std::size_t i) {
    return i >= n_chunks ? data.size() : header_bytes + i * chunk_bytes;
  };
  struct Slot {
    ChunkResult result;
    bool done = false;
  };
  std::vector<Slot> slots(n_chunks);
  std::mutex mu;
  std::condition_variable cv;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  const PartShape& shape = scan->shape();
  const CsvScanner& scanner = scan->scanner();

  auto work = [&] {
    while (!stop.load(std::memory_order_relaxed)) {
      std::size_t i = next.fetch_add(1);
      if (i >= n_chunks) break;
      std::size_t begin =
          i == 0 ? header_bytes : GuessChunkStart(data, nominal(i), scanner, shape.header.size());
      std::size_t stop_at = i + 1 < n_chunks ? nominal(i + 1) : std::string_view::npos;
      ChunkResult result;
      map.Prefetch(begin, chunk_bytes + 65536);
      if (begin < data.size() && (stop_at == std::string_view::npos || begin < stop_at)) {
        ScanChunk(scanner, shape, filter, data, begin, stop_at, true, &result);
      } else {
        result.begin = result.end = begin;
      }
      map.Release(begin, result.end - begin);
      {
        std::lock_guard<std::mutex> lock(mu);
        slots[i].result = std::move(result);
        slots[i].done = true;
      }
      cv.notify_all();
    }
  };
  unsigned threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, n_chunks));
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);
  struct Joiner {
    std::vector<std::thread>* workers;
    std::atomic<bool>* stop;
    ~Joiner() {
      stop->store(true);
      for (std::thread& w : *workers) w.join();
    }
  } joiner{&workers, &stop};

  std::size_t expected = header_bytes;
  std::size_t line = first_line;
  for (std::size_t i = 0; i < n_chunks; ++i) {
    ChunkResult result;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return slots[i].done; });
      result = std::move(slots[i].result);
    }
    if (result.begin != expected) {
      // The guessed start was inside a quoted field: scan again from the true one.
      std::size_t stop_at = i + 1 < n_chunks ? nominal(i + 1) : std::string_view::npos;
      result = ChunkResult();
      if (expected < data.size() && (stop_at == std::string_view::npos || expected < stop_at)) {
        ScanChunk(scanner, shape, filter, data, expected, stop_at, true, &result);
        map.Release(expected, result.end - expected);
        ++stats->rescanned_chunks;
      } else {
        result.begin = result.end = expected;
      }
    }
    s = scan->Absorb(&result, line);
    if (!s.ok()) return s;
    line += result.lines;
    expected = result.end;
    stats->bytes += result.end - result.begin;
    if (options.progress != nullptr) options.progress->Update(result.end, stats->rows);
  }
  stats->bytes += header_bytes;
  return Status::Ok();
}

// A .gz or .zip: each part decompressed piece by piece and scanned as it comes.
Status ScanArchiveFile(const std::string& path, ArchiveStream::Kind kind,
                       const RecordFilter& filter, const ScanOptions& options, FileScan* scan,
                       ScanStats* stats) {
  Result<std::unique_ptr<ArchiveStream>> opened = ArchiveStream::Open(path, kind);
  if (!opened.ok()) return opened.status();
  ArchiveStream& stream = **opened;
  std::size_t parts = 0;
  std::string buffer;
  while (true) {
    std::string name;
    Result<bool> more = stream.NextPart(&name);
    if (!more.ok()) return more.status();
    if (!*more) break;
    ++parts;
    buffer.clear();
    bool eof = false;
    std::size_t line = 1;
    const std::size_t piece = std::max<std::size_t>(options.stream_piece_bytes, 1);
    auto fill = [&]() -> Status {  // appends a piece; sets eof at the part's end
      std::size_t old = buffer.size();
      buffer.resize(old + piece);
      Result<std::size_t> n = stream.Read(buffer.data() + old, piece);
      if (!n.ok()) {
        buffer.resize(old);
        return Status::BadInput(name, line, "", n.status().message());
      }
      buffer.resize(old + *n);
      if (*n == 0) eof = true;
      return Status::Ok();
    };
    while (!eof && buffer.size() < kHeaderWindow) {
      if (Status s = fill(); !s.ok()) return s;
    }
    bool fpds = false;
    std::size_t header_bytes = 0;
    Status s = scan->BeginPart(name, buffer, eof, &fpds, &header_bytes, &line);
    if (!s.ok()) return s;
    if (fpds) {
      while (!eof) {
        if (s = fill(); !s.ok()) return s;
      }
      if (s = scan->ReadFpdsPart(name, buffer); !s.ok()) return s;
      continue;
    }
    buffer.erase(0, header_bytes);
    stats->bytes += header_bytes;
    while (true) {
      ChunkResult result;
      ScanChunk(scan->scanner(), scan->shape(), filter, buffer, 0, std::string_view::npos, eof,
                &result);
      if (s = scan->Absorb(&result, line); !s.ok()) return s;
      line += result.lines;
      stats->bytes += result.end;
      buffer.erase(0, result.end);
      if (options.progress != nullptr) {
        options.progress->Update(stream.compressed_bytes(), stats->rows);
      }
      if (eof) break;
      if (s = fill(); !s.ok()) return s;
    }
  }
  if (parts == 0) return Status::InvalidInput(path + ": archive holds no file");
  return Status::Ok();
}

}  // namespace

Status ScanRecordFiles(const std::vector<std::string>& paths, const RecordFilter& wanted,
                       RecordSet* records, ScanStats* stats, const ScanOptions& options) {
  KeySet skipped_keys;
  for (const std::string& path : paths) {
    Result<ArchiveStream::Kind> kind = ArchiveStream::Detect(path);
    if (!kind.ok()) return kind.status();
    if (options.progress != nullptr) {
      std::error_code ec;
      std::uintmax_t size = std::filesystem::file_size(path, ec);
      options.progress->Begin(path, ec ? 0 : size);
    }
    FileScan scan(wanted, &skipped_keys, records, stats);
    Status s = *kind == ArchiveStream::Kind::kPlain
                   ? ScanPlainFile(path, wanted, options, &scan, stats)
                   : ScanArchiveFile(path, *kind, wanted, options, &scan, stats);
    if (options.progress != nullptr) options.progress->End();
    if (!s.ok()) return s;
    scan.Finish(path);
  }
  // An award some rows of which were kept is counted with the kept awards.
  std::unordered_set<std::uint64_t> kept;
  std::size_t overlap = 0;
  for (const Award& award : records->awards) {
    std::uint64_t h = KeyHash(award.key);
    if (kept.insert(h).second && skipped_keys.Contains(h)) ++overlap;
  }
  records->skipped_awards += skipped_keys.size() - overlap;
  return Status::Ok();
}

}  // namespace receipts
