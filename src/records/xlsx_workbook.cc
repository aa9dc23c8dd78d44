#include "records/xlsx_workbook.h"

#include <expat.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <type_traits>
#include <utility>

namespace receipts::records {
namespace {

// expat gives a namespaced name as URI, separator, local name; \x01 can occur in neither.
constexpr XML_Char kNamespaceSeparator = '\x01';

// expat takes lengths as int: larger members go in slices.
constexpr std::size_t kSliceBytes = 1 << 20;

// Excel's own limits (XFD is column 16384); a sheet past them was not written by Excel and would
// not open in it.
constexpr std::size_t kMaxColumns = 16384;
constexpr std::size_t kMaxRows = 1048576;

// The memory a workbook may cost beyond its own bytes. A shared string costs its bytes each time
// a cell names it, and a blank padding a gap between cells costs a std::string for no input at
// all, so a few kilobytes of zip could otherwise ask for terabytes. The real IOLP lease workbooks
// hold 32,422 shared strings, about 1.1 MB of cell text and no gap; the caps are far above any real
// table and far below what a machine running `receipts` can hold.
constexpr std::size_t kMaxSharedStrings = 4'000'000;
constexpr std::size_t kMaxCellTextBytes = std::size_t{256} << 20;
constexpr std::size_t kFreeGapCells = 4'000'000;
constexpr std::size_t kGapCellsPerCell = 4;

// Cell text lies 6 elements deep; extensions (extLst) go a few more. The cap keeps the stack of
// open elements from growing with a hostile member's nesting.
constexpr std::size_t kMaxDepth = 256;

constexpr std::string_view kWorkbookMember = "xl/workbook.xml";
constexpr std::string_view kWorkbookRelsMember = "xl/_rels/workbook.xml.rels";
constexpr std::string_view kWorkbookFolder = "xl/";
// Where Excel puts the shared strings; used when the workbook's relationships do not say.
constexpr std::string_view kSharedStringsMember = "xl/sharedStrings.xml";

// `text` with ASCII letters in lower case: member names compare so (OPC), nothing else does.
std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// `suffix` is in lower case.
bool EndsWithNoCase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && Lower(text.substr(text.size() - suffix.size())) == suffix;
}

// Input text in an error, cut short so a hostile value cannot flood the message.
std::string Cut(std::string_view text) {
  constexpr std::size_t kMaxShown = 40;
  if (text.size() <= kMaxShown) return std::string(text);
  return std::string(text.substr(0, kMaxShown)) + "…";
}

// Input text in an error, cut short and quoted.
std::string Quoted(std::string_view text) { return "'" + Cut(text) + "'"; }

// The "ARCHIVE:" prefix that the workbook's part names share, or nullopt when no part is a member
// xl/workbook.xml. All parts of one archive share the prefix, so the shortest name ending in
// ":xl/workbook.xml" is the one whose member is exactly xl/workbook.xml, even when another
// member's name merely ends the same way ("x:xl/workbook.xml").
std::optional<std::string> ArchivePrefix(const std::vector<InputPart>& parts) {
  static const std::string kSuffix = ":" + std::string(kWorkbookMember);
  const InputPart* shortest = nullptr;
  for (const InputPart& part : parts) {
    if (!EndsWithNoCase(part.name, kSuffix)) continue;
    if (shortest == nullptr || part.name.size() < shortest->name.size()) shortest = &part;
  }
  if (shortest == nullptr) return std::nullopt;
  return shortest->name.substr(0, shortest->name.size() - kWorkbookMember.size());
}

// The members of the workbook's archive by name. OPC compares part names without regard to ASCII
// case; a name present twice is refused when asked for, since which copy Excel would read is
// anyone's guess.
class Members {
 public:
  // The parts whose names start with `prefix`, by the member names that follow it.
  Members(const std::vector<InputPart>& parts, std::string_view prefix) {
    for (const InputPart& part : parts) {
      if (!std::string_view(part.name).starts_with(prefix)) continue;
      auto [it, added] =
          by_name_.emplace(Lower(std::string_view(part.name).substr(prefix.size())), &part);
      if (!added) it->second = nullptr;
    }
  }

  // The bytes of member `path`; nullptr when the archive lacks it. Fails when it holds it twice.
  Result<const std::string*> Find(const std::string& file, std::string_view path) const {
    auto it = by_name_.find(Lower(path));
    if (it == by_name_.end()) return static_cast<const std::string*>(nullptr);
    if (it->second == nullptr) {
      return Status::BadInput(file, 0, path, "the archive holds two members of this name");
    }
    return &it->second->bytes;
  }

 private:
  std::map<std::string, const InputPart*> by_name_;  // lower-cased member name; nullptr: twice
};

// The local name of an expat name, whatever its namespace.
std::string_view LocalName(const XML_Char* name) {
  std::string_view full(name);
  std::size_t separator = full.rfind(kNamespaceSeparator);
  return separator == std::string_view::npos ? full : full.substr(separator + 1);
}

// The value of the attribute named `local`: with no namespace, or when `namespaced` in some
// namespace (r:id is in the relationships namespace, whose URI differs between transitional and
// strict OOXML). nullptr when absent.
const XML_Char* Attribute(const XML_Char** attributes, std::string_view local, bool namespaced) {
  for (std::size_t i = 0; attributes[i] != nullptr; i += 2) {
    std::string_view full(attributes[i]);
    bool has_namespace = full.find(kNamespaceSeparator) != std::string_view::npos;
    if (has_namespace == namespaced && LocalName(attributes[i]) == local) {
      return attributes[i + 1];
    }
  }
  return nullptr;
}

using ParserPtr = std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)>;

// One member parsed by expat in a single pass, its events forwarded to a subclass, which stops
// the parse with Fail when the content is wrong. Elements are matched by local name, so a
// producer's choice of namespace prefixes does not matter.
class XmlPass {
 public:
  XmlPass(const std::string& file, std::string_view member, std::string_view root)
      : file_(file), member_(member), root_(root) {}
  virtual ~XmlPass() = default;

  // Parses `doc` whole: the first error, the content's (Fail) or the XML's, else ok.
  Status Run(std::string_view doc);

 protected:
  // `open()` holds the local names of the enclosing elements, the root first: for Start and End
  // the element's ancestors, for Text the element holding the text too.
  virtual void Start(std::string_view local, const XML_Char** attributes) = 0;
  virtual void End(std::string_view local) = 0;
  virtual void Text(std::string_view text) = 0;
  const std::vector<std::string>& open() const { return open_; }
  // Stops the parse; Run returns `status`.
  void Fail(Status status);

  const std::string& file_;
  const std::string member_;

 private:
  static void XMLCALL OnStart(void* self, const XML_Char* name, const XML_Char** attributes);
  static void XMLCALL OnEnd(void* self, const XML_Char* name);
  static void XMLCALL OnText(void* self, const XML_Char* text, int length);
  static void XMLCALL OnDoctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int);

  const std::string_view root_;
  XML_Parser parser_ = nullptr;
  bool saw_root_ = false;
  std::vector<std::string> open_;
  Status status_;
};

Status XmlPass::Run(std::string_view doc) {
  ParserPtr parser(XML_ParserCreateNS(nullptr, kNamespaceSeparator), &XML_ParserFree);
  if (!parser) return Status::IoError(file_ + ": out of memory for the XML parser");
  parser_ = parser.get();
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &OnStart, &OnEnd);
  XML_SetCharacterDataHandler(parser_, &OnText);
  XML_SetStartDoctypeDeclHandler(parser_, &OnDoctype);
  std::size_t pos = 0;
  bool parsed = true;
  do {
    std::size_t n = std::min(kSliceBytes, doc.size() - pos);
    bool last = pos + n == doc.size();
    if (XML_Parse(parser_, doc.data() + pos, static_cast<int>(n), last) == XML_STATUS_ERROR) {
      parsed = false;
      break;
    }
    pos += n;
  } while (pos < doc.size());
  if (!status_.ok()) return status_;
  if (parsed) return Status::Ok();
  XML_Error error = XML_GetErrorCode(parser_);
  // expat says "no element found" both of an empty member and of one cut short.
  std::string what = error == XML_ERROR_NO_ELEMENTS && saw_root_
                         ? "the member ends before its elements close"
                         : XML_ErrorString(error);
  return Status::BadInput(
      file_, 0, member_,
      fmt::format("malformed XML at line {}, column {}: {}", XML_GetErrorLineNumber(parser_),
                  XML_GetErrorColumnNumber(parser_) + 1, what));
}

void XmlPass::Fail(Status status) {
  if (!status_.ok()) return;
  status_ = std::move(status);
  XML_StopParser(parser_, XML_FALSE);
}

// expat may deliver an event or two after XML_StopParser; they are dropped.
void XMLCALL XmlPass::OnStart(void* self, const XML_Char* name, const XML_Char** attributes) {
  auto* pass = static_cast<XmlPass*>(self);
  if (!pass->status_.ok()) return;
  std::string_view local = LocalName(name);
  if (pass->open_.empty()) {
    if (local != pass->root_) {
      pass->Fail(Status::BadInput(
          pass->file_, 0, pass->member_,
          "the root element is " + Quoted(local) + ", not '" + std::string(pass->root_) + "'"));
      return;
    }
    pass->saw_root_ = true;
  }
  if (pass->open_.size() == kMaxDepth) {
    pass->Fail(Status::BadInput(pass->file_, 0, pass->member_,
                                fmt::format("elements nest more than {} deep", kMaxDepth)));
    return;
  }
  pass->Start(local, attributes);
  pass->open_.emplace_back(local);
}

void XMLCALL XmlPass::OnEnd(void* self, const XML_Char* name) {
  auto* pass = static_cast<XmlPass*>(self);
  if (!pass->status_.ok() || pass->open_.empty()) return;
  pass->open_.pop_back();
  pass->End(LocalName(name));
}

void XMLCALL XmlPass::OnText(void* self, const XML_Char* text, int length) {
  auto* pass = static_cast<XmlPass*>(self);
  if (!pass->status_.ok()) return;
  pass->Text(std::string_view(text, static_cast<std::size_t>(length)));
}

// OOXML parts never carry a DTD; refusing one keeps entity expansion out of reach.
void XMLCALL XmlPass::OnDoctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*,
                                int) {
  auto* pass = static_cast<XmlPass*>(self);
  pass->Fail(Status::BadInput(pass->file_, 0, pass->member_,
                              "a document type declaration (DTD) is not allowed"));
}

// A <sheet> of xl/workbook.xml.
struct SheetEntry {
  std::string name;
  std::string relationship_id;
};

// xl/workbook.xml: the sheets, in order.
class WorkbookPass : public XmlPass {
 public:
  WorkbookPass(const std::string& file, std::string_view member)
      : XmlPass(file, member, "workbook") {}
  std::vector<SheetEntry> sheets;

 private:
  void Start(std::string_view local, const XML_Char** attributes) override {
    if (local != "sheet" || open().size() != 2 || open()[1] != "sheets") return;
    const XML_Char* name = Attribute(attributes, "name", false);
    if (name == nullptr) {
      Fail(Status::BadInput(file_, 0, member_, "a <sheet> has no name"));
      return;
    }
    const XML_Char* id = Attribute(attributes, "id", true);
    if (id == nullptr) {
      Fail(Status::BadInput(file_, 0, member_, "sheet " + Quoted(name) + " has no r:id"));
      return;
    }
    sheets.push_back({name, id});
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
};

// A <Relationship> of a .rels member.
struct Relationship {
  std::string type;
  std::string target;
  bool external = false;
};

// A .rels member: relationships by Id.
class RelationshipsPass : public XmlPass {
 public:
  RelationshipsPass(const std::string& file, std::string_view member)
      : XmlPass(file, member, "Relationships") {}
  std::map<std::string, Relationship> by_id;

 private:
  void Start(std::string_view local, const XML_Char** attributes) override {
    if (local != "Relationship" || open().size() != 1) return;
    const XML_Char* id = Attribute(attributes, "Id", false);
    const XML_Char* target = Attribute(attributes, "Target", false);
    if (id == nullptr || target == nullptr) {
      Fail(Status::BadInput(file_, 0, member_, "a <Relationship> lacks its Id or Target"));
      return;
    }
    const XML_Char* type = Attribute(attributes, "Type", false);
    const XML_Char* mode = Attribute(attributes, "TargetMode", false);
    Relationship relationship{type == nullptr ? "" : type, target,
                              mode != nullptr && std::string_view(mode) == "External"};
    if (!by_id.emplace(id, std::move(relationship)).second) {
      Fail(Status::BadInput(file_, 0, member_, "relationship " + Quoted(id) + " appears twice"));
    }
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
};

// True when `open` (the elements around some text) ends in a string item's text below `item`
// (si or is) at depth `depth`: item/t, or a rich-text run's item/r/t. Phonetic guides
// (item/rPh/t) are not the string's text.
bool InStringText(const std::vector<std::string>& open, std::size_t depth, std::string_view item) {
  if (open.size() == depth + 2) return open[depth] == item && open[depth + 1] == "t";
  if (open.size() == depth + 3) {
    return open[depth] == item && open[depth + 1] == "r" && open[depth + 2] == "t";
  }
  return false;
}

// xl/sharedStrings.xml: <sst><si>…</si>…</sst>, each <si> one string, numbered from 0.
class SharedStringsPass : public XmlPass {
 public:
  SharedStringsPass(const std::string& file, std::string_view member)
      : XmlPass(file, member, "sst") {}
  std::vector<std::string> strings;

 private:
  void Start(std::string_view local, const XML_Char**) override {
    if (local != "si" || open().size() != 1) return;
    if (strings.size() == kMaxSharedStrings) {
      Fail(Status::BadInput(file_, 0, member_,
                            fmt::format("more than {} shared strings", kMaxSharedStrings)));
      return;
    }
    strings.emplace_back();
  }
  void End(std::string_view) override {}
  // expat hands over text in pieces (at each entity, at buffer ends): appended as it comes.
  void Text(std::string_view text) override {
    if (!strings.empty() && InStringText(open(), 1, "si")) strings.back().append(text);
  }
};

// The column letters of 1-based column `column`: 1 is A, 27 AA, 16384 XFD.
std::string ColumnLetters(std::size_t column) {
  std::string letters;
  while (column > 0) {
    --column;
    letters.insert(letters.begin(), static_cast<char>('A' + column % 26));
    column /= 26;
  }
  return letters;
}

// The decimal number that is all of `text` (no sign, no leading zero), or nullopt; at most
// `max_digits` digits, so it cannot overflow.
std::optional<std::uint64_t> ParseDecimal(std::string_view text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits || (text.size() > 1 && text[0] == '0')) {
    return std::nullopt;
  }
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A cell reference such as "B7": its 1-based column and row. nullopt when it is not letters then
// a row number; the column may be past Excel's last (checked by the caller, which says so).
struct CellRef {
  std::size_t column = 0;
  std::size_t row = 0;
};

std::optional<CellRef> ParseCellRef(std::string_view ref) {
  constexpr std::size_t kMaxLetters = 7;  // 26^7 fits easily; Excel needs 3
  std::size_t letters = 0;
  std::size_t column = 0;
  while (letters < ref.size() && letters <= kMaxLetters) {
    char c = ref[letters];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    ++letters;
  }
  if (letters == 0 || letters > kMaxLetters) return std::nullopt;
  std::optional<std::uint64_t> row = ParseDecimal(ref.substr(letters), 10);
  if (!row || *row == 0) return std::nullopt;
  return CellRef{column, static_cast<std::size_t>(*row)};
}

// What the workbook's sheets have cost so far, against the caps above.
struct Budget {
  std::size_t text_bytes = 0;
  std::size_t cells = 0;  // cells written in the XML
  std::size_t gaps = 0;   // blanks padding the gaps between them
};

// One worksheet member: <worksheet><sheetData><row r><c r t><v>…</v> or <is>…</is></c>.
class WorksheetPass : public XmlPass {
 public:
  WorksheetPass(const std::string& file, std::string_view member, XlsxSheet* sheet,
                const std::vector<std::string>* shared, std::string_view shared_member,
                Budget* budget)
      : XmlPass(file, member, "worksheet"),
        sheet_(sheet),
        shared_(shared),
        shared_member_(shared_member),
        budget_(budget) {}

 private:
  enum class CellType { kNumber, kShared, kInline, kVerbatim };

  void Start(std::string_view local, const XML_Char** attributes) override {
    if (local == "row" && open().size() == 2 && open()[1] == "sheetData") {
      StartRow(attributes);
    } else if (local == "c" && open().size() == 3 && open()[2] == "row") {
      StartCell(attributes);
    }
  }

  void End(std::string_view local) override {
    if (local == "c" && open().size() == 3 && open()[2] == "row") {
      EndCell();
    } else if (local == "row" && open().size() == 2 && open()[1] == "sheetData") {
      EndRow();
    }
  }

  void Text(std::string_view text) override {
    const std::vector<std::string>& o = open();
    if (o.size() < 4 || o[1] != "sheetData" || o[2] != "row") return;
    if (o.size() == 5 && o[3] == "c" && o[4] == "v") {
      value_.append(text);
    } else if (o.size() > 4 && o[3] == "c" && InStringText(o, 4, "is")) {
      inline_text_.append(text);
    }
  }

  std::string SheetField() const { return "sheet " + sheet_->name; }
  std::string CellField() const { return SheetField() + " cell " + cell_ref_; }

  void StartRow(const XML_Char** attributes) {
    const XML_Char* r = Attribute(attributes, "r", false);
    std::size_t number = last_row_ + 1;  // r is optional: a row without it follows the last
    if (r != nullptr) {
      std::optional<std::uint64_t> parsed = ParseDecimal(r, 10);
      if (!parsed || *parsed == 0) {
        Fail(Status::BadInput(file_, 0, SheetField(), "bad row number " + Quoted(r)));
        return;
      }
      number = static_cast<std::size_t>(*parsed);
    }
    if (number > kMaxRows) {
      Fail(Status::BadInput(file_, 0, SheetField(),
                            fmt::format("row {} is past Excel's last row, {}", number, kMaxRows)));
      return;
    }
    if (number <= last_row_) {
      Fail(Status::BadInput(file_, number, SheetField(),
                            fmt::format("row {} comes after row {}", number, last_row_)));
      return;
    }
    row_number_ = last_row_ = number;
    last_column_ = 0;
    row_.clear();
  }

  void StartCell(const XML_Char** attributes) {
    const XML_Char* r = Attribute(attributes, "r", false);
    std::size_t column = last_column_ + 1;  // r is optional: a cell without it follows the last
    if (r != nullptr) {
      cell_ref_ = Cut(r);
      std::optional<CellRef> ref = ParseCellRef(r);
      if (!ref) {
        Fail(Status::BadInput(file_, row_number_, CellField(), "bad cell reference"));
        return;
      }
      if (ref->column > kMaxColumns) {
        Fail(Status::BadInput(
            file_, row_number_, CellField(),
            fmt::format("the column is past Excel's last, XFD ({})", kMaxColumns)));
        return;
      }
      if (ref->row != row_number_) {
        Fail(Status::BadInput(file_, row_number_, CellField(),
                              fmt::format("the cell is not in its row, {}", row_number_)));
        return;
      }
      column = ref->column;
    }
    cell_ref_ = ColumnLetters(column) + std::to_string(row_number_);
    if (column > kMaxColumns) {
      Fail(Status::BadInput(file_, row_number_, SheetField(),
                            fmt::format("the row has more than {} cells", kMaxColumns)));
      return;
    }
    if (column <= last_column_) {
      Fail(Status::BadInput(
          file_, row_number_, CellField(),
          "the cell comes after " + ColumnLetters(last_column_) + std::to_string(row_number_)));
      return;
    }
    last_column_ = column;

    const XML_Char* t = Attribute(attributes, "t", false);
    std::string_view type = t == nullptr ? "n" : t;
    if (type == "n") {
      type_ = CellType::kNumber;
    } else if (type == "s") {
      type_ = CellType::kShared;
    } else if (type == "inlineStr") {
      type_ = CellType::kInline;
    } else if (type == "str" || type == "b" || type == "e" || type == "d") {
      type_ = CellType::kVerbatim;
    } else {
      Fail(Status::BadInput(file_, row_number_, CellField(), "unknown cell type " + Quoted(type)));
      return;
    }
    value_.clear();
    inline_text_.clear();
  }

  // The cell's text, or nullopt after a Fail.
  std::optional<std::string> CellText() {
    switch (type_) {
      case CellType::kInline:
        return std::move(inline_text_);
      case CellType::kNumber:
      case CellType::kVerbatim:
        return std::move(value_);
      case CellType::kShared:
        break;
    }
    if (value_.empty()) return std::string();  // a shared-string cell with no <v> is blank
    std::optional<std::uint64_t> index = ParseDecimal(value_, 10);
    if (!index) {
      Fail(Status::BadInput(file_, row_number_, CellField(),
                            "shared string index " + Quoted(value_) + " is not a number"));
      return std::nullopt;
    }
    std::size_t count = shared_ == nullptr ? 0 : shared_->size();
    if (*index >= count) {
      std::string where = shared_ == nullptr ? "the workbook has no shared strings (no " +
                                                   std::string(kSharedStringsMember) + ")"
                                             : fmt::format("{} holds {}", shared_member_, count);
      Fail(Status::BadInput(file_, row_number_, CellField(),
                            fmt::format("shared string {} is out of range: {}", *index, where)));
      return std::nullopt;
    }
    return (*shared_)[static_cast<std::size_t>(*index)];
  }

  void EndCell() {
    std::size_t column = last_column_;
    std::size_t gaps = column - 1 - row_.size();
    ++budget_->cells;
    budget_->gaps += gaps;
    if (budget_->gaps > kFreeGapCells + kGapCellsPerCell * budget_->cells) {
      Fail(Status::BadInput(file_, row_number_, CellField(),
                            fmt::format("the workbook's cells leave more than {} blank gaps plus "
                                        "{} per cell; it is not a table",
                                        kFreeGapCells, kGapCellsPerCell)));
      return;
    }
    std::optional<std::string> text = CellText();
    if (!text) return;
    budget_->text_bytes += text->size();
    if (budget_->text_bytes > kMaxCellTextBytes) {
      Fail(Status::BadInput(
          file_, row_number_, CellField(),
          fmt::format("the workbook's cells hold more than {} bytes of text", kMaxCellTextBytes)));
      return;
    }
    if (!text->empty()) row_has_text_ = true;
    row_.resize(column - 1);
    row_.push_back(std::move(*text));
  }

  void EndRow() {
    if (row_has_text_) {
      sheet_->rows.push_back(std::move(row_));
      sheet_->row_numbers.push_back(row_number_);
    }
    row_.clear();
    row_has_text_ = false;
  }

  XlsxSheet* const sheet_;
  const std::vector<std::string>* const shared_;  // nullptr: the workbook has none
  const std::string_view shared_member_;
  Budget* const budget_;
  std::size_t last_row_ = 0;  // the number of the sheet's last row so far, 0 before the first
  std::size_t row_number_ = 0;
  std::size_t last_column_ = 0;  // the column of the row's last cell so far, 0 before the first
  std::vector<std::string> row_;
  bool row_has_text_ = false;
  std::string cell_ref_;
  CellType type_ = CellType::kNumber;
  std::string value_;        // the text of the cell's <v>
  std::string inline_text_;  // the text of the cell's <is>
};

// The member a relationship's target names: relative to xl/ (the folder of xl/workbook.xml), or
// from the archive's root when it starts with '/'. nullopt when ".." climbs above the root.
std::optional<std::string> ResolveTarget(std::string_view target) {
  std::string base = target.starts_with('/') ? "" : std::string(kWorkbookFolder);
  std::string joined = base + std::string(target);
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t slash = std::min(joined.find('/', start), joined.size());
    std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (segments.empty()) return std::nullopt;
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(std::move(segment));
    }
    start = slash + 1;
  }
  std::string member;
  for (const std::string& segment : segments) {
    if (!member.empty()) member += '/';
    member += segment;
  }
  return member;
}

// True when the relationship is of `kind` (worksheet, sharedStrings): transitional and strict
// OOXML use different type URIs for the same kind, both ending in "/KIND".
bool HasType(const Relationship& relationship, std::string_view kind) {
  return relationship.type.ends_with("/" + std::string(kind));
}

// The bytes of the member `path`; fails with `missing` when the archive lacks it.
Result<const std::string*> Require(const std::string& file, const Members& members,
                                   std::string_view path, std::string_view missing) {
  Result<const std::string*> bytes = members.Find(file, path);
  if (bytes.ok() && *bytes == nullptr) return Status::BadInput(file, 0, path, missing);
  return bytes;
}

// Reads the workbook's shared strings into *strings and their member's name into *member; leaves
// *strings nullopt when the workbook has none.
Status ReadSharedStrings(const std::string& file, const Members& members,
                         const std::map<std::string, Relationship>& relationships,
                         std::optional<std::vector<std::string>>* strings, std::string* member) {
  const std::string* bytes = nullptr;
  for (const auto& [id, relationship] : relationships) {
    if (!HasType(relationship, "sharedStrings") || relationship.external) continue;
    std::optional<std::string> path = ResolveTarget(relationship.target);
    if (!path) {
      return Status::BadInput(
          file, 0, kWorkbookRelsMember,
          "the shared strings target " + Quoted(relationship.target) + " is outside the archive");
    }
    Result<const std::string*> found =
        Require(file, members, *path,
                "the archive lacks this member, which " + std::string(kWorkbookRelsMember) +
                    " names as the shared strings");
    if (!found.ok()) return found.status();
    bytes = *found;
    *member = *path;
    break;
  }
  if (bytes == nullptr) {  // no relationship says: Excel's usual place, if it is there
    Result<const std::string*> found = members.Find(file, kSharedStringsMember);
    if (!found.ok()) return found.status();
    if (*found == nullptr) return Status::Ok();
    bytes = *found;
    *member = std::string(kSharedStringsMember);
  }
  SharedStringsPass pass(file, *member);
  Status s = pass.Run(*bytes);
  if (!s.ok()) return s;
  *strings = std::move(pass.strings);
  return Status::Ok();
}

}  // namespace

bool IsXlsxWorkbook(const std::vector<InputPart>& parts) {
  return ArchivePrefix(parts).has_value();
}

Result<std::vector<XlsxSheet>> ReadXlsxWorkbook(const std::string& name,
                                                const std::vector<InputPart>& parts) {
  std::optional<std::string> prefix = ArchivePrefix(parts);
  if (!prefix) {
    return Status::BadInput(name, 0, kWorkbookMember,
                            "not an Excel workbook: the archive has no such member");
  }
  Members members(parts, *prefix);

  Result<const std::string*> workbook_bytes = members.Find(name, kWorkbookMember);
  if (!workbook_bytes.ok()) return workbook_bytes.status();
  WorkbookPass workbook(name, kWorkbookMember);
  Status s = workbook.Run(**workbook_bytes);
  if (!s.ok()) return s;
  std::vector<XlsxSheet> sheets;
  if (workbook.sheets.empty()) return sheets;

  Result<const std::string*> rels_bytes =
      Require(name, members, kWorkbookRelsMember,
              "the archive lacks this member, which says where the sheets are");
  if (!rels_bytes.ok()) return rels_bytes.status();
  RelationshipsPass rels(name, kWorkbookRelsMember);
  s = rels.Run(**rels_bytes);
  if (!s.ok()) return s;

  std::optional<std::vector<std::string>> shared;
  std::string shared_member;
  s = ReadSharedStrings(name, members, rels.by_id, &shared, &shared_member);
  if (!s.ok()) return s;

  Budget budget;
  std::set<std::string> read_members;  // lower-cased: two sheets of one member are refused
  for (const SheetEntry& entry : workbook.sheets) {
    std::string who = "sheet " + Quoted(entry.name);
    auto it = rels.by_id.find(entry.relationship_id);
    if (it == rels.by_id.end()) {
      return Status::BadInput(name, 0, kWorkbookMember,
                              who + " names relationship " + Quoted(entry.relationship_id) +
                                  ", which " + std::string(kWorkbookRelsMember) + " lacks");
    }
    const Relationship& relationship = it->second;
    if (!HasType(relationship, "worksheet")) continue;  // a chart or dialog sheet has no cells
    std::optional<std::string> member =
        relationship.external ? std::nullopt : ResolveTarget(relationship.target);
    if (!member) {
      return Status::BadInput(
          name, 0, kWorkbookRelsMember,
          who + "'s target " + Quoted(relationship.target) + " is outside the archive");
    }
    if (!read_members.insert(Lower(*member)).second) {
      return Status::BadInput(name, 0, *member, who + " is a member another sheet already is");
    }
    Result<const std::string*> bytes =
        Require(name, members, *member, "the archive lacks this member, " + who);
    if (!bytes.ok()) return bytes.status();

    XlsxSheet sheet;
    sheet.name = entry.name;
    WorksheetPass pass(name, *member, &sheet, shared ? &*shared : nullptr, shared_member, &budget);
    s = pass.Run(**bytes);
    if (!s.ok()) return s;
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

Result<std::optional<Date>> DateFromExcelSerial(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return std::optional<Date>();
  std::string_view serial = text.substr(first, text.find_last_not_of(kSpace) - first + 1);
  auto bad = [&](std::string_view why) {
    return Status::InvalidInput(Quoted(serial) +
                                " is not an Excel serial date: " + std::string(why));
  };

  std::string_view whole = serial.substr(0, serial.find('.'));
  if (whole.size() < serial.size()) {
    std::string_view fraction = serial.substr(whole.size() + 1);
    if (fraction.empty() || fraction.find_first_not_of("0123456789") != std::string_view::npos) {
      return bad("expected digits, then optionally '.' and digits");
    }
  }
  if (whole.empty() || whole.find_first_not_of("0123456789") != std::string_view::npos) {
    return bad("expected digits, then optionally '.' and digits");
  }
  whole.remove_prefix(std::min(whole.find_first_not_of('0'), whole.size() - 1));

  constexpr std::int64_t kLastSerial = 2958465;  // 9999-12-31
  constexpr std::int64_t kFictitiousLeapDay = 60;
  std::int64_t day = 0;
  if (whole.size() > 7) return bad("past Excel's last day, 9999-12-31");
  std::from_chars(whole.data(), whole.data() + whole.size(), day);
  if (day == 0) return bad("serial 0 is Excel's 1900-01-00, no day");
  if (day == kFictitiousLeapDay) return bad("serial 60 is Excel's 1900-02-29, which never was");
  if (day > kLastSerial) return bad("past Excel's last day, 9999-12-31");

  // Serial 25569 is 1970-01-01; before the fictitious leap day the serials run one day ahead.
  constexpr std::int64_t kUnixEpochSerial = 25569;
  std::int64_t days = day - kUnixEpochSerial + (day < kFictitiousLeapDay ? 1 : 0);
  std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(static_cast<int>(days)))};
  Result<Date> date = Date::FromYmd(static_cast<int>(ymd.year()),
                                    static_cast<int>(static_cast<unsigned>(ymd.month())),
                                    static_cast<int>(static_cast<unsigned>(ymd.day())));
  if (!date.ok()) return date.status();
  return std::optional<Date>(*date);
}

}  // namespace receipts::records
