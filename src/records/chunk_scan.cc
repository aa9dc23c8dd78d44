#include "records/chunk_scan.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "records/records_fpds.h"

namespace receipts::scan {
namespace {

using records::UsaspendingFile;
using records::UsaspendingRows;

// Cells the scanner reports, by position in ScannedRecord::cells.
enum Cell { kCorrection, kAwardKey, kId, kAltId, kDate, kUei, kParentUei };

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
  RowSelector(const Part& shape, const RecordFilter& filter, ChunkResult* out)
      : shape_(shape), filter_(filter), out_(out) {}

  bool OnRecord(const ScannedRecord& r) override {
    ++out_->rows;
    if (r.fields != shape_.header.size()) return FieldCountError(r);
    // The decoder names the field.
    bool keep = r.non_ascii && (!IsValidUtf8(r.bytes) || r.bytes.find('\0') != r.bytes.npos);
    bool deletes = false;
    if (!keep && !filter_.wants_all()) {
      if (shape_.keys.correction >= 0) {
        std::string_view code = Trim(Unquote(r.cells[kCorrection], &scratch_));
        deletes = code == "D" || code == "d";
      }
      keep = Wanted(r) || WantedVendor(r);
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
    if (shape_.keys.assistance) {
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

  // Whether the row's vendor UEI or ultimate parent UEI is one the filter wants.
  bool WantedVendor(const ScannedRecord& r) {
    if (!filter_.wants_vendors()) return false;
    for (Cell cell : {kUei, kParentUei}) {
      std::string_view uei = Trim(Unquote(r.cells[cell], &scratch_));
      if (uei.empty() || uei.size() > sizeof id_) continue;
      std::size_t n = 0;
      for (char c : uei) id_[n++] = static_cast<char>(ToUpperChar(c));
      if (filter_.WantsVendorUei(std::string_view(id_, n))) return true;
    }
    return false;
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

  const Part& shape_;
  const RecordFilter& filter_;
  ChunkResult* out_;
  std::string scratch_;
  char id_[96];
};

}  // namespace

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

void KeySet::Insert(std::uint64_t h) {
  if (h == 0) h = 1;
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  std::size_t i = Slot(h);
  while (slots_[i] != 0 && slots_[i] != h) i = (i + 1) & (slots_.size() - 1);
  if (slots_[i] == 0) {
    slots_[i] = h;
    ++size_;
  }
}

bool KeySet::Contains(std::uint64_t h) const {
  if (h == 0) h = 1;
  if (slots_.empty()) return false;
  std::size_t i = Slot(h);
  while (slots_[i] != 0) {
    if (slots_[i] == h) return true;
    i = (i + 1) & (slots_.size() - 1);
  }
  return false;
}

std::size_t KeySet::Slot(std::uint64_t h) const {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return static_cast<std::size_t>(h) & (slots_.size() - 1);
}

void KeySet::Grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  size_ = 0;
  for (std::uint64_t h : old) {
    if (h != 0) Insert(h);
  }
}

unsigned ScanThreads(const ScanOptions& options) {
  return options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
}

StopAndJoin::~StopAndJoin() {
  stop_->store(true);
  for (std::thread& t : *threads_) t.join();
}

Status OpenPart(const std::string& name, std::string_view head, bool vendor_cells, Part* part) {
  part->name = name;
  std::string_view window = head.substr(0, kHeaderWindow);
  part->decoder = std::make_unique<CsvReader>(name, window);
  CsvReader& decoder = *part->decoder;
  Status s = decoder.ReadHeader();
  if (!s.ok()) return s;
  if (decoder.position() >= window.size() && window.size() < head.size()) {
    return Status::BadInput(name, 1, "", "header row longer than 1 MiB");
  }
  part->header_bytes = decoder.position();
  part->first_line = 1 + static_cast<std::size_t>(
                             std::count(head.begin(), head.begin() + part->header_bytes, '\n'));
  part->fpds = records::IsFpdsHeader(decoder);
  if (part->fpds) return Status::Ok();
  UsaspendingFile kind = records::DetectUsaspending(decoder);
  if (kind == UsaspendingFile::kNone) {
    return Status::BadInput(
        name, 1, "",
        "not a record file: expected FPDS (PIID, obligatedAmount) or USAspending "
        "(contract_transaction_unique_key, contract_award_unique_key, "
        "assistance_transaction_unique_key, assistance_award_unique_key) columns");
  }
  Result<UsaspendingRows> rows = UsaspendingRows::Bind(kind, decoder);
  if (!rows.ok()) return rows.status();
  part->rows = std::make_unique<UsaspendingRows>(std::move(*rows));
  part->header = decoder.header();
  part->keys = part->rows->key_columns();
  const auto& k = part->keys;
  std::vector<int> cells{k.correction, k.award_key, k.id, k.alt_id, k.action_date};
  if (vendor_cells) {
    cells.push_back(k.uei);
    cells.push_back(k.parent_uei);
  }
  part->scanner = std::make_unique<CsvScanner>(cells);
  return Status::Ok();
}

void ScanChunk(const Part& part, const RecordFilter& filter, std::string_view data,
               std::size_t begin, std::size_t stop_at, bool final, ChunkResult* out) {
  out->begin = begin;
  RowSelector selector(part, filter, out);
  std::size_t stop_after = stop_at == std::string_view::npos ? stop_at
                           : stop_at > begin                 ? stop_at - begin
                                                             : 0;
  CsvScanner::Outcome o = part.scanner->Scan(data.substr(begin), 0, stop_after, final, &selector);
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

Status FileScan::ReadFpdsPart(const std::string& name, std::string_view data) {
  CsvReader csv(name, data);
  Status s = csv.ReadHeader();
  if (!s.ok()) return s;
  std::size_t before = batch_.action_count();
  s = records::ReadFpdsRows(&csv, &batch_);
  stats_->decoded_rows += batch_.action_count() - before;
  stats_->bytes += data.size();
  return s;
}

Status FileScan::Absorb(Part* part, ChunkResult* c, std::size_t line) {
  if (c->failed) {
    return Status::BadInput(part->name, line + c->error_line, c->error_field, c->error_what);
  }
  for (const KeptRow& row : c->kept) {
    part->decoder->Reset(std::string_view(c->bytes).substr(row.offset, row.size), line + row.line);
    Result<bool> more = part->decoder->Next();
    if (!more.ok()) return more.status();
    if (!*more) continue;
    Status s = part->rows->Decode(*part->decoder, &batch_);
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

void FileScan::Finish(const std::string& path) {
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

}  // namespace receipts::scan
