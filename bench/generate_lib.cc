#include "generate_lib.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/ids.h"

namespace receipts::bench {
namespace {

using Cents = std::int64_t;  // money is integer cents, never a double

// ---------------------------------------------------------------- random numbers (xoshiro256**)

class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& word : s_) {  // splitmix64 expands the seed
      seed += 0x9e3779b97f4a7c15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      word = z ^ (z >> 31);
    }
  }
  std::uint64_t Next() {
    std::uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, n); n > 0.
  std::uint64_t Below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }
  std::int64_t Between(std::int64_t lo, std::int64_t hi) {  // inclusive
    return lo + static_cast<std::int64_t>(Below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  bool Chance(unsigned per_mille) { return Below(1000) < per_mille; }

 private:
  static std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

std::uint64_t Fnv(std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

// ---------------------------------------------------------------- dates as days since 1970-01-01

int DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void CivilFromDays(int z, int* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int>(yoe) + era * 400 + (*m <= 2);
}

// "YYYY-MM-DD…" -> days; nullopt when the text does not start with such a date.
std::optional<int> ParseIsoDays(std::string_view t) {
  if (t.size() < 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (std::from_chars(t.data(), t.data() + 4, y).ptr != t.data() + 4) return std::nullopt;
  if (std::from_chars(t.data() + 5, t.data() + 7, m).ptr != t.data() + 7) return std::nullopt;
  if (std::from_chars(t.data() + 8, t.data() + 10, d).ptr != t.data() + 10) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// Writes "YYYY-MM-DD" (10 chars) at `out`.
char* FormatDate(int days, char* out) {
  int y = 0;
  unsigned m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  out[0] = static_cast<char>('0' + y / 1000 % 10);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + d / 10);
  out[9] = static_cast<char>('0' + d % 10);
  return out + 10;
}

int FiscalYear(int days) {
  int y = 0;
  unsigned m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  return m >= 10 ? y + 1 : y;
}

// ---------------------------------------------------------------- money in cents

// "-1234.5" -> -123450; nullopt for anything else (blank, exponents, more than 2 decimals).
std::optional<Cents> ParseCents(std::string_view t) {
  bool negative = !t.empty() && t.front() == '-';
  if (negative) t.remove_prefix(1);
  std::size_t dot = t.find('.');
  std::string_view whole = t.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : t.substr(dot + 1);
  if (whole.empty() || frac.size() > 2) return std::nullopt;
  Cents units = 0;
  auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), units);
  if (ec != std::errc() || end != whole.data() + whole.size()) return std::nullopt;
  Cents cents = 0;
  for (std::size_t i = 0; i < 2; ++i) {
    char c = i < frac.size() ? frac[i] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    cents = cents * 10 + (c - '0');
  }
  Cents value = units * 100 + cents;
  return negative ? -value : value;
}

char* FormatUnsigned(std::uint64_t v, char* out) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n > 0) *out++ = tmp[--n];
  return out;
}

// Dollars with two decimals: -123450 -> "-1234.50".
char* FormatCents(Cents c, char* out) {
  std::uint64_t magnitude =
      c < 0 ? static_cast<std::uint64_t>(-(c + 1)) + 1 : static_cast<std::uint64_t>(c);
  if (c < 0) *out++ = '-';
  out = FormatUnsigned(magnitude / 100, out);
  *out++ = '.';
  *out++ = static_cast<char>('0' + magnitude / 10 % 10);
  *out++ = static_cast<char>('0' + magnitude % 10);
  return out;
}

// ---------------------------------------------------------------- output

bool NeedsQuotes(std::string_view v) {
  for (char c : v) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
  }
  return false;
}

void AppendField(std::string* out, std::string_view v) {
  if (!NeedsQuotes(v)) {
    out->append(v);
    return;
  }
  out->push_back('"');
  for (char c : v) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// Buffered writer: one write(2) per 4 MiB, no allocation per row.
class Sink {
 public:
  explicit Sink(int fd) : fd_(fd), buf_(new char[kSize]) {}
  ~Sink() { delete[] buf_; }
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;

  void Append(std::string_view v) {
    if (v.empty()) return;  // (an empty view may hold a null pointer: no memcpy from it)
    if (n_ + v.size() > kSize) Flush();
    if (v.size() > kSize) {
      WriteAll(v.data(), v.size());
      return;
    }
    std::memcpy(buf_ + n_, v.data(), v.size());
    n_ += v.size();
  }
  void AppendEscaped(std::string_view v) {
    if (!NeedsQuotes(v)) {
      Append(v);
      return;
    }
    std::string quoted;
    AppendField(&quoted, v);
    Append(quoted);
  }
  void Flush() {
    WriteAll(buf_, n_);
    n_ = 0;
  }
  std::uint64_t written() const { return written_ + n_; }
  const std::string& error() const { return error_; }

 private:
  static constexpr std::size_t kSize = 4 << 20;
  void WriteAll(const char* p, std::size_t len) {
    written_ += len;
    while (len > 0 && error_.empty()) {
      ssize_t w = ::write(fd_, p, len);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        error_ = std::string("write failed: ") + std::strerror(errno);
        return;
      }
      p += w;
      len -= static_cast<std::size_t>(w);
    }
  }
  int fd_;
  char* buf_;
  std::size_t n_ = 0;
  std::uint64_t written_ = 0;
  std::string error_;
};

// ---------------------------------------------------------------- reading the FPDS CSV

std::string ReadMaybeGz(const std::string& path, std::string* error) {
  gzFile f = gzopen(path.c_str(), "rb");  // reads plain files too
  if (f == nullptr) {
    *error = "cannot open " + path;
    return {};
  }
  std::string out;
  char buf[1 << 16];
  while (true) {
    int n = gzread(f, buf, sizeof buf);
    if (n < 0) {
      *error = "cannot read " + path;
      break;
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  gzclose(f);
  return out;
}

// An RFC 4180 table held as views into one unescaped arena.
struct Table {
  std::vector<std::string> header;
  std::vector<std::string_view> cells;  // row-major, header.size() per row
  std::string arena;

  std::size_t rows() const { return header.empty() ? 0 : cells.size() / header.size(); }
  std::string_view at(std::size_t row, int col) const {
    return col < 0 ? std::string_view()
                   : cells[row * header.size() + static_cast<std::size_t>(col)];
  }
  int Find(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return static_cast<int>(i);
    }
    return -1;
  }
  // The n-th (0-based) column whose name starts with `prefix`.
  int FindPrefix(std::string_view prefix, int nth) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (std::string_view(header[i]).starts_with(prefix) && nth-- == 0) return static_cast<int>(i);
    }
    return -1;
  }
};

std::string ParseCsv(const std::string& text, const std::string& name, Table* t) {
  t->arena.clear();
  t->arena.reserve(text.size() + 1);
  std::vector<std::pair<std::size_t, std::size_t>> row;  // arena offsets
  std::size_t i = 0;
  if (text.starts_with("\xEF\xBB\xBF")) i = 3;
  bool first = true;
  while (i < text.size()) {
    row.clear();
    while (true) {  // one field
      std::size_t start = t->arena.size();
      if (i < text.size() && text[i] == '"') {
        ++i;
        while (true) {
          if (i >= text.size()) return name + ": unterminated quoted field";
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              t->arena.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          t->arena.push_back(text[i++]);
        }
      }
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        t->arena.push_back(text[i++]);
      }
      row.emplace_back(start, t->arena.size() - start);
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      break;
    }
    if (first) {
      for (auto [off, len] : row) t->header.emplace_back(t->arena.substr(off, len));
      t->arena.clear();
      first = false;
      continue;
    }
    if (row.size() == 1 && row[0].second == 0) continue;  // blank line
    if (row.size() != t->header.size()) {
      return name + ": a row has " + std::to_string(row.size()) + " fields, the header " +
             std::to_string(t->header.size());
    }
    for (auto [off, len] : row) t->cells.emplace_back(t->arena.data() + off, len);
  }
  return "";
}

std::string_view Trim(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

std::string Upper(std::string_view text) {
  std::string out;
  for (char c : Trim(text))
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

// ---------------------------------------------------------------- code tables

using Codes = std::vector<std::pair<std::string_view, std::string_view>>;

std::string_view Lookup(const Codes& codes, std::string_view code) {
  for (const auto& [k, v] : codes) {
    if (k == code) return v;
  }
  return {};
}

const Codes kYesNo = {{"Y", "YES"},
                      {"N", "NO"},
                      {"X", "NOT APPLICABLE"},
                      {"NONE", "NONE"},
                      {"A", "YES"},
                      {"B", "NO"},
                      {"C", "NOT APPLICABLE"},
                      {"D", "NOT REQUIRED"},
                      {"E", "NOT REQUIRED"},
                      {"F", "NOT APPLICABLE"}};
const Codes kAwardType = {{"A", "BPA CALL"},
                          {"B", "PURCHASE ORDER"},
                          {"C", "DELIVERY ORDER"},
                          {"D", "DEFINITIVE CONTRACT"}};
const Codes kIdvType = {{"A", "GWAC"}, {"B", "IDC"}, {"C", "FSS"}, {"D", "BOA"}, {"E", "BPA"}};
const Codes kPricing = {{"J", "FIRM FIXED PRICE"},
                        {"U", "COST PLUS FIXED FEE"},
                        {"Y", "TIME AND MATERIALS"},
                        {"Z", "LABOR HOURS"},
                        {"S", "COST NO FEE"},
                        {"R", "COST PLUS AWARD FEE"},
                        {"M", "FIXED PRICE AWARD FEE"},
                        {"B", "FIXED PRICE LEVEL OF EFFORT"},
                        {"K", "FIXED PRICE WITH ECONOMIC PRICE ADJUSTMENT"},
                        {"V", "COST PLUS INCENTIVE FEE"},
                        {"1",
                         "ORDER DEPENDENT (IDV ALLOWS PRICING ARRANGEMENT TO BE DETERMINED "
                         "SEPARATELY FOR EACH ORDER)"}};
const Codes kActionType = {{"A", "ADDITIONAL WORK (NEW AGREEMENT, JUSTIFICATION REQUIRED)"},
                           {"B", "SUPPLEMENTAL AGREEMENT FOR WORK WITHIN SCOPE"},
                           {"C", "FUNDING ONLY ACTION"},
                           {"D", "CHANGE ORDER"},
                           {"E", "TERMINATE FOR DEFAULT (COMPLETE OR PARTIAL)"},
                           {"F", "TERMINATE FOR CONVENIENCE (COMPLETE OR PARTIAL)"},
                           {"G", "EXERCISE AN OPTION"},
                           {"H", "DEFINITIZE LETTER CONTRACT"},
                           {"J", "NOVATION AGREEMENT"},
                           {"K", "CLOSE OUT"},
                           {"L", "DEFINITIZE CHANGE ORDER"},
                           {"M", "OTHER ADMINISTRATIVE ACTION"},
                           {"N", "LEGAL CONTRACT CANCELLATION"},
                           {"P", "REREPRESENTATION OF NON-NOVATED MERGER/ACQUISITION"},
                           {"R", "REREPRESENTATION"},
                           {"S", "CHANGE PIID"},
                           {"T", "TRANSFER ACTION"},
                           {"V", "UNIQUE ENTITY ID OR LEGAL BUSINESS NAME CHANGE - NON-NOVATION"},
                           {"W", "ENTITY ADDRESS CHANGE"},
                           {"X", "TERMINATE FOR CAUSE"},
                           {"Y", "ADD SUBCONTRACT PLAN"}};
const Codes kExtent = {{"A", "FULL AND OPEN COMPETITION"},
                       {"B", "NOT AVAILABLE FOR COMPETITION"},
                       {"C", "NOT COMPETED"},
                       {"D", "FULL AND OPEN COMPETITION AFTER EXCLUSION OF SOURCES"},
                       {"E", "FOLLOW ON TO COMPETED ACTION"},
                       {"F", "COMPETED UNDER SAP"},
                       {"G", "NOT COMPETED UNDER SAP"}};
const Codes kPsc = {{"R499", "SUPPORT- PROFESSIONAL: OTHER"},
                    {"R408", "SUPPORT- PROFESSIONAL: PROGRAM MANAGEMENT/SUPPORT"},
                    {"R497", "SUPPORT- PROFESSIONAL: PERSONAL SERVICES CONTRACTS"},
                    {"R425", "SUPPORT- PROFESSIONAL: ENGINEERING/TECHNICAL"},
                    {"R699", "SUPPORT- ADMINISTRATIVE: OTHER"},
                    {"7630", "NEWSPAPERS AND PERIODICALS"},
                    {"R410", "SUPPORT- PROFESSIONAL: PROGRAM EVALUATION/REVIEW/DEVELOPMENT"},
                    {"R799", "SUPPORT- MANAGEMENT: OTHER"},
                    {"R418", "SUPPORT- PROFESSIONAL: TECHNICAL ASSISTANCE"},
                    {"R704", "SUPPORT- MANAGEMENT: AUDITING"},
                    {"C219", "ARCHITECT AND ENGINEERING- GENERAL: OTHER"},
                    {"DA01",
                     "IT AND TELECOM - BUSINESS APPLICATION/APPLICATION DEVELOPMENT "
                     "SUPPORT SERVICES (LABOR)"}};
const Codes kNaics = {
    {"541611", "ADMINISTRATIVE MANAGEMENT AND GENERAL MANAGEMENT CONSULTING SERVICES"},
    {"541990", "ALL OTHER PROFESSIONAL, SCIENTIFIC, AND TECHNICAL SERVICES"},
    {"812990", "ALL OTHER PERSONAL SERVICES"},
    {"541519", "OTHER COMPUTER RELATED SERVICES"},
    {"541690", "OTHER SCIENTIFIC AND TECHNICAL CONSULTING SERVICES"},
    {"541330", "ENGINEERING SERVICES"},
    {"541720", "RESEARCH AND DEVELOPMENT IN THE SOCIAL SCIENCES AND HUMANITIES"},
    {"541512", "COMPUTER SYSTEMS DESIGN SERVICES"},
    {"541511", "CUSTOM COMPUTER PROGRAMMING SERVICES"},
    {"611430", "PROFESSIONAL AND MANAGEMENT DEVELOPMENT TRAINING"},
    {"541310", "ARCHITECTURAL SERVICES"},
    {"541211", "OFFICES OF CERTIFIED PUBLIC ACCOUNTANTS"},
    {"561611", "INVESTIGATION SERVICES"}};
const Codes kStates = {{"AL", "ALABAMA"},
                       {"AK", "ALASKA"},
                       {"AZ", "ARIZONA"},
                       {"AR", "ARKANSAS"},
                       {"CA", "CALIFORNIA"},
                       {"CO", "COLORADO"},
                       {"CT", "CONNECTICUT"},
                       {"DE", "DELAWARE"},
                       {"DC", "DISTRICT OF COLUMBIA"},
                       {"FL", "FLORIDA"},
                       {"GA", "GEORGIA"},
                       {"HI", "HAWAII"},
                       {"ID", "IDAHO"},
                       {"IL", "ILLINOIS"},
                       {"IN", "INDIANA"},
                       {"IA", "IOWA"},
                       {"KS", "KANSAS"},
                       {"KY", "KENTUCKY"},
                       {"LA", "LOUISIANA"},
                       {"ME", "MAINE"},
                       {"MD", "MARYLAND"},
                       {"MA", "MASSACHUSETTS"},
                       {"MI", "MICHIGAN"},
                       {"MN", "MINNESOTA"},
                       {"MS", "MISSISSIPPI"},
                       {"MO", "MISSOURI"},
                       {"MT", "MONTANA"},
                       {"NE", "NEBRASKA"},
                       {"NV", "NEVADA"},
                       {"NH", "NEW HAMPSHIRE"},
                       {"NJ", "NEW JERSEY"},
                       {"NM", "NEW MEXICO"},
                       {"NY", "NEW YORK"},
                       {"NC", "NORTH CAROLINA"},
                       {"ND", "NORTH DAKOTA"},
                       {"OH", "OHIO"},
                       {"OK", "OKLAHOMA"},
                       {"OR", "OREGON"},
                       {"PA", "PENNSYLVANIA"},
                       {"RI", "RHODE ISLAND"},
                       {"SC", "SOUTH CAROLINA"},
                       {"SD", "SOUTH DAKOTA"},
                       {"TN", "TENNESSEE"},
                       {"TX", "TEXAS"},
                       {"UT", "UTAH"},
                       {"VT", "VERMONT"},
                       {"VA", "VIRGINIA"},
                       {"WA", "WASHINGTON"},
                       {"WV", "WEST VIRGINIA"},
                       {"WI", "WISCONSIN"},
                       {"WY", "WYOMING"},
                       {"PR", "PUERTO RICO"},
                       {"GU", "GUAM"}};
const Codes kCountries = {{"USA", "UNITED STATES"}, {"GBR", "UNITED KINGDOM"}, {"CAN", "CANADA"},
                          {"KEN", "KENYA"},         {"ZAF", "SOUTH AFRICA"},   {"IND", "INDIA"}};
const Codes kBizSize = {{"S", "SMALL BUSINESS"}, {"O", "OTHER THAN SMALL BUSINESS"}};
const Codes kObjectClasses = {{"0", "25.1: Advisory and assistance services"},
                              {"1", "25.2: Other services from non-Federal sources"},
                              {"2", "25.3: Other goods and services from Federal sources"},
                              {"3", "31.0: Equipment"},
                              {"4", "25.7: Operation and maintenance of equipment"},
                              {"5", "23.3: Communications, utilities, and miscellaneous charges"}};
const Codes kPrograms = {{"0", "0001: PROGRAM ADMINISTRATION"},
                         {"1", "0002: OPERATIONS AND SUPPORT"},
                         {"2", "0801: INFORMATION TECHNOLOGY"},
                         {"3", "0100: DIRECT PROGRAM ACTIVITY"},
                         {"4", "0003: RESEARCH AND DEVELOPMENT"}};
const std::string_view kDefc =
    "Q: Excluded from tracking (uses non-emergency/non-disaster designated appropriations)";

// Subtier agency id -> (name of the toptier agency, name of the subtier), from the 2025-03-13
// claims' agency column and USAspending's agency list.
struct Agency {
  std::string_view id, toptier, name, sub_name;
};
const Agency kAgencies[] = {
    {"7200", "072", "Agency for International Development", "Agency for International Development"},
    {"3600", "036", "Department of Veterans Affairs", "Department of Veterans Affairs"},
    {"955F", "581", "Consumer Financial Protection Bureau", "Consumer Financial Protection Bureau"},
    {"2036", "581", "Consumer Financial Protection Bureau", "Consumer Financial Protection Bureau"},
    {"7523", "075", "Department of Health and Human Services",
     "Centers for Disease Control and Prevention"},
    {"7529", "075", "Department of Health and Human Services", "National Institutes of Health"},
    {"7524", "075", "Department of Health and Human Services", "Food and Drug Administration"},
    {"7570", "075", "Department of Health and Human Services",
     "Centers for Medicare and Medicaid Services"},
    {"7526", "075", "Department of Health and Human Services",
     "Health Resources and Services Administration"},
    {"7530", "075", "Department of Health and Human Services", "Program Support Center"},
    {"9100", "091", "Department of Education", "Department of Education"},
    {"8600", "086", "Department of Housing and Urban Development",
     "Department of Housing and Urban Development"},
    {"4732", "047", "General Services Administration", "Federal Acquisition Service"},
    {"4740", "047", "General Services Administration", "Public Buildings Service"},
    {"1605", "1601", "Department of Labor", "Departmental Management"},
    {"1406", "014", "Department of the Interior", "Departmental Offices"},
    {"1425", "014", "Department of the Interior", "Bureau of Reclamation"},
    {"8900", "089", "Department of Energy", "Department of Energy"},
    {"12C2", "012", "Department of Agriculture", "Forest Service"},
    {"12H2", "012", "Department of Agriculture", "Food and Nutrition Service"},
    {"1205", "012", "Department of Agriculture", "Departmental Administration"},
    {"7001", "070", "Department of Homeland Security", "Office of Procurement Operations"},
    {"7022", "070", "Department of Homeland Security", "Federal Emergency Management Agency"},
    {"6800", "068", "Environmental Protection Agency", "Environmental Protection Agency"},
    {"1501", "015", "Department of Justice", "Offices, Boards and Divisions"},
    {"1549", "015", "Department of Justice", "Federal Prison System"},
    {"1900", "019", "Department of State", "Department of State"},
    {"2050", "020", "Department of the Treasury", "Internal Revenue Service"},
    {"6901", "069", "Department of Transportation", "Immediate Office of the Secretary"},
    {"1344", "013", "Department of Commerce", "Census Bureau"},
    {"2800", "028", "Social Security Administration", "Social Security Administration"},
    {"5000", "050", "Securities and Exchange Commission", "Securities and Exchange Commission"},
    {"7300", "073", "Small Business Administration", "Small Business Administration"},
    {"9700", "097", "Department of Defense", "Department of Defense"},
    {"9300", "093", "Federal Mediation and Conciliation Service",
     "Federal Mediation and Conciliation Service"},
    {"8000", "080", "National Aeronautics and Space Administration",
     "National Aeronautics and Space Administration"},
    {"4900", "049", "National Science Foundation", "National Science Foundation"},
};

const Agency& FindAgency(std::string_view id) {
  for (const Agency& a : kAgencies) {
    if (a.id == id) return a;
  }
  static const Agency kOther = {"", "", "", ""};
  return kOther;
}

// ---------------------------------------------------------------- columns

// Columns whose value changes from one transaction of an award to the next (or names the award):
// written per row. Every other column is rendered once per template.
enum Tx {
  kTxKey,
  kAwardKey,
  kPiid,
  kMod,
  kTxnNo,
  kParentAgency,
  kParentAgencyName,
  kParentPiid,
  kParentMod,
  kObligation,
  kTotalObligated,
  kOutlayed,
  kBaseExercised,
  kTotalBaseExercised,
  kBaseAll,
  kTotalBaseAll,
  kActionDate,
  kFiscalYear,
  kStart,
  kCurrentEnd,
  kPotentialEnd,
  kOrderingEnd,
  kTxDescription,
  kActionTypeCode,
  kActionTypeName,
  kPermalink,
  kInitialReport,
  kLastModified,
  kTxCount
};

const std::array<std::string_view, kTxCount> kTxNames = {"contract_transaction_unique_key",
                                                         "contract_award_unique_key",
                                                         "award_id_piid",
                                                         "modification_number",
                                                         "transaction_number",
                                                         "parent_award_agency_id",
                                                         "parent_award_agency_name",
                                                         "parent_award_id_piid",
                                                         "parent_award_modification_number",
                                                         "federal_action_obligation",
                                                         "total_dollars_obligated",
                                                         "total_outlayed_amount_for_overall_award",
                                                         "base_and_exercised_options_value",
                                                         "current_total_value_of_award",
                                                         "base_and_all_options_value",
                                                         "potential_total_value_of_award",
                                                         "action_date",
                                                         "action_date_fiscal_year",
                                                         "period_of_performance_start_date",
                                                         "period_of_performance_current_end_date",
                                                         "period_of_performance_potential_end_date",
                                                         "ordering_period_end_date",
                                                         "transaction_description",
                                                         "action_type_code",
                                                         "action_type",
                                                         "usaspending_permalink",
                                                         "initial_report_date",
                                                         "last_modified_date"};

// How an award-level column is filled from an FPDS row.
struct Recipe {
  enum Kind {
    kEmpty,
    kConst,
    kCopy,      // the FPDS cell, trimmed
    kBool,      // TRUE/FALSE -> t/f
    kDescribe,  // the description of the FPDS cell's code (table, else yes/no, else the code)
    kSpecial,
  } kind = kEmpty;
  int fpds = -1;
  std::string_view constant;
  const Codes* codes = nullptr;
  enum Special {
    kNone,
    kToptier,
    kAgencyName,
    kSubName,
    kOfficeName,
    kFundToptier,
    kFundName,
    kFundSubName,
    kTreasury,
    kFederalAccount,
    kObjectClass,
    kProgram,
    kDistrict,  // state + "-" + two digits
    kDefcCode,
    kIdvFlag,
    kAwardTypeCode,
    kAwardTypeName,
    kIdvTypeCode,
    kIdvTypeName,
    kStateName,
  } special = kNone;
  int fpds2 = -1;  // second input (e.g. the district's state)
};

// Which FPDS column feeds which USAspending column.
struct Mapping {
  std::string_view usaspending, fpds;
  Recipe::Kind kind;
  const Codes* codes = nullptr;
};

const Mapping kMappings[] = {
    {"solicitation_identifier", "solicitationID", Recipe::kCopy},
    {"number_of_actions", "numberOfActions", Recipe::kCopy},
    {"foreign_funding", "foreignFunding", Recipe::kCopy},
    {"foreign_funding_description", "foreignFunding", Recipe::kDescribe},
    {"recipient_uei", "UEI", Recipe::kCopy},
    {"recipient_name", "vendorName", Recipe::kCopy},
    {"recipient_name_raw", "UEILegalBusinessName", Recipe::kCopy},
    {"cage_code", "cageCode", Recipe::kCopy},
    {"recipient_parent_uei", "ultimateParentUEI", Recipe::kCopy},
    {"recipient_parent_name", "ultimateParentUEIName", Recipe::kCopy},
    {"recipient_parent_name_raw", "ultimateParentUEIName", Recipe::kCopy},
    {"recipient_address_line_1", "streetAddress", Recipe::kCopy},
    {"recipient_city_name", "city", Recipe::kCopy},
    {"recipient_state_code", "state", Recipe::kCopy},
    {"recipient_zip_4_code", "ZIPCode", Recipe::kCopy},
    {"recipient_phone_number", "phoneNo", Recipe::kCopy},
    {"primary_place_of_performance_state_code", "stateCode", Recipe::kCopy},
    {"primary_place_of_performance_zip_4", "placeOfPerformanceZIPCode", Recipe::kCopy},
    {"type_of_contract_pricing_code", "typeOfContractPricing", Recipe::kCopy},
    {"type_of_contract_pricing", "typeOfContractPricing", Recipe::kDescribe, &kPricing},
    {"prime_award_base_transaction_description", "descriptionOfContractRequirement", Recipe::kCopy},
    {"inherently_governmental_functions", "inherentlyGovernmentalFunction", Recipe::kCopy},
    {"inherently_governmental_functions_description", "inherentlyGovernmentalFunction",
     Recipe::kDescribe},
    {"product_or_service_code", "productOrServiceCode", Recipe::kCopy},
    {"product_or_service_code_description", "productOrServiceCode", Recipe::kDescribe, &kPsc},
    {"contract_bundling_code", "contractBundling", Recipe::kCopy},
    {"contract_bundling", "contractBundling", Recipe::kDescribe},
    {"naics_code", "principalNAICSCode", Recipe::kCopy},
    {"naics_description", "principalNAICSCode", Recipe::kDescribe, &kNaics},
    {"recovered_materials_sustainability_code", "recoveredMaterialClauses", Recipe::kCopy},
    {"recovered_materials_sustainability", "recoveredMaterialClauses", Recipe::kDescribe},
    {"epa_designated_product_code", "useOfEPADesignatedProducts", Recipe::kCopy},
    {"epa_designated_product", "useOfEPADesignatedProducts", Recipe::kDescribe},
    {"country_of_product_or_service_origin_code", "countryOfOrigin", Recipe::kCopy},
    {"country_of_product_or_service_origin", "countryOfOrigin", Recipe::kDescribe, &kCountries},
    {"place_of_manufacture_code", "placeOfManufacture", Recipe::kCopy},
    {"place_of_manufacture", "placeOfManufacture", Recipe::kDescribe},
    {"subcontracting_plan_code", "subcontractPlan", Recipe::kCopy},
    {"subcontracting_plan", "subcontractPlan", Recipe::kDescribe},
    {"extent_competed_code", "extentCompeted", Recipe::kCopy},
    {"extent_competed", "extentCompeted", Recipe::kDescribe, &kExtent},
    {"solicitation_procedures_code", "solicitationProcedures", Recipe::kCopy},
    {"solicitation_procedures", "solicitationProcedures", Recipe::kDescribe},
    {"type_of_set_aside_code", "typeOfSetAside", Recipe::kCopy},
    {"type_of_set_aside", "typeOfSetAside", Recipe::kDescribe},
    {"evaluated_preference_code", "evaluatedPreference", Recipe::kCopy},
    {"evaluated_preference", "evaluatedPreference", Recipe::kDescribe},
    {"number_of_offers_received", "numberOfOffersReceived", Recipe::kCopy},
    {"commercial_item_acquisition_procedures_code", "commercialItemAcquisitionProcedures",
     Recipe::kCopy},
    {"commercial_item_acquisition_procedures", "commercialItemAcquisitionProcedures",
     Recipe::kDescribe},
    {"fed_biz_opps_code", "fedBizOpps", Recipe::kCopy},
    {"fed_biz_opps", "fedBizOpps", Recipe::kDescribe},
    {"local_area_set_aside_code", "localAreaSetAside", Recipe::kCopy},
    {"local_area_set_aside", "localAreaSetAside", Recipe::kDescribe},
    {"clinger_cohen_act_planning_code", "ClingerCohenAct", Recipe::kCopy},
    {"clinger_cohen_act_planning", "ClingerCohenAct", Recipe::kDescribe},
    {"materials_supplies_articles_equipment_code", "materialsSuppliesArticlesEquipment",
     Recipe::kCopy},
    {"materials_supplies_articles_equipment", "materialsSuppliesArticlesEquipment",
     Recipe::kDescribe},
    {"labor_standards_code", "laborStandards", Recipe::kCopy},
    {"labor_standards", "laborStandards", Recipe::kDescribe},
    {"construction_wage_rate_requirements_code", "constructionWageRateRequirements", Recipe::kCopy},
    {"construction_wage_rate_requirements", "constructionWageRateRequirements", Recipe::kDescribe},
    {"interagency_contracting_authority_code", "interagencyContractingAuthority", Recipe::kCopy},
    {"interagency_contracting_authority", "interagencyContractingAuthority", Recipe::kDescribe},
    {"national_interest_action_code", "nationalInterestActionCode", Recipe::kCopy},
    {"national_interest_action", "nationalInterestActionCode", Recipe::kDescribe},
    {"cost_accounting_standards_clause_code", "costAccountingStandardsClause", Recipe::kCopy},
    {"cost_accounting_standards_clause", "costAccountingStandardsClause", Recipe::kDescribe},
    {"government_furnished_property_code", "GFE-GFP", Recipe::kCopy},
    {"government_furnished_property", "GFE-GFP", Recipe::kDescribe},
    {"undefinitized_action_code", "undefinitizedAction", Recipe::kCopy},
    {"undefinitized_action", "undefinitizedAction", Recipe::kDescribe},
    {"consolidated_contract_code", "consolidatedContract", Recipe::kCopy},
    {"consolidated_contract", "consolidatedContract", Recipe::kDescribe},
    {"performance_based_service_acquisition_code", "performanceBasedServiceContract",
     Recipe::kCopy},
    {"performance_based_service_acquisition", "performanceBasedServiceContract", Recipe::kDescribe},
    {"purchase_card_as_payment_method_code", "purchaseCardAsPaymentMethod", Recipe::kCopy},
    {"purchase_card_as_payment_method", "purchaseCardAsPaymentMethod", Recipe::kDescribe},
    {"contingency_humanitarian_or_peacekeeping_operation_code",
     "contingencyHumanitarianPeacekeepingOperation", Recipe::kCopy},
    {"contingency_humanitarian_or_peacekeeping_operation",
     "contingencyHumanitarianPeacekeepingOperation", Recipe::kDescribe},
    {"multiple_or_single_award_idv_code", "multipleOrSingleAwardIDC", Recipe::kCopy},
    {"multiple_or_single_award_idv", "multipleOrSingleAwardIDC", Recipe::kDescribe},
    {"contracting_officers_determination_of_business_size_code",
     "contractingOfficerBusinessSizeDetermination", Recipe::kCopy},
    {"contracting_officers_determination_of_business_size",
     "contractingOfficerBusinessSizeDetermination", Recipe::kDescribe, &kBizSize},
    {"organizational_type", "organizationalType", Recipe::kCopy},
    {"awarding_sub_agency_code", "agencyID", Recipe::kCopy},
    {"awarding_office_code", "contractingOfficeID", Recipe::kCopy},
    {"funding_sub_agency_code", "fundingRequestingAgencyID", Recipe::kCopy},
    {"funding_office_code", "fundingRequestingOfficeID", Recipe::kCopy},
    {"solicitation_date", "", Recipe::kEmpty},
    // Business types: FPDS TRUE/FALSE -> USAspending t/f.
    {"alaskan_native_corporation_owned_firm", "isAlaskanNativeOwnedCorporationOrFirm",
     Recipe::kBool},
    {"american_indian_owned_business", "isAmericanIndianOwned", Recipe::kBool},
    {"indian_tribe_federally_recognized", "isIndianTribe", Recipe::kBool},
    {"native_hawaiian_organization_owned_firm", "isNativeHawaiianOwnedOrganizationOrFirm",
     Recipe::kBool},
    {"tribally_owned_firm", "isTriballyOwnedFirm", Recipe::kBool},
    {"veteran_owned_business", "isVeteranOwned", Recipe::kBool},
    {"service_disabled_veteran_owned_business", "isServiceRelatedDisabledVeteranOwnedBusiness",
     Recipe::kBool},
    {"woman_owned_business", "isWomenOwned", Recipe::kBool},
    {"women_owned_small_business", "isWomenOwnedSmallBusiness", Recipe::kBool},
    {"economically_disadvantaged_women_owned_small_business",
     "isEconomicallyDisadvantagedWomenOwnedSmallBusiness", Recipe::kBool},
    {"joint_venture_women_owned_small_business", "isJointVentureWomenOwnedSmallBusiness",
     Recipe::kBool},
    {"joint_venture_economic_disadvantaged_women_owned_small_bus",
     "isJointVentureEconomicallyDisadvantagedWomenOwnedSmallBusiness", Recipe::kBool},
    {"minority_owned_business", "isMinorityOwned", Recipe::kBool},
    {"subcontinent_asian_asian_indian_american_owned_business",
     "isSubContinentAsianAmericanOwnedBusiness", Recipe::kBool},
    {"asian_pacific_american_owned_business", "isAsianPacificAmericanOwnedBusiness", Recipe::kBool},
    {"black_american_owned_business", "isBlackAmericanOwnedBusiness", Recipe::kBool},
    {"hispanic_american_owned_business", "isHispanicAmericanOwnedBusiness", Recipe::kBool},
    {"native_american_owned_business", "isNativeAmericanOwnedBusiness", Recipe::kBool},
    {"other_minority_owned_business", "isOtherMinorityOwned", Recipe::kBool},
    {"emerging_small_business", "isVerySmallBusiness", Recipe::kBool},
    {"community_developed_corporation_owned_firm", "isCommunityDevelopedCorporationOwnedFirm",
     Recipe::kBool},
    {"labor_surplus_area_firm", "isLaborSurplusAreaFirm", Recipe::kBool},
    {"us_federal_government", "isFederalGovernment", Recipe::kBool},
    {"federally_funded_research_and_development_corp",
     "isFederallyFundedResearchAndDevelopmentCorp", Recipe::kBool},
    {"federal_agency", "isFederalGovernmentAgency", Recipe::kBool},
    {"us_state_government", "isStateGovernment", Recipe::kBool},
    {"us_local_government", "isLocalGovernment", Recipe::kBool},
    {"city_local_government", "isCityLocalGovernment", Recipe::kBool},
    {"county_local_government", "isCountyLocalGovernment", Recipe::kBool},
    {"inter_municipal_local_government", "isInterMunicipalLocalGovernment", Recipe::kBool},
    {"local_government_owned", "isLocalGovernmentOwned", Recipe::kBool},
    {"municipality_local_government", "isMunicipalityLocalGovernment", Recipe::kBool},
    {"school_district_local_government", "isSchoolDistrictLocalGovernment", Recipe::kBool},
    {"township_local_government", "isTownshipLocalGovernment", Recipe::kBool},
    {"us_tribal_government", "isTribalGovernment", Recipe::kBool},
    {"foreign_government", "isForeignGovernment", Recipe::kBool},
    {"corporate_entity_not_tax_exempt", "isCorporateEntityNotTaxExempt", Recipe::kBool},
    {"corporate_entity_tax_exempt", "isCorporateEntityTaxExempt", Recipe::kBool},
    {"partnership_or_limited_liability_partnership", "isPartnershipOrLimitedLiabilityPartnership",
     Recipe::kBool},
    {"sole_proprietorship", "isSolePropreitorship", Recipe::kBool},
    {"small_agricultural_cooperative", "isSmallAgriculturalCooperative", Recipe::kBool},
    {"international_organization", "isInternationalOrganization", Recipe::kBool},
    {"us_government_entity", "isUSGovernmentEntity", Recipe::kBool},
    {"community_development_corporation", "isCommunityDevelopmentCorporation", Recipe::kBool},
    {"domestic_shelter", "isDomesticShelter", Recipe::kBool},
    {"educational_institution", "isEducationalInstitution", Recipe::kBool},
    {"foundation", "isFoundation", Recipe::kBool},
    {"hospital_flag", "isHospital", Recipe::kBool},
    {"manufacturer_of_goods", "isManufacturerOfGoods", Recipe::kBool},
    {"veterinary_hospital", "isVeterinaryHospital", Recipe::kBool},
    {"hispanic_servicing_institution", "isHispanicServicingInstitution", Recipe::kBool},
    {"receives_contracts", "receivesContracts", Recipe::kBool},
    {"receives_financial_assistance", "receivesGrants", Recipe::kBool},
    {"receives_contracts_and_financial_assistance", "receivesContractsAndGrants", Recipe::kBool},
    {"airport_authority", "isAirportAuthority", Recipe::kBool},
    {"council_of_governments", "isCouncilOfGovernments", Recipe::kBool},
    {"housing_authorities_public_tribal", "isHousingAuthoritiesPublicOrTribal", Recipe::kBool},
    {"interstate_entity", "isInterstateEntity", Recipe::kBool},
    {"planning_commission", "isPlanningCommission", Recipe::kBool},
    {"port_authority", "isPortAuthority", Recipe::kBool},
    {"transit_authority", "isTransitAuthority", Recipe::kBool},
    {"subchapter_scorporation", "isSubchapterSCorporation", Recipe::kBool},
    {"limited_liability_corporation", "isLimitedLiabilityCorporation", Recipe::kBool},
    {"foreign_owned", "isForeignOwnedAndLocated", Recipe::kBool},
    {"for_profit_organization", "isForProfitOrganization", Recipe::kBool},
    {"nonprofit_organization", "isNonprofitOrganization", Recipe::kBool},
    {"other_not_for_profit_organization", "isOtherNotForProfitOrganization", Recipe::kBool},
    {"the_ability_one_program", "isShelteredWorkshop", Recipe::kBool},
    {"private_university_or_college", "isPrivateUniversityOrCollege", Recipe::kBool},
    {"state_controlled_institution_of_higher_learning",
     "isStateControlledInstitutionofHigherLearning", Recipe::kBool},
    {"1862_land_grant_college", "is1862LandGrantCollege", Recipe::kBool},
    {"1890_land_grant_college", "is1890LandGrantCollege", Recipe::kBool},
    {"1994_land_grant_college", "is1994LandGrantCollege", Recipe::kBool},
    {"minority_institution", "isMinorityInstitution", Recipe::kBool},
    {"historically_black_college", "isHistoricallyBlackCollegeOrUniversity", Recipe::kBool},
    {"tribal_college", "isTribalCollege", Recipe::kBool},
    {"alaskan_native_servicing_institution", "isAlaskanNativeServicingInstitution", Recipe::kBool},
    {"native_hawaiian_servicing_institution", "isNativeHawaiianServicingInstitution",
     Recipe::kBool},
    {"school_of_forestry", "isSchoolOfForestry", Recipe::kBool},
    {"veterinary_college", "isVeterinaryCollege", Recipe::kBool},
    {"dot_certified_disadvantage", "isDOTCertifiedDisadvantagedBusinessEnterprise", Recipe::kBool},
    {"self_certified_small_disadvantaged_business", "isSelfCertifiedSmallDisadvantagedBusiness",
     Recipe::kBool},
    {"small_disadvantaged_business", "isSBACertifiedSmallDisadvantagedBusiness", Recipe::kBool},
    {"c8a_program_participant", "isSBACertified8AProgramParticipant", Recipe::kBool},
    {"historically_underutilized_business_zone_hubzone_firm", "isSBACertifiedHUBZone",
     Recipe::kBool},
    {"sba_certified_8a_joint_venture", "isSBACertified8AJointVenture", Recipe::kBool},
};

struct SpecialName {
  std::string_view usaspending;
  Recipe::Special special;
  std::string_view fpds, fpds2;
};

const SpecialName kSpecials[] = {
    {"awarding_agency_code", Recipe::kToptier, "agencyID", ""},
    {"awarding_agency_name", Recipe::kAgencyName, "agencyID", ""},
    {"awarding_sub_agency_name", Recipe::kSubName, "agencyID", ""},
    {"awarding_office_name", Recipe::kOfficeName, "contractingOfficeID", "agencyID"},
    {"funding_agency_code", Recipe::kFundToptier, "fundingRequestingAgencyID", "agencyID"},
    {"funding_agency_name", Recipe::kFundName, "fundingRequestingAgencyID", "agencyID"},
    {"funding_sub_agency_name", Recipe::kFundSubName, "fundingRequestingAgencyID", "agencyID"},
    {"funding_office_name", Recipe::kOfficeName, "fundingRequestingOfficeID", "agencyID"},
    {"treasury_accounts_funding_this_award", Recipe::kTreasury, "agencyID", "PIID"},
    {"federal_accounts_funding_this_award", Recipe::kFederalAccount, "agencyID", "PIID"},
    {"object_classes_funding_this_award", Recipe::kObjectClass, "PIID", ""},
    {"program_activities_funding_this_award", Recipe::kProgram, "PIID", ""},
    {"disaster_emergency_fund_codes_for_overall_award", Recipe::kDefcCode, "PIID", ""},
    {"prime_award_transaction_recipient_cd_original", Recipe::kDistrict,
     "congressionalDistrictCode", "state"},
    {"prime_award_transaction_recipient_cd_current", Recipe::kDistrict, "congressionalDistrictCode",
     "state"},
    {"prime_award_transaction_place_of_performance_cd_original", Recipe::kDistrict,
     "placeOfPerformanceCongressionalDistrict", "stateCode"},
    {"prime_award_transaction_place_of_performance_cd_current", Recipe::kDistrict,
     "placeOfPerformanceCongressionalDistrict", "stateCode"},
    {"recipient_state_name", Recipe::kStateName, "state", ""},
    {"primary_place_of_performance_state_name", Recipe::kStateName, "stateCode", ""},
    {"award_or_idv_flag", Recipe::kIdvFlag, "", ""},
    {"award_type_code", Recipe::kAwardTypeCode, "contractActionType", ""},
    {"award_type", Recipe::kAwardTypeName, "contractActionType", ""},
    {"idv_type_code", Recipe::kIdvTypeCode, "contractActionType", ""},
    {"idv_type", Recipe::kIdvTypeName, "contractActionType", ""},
};

// The FPDS columns a real row's transaction fields come from.
struct FpdsTxColumns {
  int agency = -1, piid = -1, mod = -1, txn = -1, idv_agency = -1, idv_piid = -1;
  int signed_date = -1, current_end = -1, ultimate_end = -1, last_date_to_order = -1;
  int obligated = -1, base_exercised = -1, base_all = -1;
  int total_obligated = -1, total_base_exercised = -1, total_base_all = -1;
  int description = -1, reason = -1, uei = -1, created = -1, modified = -1, vendor = -1;
};

struct Source {
  Table table;
  bool idv = false;
  std::vector<Recipe> recipes;  // per USAspending column
  FpdsTxColumns tx;
};

std::string_view Describe(std::string_view code, const Codes* codes) {
  if (code.empty()) return {};
  if (codes != nullptr) {
    std::string_view d = Lookup(*codes, code);
    if (!d.empty()) return d;
  }
  std::string_view d = Lookup(kYesNo, code);
  return d.empty() ? code : d;
}

void BuildRecipes(const std::vector<std::string>& columns, Source* src) {
  const Table& t = src->table;
  src->recipes.assign(columns.size(), Recipe{});
  for (std::size_t i = 0; i < columns.size(); ++i) {
    Recipe& r = src->recipes[i];
    std::string_view name = columns[i];
    for (const Mapping& m : kMappings) {
      if (m.usaspending != name) continue;
      r.kind = m.kind;
      r.fpds = m.fpds.empty() ? -1 : t.Find(m.fpds);
      r.codes = m.codes;
      if (r.fpds < 0 && r.kind != Recipe::kBool) r.kind = Recipe::kEmpty;
    }
    for (const SpecialName& s : kSpecials) {
      if (s.usaspending != name) continue;
      r.kind = Recipe::kSpecial;
      r.special = s.special;
      r.fpds = s.fpds.empty() ? -1 : t.Find(s.fpds);
      r.fpds2 = s.fpds2.empty() ? -1 : t.Find(s.fpds2);
    }
    // Fixed texts where the FPDS pull has nothing.
    if (name == "recipient_country_code" || name == "primary_place_of_performance_country_code" ||
        name == "recipient_country_name" || name == "primary_place_of_performance_country_name") {
      bool pop = name.starts_with("primary");
      r.kind = name.ends_with("_name") ? Recipe::kDescribe : Recipe::kCopy;
      r.codes = &kCountries;
      r.fpds = t.FindPrefix("countryCode", pop ? 1 : 0);
      if (r.fpds < 0) {
        r.kind = Recipe::kConst;
        r.constant = name.ends_with("_name") ? "UNITED STATES" : "USA";
      }
    }
    if (name == "primary_place_of_performance_city_name") {
      r.kind = Recipe::kCopy;
      r.fpds = t.Find("city");
    }
  }
  FpdsTxColumns& c = src->tx;
  c.agency = t.Find("agencyID");
  c.piid = t.Find("PIID");
  c.mod = t.Find("modNumber");
  c.txn = t.Find("transactionNumber");
  c.idv_agency = t.Find("idvAgencyID");
  c.idv_piid = t.Find("idvPIID");
  c.signed_date = t.Find("signedDate");
  c.current_end = t.Find("currentCompletionDate");
  c.ultimate_end = t.Find("ultimateCompletionDate");
  c.last_date_to_order = t.Find("lastDateToOrder");
  c.obligated = t.Find("obligatedAmount");
  c.base_exercised = t.Find("baseAndExercisedOptionsValue");
  c.base_all = t.Find("baseAndAllOptionsValue");
  c.total_obligated = t.Find("totalObligatedAmount");
  c.total_base_exercised = t.Find("totalBaseAndExercisedOptionsValue");
  c.total_base_all = t.Find("totalBaseAndAllOptionsValue");
  c.description = t.Find("descriptionOfContractRequirement");
  c.reason = t.Find("reasonForModification");
  c.uei = t.Find("UEI");
  c.created = t.Find("createdDate");
  c.modified = t.Find("lastModifiedDate");
  c.vendor = t.Find("vendorName");
}

// The award-level value of one column for FPDS row `row`, appended to `out` unescaped.
// `h` is a hash of the row's PIID (stable made-up values per award).
void AwardValue(const Source& src, const Recipe& r, std::size_t row, std::uint64_t h,
                std::string* out) {
  const Table& t = src.table;
  std::string_view v = Trim(t.at(row, r.fpds));
  switch (r.kind) {
    case Recipe::kEmpty:
      return;
    case Recipe::kConst:
      out->append(r.constant);
      return;
    case Recipe::kCopy:
      out->append(v);
      return;
    case Recipe::kBool:
      if (v == "TRUE" || v == "true" || v == "t") {
        out->push_back('t');
      } else {
        out->push_back('f');
      }
      return;
    case Recipe::kDescribe:
      out->append(Describe(v, r.codes));
      return;
    case Recipe::kSpecial:
      break;
  }
  std::string_view v2 = Trim(t.at(row, r.fpds2));
  const Agency& agency = FindAgency(v);
  const Agency& fallback = FindAgency(v2);
  auto toptier = [&](std::string_view id) {
    const Agency& a = FindAgency(id);
    if (!a.toptier.empty()) return std::string(a.toptier);
    return id.size() >= 2 ? "0" + std::string(id.substr(0, 2)) : std::string();
  };
  switch (r.special) {
    case Recipe::kNone:
      return;
    case Recipe::kToptier:
      out->append(toptier(v));
      return;
    case Recipe::kAgencyName:
      out->append(agency.name.empty() ? std::string_view("Other Independent Agencies")
                                      : agency.name);
      return;
    case Recipe::kSubName:
      if (agency.sub_name.empty()) {
        out->append("Agency ");
        out->append(v);
      } else {
        out->append(agency.sub_name);
      }
      return;
    case Recipe::kOfficeName: {
      if (v.empty()) return;
      std::string_view base = FindAgency(v2).sub_name;
      out->append(base.empty() ? std::string_view("ACQUISITION") : base);
      out->append(" CONTRACTING OFFICE ");
      out->append(v);
      for (char& c : *out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return;
    }
    case Recipe::kFundToptier:
      out->append(toptier(v.empty() ? v2 : v));
      return;
    case Recipe::kFundName: {
      const Agency& a = v.empty() ? fallback : agency;
      out->append(a.name.empty() ? std::string_view("Other Independent Agencies") : a.name);
      return;
    }
    case Recipe::kFundSubName: {
      const Agency& a = v.empty() ? fallback : agency;
      out->append(a.sub_name.empty() ? std::string_view("Other Independent Agencies") : a.sub_name);
      return;
    }
    case Recipe::kTreasury:
    case Recipe::kFederalAccount: {
      char buf[64];
      std::string top = toptier(v);
      int account = static_cast<int>(h % 9000 + 100);
      int n = r.special == Recipe::kTreasury
                  ? std::snprintf(buf, sizeof buf, "%s-X-%04d-000", top.c_str(), account)
                  : std::snprintf(buf, sizeof buf, "%s-%04d", top.c_str(), account);
      out->append(buf, static_cast<std::size_t>(n));
      if (h % 3 == 0 && r.special == Recipe::kTreasury) {
        n = std::snprintf(buf, sizeof buf, ";%s-%04d-2024/2025", top.c_str(), account + 1);
        out->append(buf, static_cast<std::size_t>(n));
      }
      return;
    }
    case Recipe::kObjectClass:
      out->append(kObjectClasses[h % kObjectClasses.size()].second);
      if (h % 4 == 0) {
        out->push_back(';');
        out->append(kObjectClasses[(h >> 8) % kObjectClasses.size()].second);
      }
      return;
    case Recipe::kProgram:
      out->append(kPrograms[(h >> 4) % kPrograms.size()].second);
      return;
    case Recipe::kDistrict:
      if (v.empty() || v2.empty()) return;
      out->append(v2);
      out->push_back('-');
      if (v.size() == 1) out->push_back('0');
      out->append(v);
      return;
    case Recipe::kDefcCode:
      if (h % 5 < 3) out->append(kDefc);
      return;
    case Recipe::kStateName:
      out->append(Lookup(kStates, v));
      return;
    case Recipe::kIdvFlag:
      out->append(src.idv ? "IDV" : "AWARD");
      return;
    case Recipe::kAwardTypeCode:
      if (!src.idv) out->append(v);
      return;
    case Recipe::kAwardTypeName:
      if (!src.idv) out->append(Lookup(kAwardType, v));
      return;
    case Recipe::kIdvTypeCode:
      if (src.idv) out->append(v);
      return;
    case Recipe::kIdvTypeName:
      if (src.idv) out->append(Lookup(kIdvType, v));
      return;
  }
}

// A row with the transaction columns left out: segments[k] precedes transaction column k
// (in column order), segments.back() ends the row (with its newline).
struct Template {
  std::string text;
  std::vector<std::uint32_t> ends;  // end offset of each segment in `text`
  std::string_view segment(std::size_t k) const {
    std::uint32_t begin = k == 0 ? 0 : ends[k - 1];
    return std::string_view(text).substr(begin, ends[k] - begin);
  }
};

struct Layout {
  std::vector<std::string> columns;
  std::vector<int> tx_of_column;  // Tx or -1
  std::vector<Tx> tx_order;       // transaction columns in column order
};

Template BuildTemplate(const Layout& layout, const Source& src, std::size_t row) {
  Template t;
  t.text.reserve(2048);
  std::string value;
  const std::uint64_t h = Fnv(Trim(src.table.at(row, src.tx.piid)));
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    if (i > 0) t.text.push_back(',');
    if (layout.tx_of_column[i] >= 0) {
      t.ends.push_back(static_cast<std::uint32_t>(t.text.size()));
      continue;
    }
    value.clear();
    AwardValue(src, src.recipes[i], row, h, &value);
    AppendField(&t.text, value);
  }
  t.text.push_back('\n');
  t.ends.push_back(static_cast<std::uint32_t>(t.text.size()));
  return t;
}

// Per-row values of the transaction columns, as unescaped text.
using TxValues = std::array<std::string_view, kTxCount>;

void WriteRow(Sink* sink, const Layout& layout, const Template& t, const TxValues& v) {
  for (std::size_t k = 0; k < layout.tx_order.size(); ++k) {
    sink->Append(t.segment(k));
    sink->AppendEscaped(v[layout.tx_order[k]]);
  }
  sink->Append(t.segment(layout.tx_order.size()));
}

void AppendRowToString(std::string* out, const Layout& layout, const Template& t,
                       const TxValues& v) {
  for (std::size_t k = 0; k < layout.tx_order.size(); ++k) {
    out->append(t.segment(k));
    AppendField(out, v[layout.tx_order[k]]);
  }
  out->append(t.segment(layout.tx_order.size()));
}

// A date cell reduced to YYYY-MM-DD when it starts with one; else as given.
std::string_view DatePart(std::string_view v) {
  v = Trim(v);
  return ParseIsoDays(v) ? v.substr(0, 10) : v;
}

// Money as USAspending writes it (two decimals) when it parses; else verbatim.
std::string MoneyText(std::string_view v) {
  v = Trim(v);
  std::optional<Cents> c = ParseCents(v);
  if (!c) return std::string(v);
  char buf[32];
  return std::string(buf, FormatCents(*c, buf));
}

// Every real action, rendered once as a USAspending row.
struct RealRows {
  std::vector<std::string> rows;
  std::vector<Template> award_templates;  // of the awards file's rows, reused by the synthetic
  std::unordered_set<std::string> piids;  // normalized, to keep synthetic PIIDs apart
  std::uint64_t split_awards = 0;
  int last_date = 0;  // the latest signed date: synthetic actions stay at or before it
};

bool IsPlaceholder(const Source& s, std::size_t row) {
  const Table& t = s.table;
  return Trim(t.at(row, s.tx.agency)).empty() && Trim(t.at(row, s.tx.signed_date)).empty() &&
         Trim(t.at(row, s.tx.obligated)).empty();
}

void RenderReal(const Layout& layout, const Source& s, RealRows* out) {
  const Table& t = s.table;
  const FpdsTxColumns& c = s.tx;
  // FPDS award files name no parent IDV; orders under different IDVs reuse a PIID. receipts
  // keeps such orders apart (key "~UEI") when several of them have their own base action (mod 0),
  // and folds them into one award otherwise: give the distinct ones a parent "SPLIT<UEI>" so
  // their USAspending keys stay distinct too.
  std::map<std::pair<std::string, std::string>, std::map<std::string, bool>> groups;
  if (!s.idv) {
    for (std::size_t row = 0; row < t.rows(); ++row) {
      if (IsPlaceholder(s, row)) continue;
      auto& ueis = groups[{Upper(t.at(row, c.agency)), NormalizePiid(t.at(row, c.piid))}];
      bool& has_base = ueis[std::string(Trim(t.at(row, c.uei)))];
      has_base = has_base || Trim(t.at(row, c.mod)) == "0";
    }
  }
  auto is_split = [&](const std::string& agency, const std::string& piid) {
    auto it = groups.find({agency, piid});
    if (it == groups.end()) return false;
    int bases = 0;
    for (const auto& [uei, has_base] : it->second) bases += has_base;
    return bases > 1;
  };
  std::set<std::pair<std::string, std::string>> counted;
  for (std::size_t row = 0; row < t.rows(); ++row) {
    if (IsPlaceholder(s, row)) continue;
    Template tmpl = BuildTemplate(layout, s, row);
    if (!s.idv) out->award_templates.push_back(tmpl);
    std::string agency = Upper(t.at(row, c.agency));
    std::string piid = NormalizePiid(t.at(row, c.piid));
    std::string mod(Trim(t.at(row, c.mod)));
    std::string txn(Trim(t.at(row, c.txn)));
    std::string parent_piid, parent_agency;
    if (!s.idv && is_split(agency, piid)) {
      parent_piid = "SPLIT" + Upper(t.at(row, c.uei));
      if (counted.insert({agency, piid + "~" + parent_piid}).second) ++out->split_awards;
    }
    TxValues v{};
    std::string award_key, tx_key, permalink;
    if (s.idv) {
      award_key = "CONT_IDV_" + piid + "_" + agency;
      tx_key = agency + "_-none-_" + piid + "_" + (mod.empty() ? "-none-" : mod) + "_-none-_" +
               (txn.empty() ? "-none-" : txn);
    } else {
      award_key = "CONT_AWD_" + piid + "_" + agency + "_" +
                  (parent_piid.empty() ? "-NONE-" : parent_piid) + "_" +
                  (parent_agency.empty() ? "-NONE-" : parent_agency);
      tx_key = agency + "_" + (parent_agency.empty() ? "-none-" : parent_agency) + "_" + piid +
               "_" + (mod.empty() ? "-none-" : mod) + "_" +
               (parent_piid.empty() ? "-none-" : parent_piid) + "_" +
               (txn.empty() ? "-none-" : txn);
    }
    permalink = "https://www.usaspending.gov/award/" + award_key + "/";
    std::string obligated = MoneyText(t.at(row, c.obligated));
    std::string total_obligated = MoneyText(t.at(row, c.total_obligated));
    std::string base_ex = MoneyText(t.at(row, c.base_exercised));
    std::string total_ex = MoneyText(t.at(row, c.total_base_exercised));
    std::string base_all = MoneyText(t.at(row, c.base_all));
    std::string total_all = MoneyText(t.at(row, c.total_base_all));
    std::string_view action_date = DatePart(t.at(row, c.signed_date));
    std::string fy;
    if (auto d = ParseIsoDays(action_date)) {
      fy = std::to_string(FiscalYear(*d));
      out->last_date = std::max(out->last_date, *d);
    }
    std::string_view reason = Trim(t.at(row, c.reason));
    v[kTxKey] = tx_key;
    v[kAwardKey] = award_key;
    v[kPiid] = piid;
    v[kMod] = mod;
    v[kTxnNo] = txn;
    v[kParentAgency] = parent_agency;
    v[kParentPiid] = parent_piid;
    if (s.idv && c.idv_piid >= 0) {  // an IDV's own parent (a BPA under a schedule)
      v[kParentAgency] = Trim(t.at(row, c.idv_agency));
      v[kParentPiid] = Trim(t.at(row, c.idv_piid));
    }
    v[kObligation] = obligated;
    v[kTotalObligated] = total_obligated;
    v[kBaseExercised] = base_ex;
    v[kTotalBaseExercised] = total_ex;
    v[kBaseAll] = base_all;
    v[kTotalBaseAll] = total_all;
    v[kActionDate] = action_date;
    v[kFiscalYear] = fy;
    if (s.idv) {
      v[kCurrentEnd] = DatePart(t.at(row, c.last_date_to_order));
      v[kOrderingEnd] = v[kCurrentEnd];
    } else {
      v[kCurrentEnd] = DatePart(t.at(row, c.current_end));
      v[kPotentialEnd] = DatePart(t.at(row, c.ultimate_end));
    }
    v[kTxDescription] = t.at(row, c.description);
    v[kActionTypeCode] = reason;
    v[kActionTypeName] = Lookup(kActionType, reason);
    v[kPermalink] = permalink;
    v[kInitialReport] = DatePart(t.at(row, c.created));
    v[kLastModified] = Trim(t.at(row, c.modified));
    std::string line;
    line.reserve(tmpl.text.size() + 400);
    AppendRowToString(&line, layout, tmpl, v);
    out->rows.push_back(std::move(line));
    out->piids.insert(piid);
  }
}

// ---------------------------------------------------------------- synthetic awards

// What the synthetic rows draw from the real ones.
struct Pools {
  std::vector<Template> templates;        // award-level fields of real award rows
  std::vector<std::string> agencies;      // their agency ids
  std::vector<std::string> offices;       // their contracting office ids (6 chars)
  std::vector<char> award_types;          // contractActionType
  std::vector<std::string> descriptions;  // real descriptions, plus some with quotes
  struct Change {
    Cents obligated, base_exercised, base_all;
    char reason;
  };
  std::vector<Change> base_changes;  // mod 0
  std::vector<Change> mod_changes;   // later mods
  std::vector<int> actions_per_award;
};

std::string Office6(std::string_view office, std::string_view agency) {
  std::string out = NormalizePiid(office);
  if (out.empty()) out = NormalizePiid(agency);
  while (out.size() < 6) out.push_back('0');
  return out.substr(0, 6);
}

void BuildPools(const Source& s, RealRows* real, Pools* p) {
  const Table& t = s.table;
  const FpdsTxColumns& c = s.tx;
  int office = t.Find("contractingOfficeID");
  int action_type = t.Find("contractActionType");
  std::map<std::pair<std::string, std::string>, int> per_award;
  for (std::size_t row = 0; row < t.rows(); ++row) {
    if (IsPlaceholder(s, row)) continue;

    p->agencies.push_back(Upper(t.at(row, c.agency)));
    p->offices.push_back(Office6(t.at(row, office), t.at(row, c.agency)));
    std::string_view type = Trim(t.at(row, action_type));
    p->award_types.push_back(type.empty() ? 'C' : type.front());
    std::string_view description = t.at(row, c.description);
    p->descriptions.emplace_back(description);
    if (p->descriptions.size() % 97 == 0) {  // some more commas, quotes and line breaks
      p->descriptions.push_back(std::string(description) + ", per the \"Statement of Work\"\n" +
                                "(see attachment J-1, \"Deliverables\")");
    }
    Pools::Change change{
        ParseCents(Trim(t.at(row, c.obligated))).value_or(0),
        ParseCents(Trim(t.at(row, c.base_exercised))).value_or(0),
        ParseCents(Trim(t.at(row, c.base_all))).value_or(0),
        Trim(t.at(row, c.reason)).empty() ? ' ' : Trim(t.at(row, c.reason)).front()};
    (Trim(t.at(row, c.mod)) == "0" ? p->base_changes : p->mod_changes).push_back(change);
    ++per_award[{Upper(t.at(row, c.agency)), NormalizePiid(t.at(row, c.piid))}];
  }
  for (const auto& [key, n] : per_award) p->actions_per_award.push_back(std::min(n, 40));
  p->templates = std::move(real->award_templates);
}

struct PlannedAction {
  Cents obligated, base_exercised, base_all;
  int date;
  char reason;
};

// One synthetic award being written: its identity and every action, planned when it starts.
struct OpenAward {
  std::size_t template_index = 0;
  std::string piid, agency, parent_piid, award_key, permalink, agency_name;
  std::vector<PlannedAction> actions;
  std::size_t next = 0;
  Cents total_obligated = 0, total_base_exercised = 0, total_base_all = 0;
  Cents outlayed = 0;
  bool has_outlays = false;
  int start = 0, current_end = 0, potential_end = 0;
  std::uint32_t description = 0;
};

class Synthesizer {
 public:
  Synthesizer(const Pools& pools, const RealRows& real, std::uint64_t seed)
      : pools_(pools), real_(real), rng_(seed) {
    first_date_ = DaysFromCivil(2024, 10, 1);  // FY2025
    last_date_ = std::max(real.last_date, first_date_ + 30);
  }

  void Start(OpenAward* a) {
    a->template_index = rng_.Below(pools_.templates.size());
    a->agency = pools_.agencies[a->template_index];
    const Agency& agency = FindAgency(a->agency);
    a->agency_name = agency.name.empty() ? "Other Independent Agencies" : std::string(agency.name);
    char type = pools_.award_types[a->template_index];
    char letter = type == 'B' ? 'P' : type == 'D' ? 'C' : 'F';
    while (true) {  // 16 characters: office, FY, type letter, a 7-digit serial
      char buf[32];
      int n = std::snprintf(buf, sizeof buf, "%s%02d%c%07llu",
                            pools_.offices[a->template_index].c_str(), rng_.Chance(700) ? 25 : 24,
                            letter, static_cast<unsigned long long>(++serial_ % 10000000));
      a->piid.assign(buf, static_cast<std::size_t>(n));
      if (!real_.piids.contains(a->piid)) break;
    }
    a->parent_piid.clear();
    if (type == 'A' || type == 'C') {  // orders name their IDV
      char buf[32];
      int n =
          std::snprintf(buf, sizeof buf, "%s19D%07llu", pools_.offices[a->template_index].c_str(),
                        static_cast<unsigned long long>(rng_.Below(2000)));
      a->parent_piid.assign(buf, static_cast<std::size_t>(n));
    }
    a->award_key = "CONT_AWD_" + a->piid + "_" + a->agency + "_" +
                   (a->parent_piid.empty() ? "-NONE-_-NONE-" : a->parent_piid + "_" + a->agency);
    a->permalink = "https://www.usaspending.gov/award/" + a->award_key + "/";
    std::size_t n = static_cast<std::size_t>(
        pools_.actions_per_award[rng_.Below(pools_.actions_per_award.size())]);
    a->actions.clear();
    a->next = 0;
    int date = static_cast<int>(rng_.Between(first_date_, last_date_));
    a->start = date;
    a->current_end = date + static_cast<int>(rng_.Between(90, 1095));
    a->potential_end = a->current_end + static_cast<int>(rng_.Between(0, 1460));
    a->total_obligated = a->total_base_exercised = a->total_base_all = 0;
    Cents obligated = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const auto& pool = k == 0 ? pools_.base_changes : pools_.mod_changes;
      const Pools::Change& ch = pool[rng_.Below(pool.size())];
      std::int64_t scale = rng_.Between(500, 2000);  // x0.5 .. x2.0
      PlannedAction p{ch.obligated * scale / 1000, ch.base_exercised * scale / 1000,
                      ch.base_all * scale / 1000, date, ch.reason};
      obligated += p.obligated;
      a->actions.push_back(p);
      date = std::min(last_date_, date + static_cast<int>(rng_.Between(1, 45)));
    }
    a->has_outlays = rng_.Chance(600);
    a->outlayed = obligated > 0 ? obligated * rng_.Between(10, 100) / 100 : 0;
    a->description = static_cast<std::uint32_t>(rng_.Below(pools_.descriptions.size()));
  }

  // Writes the next action of `a`; false when it has none left.
  bool WriteNext(OpenAward* a, Sink* sink, const Layout& layout) {
    if (a->next >= a->actions.size()) return false;
    const PlannedAction& p = a->actions[a->next];
    std::size_t k = a->next++;
    a->total_obligated += p.obligated;
    a->total_base_exercised += p.base_exercised;
    a->total_base_all += p.base_all;
    char* w = scratch_;
    TxValues v{};
    auto put = [&](Tx tx, char* begin, char* end) {
      v[tx] = std::string_view(begin, static_cast<std::size_t>(end - begin));
      w = end;
    };
    char mod[16];
    std::size_t mod_len = 1;
    mod[0] = '0';
    if (k > 0) mod_len = static_cast<std::size_t>(std::snprintf(mod, sizeof mod, "P%05zu", k));
    // agency_parentAgency_PIID_mod_parentPIID_txn
    char* b = w;
    char* e = b;
    auto cat = [&](std::string_view s) {
      if (!s.empty()) std::memcpy(e, s.data(), s.size());
      e += s.size();
    };
    cat(a->agency);
    cat(a->parent_piid.empty() ? "_-none-_" : "_");
    if (!a->parent_piid.empty()) {
      cat(a->agency);
      cat("_");
    }
    cat(a->piid);
    cat("_");
    cat(std::string_view(mod, mod_len));
    cat("_");
    cat(a->parent_piid.empty() ? std::string_view("-none-") : std::string_view(a->parent_piid));
    cat("_0");
    put(kTxKey, b, e);
    b = w;
    e = b;
    cat(std::string_view(mod, mod_len));
    put(kMod, b, e);
    v[kAwardKey] = a->award_key;
    v[kPiid] = a->piid;
    v[kTxnNo] = "0";
    if (!a->parent_piid.empty()) {
      v[kParentAgency] = a->agency;
      v[kParentAgencyName] = a->agency_name;
      v[kParentPiid] = a->parent_piid;
      v[kParentMod] = "0";
    }
    put(kObligation, w, FormatCents(p.obligated, w));
    put(kTotalObligated, w, FormatCents(a->total_obligated, w));
    if (a->has_outlays) put(kOutlayed, w, FormatCents(a->outlayed, w));
    put(kBaseExercised, w, FormatCents(p.base_exercised, w));
    put(kTotalBaseExercised, w, FormatCents(a->total_base_exercised, w));
    put(kBaseAll, w, FormatCents(p.base_all, w));
    put(kTotalBaseAll, w, FormatCents(a->total_base_all, w));
    put(kActionDate, w, FormatDate(p.date, w));
    put(kFiscalYear, w, FormatUnsigned(static_cast<std::uint64_t>(FiscalYear(p.date)), w));
    put(kStart, w, FormatDate(a->start, w));
    bool ended = p.reason == 'E' || p.reason == 'F' || p.reason == 'X' || p.reason == 'N';
    if (ended) a->current_end = std::min(a->current_end, p.date);
    put(kCurrentEnd, w, FormatDate(a->current_end, w));
    put(kPotentialEnd, w, FormatDate(std::max(a->potential_end, a->current_end), w));
    const std::string& base_description = pools_.descriptions[a->description];
    v[kTxDescription] =
        k == 0 || rng_.Chance(500)
            ? std::string_view(base_description)
            : std::string_view(pools_.descriptions[rng_.Below(pools_.descriptions.size())]);
    if (p.reason != ' ') {
      char* r = w;
      *r++ = p.reason;
      put(kActionTypeCode, w, r);
      v[kActionTypeName] = Lookup(kActionType, v[kActionTypeCode]);
    }
    v[kPermalink] = a->permalink;
    int reported = p.date + static_cast<int>(rng_.Between(0, 5));
    put(kInitialReport, w, FormatDate(reported, w));
    char* m = FormatDate(reported + static_cast<int>(rng_.Between(0, 90)), w);
    std::snprintf(m, 10, " %02d:%02d:%02d", static_cast<int>(rng_.Below(24)),
                  static_cast<int>(rng_.Below(60)), static_cast<int>(rng_.Below(60)));
    put(kLastModified, w, m + 9);
    WriteRow(sink, layout, pools_.templates[a->template_index], v);
    return true;
  }

  Rng& rng() { return rng_; }

 private:
  const Pools& pools_;
  const RealRows& real_;
  Rng rng_;
  int first_date_ = 0, last_date_ = 0;
  std::uint64_t serial_ = 0;
  char scratch_[2048];
};

std::string LoadSource(const std::string& path, bool idv_default, const Layout& layout, Source* s) {
  std::string error;
  std::string text = ReadMaybeGz(path, &error);
  if (!error.empty()) return error;
  error = ParseCsv(text, path, &s->table);
  if (!error.empty()) return error;
  if (s->table.Find("PIID") < 0 || s->table.Find("obligatedAmount") < 0) {
    return path + ": not an FPDS element CSV (no PIID, obligatedAmount)";
  }
  s->idv = idv_default || s->table.Find("baseAndExercisedOptionsValue") < 0 ||
           s->table.Find("lastDateToOrder") >= 0;
  BuildRecipes(layout.columns, s);
  return "";
}

}  // namespace

GenerateOptions DefaultGenerateOptions(const std::string& source_dir) {
  GenerateOptions o;
  o.columns_path = source_dir + "/bench/contracts_prime_transactions_columns.txt";
  o.fpds_awards = source_dir + "/demo/records/2025-03-13_fpds_awards.csv.gz";
  o.fpds_idvs = source_dir + "/demo/records/2025-03-13_fpds_idvs.csv.gz";
  return o;
}

std::string Generate(const GenerateOptions& options, const std::string& out_path,
                     GenerateStats* stats) {
  Layout layout;
  {
    std::ifstream in(options.columns_path);
    if (!in) return "cannot open " + options.columns_path;
    std::string line;
    while (std::getline(in, line)) {
      std::string_view name = Trim(line);
      if (!name.empty() && name.back() == '\r') name.remove_suffix(1);
      if (!name.empty()) layout.columns.emplace_back(name);
    }
  }
  for (const std::string& name : layout.columns) {
    int tx = -1;
    for (int k = 0; k < kTxCount; ++k) {
      if (kTxNames[static_cast<std::size_t>(k)] == name) tx = k;
    }
    layout.tx_of_column.push_back(tx);
    if (tx >= 0) layout.tx_order.push_back(static_cast<Tx>(tx));
  }
  for (std::string_view need : {"contract_transaction_unique_key", "award_id_piid",
                                "federal_action_obligation", "action_date"}) {
    if (std::find(layout.columns.begin(), layout.columns.end(), need) == layout.columns.end()) {
      return options.columns_path + ": no column " + std::string(need);
    }
  }

  Source awards, idvs;
  std::string error = LoadSource(options.fpds_awards, false, layout, &awards);
  if (!error.empty()) return error;
  RealRows real;
  RenderReal(layout, awards, &real);
  Pools pools;
  BuildPools(awards, &real, &pools);
  if (!options.fpds_idvs.empty()) {
    error = LoadSource(options.fpds_idvs, true, layout, &idvs);
    if (!error.empty()) return error;
    RenderReal(layout, idvs, &real);
  }
  if (pools.templates.empty() || pools.base_changes.empty() || pools.mod_changes.empty()) {
    return options.fpds_awards + ": too few rows to learn from";
  }

  int fd = 1;
  if (out_path != "-") {
    fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return "cannot write " + out_path + ": " + std::strerror(errno);
  }
  Sink sink(fd);
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    if (i > 0) sink.Append(",");
    sink.Append(layout.columns[i]);
  }
  sink.Append("\n");

  Synthesizer synth(pools, real, options.seed);
  constexpr std::size_t kOpen = 64;  // awards in progress at once: their actions interleave
  std::vector<OpenAward> open(kOpen);
  for (OpenAward& a : open) synth.Start(&a);
  const std::uint64_t n = options.rows;
  const std::uint64_t r = real.rows.size();
  std::uint64_t next_real = 0;
  // Real row j goes just before synthetic row floor((j + 1) * n / (r + 1)).
  auto real_slot = [&](std::uint64_t j) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(j + 1) * n) / (r + 1));
  };
  for (std::uint64_t i = 0; i < n; ++i) {
    while (next_real < r && real_slot(next_real) <= i) sink.Append(real.rows[next_real++]);
    OpenAward& a = open[synth.rng().Below(kOpen)];
    while (!synth.WriteNext(&a, &sink, layout)) synth.Start(&a);
  }
  while (next_real < r) sink.Append(real.rows[next_real++]);
  sink.Flush();
  std::string sink_error = sink.error();
  if (fd != 1 && ::close(fd) != 0 && sink_error.empty()) {
    sink_error = std::string("close failed: ") + std::strerror(errno);
  }
  if (!sink_error.empty()) return out_path + ": " + sink_error;
  if (stats != nullptr) {
    stats->synthetic_rows = n;
    stats->real_rows = r;
    stats->bytes = sink.written();
    stats->split_awards = real.split_awards;
  }
  return "";
}

}  // namespace receipts::bench
