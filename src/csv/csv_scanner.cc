#include "csv/csv_scanner.h"

#include <immintrin.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace receipts {
namespace {

// Positions (offsets in the data) of the separators named by the scanner's ordinals, filled in
// order while a record is read.
struct OrdinalHits {
  std::array<std::size_t, 2 * ScannedRecord::kMaxCells> pos{};
  std::size_t found = 0;
};

// One record by CsvReader::ParseRecord's rules, from data[p] (outside quotes).
struct ScalarRecord {
  bool complete = false;      // its end was found (or final data ended it)
  bool unterminated = false;  // final data ended inside quotes
  std::size_t content_end = 0;
  std::size_t next = 0;   // where what follows starts
  std::size_t lines = 0;  // physical lines it spans, its line end included
  std::size_t fields = 1;
  bool non_ascii = false;
};

ScalarRecord ParseScalar(std::string_view data, std::size_t p, bool final,
                         const std::vector<std::size_t>& ordinals, OrdinalHits* hits) {
  ScalarRecord r;
  hits->found = 0;
  bool in_quotes = false, field_quoted = false;
  std::size_t field_len = 0;
  const std::size_t n = data.size();
  while (p < n) {
    char c = data[p++];
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\0') r.non_ascii = true;
    if (in_quotes) {
      if (c == '"') {
        if (p < n && data[p] == '"') {
          ++p;
          ++field_len;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++r.lines;
        ++field_len;
      }
      continue;
    }
    if (c == ',') {
      if (hits->found < ordinals.size() && ordinals[hits->found] == r.fields) {
        hits->pos[hits->found++] = p - 1;
      }
      ++r.fields;
      field_len = 0;
      field_quoted = false;
    } else if (c == '\n' || c == '\r') {
      r.content_end = p - 1;
      if (c == '\r' && p < n && data[p] == '\n') ++p;
      if (c == '\r' && p >= n && !final) return r;  // the LF may follow in the next buffer
      ++r.lines;
      r.next = p;
      r.complete = true;
      return r;
    } else if (c == '"' && field_len == 0 && !field_quoted) {
      in_quotes = true;
      field_quoted = true;
    } else {
      ++field_len;
    }
  }
  if (!final) return r;
  if (in_quotes) {
    r.unterminated = true;
    return r;
  }
  r.content_end = n;
  r.next = n;
  r.complete = true;
  return r;
}

#if defined(__x86_64__)
#define RECEIPTS_SCAN_TARGET __attribute__((target("avx2,bmi,bmi2,popcnt,pclmul")))

struct Masks {
  std::uint64_t quote, comma, lf, cr, high;
};

RECEIPTS_SCAN_TARGET inline std::uint64_t Eq(__m256i lo, __m256i hi, char c) {
  __m256i v = _mm256_set1_epi8(c);
  std::uint32_t a = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, v)));
  std::uint32_t b = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, v)));
  return a | (static_cast<std::uint64_t>(b) << 32);
}

RECEIPTS_SCAN_TARGET inline Masks Classify(const char* p) {
  __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
  Masks m;
  m.quote = Eq(lo, hi, '"');
  m.comma = Eq(lo, hi, ',');
  m.lf = Eq(lo, hi, '\n');
  m.cr = Eq(lo, hi, '\r');
  // NUL bytes too: the row then goes to the full decoder, which names the field.
  m.high =
      (static_cast<std::uint32_t>(_mm256_movemask_epi8(lo)) |
       (static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(hi))) << 32)) |
      Eq(lo, hi, '\0');
  return m;
}

// Bit i set when an odd number of quotes sit at or before i.
RECEIPTS_SCAN_TARGET inline std::uint64_t PrefixXor(std::uint64_t bits) {
  __m128i v = _mm_clmulepi64_si128(_mm_set_epi64x(0, static_cast<long long>(bits)),
                                   _mm_set1_epi8(static_cast<char>(0xFF)), 0);
  return static_cast<std::uint64_t>(_mm_cvtsi128_si64(v));
}

// Bits [lo, hi) of a 64-bit mask, 0 <= lo <= hi <= 64.
inline std::uint64_t Range(unsigned lo, unsigned hi) {
  std::uint64_t below_hi = hi >= 64 ? ~0ULL : ((1ULL << hi) - 1);
  std::uint64_t below_lo = lo >= 64 ? ~0ULL : ((1ULL << lo) - 1);
  return below_hi & ~below_lo;
}
#endif

}  // namespace

CsvScanner::CsvScanner(const std::vector<int>& targets) {
  for (int t : targets) {
    if (targets_.size() < ScannedRecord::kMaxCells) targets_.push_back(t);
  }
  for (int t : targets_) {
    if (t < 0) continue;
    if (t > 0) ordinals_.push_back(static_cast<std::size_t>(t));
    ordinals_.push_back(static_cast<std::size_t>(t) + 1);
  }
  std::sort(ordinals_.begin(), ordinals_.end());
  ordinals_.erase(std::unique(ordinals_.begin(), ordinals_.end()), ordinals_.end());
  auto index_of = [&](std::size_t ordinal) {
    return static_cast<int>(std::lower_bound(ordinals_.begin(), ordinals_.end(), ordinal) -
                            ordinals_.begin());
  };
  for (int t : targets_) {
    start_ord_.push_back(t <= 0 ? -1 : index_of(static_cast<std::size_t>(t)));
    end_ord_.push_back(t < 0 ? -1 : index_of(static_cast<std::size_t>(t) + 1));
  }
}

bool CsvScanner::HasFastPath() {
#if defined(__x86_64__)
  static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2") &&
                          __builtin_cpu_supports("popcnt") && __builtin_cpu_supports("pclmul");
  return has;
#else
  return false;
#endif
}

CsvScanner::Outcome CsvScanner::Scan(std::string_view data, std::size_t line,
                                     std::size_t stop_after, bool final, RecordSink* sink) const {
  if (HasFastPath()) return ScanFast(data, line, stop_after, final, sink);
  return ScanScalar(data, line, stop_after, final, sink);
}

namespace {

// Builds the record handed to the sink.
void FillRecord(std::string_view data, std::size_t start, std::size_t content_end,
                const OrdinalHits& hits, const std::vector<int>& targets,
                const std::vector<int>& start_ord, const std::vector<int>& end_ord,
                ScannedRecord* rec) {
  rec->bytes = data.substr(start, content_end - start);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    rec->cells[i] = {};
    if (targets[i] < 0) continue;
    std::size_t from;
    if (start_ord[i] < 0) {
      from = start;
    } else if (static_cast<std::size_t>(start_ord[i]) < hits.found) {
      from = hits.pos[static_cast<std::size_t>(start_ord[i])] + 1;
    } else {
      continue;  // fewer fields
    }
    std::size_t to = static_cast<std::size_t>(end_ord[i]) < hits.found
                         ? hits.pos[static_cast<std::size_t>(end_ord[i])]
                         : content_end;
    rec->cells[i] = data.substr(from, to - from);
  }
}

}  // namespace

CsvScanner::Outcome CsvScanner::ScanScalar(std::string_view data, std::size_t line,
                                           std::size_t stop_after, bool final,
                                           RecordSink* sink) const {
  Outcome out;
  std::size_t p = 0;
  const std::size_t n = data.size();
  OrdinalHits hits;
  ScannedRecord rec;
  while (true) {
    // Blank lines are not records (CsvReader::Next).
    std::size_t q = p;
    std::size_t blank_lines = 0;
    while (q < n && (data[q] == '\n' || data[q] == '\r')) {
      if (data[q] == '\n') ++blank_lines;
      ++q;
    }
    if (q >= n && !final) break;  // blanks at a buffer's end: keep them for the next one
    p = q;
    line += blank_lines;
    out.lines += blank_lines;
    out.consumed = p;
    if (p >= n || p >= stop_after) break;
    ScalarRecord r = ParseScalar(data, p, final, ordinals_, &hits);
    if (r.unterminated) {
      out.unterminated_quote = true;
      out.error_line = line;
      return out;
    }
    if (!r.complete) {
      if (n - p > kMaxRecordBytes) {
        out.oversized = true;
        out.error_line = line;
      }
      return out;
    }
    if (r.content_end - p > kMaxRecordBytes) {
      out.oversized = true;
      out.error_line = line;
      return out;
    }
    rec.line = line;
    rec.fields = r.fields;
    rec.non_ascii = r.non_ascii;
    FillRecord(data, p, r.content_end, hits, targets_, start_ord_, end_ord_, &rec);
    line += r.lines;
    out.lines += r.lines;
    p = r.next;
    out.consumed = p;
    if (!sink->OnRecord(rec)) {
      out.stopped = true;
      return out;
    }
  }
  return out;
}

#if defined(__x86_64__)
RECEIPTS_SCAN_TARGET
CsvScanner::Outcome CsvScanner::ScanFast(std::string_view data, std::size_t line,
                                         std::size_t stop_after, bool final,
                                         RecordSink* sink) const {
  Outcome out;
  const char* base = data.data();
  const std::size_t n = data.size();
  const std::size_t n_ords = ordinals_.size();
  OrdinalHits hits;
  ScannedRecord rec;
  alignas(64) char tail[64];

  // The record being read.
  std::size_t rec_start = 0;
  std::size_t rec_line = line;
  std::size_t rec_lfs = 0;  // line feeds inside it so far
  std::size_t commas = 0;   // separators so far
  bool non_ascii = false;
  // Carries from the previous block.
  std::uint64_t in_quote = 0;  // all ones inside quotes
  std::uint64_t prev_sep = 1, prev_close = 0, prev_cr = 0;

  std::size_t pos = 0;
  hits.found = 0;
  if (stop_after == 0) return out;

  while (pos < n) {
    const char* block = base + pos;
    std::size_t left = n - pos;
    if (left < 64) {
      std::memset(tail, 0, sizeof tail);
      std::memcpy(tail, block, left);
      block = tail;
    }
    Masks m = Classify(block);
    std::uint64_t valid = left >= 64 ? ~0ULL : ((1ULL << left) - 1);
    std::uint64_t x = 0;
    if (m.quote != 0 || in_quote != 0) {
      x = PrefixXor(m.quote) ^ in_quote;
    }
    std::uint64_t opening = m.quote & x;
    std::uint64_t closing = m.quote & ~x;
    std::uint64_t s_comma = m.comma & ~x;
    std::uint64_t s_lf = m.lf & ~x;
    std::uint64_t u_cr = m.cr & ~x;
    std::uint64_t after_sep = ((m.comma | m.lf) << 1) | prev_sep;
    std::uint64_t after_close = (closing << 1) | prev_close;
    std::uint64_t after_cr = (u_cr << 1) | prev_cr;
    std::uint64_t bad = (opening & ~(after_sep | after_close)) |
                        (after_close & ~(m.comma | m.lf | m.cr | m.quote)) | (after_cr & ~m.lf);
    bad &= valid;
    unsigned first_bad = bad ? static_cast<unsigned>(_tzcnt_u64(bad)) : 64;

    unsigned seg_lo = 0;
    std::uint64_t events = s_lf;
    bool stop = false;
    while (events) {
      unsigned e = static_cast<unsigned>(_tzcnt_u64(events));
      if (e > first_bad) break;
      std::uint64_t seg = s_comma & Range(seg_lo, e);
      std::size_t cnt = static_cast<std::size_t>(_mm_popcnt_u64(seg));
      while (hits.found < n_ords && ordinals_[hits.found] <= commas + cnt) {
        std::size_t k = ordinals_[hits.found] - commas - 1;
        hits.pos[hits.found++] = pos + _tzcnt_u64(_pdep_u64(1ULL << k, seg));
      }
      commas += cnt;
      rec_lfs += static_cast<std::size_t>(_mm_popcnt_u64(m.lf & Range(seg_lo, e + 1)));
      non_ascii |= (m.high & valid & Range(seg_lo, e)) != 0;
      std::size_t end = pos + e;
      std::size_t content_end = end;
      if (content_end > rec_start && base[content_end - 1] == '\r') --content_end;
      if (content_end > rec_start) {
        if (content_end - rec_start > kMaxRecordBytes) {
          out.oversized = true;
          out.error_line = rec_line;
          return out;
        }
        rec.line = rec_line;
        rec.fields = commas + 1;
        rec.non_ascii = non_ascii;
        FillRecord(data, rec_start, content_end, hits, targets_, start_ord_, end_ord_, &rec);
        if (!sink->OnRecord(rec)) {
          out.stopped = true;
          out.consumed = end + 1;
          out.lines = rec_line + rec_lfs - line;
          return out;
        }
      }
      rec_line += rec_lfs;
      rec_start = end + 1;
      rec_lfs = 0;
      commas = 0;
      non_ascii = false;
      hits.found = 0;
      seg_lo = e + 1;
      events &= events - 1;
      if (rec_start >= stop_after) {
        stop = true;
        break;
      }
    }
    if (stop) break;
    if (first_bad < 64 && (events == 0 || _tzcnt_u64(events) > first_bad)) {
      // A record RFC 4180 would not write: CsvReader's own rules decide where it ends.
      ScalarRecord r = ParseScalar(data, rec_start, final, ordinals_, &hits);
      if (r.unterminated) {
        out.unterminated_quote = true;
        out.error_line = rec_line;
        out.consumed = rec_start;
        out.lines = rec_line - line;
        return out;
      }
      if (!r.complete) break;  // needs more data: rec_start is where the stream resumes
      if (r.content_end > rec_start) {
        rec.line = rec_line;
        rec.fields = r.fields;
        rec.non_ascii = r.non_ascii;
        FillRecord(data, rec_start, r.content_end, hits, targets_, start_ord_, end_ord_, &rec);
        if (!sink->OnRecord(rec)) {
          out.stopped = true;
          out.consumed = r.next;
          out.lines = rec_line + r.lines - line;
          return out;
        }
      }
      rec_line += r.lines;
      rec_start = r.next;
      rec_lfs = 0;
      commas = 0;
      non_ascii = false;
      hits.found = 0;
      pos = rec_start;
      in_quote = 0;
      prev_sep = 1;
      prev_close = 0;
      prev_cr = 0;
      if (rec_start >= stop_after) break;
      continue;
    }
    // The rest of the block belongs to the current record.
    std::uint64_t seg = s_comma & Range(seg_lo, 64);
    std::size_t cnt = static_cast<std::size_t>(_mm_popcnt_u64(seg));
    while (hits.found < n_ords && ordinals_[hits.found] <= commas + cnt) {
      std::size_t k = ordinals_[hits.found] - commas - 1;
      hits.pos[hits.found++] = pos + _tzcnt_u64(_pdep_u64(1ULL << k, seg));
    }
    commas += cnt;
    rec_lfs += static_cast<std::size_t>(_mm_popcnt_u64(m.lf & Range(seg_lo, 64)));
    non_ascii |= (m.high & valid & Range(seg_lo, 64)) != 0;
    in_quote = static_cast<std::uint64_t>(static_cast<std::int64_t>(x) >> 63);
    prev_sep = (m.comma | m.lf) >> 63;
    prev_close = closing >> 63;
    prev_cr = u_cr >> 63;
    pos += 64;
    if (pos - rec_start > kMaxRecordBytes && pos < n) {
      out.oversized = true;
      out.error_line = rec_line;
      out.consumed = rec_start;
      out.lines = rec_line - line;
      return out;
    }
  }
  // The data ended inside a record (or at a record start).
  if (final && rec_start < n && rec_start < stop_after) {
    if (in_quote != 0) {
      out.unterminated_quote = true;
      out.error_line = rec_line;
      out.consumed = rec_start;
      out.lines = rec_line - line;
      return out;
    }
    // A lone CR at the very end ends the record too.
    std::size_t content_end = n;
    if (content_end > rec_start && base[content_end - 1] == '\r') --content_end;
    if (content_end > rec_start) {
      rec.line = rec_line;
      rec.fields = commas + 1;
      rec.non_ascii = non_ascii;
      FillRecord(data, rec_start, content_end, hits, targets_, start_ord_, end_ord_, &rec);
      if (!sink->OnRecord(rec)) out.stopped = true;
    }
    rec_line += rec_lfs;
    rec_start = n;
  }
  out.consumed = std::min(rec_start, n);
  out.lines = rec_line - line;
  return out;
}
#else
CsvScanner::Outcome CsvScanner::ScanFast(std::string_view data, std::size_t line,
                                         std::size_t stop_after, bool final,
                                         RecordSink* sink) const {
  return ScanScalar(data, line, stop_after, final, sink);
}
#endif

}  // namespace receipts
