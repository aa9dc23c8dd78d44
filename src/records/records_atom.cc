#include "records/records_atom.h"

#include <expat.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/award.h"
#include "core/date.h"
#include "core/ids.h"
#include "core/money.h"
#include "core/text.h"
#include "records/records_fields.h"

namespace receipts::records {
namespace {

// expat gives a namespaced name as URI, separator, local name; \x01 can occur in neither.
constexpr XML_Char kNamespaceSeparator = '\x01';

// expat takes lengths as int: larger inputs go in slices.
constexpr std::size_t kSliceBytes = 1 << 20;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string_view LocalName(const XML_Char* name) {
  std::string_view full(name);
  std::size_t separator = full.rfind(kNamespaceSeparator);
  return separator == std::string_view::npos ? full : full.substr(separator + 1);
}

using ParserPtr = std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)>;

ParserPtr NewParser() {
  return ParserPtr(XML_ParserCreateNS(nullptr, kNamespaceSeparator), &XML_ParserFree);
}

// Feeds `doc` to `parser` in slices; false when expat stopped (an error, or a handler's stop).
bool ParseAll(XML_Parser parser, std::string_view doc) {
  std::size_t pos = 0;
  do {
    std::size_t n = std::min(kSliceBytes, doc.size() - pos);
    bool last = pos + n == doc.size();
    if (XML_Parse(parser, doc.data() + pos, static_cast<int>(n), last) == XML_STATUS_ERROR) {
      return false;
    }
    pos += n;
  } while (pos < doc.size());
  return true;
}

// The FPDS elements read, named as the FPDS element CSV's columns (records_fpds.cc).
enum Field : int {
  kAgency,
  kPiid,
  kMod,
  kTransaction,
  kIdvAgency,
  kIdvPiid,
  kSignedDate,
  kCurrentEnd,
  kUltimateEnd,
  kLastDateToOrder,
  kObligated,
  kBaseExercised,
  kBaseAll,
  kTotalObligated,
  kTotalBaseExercised,
  kTotalBaseAll,
  kActionType,
  kReason,
  kExtentCompeted,
  kOffers,
  kVendorName,
  kUei,
  kParentUei,
  kFieldCount,
  kNoField = kFieldCount,
};

constexpr std::array<std::string_view, kFieldCount> kElementNames = {
    "agencyID",
    "PIID",
    "modNumber",
    "transactionNumber",
    "agencyID",
    "PIID",
    "signedDate",
    "currentCompletionDate",
    "ultimateCompletionDate",
    "lastDateToOrder",
    "obligatedAmount",
    "baseAndExercisedOptionsValue",
    "baseAndAllOptionsValue",
    "totalObligatedAmount",
    "totalBaseAndExercisedOptionsValue",
    "totalBaseAndAllOptionsValue",
    "contractActionType",
    "reasonForModification",
    "extentCompeted",
    "numberOfOffersReceived",
    "vendorName",
    "UEI",
    "ultimateParentUEI",
};

struct FieldPath {
  std::string_view path;  // below <award> or <IDV>
  Field field;
};

// agencyID, PIID and modNumber name both the action's award and its IDV, so they are told apart
// by path: a flattened read would let the IDV's values overwrite the award's.
constexpr FieldPath kAwardIds[] = {
    {"awardID/awardContractID/agencyID", kAgency},
    {"awardID/awardContractID/PIID", kPiid},
    {"awardID/awardContractID/modNumber", kMod},
    {"awardID/awardContractID/transactionNumber", kTransaction},
    {"awardID/referencedIDVID/agencyID", kIdvAgency},
    {"awardID/referencedIDVID/PIID", kIdvPiid},
};
// An IDV's key is its own (IdvAwardKey), as for the CSV: contractID/referencedIDVID is not read.
constexpr FieldPath kIdvIds[] = {
    {"contractID/IDVID/agencyID", kAgency},
    {"contractID/IDVID/PIID", kPiid},
    {"contractID/IDVID/modNumber", kMod},
};
// listOfTreasuryAccounts also holds an obligatedAmount (per account): only dollarValues' counts.
constexpr FieldPath kCommon[] = {
    {"relevantContractDates/signedDate", kSignedDate},
    {"relevantContractDates/currentCompletionDate", kCurrentEnd},
    {"relevantContractDates/ultimateCompletionDate", kUltimateEnd},
    {"relevantContractDates/lastDateToOrder", kLastDateToOrder},
    {"dollarValues/obligatedAmount", kObligated},
    {"dollarValues/baseAndExercisedOptionsValue", kBaseExercised},
    {"dollarValues/baseAndAllOptionsValue", kBaseAll},
    {"totalDollarValues/totalObligatedAmount", kTotalObligated},
    {"totalDollarValues/totalBaseAndExercisedOptionsValue", kTotalBaseExercised},
    {"totalDollarValues/totalBaseAndAllOptionsValue", kTotalBaseAll},
    {"contractData/contractActionType", kActionType},
    {"contractData/reasonForModification", kReason},
    {"competition/extentCompeted", kExtentCompeted},
    {"competition/numberOfOffersReceived", kOffers},
    {"vendor/vendorHeader/vendorName", kVendorName},
};

// The field at `path` in `table`, or kNoField.
template <std::size_t N>
Field Lookup(const FieldPath (&table)[N], std::string_view path) {
  for (const FieldPath& entry : table) {
    if (entry.path == path) return entry.field;
  }
  return kNoField;
}

// The field at `path` below a record, or kNoField.
Field FieldAt(std::string_view path, bool idv) {
  Field field = idv ? Lookup(kIdvIds, path) : Lookup(kAwardIds, path);
  if (field == kNoField) field = Lookup(kCommon, path);
  if (field != kNoField) return field;
  // vendorUEIInformation sits under vendorSiteDetails/entityIdentifiers since Service Pack 13;
  // matched by its own name so another nesting under vendor still reads.
  if (path.starts_with("vendor/")) {
    if (path.ends_with("/vendorUEIInformation/UEI")) return kUei;
    if (path.ends_with("/vendorUEIInformation/ultimateParentUEI")) return kParentUei;
  }
  return kNoField;
}

struct Cell {
  bool present = false;
  std::string text;  // trimmed once the element ends
  std::size_t line = 0;
};

// One <award> or <IDV>: the text of the fields read.
struct Entry {
  bool idv = false;
  std::size_t line = 0;  // of the <award> / <IDV> start tag: the action's source_line
  std::array<Cell, kFieldCount> cells;
};

// Reads the entries of one XML document into a batch.
class DocumentReader {
 public:
  DocumentReader(const std::string& name, std::size_t first_line, RecordBatch* batch)
      : name_(name), first_line_(first_line), batch_(batch) {}

  // Reads the document at the start of `doc`, which may run on into further documents. On
  // success *end is where its root element ends, or 0 when `doc` holds no element at all
  // (comments or processing instructions after the last document).
  Status Read(std::string_view doc, std::size_t* end);

 private:
  // expat's callbacks, forwarding to the member functions below.
  static void XMLCALL OnStart(void* self, const XML_Char* name, const XML_Char** attributes);
  static void XMLCALL OnEnd(void* self, const XML_Char* name);
  static void XMLCALL OnText(void* self, const XML_Char* text, int length);

  void Start(std::string_view local);
  void End();
  void Text(std::string_view text);
  // Stops the parse with `status` (ok: the root ended).
  void Stop(Status status);
  std::size_t Line() const;
  Status FieldError(Field field, std::string_view what) const;
  Status Require(Field field) const;
  Status AddEntry();
  Status ReadAction(Action* action) const;
  Status ReadMoneyField(Field field, std::optional<Cents>* out) const;
  Status ReadChangeField(Field field, Cents* out) const;
  Status ReadDateField(Field field, std::optional<Date>* out) const;
  Status ReadEndDateField(Field field, std::optional<Date>* out) const;
  Status ReadCountField(Field field, std::optional<int>* out) const;
  const std::string& Value(Field field) const { return entry_.cells[field].text; }

  const std::string& name_;
  const std::size_t first_line_;
  RecordBatch* const batch_;
  XML_Parser parser_ = nullptr;
  bool stopped_ = false;
  bool saw_root_ = false;
  Status status_;
  std::size_t root_start_ = 0, root_start_bytes_ = 0;
  std::size_t root_end_ = 0;
  std::vector<std::string> open_;  // local names of the open elements, the root first
  // Inside a record: its depth in open_, the path below it, and path_ lengths to go back to.
  bool in_record_ = false;
  std::size_t record_depth_ = 0;
  std::string path_;
  std::vector<std::size_t> path_lengths_;
  Entry entry_;
  Field field_ = kNoField;  // the field whose text is being read
  std::size_t field_depth_ = 0;
};

Status DocumentReader::Read(std::string_view doc, std::size_t* end) {
  ParserPtr parser = NewParser();
  if (!parser) return Status::IoError(name_ + ": out of memory for the XML parser");
  parser_ = parser.get();
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &OnStart, &OnEnd);
  XML_SetCharacterDataHandler(parser_, &OnText);
  bool finished = ParseAll(parser_, doc);
  if (stopped_) {
    if (!status_.ok()) return status_;
    *end = root_end_;
    return Status::Ok();
  }
  XML_Error error = XML_GetErrorCode(parser_);
  // expat says "no element found" both of a document with no element and of one cut short.
  if (!finished && error == XML_ERROR_NO_ELEMENTS && !saw_root_) {
    *end = 0;
    return Status::Ok();
  }
  std::size_t line = first_line_ + XML_GetErrorLineNumber(parser_) - 1;
  std::string what = error == XML_ERROR_NO_ELEMENTS ? "the page ends before its elements close"
                                                    : XML_ErrorString(error);
  return Status::BadInput(name_, line, "", "malformed XML: " + what);
}

void XMLCALL DocumentReader::OnStart(void* self, const XML_Char* name, const XML_Char**) {
  static_cast<DocumentReader*>(self)->Start(LocalName(name));
}

void XMLCALL DocumentReader::OnEnd(void* self, const XML_Char*) {
  static_cast<DocumentReader*>(self)->End();
}

void XMLCALL DocumentReader::OnText(void* self, const XML_Char* text, int length) {
  static_cast<DocumentReader*>(self)->Text(
      std::string_view(text, static_cast<std::size_t>(length)));
}

void DocumentReader::Start(std::string_view local) {
  if (stopped_) return;
  if (open_.empty()) {
    if (local != "feed") {
      Stop(Status::BadInput(
          name_, Line(), "",
          "not an Atom feed: the root element is '" + std::string(local.substr(0, 40)) + "'"));
      return;
    }
    saw_root_ = true;
    root_start_ = static_cast<std::size_t>(XML_GetCurrentByteIndex(parser_));
    root_start_bytes_ = static_cast<std::size_t>(XML_GetCurrentByteCount(parser_));
  }
  if (in_record_) {
    path_lengths_.push_back(path_.size());
    if (!path_.empty()) path_ += '/';
    path_ += local;
    Field field = FieldAt(path_, entry_.idv);
    if (field != kNoField) {
      Cell& cell = entry_.cells[field];
      cell.present = true;
      cell.text.clear();
      cell.line = Line();
      field_ = field;
      field_depth_ = open_.size() + 1;
    }
  } else if ((local == "award" || local == "IDV") && !open_.empty() && open_.back() == "content") {
    in_record_ = true;
    record_depth_ = open_.size() + 1;
    entry_ = Entry();
    entry_.idv = local == "IDV";
    entry_.line = Line();
    path_.clear();
    path_lengths_.clear();
  }
  open_.emplace_back(local);
}

void DocumentReader::End() {
  if (stopped_) return;
  if (field_ != kNoField && open_.size() == field_depth_) {
    Cell& cell = entry_.cells[field_];
    cell.text = std::string(Trim(cell.text));
    field_ = kNoField;
  }
  if (in_record_) {
    if (open_.size() == record_depth_) {
      in_record_ = false;
      Status s = AddEntry();
      if (!s.ok()) {
        Stop(std::move(s));
        return;
      }
    } else {
      path_.resize(path_lengths_.back());
      path_lengths_.pop_back();
    }
  }
  open_.pop_back();
  if (open_.empty()) {
    // An empty-element root (<feed/>) has a zero-length end event: its start tag is all of it.
    std::size_t bytes = static_cast<std::size_t>(XML_GetCurrentByteCount(parser_));
    root_end_ = bytes > 0 ? static_cast<std::size_t>(XML_GetCurrentByteIndex(parser_)) + bytes
                          : root_start_ + root_start_bytes_;
    Stop(Status::Ok());
  }
}

void DocumentReader::Text(std::string_view text) {
  if (stopped_ || field_ == kNoField || open_.size() != field_depth_) return;
  entry_.cells[field_].text.append(text);
}

void DocumentReader::Stop(Status status) {
  stopped_ = true;
  status_ = std::move(status);
  XML_StopParser(parser_, XML_FALSE);
}

std::size_t DocumentReader::Line() const {
  return first_line_ + XML_GetCurrentLineNumber(parser_) - 1;
}

Status DocumentReader::FieldError(Field field, std::string_view what) const {
  const Cell& cell = entry_.cells[field];
  return Status::BadInput(name_, cell.present ? cell.line : entry_.line, kElementNames[field],
                          what);
}

Status DocumentReader::Require(Field field) const {
  const Cell& cell = entry_.cells[field];
  if (!cell.present) return FieldError(field, "missing");
  if (cell.text.empty()) return FieldError(field, "empty");
  return Status::Ok();
}

// The same rules as records_fields.h applies to the CSV's cells, so both sources agree.

Status DocumentReader::ReadMoneyField(Field field, std::optional<Cents>* out) const {
  Result<std::optional<Cents>> money = ParseMoney(Value(field));
  if (!money.ok()) return FieldError(field, money.status().message());
  *out = *money;
  return Status::Ok();
}

Status DocumentReader::ReadChangeField(Field field, Cents* out) const {
  std::optional<Cents> money;
  Status s = ReadMoneyField(field, &money);
  if (!s.ok()) return s;
  *out = money.value_or(0);
  return Status::Ok();
}

Status DocumentReader::ReadDateField(Field field, std::optional<Date>* out) const {
  Result<std::optional<Date>> date = ParseDate(Value(field));
  if (!date.ok()) return FieldError(field, date.status().message());
  *out = *date;
  return Status::Ok();
}

Status DocumentReader::ReadEndDateField(Field field, std::optional<Date>* out) const {
  Result<std::optional<Date>> date = ParseEndDateText(Value(field));
  if (!date.ok()) return FieldError(field, date.status().message());
  *out = *date;
  return Status::Ok();
}

Status DocumentReader::ReadCountField(Field field, std::optional<int>* out) const {
  Result<std::optional<int>> count = ParseCountText(Value(field));
  if (!count.ok()) return FieldError(field, count.status().message());
  *out = *count;
  return Status::Ok();
}

Status DocumentReader::ReadAction(Action* a) const {
  a->mod_number = Value(kMod);
  a->transaction_number = Value(kTransaction);
  // An IDV ends when ordering ends: lastDateToOrder stands for its completion date, as in the
  // CSV reader (which takes that column when the file has it).
  const Field end =
      entry_.idv && entry_.cells[kLastDateToOrder].present ? kLastDateToOrder : kCurrentEnd;
  Status s;
  if (!(s = ReadDateField(kSignedDate, &a->signed_date)).ok()) return s;
  if (!(s = ReadEndDateField(end, &a->current_completion_date)).ok()) return s;
  if (!(s = ReadEndDateField(kUltimateEnd, &a->ultimate_completion_date)).ok()) return s;
  if (!(s = ReadChangeField(kObligated, &a->obligated)).ok()) return s;
  if (!(s = ReadChangeField(kBaseExercised, &a->base_and_exercised)).ok()) return s;
  if (!(s = ReadChangeField(kBaseAll, &a->base_and_all)).ok()) return s;
  if (!(s = ReadMoneyField(kTotalObligated, &a->total_obligated)).ok()) return s;
  if (!(s = ReadMoneyField(kTotalBaseExercised, &a->total_base_and_exercised)).ok()) return s;
  if (!(s = ReadMoneyField(kTotalBaseAll, &a->total_base_and_all)).ok()) return s;
  if (!(s = ReadCountField(kOffers, &a->offers_received)).ok()) return s;
  a->reason_code = Value(kReason);
  a->action_type = Value(kActionType);
  a->vendor_name = Value(kVendorName);
  a->vendor_uei = Value(kUei);
  a->parent_uei = Value(kParentUei);
  a->extent_competed = Value(kExtentCompeted);
  a->source_file = name_;
  a->source_line = entry_.line;
  return Status::Ok();
}

Status DocumentReader::AddEntry() {
  Status s;
  for (Field field : {kPiid, kAgency, kMod, kSignedDate}) {
    if (!(s = Require(field)).ok()) return s;
  }
  std::string piid = NormalizePiid(Value(kPiid));
  if (piid.empty()) return FieldError(kPiid, "no PIID");
  std::string agency = NormalizeAgencyId(Value(kAgency));
  std::string idv_piid = NormalizePiid(Value(kIdvPiid));
  std::string idv_agency = NormalizeAgencyId(Value(kIdvAgency));
  Action action;
  if (!(s = ReadAction(&action)).ok()) return s;
  // Every order names its IDV under referencedIDVID, so its absence means a definitive contract:
  // the parent is known, unlike in an FPDS awards CSV without idvPIID, and there is no "KEY~UEI"
  // split to fold (RecordBatch::FoldVendorSplits).
  std::string key =
      entry_.idv ? IdvAwardKey(piid, agency) : ContractAwardKey(piid, agency, idv_piid, idv_agency);
  Award* award = batch_->FindOrAdd(key);
  if (award->actions.empty() && award->piid.empty()) {
    award->family = entry_.idv ? AwardFamily::kIdv : AwardFamily::kContract;
    award->agency_id = std::move(agency);
    award->piid = std::move(piid);
    award->idv_agency_id = std::move(idv_agency);
    award->idv_piid = std::move(idv_piid);
  }
  if (!(s = batch_->AddAction(award, std::move(action))).ok()) {
    return FieldError(kPiid, s.message());
  }
  return Status::Ok();
}

// Skips a byte order mark and white space from `pos`, counting the lines passed into *line.
std::size_t SkipBlank(std::string_view bytes, std::size_t pos, std::size_t* line) {
  if (bytes.substr(pos).starts_with(kBom)) pos += kBom.size();
  while (pos < bytes.size() &&
         (bytes[pos] == ' ' || bytes[pos] == '\t' || bytes[pos] == '\r' || bytes[pos] == '\n')) {
    if (bytes[pos] == '\n') ++*line;
    ++pos;
  }
  return pos;
}

// What LooksLikeAtomFeed's parse saw: the root's local name, once its start tag is read.
struct RootSniff {
  XML_Parser parser = nullptr;
  std::string root;
};

void XMLCALL OnFirstElement(void* user, const XML_Char* name, const XML_Char**) {
  auto* sniff = static_cast<RootSniff*>(user);
  sniff->root = std::string(LocalName(name));
  XML_StopParser(sniff->parser, XML_FALSE);
}

}  // namespace

bool LooksLikeAtomFeed(std::string_view bytes) {
  std::size_t line = 1;
  std::string_view doc = bytes.substr(SkipBlank(bytes, 0, &line));
  if (!doc.starts_with("<?xml") || doc.size() < 6 ||
      !(doc[5] == ' ' || doc[5] == '\t' || doc[5] == '\r' || doc[5] == '\n' || doc[5] == '?')) {
    return false;
  }
  // The root's start tag comes within the first few hundred bytes of a real page; expat reads
  // the prolog (declaration, comments, doctype) up to it.
  doc = doc.substr(0, 64 << 10);
  ParserPtr parser = NewParser();
  if (!parser) return false;
  RootSniff sniff;
  sniff.parser = parser.get();
  XML_SetUserData(parser.get(), &sniff);
  XML_SetStartElementHandler(parser.get(), &OnFirstElement);
  XML_Parse(parser.get(), doc.data(), static_cast<int>(doc.size()), XML_FALSE);
  return sniff.root == "feed";
}

Status ReadAtomFeed(const std::string& name, std::string_view bytes, RecordBatch* batch) {
  std::size_t pos = 0;
  std::size_t line = 1;
  bool any = false;
  while (true) {
    pos = SkipBlank(bytes, pos, &line);
    if (pos == bytes.size()) break;
    DocumentReader reader(name, line, batch);
    std::size_t end = 0;
    std::string_view rest = bytes.substr(pos);
    Status s = reader.Read(rest, &end);
    if (!s.ok()) return s;
    if (end == 0) {
      if (any) break;  // comments or processing instructions after the last page
      return Status::BadInput(name, line, "", "not an Atom feed: no root element");
    }
    line += static_cast<std::size_t>(std::count(rest.begin(), rest.begin() + end, '\n'));
    pos += end;
    any = true;
  }
  if (!any) return Status::BadInput(name, 1, "", "not an Atom feed: no XML document");
  return Status::Ok();
}

}  // namespace receipts::records
