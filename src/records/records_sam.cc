#include "records/records_sam.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <cstdint>
#include <utility>

#include "core/award.h"
#include "core/date.h"
#include "core/ids.h"
#include "core/money.h"
#include "core/text.h"
#include "records/records_fields.h"

namespace receipts::records {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// The body without a BOM and surrounding whitespace: what is left of an HTTP 204 is empty.
std::string_view Prepare(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  return Trim(bytes);
}

// Parses `text` into `parser`; the padded copy must outlive the element.
Result<element> Parse(const std::string& name, const simdjson::padded_string& padded,
                      simdjson::dom::parser* parser) {
  element root;
  if (simdjson::error_code error = parser->parse(padded).get(root)) {
    return Status::BadInput(name, 0, "",
                            fmt::format("invalid JSON: {}", simdjson::error_message(error)));
  }
  return root;
}

// The value at dotted `path` below `from`. SAM writes null for fields it has no value for, and
// leaves whole sections out (includeSections): both are "absent", as is a path through a value
// that is not an object.
std::optional<element> Find(element from, std::string_view path) {
  element at = from;
  while (true) {
    std::size_t dot = path.find('.');
    simdjson::dom::object object;
    if (at.get(object)) return std::nullopt;
    if (object[path.substr(0, dot)].get(at)) return std::nullopt;
    if (dot == std::string_view::npos) break;
    path.remove_prefix(dot + 1);
  }
  if (at.is_null()) return std::nullopt;
  return at;
}

// The decimal text of a JSON number. Amounts are documented as strings; a number is read through
// its shortest round-trip form, which is the text SAM wrote whenever that had at most 15
// significant digits (every amount below $10 trillion with cents). Longer numbers are refused
// rather than rounded through binary floating point.
Result<std::string> NumberText(element value) {
  switch (value.type()) {
    case element_type::INT64: {
      int64_t number = 0;
      if (value.get(number)) break;
      return fmt::format("{}", number);
    }
    case element_type::UINT64: {
      uint64_t number = 0;
      if (value.get(number)) break;
      return fmt::format("{}", number);
    }
    case element_type::DOUBLE: {
      double number = 0;
      if (value.get(number)) break;
      std::string text = fmt::format("{}", number);
      std::string_view mantissa = std::string_view(text).substr(0, text.find_first_of("eE"));
      std::size_t digits = 0;
      bool leading = true;
      for (char c : mantissa) {
        if (!std::isdigit(static_cast<unsigned char>(c))) continue;
        if (leading && c == '0') continue;
        leading = false;
        ++digits;
      }
      if (digits > 15) {
        return Status::InvalidInput(fmt::format(
            "the JSON number {} has more digits than a double holds exactly; expected the "
            "amount as a string",
            text));
      }
      return text;
    }
    default:
      break;
  }
  return Status::InvalidInput("not a number");
}

// A whole non-negative count as SAM writes totalRecords: "5691511", 5691511, 5691511.0, or
// null / "null" / "" for unknown.
Result<std::optional<long long>> ReadTotal(const std::string& name, element value,
                                           std::string_view path) {
  auto bad = [&](std::string_view text) {
    return Status::BadInput(name, 0, path, fmt::format("'{}' is not a count", text.substr(0, 40)));
  };
  std::string_view text;
  std::string number;
  switch (value.type()) {
    case element_type::NULL_VALUE:
      return std::optional<long long>();
    case element_type::STRING:
      if (value.get(text)) return bad("");
      text = Trim(text);
      if (text.empty() || text == "null") return std::optional<long long>();
      break;
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: {
      Result<std::string> decimal = NumberText(value);
      if (!decimal.ok()) return bad(simdjson::minify(value));
      number = *decimal;
      text = number;
      if (text.ends_with(".0")) text.remove_suffix(2);
      break;
    }
    default:
      return bad(simdjson::minify(value));
  }
  long long count = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (ec != std::errc() || end != text.data() + text.size() || count < 0) return bad(text);
  return std::optional<long long>(count);
}

// The "totalRecords" of a response object, top level or inside "awardResponse".
Result<std::optional<long long>> FindTotal(const std::string& name, element root) {
  if (std::optional<element> total = Find(root, "totalRecords")) {
    return ReadTotal(name, *total, "totalRecords");
  }
  if (std::optional<element> total = Find(root, "awardResponse.totalRecords")) {
    return ReadTotal(name, *total, "awardResponse.totalRecords");
  }
  return std::optional<long long>();
}

// The list of records in a response: "awardSummary" at the top or inside "awardResponse", or
// "awardResponse" itself when it is a list. std::nullopt: a response that holds no records.
Result<std::optional<simdjson::dom::array>> FindRecords(const std::string& name, element root) {
  using Found = std::optional<simdjson::dom::array>;
  simdjson::dom::object top;
  if (root.get(top)) {
    return Status::BadInput(name, 0, "",
                            "expected a SAM.gov Contract Awards response (a JSON object)");
  }
  simdjson::dom::array list;
  std::optional<element> wrapper = Find(root, "awardResponse");
  if (wrapper && !wrapper->get(list)) return Found(list);
  if (wrapper && !wrapper->is_object()) {
    return Status::BadInput(name, 0, "awardResponse", "expected an object or a list of records");
  }
  for (std::string_view path : {"awardSummary", "awardResponse.awardSummary"}) {
    std::optional<element> summary = Find(root, path);
    if (!summary) continue;
    if (summary->get(list)) return Status::BadInput(name, 0, path, "expected a list of records");
    return Found(list);
  }
  // The "no data" answer is an awardResponse holding only the counts.
  if (wrapper) return Found();
  Result<std::optional<long long>> total = FindTotal(name, root);
  if (!total.ok()) return total.status();
  bool has_total = !top["totalRecords"].error();
  if (has_total && total->value_or(0) == 0) return Found();
  if (has_total) {
    return Status::BadInput(name, 0, "awardSummary",
                            fmt::format("missing, though totalRecords is {}", **total));
  }
  std::string_view message;
  if (!top["message"].get(message)) {
    return Status::BadInput(name, 0, "",
                            fmt::format("SAM.gov answered \"{}\", not records", message));
  }
  return Status::BadInput(name, 0, "",
                          "not a SAM.gov Contract Awards response: no awardSummary, "
                          "awardResponse or totalRecords");
}

// One record (contract action) of a response, its fields read by dotted path with errors that
// name the response, the record's number and the path.
class SamRecord {
 public:
  SamRecord(const std::string& name, std::size_t item, element record)
      : name_(name), item_(item), record_(record) {}

  Status Error(std::string_view path, std::string_view what) const {
    return Status::BadInput(name_, item_, path, what);
  }

  bool Has(std::string_view path) const { return Find(record_, path).has_value(); }

  // Trimmed text; a number as its decimal text; "" when absent or null.
  Result<std::string> Text(std::string_view path) const {
    std::optional<element> value = Find(record_, path);
    if (!value) return std::string();
    switch (value->type()) {
      case element_type::STRING: {
        std::string_view text;
        if (value->get(text)) return std::string();
        return std::string(Trim(text));
      }
      case element_type::INT64:
      case element_type::UINT64:
      case element_type::DOUBLE: {
        Result<std::string> text = NumberText(*value);
        if (!text.ok()) return Error(path, text.status().message());
        return text;
      }
      case element_type::BOOL: {
        bool flag = false;
        if (value->get(flag)) return std::string();
        return std::string(flag ? "true" : "false");
      }
      default:
        return Error(path, fmt::format("expected text, found {}",
                                       value->is_object() ? "an object" : "a list"));
    }
  }

  // A coded value, {"code": …, "name": …}: its code, whatever the name says (code and name come
  // swapped in the wild, and codes may be long). A bare string is taken as the code.
  Result<std::string> Code(std::string_view path) const {
    std::optional<element> value = Find(record_, path);
    if (value && value->is_object()) return Text(std::string(path) + ".code");
    return Text(path);
  }

  // The path an error about a coded value names.
  std::string CodePath(std::string_view path) const {
    std::optional<element> value = Find(record_, path);
    return value && value->is_object() ? std::string(path) + ".code" : std::string(path);
  }

  // Money as stated: absent or blank is std::nullopt, not zero. SAM.gov pads decimals with
  // zeros ("4544.500000000000"); only zeros past the cents are dropped, so any other third
  // decimal is still refused by ParseMoney.
  Status Money(std::string_view path, std::optional<Cents>* out) const {
    Result<std::string> text = Text(path);
    if (!text.ok()) return text.status();
    std::string& t = *text;
    if (std::size_t point = t.find('.');
        point != std::string::npos && t.find_first_not_of("0123456789", point + 1) == t.npos) {
      while (t.size() > point + 3 && t.back() == '0') t.pop_back();
    }
    Result<std::optional<Cents>> money = ParseMoney(t);
    if (!money.ok()) return Error(path, money.status().message());
    *out = *money;
    return Status::Ok();
  }

  // A per-action change: absent is no change, 0.
  Status Change(std::string_view path, Cents* out) const {
    std::optional<Cents> money;
    Status s = Money(path, &money);
    if (!s.ok()) return s;
    *out = money.value_or(0);
    return Status::Ok();
  }

  // Any of SAM's forms ("2025-02-20T00:00:00Z", "2025-02-20T19:13:54.000Z",
  // "2025-02-20 00:00:00.000") is the calendar day written: SAM states signing days, and a time
  // such as T05:00:00.000Z is that day's midnight in Washington, not a later instant.
  Status SignedDate(std::string_view path, std::optional<Date>* out) const {
    Result<std::string> text = Text(path);
    if (!text.ok()) return text.status();
    Result<std::optional<Date>> date = ParseDate(*text);
    if (!date.ok()) return Error(path, date.status().message());
    *out = *date;
    return Status::Ok();
  }

  // A completion or ordering end date, with the FPDS reader's rule (records_fields.h,
  // ReadEndDate): a well-formed YYYY-MM-DD whose year is outside 1900..2200 is a typo and unknown,
  // not an error refusing the response.
  Status EndDate(std::string_view path, std::optional<Date>* out) const {
    Result<std::string> text = Text(path);
    if (!text.ok()) return text.status();
    Result<std::optional<Date>> date = ParseEndDateText(*text);
    if (!date.ok()) return Error(path, date.status().message());
    *out = *date;
    return Status::Ok();
  }

  // A non-negative count such as numberOfOffersReceived ("7", "7.0", 7); absent is std::nullopt.
  Status Count(std::string_view path, std::optional<int>* out) const {
    Result<std::string> text = Text(path);
    if (!text.ok()) return text.status();
    Result<std::optional<int>> count = ParseCountText(*text);
    if (!count.ok()) return Error(path, count.status().message());
    *out = *count;
    return Status::Ok();
  }

 private:
  const std::string& name_;
  std::size_t item_;
  element record_;
};

// Reads `text` of a required field into `out`, or fails naming it as missing.
Status Require(const SamRecord& r, Result<std::string> text, std::string_view path,
               std::string* out) {
  if (!text.ok()) return text.status();
  if (text->empty()) return r.Error(path, "missing");
  *out = std::move(text).value();
  return Status::Ok();
}

// Whether the record is an IDV. SAM states it in coreData.awardOrIDV ("AWARD", "Award", "IDV");
// a response cut by includeSections may leave coreData out, and then an ordering period or an
// estimated order value (IDV-only fields) says IDV, as the FPDS reader decides from its columns.
Result<bool> IsIdv(const SamRecord& r) {
  Result<std::string> stated = r.Code("coreData.awardOrIDV");
  if (!stated.ok()) return stated.status();
  std::string upper = ToUpperAscii(*stated);
  if (upper == "IDV") return true;
  if (upper == "AWARD") return false;
  if (!upper.empty()) {
    return r.Error(r.CodePath("coreData.awardOrIDV"),
                   fmt::format("'{}' is neither AWARD nor IDV", stated->substr(0, 40)));
  }
  return r.Has("awardDetails.dates.lastDateToOrder") ||
         r.Has("awardDetails.dollars.totalEstimatedOrderValue");
}

Status ReadAction(const SamRecord& r, bool idv, Action* a) {
  Status s;
  if (!(s = Require(r, r.Text("contractId.modificationNumber"), "contractId.modificationNumber",
                    &a->mod_number))
           .ok()) {
    return s;
  }
  Result<std::string> transaction = r.Text("contractId.transactionNumber");
  if (!transaction.ok()) return transaction.status();
  a->transaction_number = std::move(transaction).value();

  if (!(s = r.SignedDate("awardDetails.dates.dateSigned", &a->signed_date)).ok()) return s;
  if (!a->signed_date) return r.Error("awardDetails.dates.dateSigned", "missing");
  // An IDV ends when ordering ends: lastDateToOrder stands for its completion date.
  const char* current = idv && r.Has("awardDetails.dates.lastDateToOrder")
                            ? "awardDetails.dates.lastDateToOrder"
                            : "awardDetails.dates.currentCompletionDate";
  if (!(s = r.EndDate(current, &a->current_completion_date)).ok()) return s;
  if (!(s = r.EndDate("awardDetails.dates.ultimateCompletionDate", &a->ultimate_completion_date))
           .ok()) {
    return s;
  }

  if (!(s = r.Change("awardDetails.dollars.actionObligation", &a->obligated)).ok()) return s;
  if (!(s = r.Change("awardDetails.dollars.baseAndExercisedOptionsValue", &a->base_and_exercised))
           .ok()) {
    return s;
  }
  if (!(s = r.Change("awardDetails.dollars.baseAndAllOptionsValue", &a->base_and_all)).ok()) {
    return s;
  }
  if (!(s = r.Money("awardDetails.totalContractDollars.totalActionObligation", &a->total_obligated))
           .ok()) {
    return s;
  }
  if (!(s = r.Money("awardDetails.totalContractDollars.totalBaseAndExercisedOptionsValue",
                    &a->total_base_and_exercised))
           .ok()) {
    return s;
  }
  if (!(s = r.Money("awardDetails.totalContractDollars.totalBaseAndAllOptionsValue",
                    &a->total_base_and_all))
           .ok()) {
    return s;
  }
  if (!(s = r.Count("awardDetails.competitionInformation.numberOfOffersReceived",
                    &a->offers_received))
           .ok()) {
    return s;
  }

  const std::pair<const char*, std::string*> codes[] = {
      {"contractId.reasonForModification", &a->reason_code},
      {"coreData.awardOrIDVType", &a->action_type},
      {"coreData.competitionInformation.extentCompeted", &a->extent_competed}};
  for (auto [path, out] : codes) {
    Result<std::string> code = r.Code(path);
    if (!code.ok()) return code.status();
    *out = std::move(code).value();
  }
  const std::pair<const char*, std::string*> texts[] = {
      {"awardDetails.awardeeData.awardeeUEIInformation.uniqueEntityId", &a->vendor_uei},
      {"awardDetails.awardeeData.awardeeUEIInformation.awardeeUltimateParentUniqueEntityId",
       &a->parent_uei},
      {"awardDetails.awardeeData.awardeeHeader.awardeeName", &a->vendor_name}};
  for (auto [path, out] : texts) {
    Result<std::string> text = r.Text(path);
    if (!text.ok()) return text.status();
    *out = std::move(text).value();
  }
  if (a->vendor_name.empty()) {
    Result<std::string> legal = r.Text("awardDetails.awardeeData.awardeeHeader.legalBusinessName");
    if (!legal.ok()) return legal.status();
    a->vendor_name = std::move(legal).value();
  }
  return Status::Ok();
}

Status ReadRecord(const std::string& name, std::size_t item, element record, RecordBatch* batch) {
  if (!record.is_object()) {
    return Status::BadInput(name, item, "", "expected an object (one contract action)");
  }
  SamRecord r(name, item, record);
  Status s;
  std::string raw_piid;
  if (!(s = Require(r, r.Text("contractId.piid"), "contractId.piid", &raw_piid)).ok()) return s;
  std::string piid = NormalizePiid(raw_piid);
  if (piid.empty()) return r.Error("contractId.piid", "no PIID");
  std::string raw_agency;
  if (!(s = Require(r, r.Code("contractId.subtier"), r.CodePath("contractId.subtier"), &raw_agency))
           .ok()) {
    return s;
  }
  std::string agency = NormalizeAgencyId(raw_agency);
  Result<bool> idv = IsIdv(r);
  if (!idv.ok()) return idv.status();

  // An IDV's own key names no parent, and the FPDS reader keeps none for it; an award's names
  // its referenced IDV, so orders under different IDVs that reuse a PIID stay apart.
  std::string idv_piid, idv_agency;
  if (!*idv) {
    Result<std::string> parent = r.Text("contractId.referencedIDVPiid");
    if (!parent.ok()) return parent.status();
    Result<std::string> parent_agency = r.Code("contractId.referencedIDVSubtier");
    if (!parent_agency.ok()) return parent_agency.status();
    idv_piid = NormalizePiid(*parent);
    idv_agency = NormalizeAgencyId(*parent_agency);
  }

  Action action;
  if (!(s = ReadAction(r, *idv, &action)).ok()) return s;
  action.source_file = name;
  action.source_line = item;

  std::string key =
      *idv ? IdvAwardKey(piid, agency) : ContractAwardKey(piid, agency, idv_piid, idv_agency);
  Award* award = batch->FindOrAdd(key);
  if (award->actions.empty() && award->piid.empty()) {
    award->family = *idv ? AwardFamily::kIdv : AwardFamily::kContract;
    award->agency_id = std::move(agency);
    award->piid = std::move(piid);
    award->idv_agency_id = std::move(idv_agency);
    award->idv_piid = std::move(idv_piid);
  }
  if (!(s = batch->AddAction(award, std::move(action))).ok()) {
    return Status::BadInput(name, item, "", s.message());
  }
  return Status::Ok();
}

// Whether the first bytes name a SAM response key: for a body cut short or otherwise broken,
// which ReadSamResponse should see (and report) rather than a "not a record file".
bool NamesSamKey(std::string_view text) {
  text = text.substr(0, 64 * 1024);
  return text.find("\"awardSummary\"") != std::string_view::npos ||
         text.find("\"awardResponse\"") != std::string_view::npos;
}

}  // namespace

bool LooksLikeSamResponse(std::string_view bytes) {
  std::string_view text = Prepare(bytes);
  if (text.empty() || text.front() != '{') return false;
  simdjson::padded_string padded(text.data(), text.size());
  simdjson::dom::parser parser;
  element root;
  if (parser.parse(padded).get(root)) return NamesSamKey(text);
  simdjson::dom::object top;
  if (root.get(top)) return false;
  if (!top["awardSummary"].error() || !top["awardResponse"].error()) return true;
  if (top["totalRecords"].error()) return false;
  for (simdjson::dom::key_value_pair field : top) {
    simdjson::dom::array list;
    if (field.value.get(list)) continue;
    if (list.size() == 0) return true;
    element first;
    if (!list.at(0).get(first) && Find(first, "contractId")) return true;
  }
  return false;
}

Status ReadSamResponse(const std::string& name, std::string_view bytes, RecordBatch* batch) {
  std::string_view text = Prepare(bytes);
  if (text.empty()) return Status::Ok();
  simdjson::padded_string padded(text.data(), text.size());
  simdjson::dom::parser parser;
  Result<element> root = Parse(name, padded, &parser);
  if (!root.ok()) return root.status();
  Result<std::optional<simdjson::dom::array>> records = FindRecords(name, *root);
  if (!records.ok()) return records.status();
  if (!*records) return Status::Ok();
  std::size_t item = 0;
  for (element record : **records) {
    Status s = ReadRecord(name, ++item, record, batch);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Result<std::optional<long long>> SamTotalRecords(const std::string& name, std::string_view bytes) {
  std::string_view text = Prepare(bytes);
  if (text.empty()) return std::optional<long long>();
  simdjson::padded_string padded(text.data(), text.size());
  simdjson::dom::parser parser;
  Result<element> root = Parse(name, padded, &parser);
  if (!root.ok()) return root.status();
  if (!root->is_object()) {
    return Status::BadInput(name, 0, "",
                            "expected a SAM.gov Contract Awards response (a JSON object)");
  }
  return FindTotal(name, *root);
}

}  // namespace receipts::records
