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

// What a block hands the next: all ones when it ended inside quotes, and whether its last byte
// was a separator or line feed, a closing quote, or a CR outside quotes.
struct BlockCarry {
  std::uint64_t in_quote = 0;
  std::uint64_t prev_sep = 1;  // the data starts at a record start
  std::uint64_t prev_close = 0;
  std::uint64_t prev_cr = 0;
};

// A 64-byte block, classified. Bits past the end of the data are clear.
struct BlockBits {
  std::uint64_t commas;     // separators outside quotes
  std::uint64_t line_ends;  // line feeds outside quotes: each ends a record
  std::uint64_t lfs;        // every line feed (physical lines)
  std::uint64_t high;       // bytes >= 0x80 or NUL
  // The first byte RFC 4180 would not put where it is (a quote inside an unquoted field, text
  // after a closing quote, a lone CR); 64 when none.
  unsigned first_irregular;
  BlockCarry carry;  // for the next block
};

// Classifies the block at data[pos] (the last one, shorter than 64 bytes, padded with NULs).
RECEIPTS_SCAN_TARGET inline BlockBits ClassifyBlock(std::string_view data, std::size_t pos,
                                                    const BlockCarry& carry) {
  const char* block = data.data() + pos;
  std::size_t left = data.size() - pos;
  alignas(64) char tail[64];
  if (left < 64) {
    std::memset(tail, 0, sizeof tail);
    std::memcpy(tail, block, left);
    block = tail;
  }
  Masks m = Classify(block);
  std::uint64_t valid = left >= 64 ? ~0ULL : ((1ULL << left) - 1);
  std::uint64_t inside = 0;
  if (m.quote != 0 || carry.in_quote != 0) inside = PrefixXor(m.quote) ^ carry.in_quote;
  std::uint64_t opening = m.quote & inside;
  std::uint64_t closing = m.quote & ~inside;
  std::uint64_t lone_cr = m.cr & ~inside;
  std::uint64_t after_sep = ((m.comma | m.lf) << 1) | carry.prev_sep;
  std::uint64_t after_close = (closing << 1) | carry.prev_close;
  std::uint64_t after_cr = (lone_cr << 1) | carry.prev_cr;
  std::uint64_t irregular = (opening & ~(after_sep | after_close)) |
                            (after_close & ~(m.comma | m.lf | m.cr | m.quote)) | (after_cr & ~m.lf);
  irregular &= valid;

  BlockBits b;
  b.commas = m.comma & ~inside;
  b.line_ends = m.lf & ~inside;
  b.lfs = m.lf;
  b.high = m.high & valid;
  b.first_irregular = irregular ? static_cast<unsigned>(_tzcnt_u64(irregular)) : 64;
  b.carry.in_quote = static_cast<std::uint64_t>(static_cast<std::int64_t>(inside) >> 63);
  b.carry.prev_sep = (m.comma | m.lf) >> 63;
  b.carry.prev_close = closing >> 63;
  b.carry.prev_cr = lone_cr >> 63;
  return b;
}
#endif

// The record being read: where and on which line it starts, and what its bytes so far hold.
struct OpenRecord {
  std::size_t start = 0;
  std::size_t line = 0;
  std::size_t lfs = 0;     // line feeds inside it so far
  std::size_t commas = 0;  // separators so far
  bool non_ascii = false;
  OrdinalHits hits;

  // The next record starts at `next`, `lines` physical lines below this one.
  void StartNext(std::size_t next, std::size_t lines) {
    start = next;
    line += lines;
    lfs = 0;
    commas = 0;
    non_ascii = false;
    hits.found = 0;
  }
};

#if defined(__x86_64__)
// Adds bits [lo, hi) of block `b` (at data offset `pos`) to the record: its separators, with the
// positions of the ordinals the targets need, its high bytes, and its line feeds (the one at
// `hi` too: the record's own line end).
RECEIPTS_SCAN_TARGET inline void TakeSpan(const BlockBits& b, unsigned lo, unsigned hi,
                                          std::size_t pos, const std::vector<std::size_t>& ordinals,
                                          OpenRecord* r) {
  std::uint64_t span = b.commas & Range(lo, hi);
  std::size_t count = static_cast<std::size_t>(_mm_popcnt_u64(span));
  while (r->hits.found < ordinals.size() && ordinals[r->hits.found] <= r->commas + count) {
    std::size_t k = ordinals[r->hits.found] - r->commas - 1;
    r->hits.pos[r->hits.found++] = pos + _tzcnt_u64(_pdep_u64(1ULL << k, span));
  }
  r->commas += count;
  r->lfs += static_cast<std::size_t>(_mm_popcnt_u64(b.lfs & Range(lo, std::min(hi + 1, 64u))));
  r->non_ascii |= (b.high & Range(lo, hi)) != 0;
}
#endif

// Hands records to the sink, with the cells its targets ask for.
class Delivery {
 public:
  Delivery(std::string_view data, const CsvCellBounds& bounds, RecordSink* sink)
      : data_(data), bounds_(bounds), sink_(sink) {}

  // Hands over data[start, content_end), the record starting on `line`; an empty one (a line
  // that was only a CR) is skipped. False when the sink stopped the scan.
  bool Hand(std::size_t start, std::size_t content_end, std::size_t line, std::size_t fields,
            bool non_ascii, const OrdinalHits& hits) {
    if (content_end == start) return true;
    rec_.line = line;
    rec_.fields = fields;
    rec_.non_ascii = non_ascii;
    rec_.bytes = data_.substr(start, content_end - start);
    for (std::size_t i = 0; i < bounds_.targets.size(); ++i) {
      rec_.cells[i] = {};
      if (bounds_.targets[i] < 0) continue;
      int start_ord = bounds_.start_ord[i];
      std::size_t from;
      if (start_ord < 0) {
        from = start;
      } else if (static_cast<std::size_t>(start_ord) < hits.found) {
        from = hits.pos[static_cast<std::size_t>(start_ord)] + 1;
      } else {
        continue;  // fewer fields
      }
      std::size_t end_ord = static_cast<std::size_t>(bounds_.end_ord[i]);
      std::size_t to = end_ord < hits.found ? hits.pos[end_ord] : content_end;
      rec_.cells[i] = data_.substr(from, to - from);
    }
    return sink_->OnRecord(rec_);
  }

 private:
  std::string_view data_;
  const CsvCellBounds& bounds_;
  RecordSink* sink_;
  ScannedRecord rec_;
};

// Where the content of the record data[start, end) ends: before a CR that ends it.
std::size_t ContentEnd(std::string_view data, std::size_t start, std::size_t end) {
  return end > start && data[end - 1] == '\r' ? end - 1 : end;
}

}  // namespace

CsvScanner::CsvScanner(const std::vector<int>& targets) {
  std::vector<int>& kept = bounds_.targets;
  std::vector<std::size_t>& ordinals = bounds_.ordinals;
  for (int t : targets) {
    if (kept.size() < ScannedRecord::kMaxCells) kept.push_back(t);
  }
  for (int t : kept) {
    if (t < 0) continue;
    if (t > 0) ordinals.push_back(static_cast<std::size_t>(t));
    ordinals.push_back(static_cast<std::size_t>(t) + 1);
  }
  std::sort(ordinals.begin(), ordinals.end());
  ordinals.erase(std::unique(ordinals.begin(), ordinals.end()), ordinals.end());
  auto index_of = [&](std::size_t ordinal) {
    return static_cast<int>(std::lower_bound(ordinals.begin(), ordinals.end(), ordinal) -
                            ordinals.begin());
  };
  for (int t : kept) {
    bounds_.start_ord.push_back(t <= 0 ? -1 : index_of(static_cast<std::size_t>(t)));
    bounds_.end_ord.push_back(t < 0 ? -1 : index_of(static_cast<std::size_t>(t) + 1));
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

CsvScanner::Outcome CsvScanner::ScanScalar(std::string_view data, std::size_t line,
                                           std::size_t stop_after, bool final,
                                           RecordSink* sink) const {
  Outcome out;
  std::size_t p = 0;
  const std::size_t n = data.size();
  OrdinalHits hits;
  Delivery delivery(data, bounds_, sink);
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
    ScalarRecord r = ParseScalar(data, p, final, bounds_.ordinals, &hits);
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
    bool go_on = delivery.Hand(p, r.content_end, line, r.fields, r.non_ascii, hits);
    line += r.lines;
    out.lines += r.lines;
    p = r.next;
    out.consumed = p;
    if (!go_on) {
      out.stopped = true;
      return out;
    }
  }
  return out;
}

#if defined(__x86_64__)
// Block by block: every line end outside quotes before the block's first irregular byte ends a
// record; an irregular byte sends its record through ParseScalar, and the blocks resume after it.
RECEIPTS_SCAN_TARGET
CsvScanner::Outcome CsvScanner::ScanFast(std::string_view data, std::size_t line,
                                         std::size_t stop_after, bool final,
                                         RecordSink* sink) const {
  Outcome out;
  if (stop_after == 0) return out;
  const std::size_t n = data.size();
  Delivery delivery(data, bounds_, sink);
  OpenRecord r;
  r.line = line;
  BlockCarry carry;
  // The outcome with the records before `consumed` handed over, the next on `next_line`.
  auto handed_up_to = [&](std::size_t consumed, std::size_t next_line) {
    out.consumed = consumed;
    out.lines = next_line - line;
    return out;
  };

  std::size_t pos = 0;
  while (pos < n) {
    BlockBits b = ClassifyBlock(data, pos, carry);
    unsigned span_lo = 0;
    std::uint64_t ends = b.line_ends;
    for (; ends != 0 && _tzcnt_u64(ends) < b.first_irregular; ends &= ends - 1) {
      unsigned e = static_cast<unsigned>(_tzcnt_u64(ends));
      TakeSpan(b, span_lo, e, pos, bounds_.ordinals, &r);
      std::size_t end = pos + e;
      std::size_t content_end = ContentEnd(data, r.start, end);
      if (content_end - r.start > kMaxRecordBytes) {
        out.oversized = true;
        out.error_line = r.line;
        return out;
      }
      if (!delivery.Hand(r.start, content_end, r.line, r.commas + 1, r.non_ascii, r.hits)) {
        out.stopped = true;
        return handed_up_to(end + 1, r.line + r.lfs);
      }
      r.StartNext(end + 1, r.lfs);
      span_lo = e + 1;
      if (r.start >= stop_after) return handed_up_to(std::min(r.start, n), r.line);
    }
    if (b.first_irregular < 64) {
      // A record RFC 4180 would not write: CsvReader's own rules decide where it ends.
      ScalarRecord s = ParseScalar(data, r.start, final, bounds_.ordinals, &r.hits);
      if (s.unterminated) {
        out.unterminated_quote = true;
        out.error_line = r.line;
        return handed_up_to(r.start, r.line);
      }
      if (!s.complete) break;  // needs more data: r.start is where the stream resumes
      if (!delivery.Hand(r.start, s.content_end, r.line, s.fields, s.non_ascii, r.hits)) {
        out.stopped = true;
        return handed_up_to(s.next, r.line + s.lines);
      }
      r.StartNext(s.next, s.lines);
      pos = r.start;
      carry = BlockCarry{};
      if (r.start >= stop_after) break;
      continue;
    }
    // The rest of the block belongs to the current record.
    TakeSpan(b, span_lo, 64, pos, bounds_.ordinals, &r);
    carry = b.carry;
    pos += 64;
    if (pos - r.start > kMaxRecordBytes && pos < n) {
      out.oversized = true;
      out.error_line = r.line;
      return handed_up_to(r.start, r.line);
    }
  }
  // The data ended inside a record (or at a record start).
  if (final && r.start < n && r.start < stop_after) {
    if (carry.in_quote != 0) {
      out.unterminated_quote = true;
      out.error_line = r.line;
      return handed_up_to(r.start, r.line);
    }
    // A lone CR at the very end ends the record too.
    if (!delivery.Hand(r.start, ContentEnd(data, r.start, n), r.line, r.commas + 1, r.non_ascii,
                       r.hits)) {
      out.stopped = true;
    }
    r.StartNext(n, r.lfs);
  }
  return handed_up_to(std::min(r.start, n), r.line);
}
#else
CsvScanner::Outcome CsvScanner::ScanFast(std::string_view data, std::size_t line,
                                         std::size_t stop_after, bool final,
                                         RecordSink* sink) const {
  return ScanScalar(data, line, stop_after, final, sink);
}
#endif

}  // namespace receipts
