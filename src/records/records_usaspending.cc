#include "records/records_usaspending.h"

#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ids.h"
#include "core/text.h"
#include "records/records_fields.h"

namespace receipts::records {
namespace {

using Required = std::initializer_list<std::pair<const char*, int*>>;

Status RequireAll(const CsvReader& csv, Required required) {
  for (auto [name, slot] : required) {
    Result<int> column = RequireColumn(csv, name);
    if (!column.ok()) return column.status();
    *slot = *column;
  }
  return Status::Ok();
}

std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  while (true) {
    std::size_t at = text.find(sep);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

// The FPDS agency id inside an award key: CONT_AWD_{PIID}_{agency}_{parent PIID}_{parent agency}
// or CONT_IDV_{PIID}_{agency}; "" when the key has another shape.
std::string AgencyFromAwardKey(std::string_view key) {
  std::vector<std::string_view> parts = Split(key, '_');
  if (parts.size() == 6 && key.starts_with("CONT_AWD_"))
    return NormalizeAgencyId(KeyPart(parts[3]));
  if (parts.size() == 4 && key.starts_with("CONT_IDV_"))
    return NormalizeAgencyId(KeyPart(parts[3]));
  return "";
}

// 'C', 'D' or "" from a delta file's first column (absent in full files).
std::string CorrectionCode(const CsvReader& csv, int column) {
  return ToUpperAscii(Trim(csv.field(column)));
}

void SetIdentity(Award* award, AwardFamily family, std::string agency, std::string piid,
                 std::string idv_agency, std::string idv_piid) {
  if (!award->actions.empty() || !award->piid.empty()) return;
  award->family = family;
  award->agency_id = std::move(agency);
  award->piid = std::move(piid);
  award->idv_agency_id = std::move(idv_agency);
  award->idv_piid = std::move(idv_piid);
}

}  // namespace

// Columns shared by the contract files (transactions and summaries). Outside the anonymous
// namespace: UsaspendingRows::Columns (declared in the header) holds them.
struct ContractColumns {
  int award_key = -1, piid = -1, parent_agency = -1, parent_piid = -1, sub_agency = -1;
  int current_end = -1, potential_end = -1, ordering_end = -1;
  int award_type = -1, idv_type = -1, idv_flag = -1;
  int recipient = -1, recipient_uei = -1, recipient_parent_uei = -1;
  int extent_competed = -1, offers = -1, outlayed = -1;
  int total_obligated = -1, total_base_exercised = -1, total_base_all = -1;
  int parent_name = -1, pricing = -1, undefinitized = -1, psc = -1, naics = -1;
  int table_row = -1;
};

namespace {

// The column a database read adds (records/postgres_records.h): the row's
// rpt.transaction_search.transaction_id, which then stands as the action's source line.
constexpr std::string_view kTableRowColumn = "usaspending_transaction_id";

// Where the row is: its transaction_id when it came from the database, else its line.
std::size_t RowOf(const CsvReader& csv, int table_row) {
  if (table_row >= 0) {
    std::uint64_t id = 0;
    const std::string_view field = Trim(csv.field(table_row));
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), id);
    if (error == std::errc() && end == field.data() + field.size() && !field.empty()) return id;
  }
  return csv.line();
}

void FindContractColumns(const CsvReader& csv, ContractColumns* c) {
  c->table_row = csv.Find(kTableRowColumn);
  c->parent_agency = csv.Find("parent_award_agency_id");
  c->parent_piid = csv.Find("parent_award_id_piid");
  c->sub_agency = csv.Find("awarding_sub_agency_code");
  c->current_end = csv.Find("period_of_performance_current_end_date");
  c->potential_end = csv.Find("period_of_performance_potential_end_date");
  c->ordering_end = csv.Find("ordering_period_end_date");
  c->award_type = csv.Find("award_type_code");
  c->idv_type = csv.Find("idv_type_code");
  c->idv_flag = csv.Find("award_or_idv_flag");
  c->recipient = csv.Find("recipient_name");
  c->recipient_uei = csv.Find("recipient_uei");
  c->recipient_parent_uei = csv.Find("recipient_parent_uei");
  c->extent_competed = csv.Find("extent_competed_code");
  c->offers = csv.Find("number_of_offers_received");
  c->parent_name = csv.Find("recipient_parent_name");
  c->pricing = csv.Find("type_of_contract_pricing_code");
  c->undefinitized = csv.Find("undefinitized_action_code");
  c->psc = csv.Find("product_or_service_code");
  c->naics = csv.Find("naics_code");
  c->total_base_exercised = csv.Find("current_total_value_of_award");
  c->total_base_all = csv.Find("potential_total_value_of_award");
}

// The per-award fields of a contract row common to both files.
Status ReadContractCommon(const CsvReader& csv, const ContractColumns& c, bool idv, Action* a) {
  Status s;
  // An IDV ends when ordering ends (FPDS lastDateToOrder).
  int current_end =
      idv && !Trim(csv.field(c.ordering_end)).empty() ? c.ordering_end : c.current_end;
  if (!(s = ReadEndDate(csv, current_end, &a->current_completion_date)).ok()) return s;
  if (!(s = ReadEndDate(csv, c.potential_end, &a->ultimate_completion_date)).ok()) return s;
  if (!(s = ReadMoney(csv, c.total_obligated, &a->total_obligated)).ok()) return s;
  if (!(s = ReadMoney(csv, c.total_base_exercised, &a->total_base_and_exercised)).ok()) return s;
  if (!(s = ReadMoney(csv, c.total_base_all, &a->total_base_and_all)).ok()) return s;
  if (!(s = ReadCount(csv, c.offers, &a->offers_received)).ok()) return s;
  a->action_type = Text(csv, c.award_type);
  if (a->action_type.empty()) a->action_type = Text(csv, c.idv_type);
  a->vendor_name = Text(csv, c.recipient);
  a->vendor_uei = Text(csv, c.recipient_uei);
  a->parent_uei = Text(csv, c.recipient_parent_uei);
  a->extent_competed = Text(csv, c.extent_competed);
  a->parent_name = Text(csv, c.parent_name);
  a->pricing_type = Text(csv, c.pricing);
  a->undefinitized = Text(csv, c.undefinitized);
  a->psc = Text(csv, c.psc);
  a->naics = Text(csv, c.naics);
  a->source_file = csv.name();
  a->source_line = RowOf(csv, c.table_row);
  return Status::Ok();
}

bool IsIdv(std::string_view key, const CsvReader& csv, const ContractColumns& c) {
  return key.starts_with("CONT_IDV_") || ToUpperAscii(Trim(csv.field(c.idv_flag))) == "IDV";
}

Status SetOutlay(const CsvReader& csv, int column, Award* award) {
  std::optional<Cents> outlayed;
  Status s = ReadMoney(csv, column, &outlayed);
  if (s.ok() && outlayed) award->total_outlayed = outlayed;
  return s;
}

}  // namespace

// Every column any USAspending file kind uses; -1 when absent.
struct UsaspendingColumns {
  ContractColumns c;
  int tx_key = -1, mod = -1, obligated = -1, action_date = -1;
  int transaction = -1, base_exercised = -1, base_all = -1, action_type_code = -1;
  int correction = -1;
  // Assistance
  int award_key = -1, total_obligated = -1, outlayed = -1, fain = -1, uri = -1, sub_agency = -1;
  int current_end = -1, assistance_type = -1, recipient = -1, recipient_uei = -1;
  int recipient_parent_uei = -1, table_row = -1;
};

namespace {

// Who a contract row's award is: its agency and PIID, and its parent IDV's (for an order).
struct ContractIdentity {
  std::string agency;
  std::string piid;
  std::string parent_agency;
  std::string parent_piid;
  bool idv = false;
};

// A row without an award key gets the one the broker would build from its identity; one that
// has neither key nor PIID is an error naming the key cell.
Status CompleteAwardKey(const CsvReader& csv, const ContractColumns& c, const ContractIdentity& id,
                        std::string* key) {
  if (!key->empty()) return Status::Ok();
  if (id.piid.empty()) return CellError(csv, c.award_key, "no award key and no PIID");
  *key = id.idv ? IdvAwardKey(id.piid, id.agency)
                : ContractAwardKey(id.piid, id.agency, id.parent_piid, id.parent_agency);
  return Status::Ok();
}

// Adds `action` to the award `key`, with the row's outlay and the award's identity (an IDV has no
// parent).
Status AddContractAction(const CsvReader& csv, const ContractColumns& c, const std::string& key,
                         ContractIdentity id, Action action, RecordBatch* batch) {
  Award* award = batch->FindOrAdd(key);
  if (Status s = SetOutlay(csv, c.outlayed, award); !s.ok()) return s;
  SetIdentity(award, id.idv ? AwardFamily::kIdv : AwardFamily::kContract, std::move(id.agency),
              std::move(id.piid), id.idv ? "" : std::move(id.parent_agency),
              id.idv ? "" : std::move(id.parent_piid));
  if (Status s = batch->AddAction(award, std::move(action)); !s.ok()) {
    return CellError(csv, c.award_key, s.message());
  }
  return Status::Ok();
}

Status BindContractTransactions(const CsvReader& csv, UsaspendingColumns* u) {
  ContractColumns& c = u->c;
  Status s = RequireAll(csv, {{"contract_transaction_unique_key", &u->tx_key},
                              {"contract_award_unique_key", &c.award_key},
                              {"award_id_piid", &c.piid},
                              {"modification_number", &u->mod},
                              {"federal_action_obligation", &u->obligated},
                              {"action_date", &u->action_date}});
  if (!s.ok()) return s;
  FindContractColumns(csv, &c);
  c.total_obligated = csv.Find("total_dollars_obligated");
  c.outlayed = csv.Find("total_outlayed_amount_for_overall_award");
  u->transaction = csv.Find("transaction_number");
  u->base_exercised = csv.Find("base_and_exercised_options_value");
  u->base_all = csv.Find("base_and_all_options_value");
  u->action_type_code = csv.Find("action_type_code");
  u->correction = csv.Find("correction_delete_ind");
  return Status::Ok();
}

// Contracts_PrimeTransactions: contract_transaction_unique_key is
// agencyID_ReferencedIDVAgency_PIID_Mod_ParentAwardId_TransactionNumber, blanks "-none-".
Status DecodeContractTransaction(const CsvReader* csv, const UsaspendingColumns& u,
                                 RecordBatch* batch) {
  const ContractColumns& c = u.c;
  Status s;
  std::vector<std::string_view> parts = Split(Trim(csv->field(u.tx_key)), '_');
  auto part = [&](std::size_t i) { return parts.size() == 6 ? KeyPart(parts[i]) : ""; };
  std::string agency = NormalizeAgencyId(KeyPart(parts[0]));
  std::string key = ToUpperAscii(Trim(csv->field(c.award_key)));
  if (agency.empty()) agency = AgencyFromAwardKey(key);
  if (agency.empty()) agency = NormalizeAgencyId(csv->field(c.sub_agency));
  std::string piid = NormalizePiid(csv->field(c.piid));
  if (piid.empty()) piid = NormalizePiid(part(2));
  std::string parent_agency = NormalizeAgencyId(csv->field(c.parent_agency));
  if (parent_agency.empty()) parent_agency = NormalizeAgencyId(part(1));
  std::string parent_piid = NormalizePiid(csv->field(c.parent_piid));
  if (parent_piid.empty()) parent_piid = NormalizePiid(part(4));
  ContractIdentity id{std::move(agency), std::move(piid), std::move(parent_agency),
                      std::move(parent_piid), IsIdv(key, *csv, c)};
  if (!(s = CompleteAwardKey(*csv, c, id, &key)).ok()) return s;
  Action a;
  a.mod_number = Text(*csv, u.mod);
  if (a.mod_number.empty()) a.mod_number = std::string(part(3));
  a.transaction_number = Text(*csv, u.transaction);
  if (a.transaction_number.empty()) a.transaction_number = std::string(part(5));
  if (CorrectionCode(*csv, u.correction) == "D") {
    batch->Delete({key, a.mod_number, a.transaction_number});
    return Status::Ok();
  }
  if (!(s = ReadDate(*csv, u.action_date, &a.signed_date)).ok()) return s;
  if (!(s = ReadChange(*csv, u.obligated, &a.obligated)).ok()) return s;
  if (!(s = ReadChange(*csv, u.base_exercised, &a.base_and_exercised)).ok()) return s;
  if (!(s = ReadChange(*csv, u.base_all, &a.base_and_all)).ok()) return s;
  if (!(s = ReadContractCommon(*csv, c, id.idv, &a)).ok()) return s;
  a.reason_code = Text(*csv, u.action_type_code);
  return AddContractAction(*csv, c, key, std::move(id), std::move(a), batch);
}

Status BindContractSummaries(const CsvReader& csv, UsaspendingColumns* u) {
  ContractColumns& c = u->c;
  Status s = RequireAll(csv, {{"contract_award_unique_key", &c.award_key},
                              {"award_id_piid", &c.piid},
                              {"total_obligated_amount", &c.total_obligated}});
  if (!s.ok()) return s;
  FindContractColumns(csv, &c);
  c.outlayed = csv.Find("total_outlayed_amount");
  u->action_date = csv.Find("award_latest_action_date");
  return Status::Ok();
}

// Contracts_PrimeAwardSummaries: one synthetic action per award holding its totals.
Status DecodeContractSummary(const CsvReader* csv, const UsaspendingColumns& u,
                             RecordBatch* batch) {
  const ContractColumns& c = u.c;
  Status s;
  std::string key = ToUpperAscii(Trim(csv->field(c.award_key)));
  std::string piid = NormalizePiid(csv->field(c.piid));
  std::string agency = AgencyFromAwardKey(key);
  if (agency.empty()) agency = NormalizeAgencyId(csv->field(c.sub_agency));
  std::string parent_agency = NormalizeAgencyId(csv->field(c.parent_agency));
  std::string parent_piid = NormalizePiid(csv->field(c.parent_piid));
  ContractIdentity id{std::move(agency), std::move(piid), std::move(parent_agency),
                      std::move(parent_piid), IsIdv(key, *csv, c)};
  if (!(s = CompleteAwardKey(*csv, c, id, &key)).ok()) return s;
  Action a;
  a.mod_number = kSummaryMod;
  if (!(s = ReadDate(*csv, u.action_date, &a.signed_date)).ok()) return s;
  if (!(s = ReadContractCommon(*csv, c, id.idv, &a)).ok()) return s;
  a.obligated = a.total_obligated.value_or(0);
  a.base_and_exercised = a.total_base_and_exercised.value_or(0);
  a.base_and_all = a.total_base_and_all.value_or(0);
  return AddContractAction(*csv, c, key, std::move(id), std::move(a), batch);
}

Status BindAssistance(bool summaries, const CsvReader& csv, UsaspendingColumns* u) {
  Status s = summaries ? RequireAll(csv, {{"assistance_award_unique_key", &u->award_key},
                                          {"total_obligated_amount", &u->obligated}})
                       : RequireAll(csv, {{"assistance_transaction_unique_key", &u->tx_key},
                                          {"assistance_award_unique_key", &u->award_key},
                                          {"modification_number", &u->mod},
                                          {"federal_action_obligation", &u->obligated},
                                          {"action_date", &u->action_date}});
  if (!s.ok()) return s;
  if (summaries) u->action_date = csv.Find("award_latest_action_date");
  u->total_obligated = summaries ? u->obligated : csv.Find("total_obligated_amount");
  u->outlayed = csv.FindAny({"total_outlayed_amount_for_overall_award", "total_outlayed_amount"});
  u->fain = csv.Find("award_id_fain");
  u->uri = csv.Find("award_id_uri");
  u->sub_agency = csv.Find("awarding_sub_agency_code");
  u->current_end = csv.Find("period_of_performance_current_end_date");
  u->action_type_code = csv.Find("action_type_code");
  u->assistance_type = csv.Find("assistance_type_code");
  u->recipient = csv.Find("recipient_name");
  u->recipient_uei = csv.Find("recipient_uei");
  u->recipient_parent_uei = csv.Find("recipient_parent_uei");
  u->correction = csv.FindAny({"correction_delete_ind", "correction_delete_indicator_code"});
  u->table_row = csv.Find(kTableRowColumn);
  return Status::Ok();
}

// Assistance_PrimeTransactions and _PrimeAwardSummaries. The award is named by its FAIN (the URI
// for aggregate records); a transaction's number is its assistance_transaction_unique_key, since
// one modification can hold several transactions (one per CFDA program).
Status DecodeAssistance(bool summaries, const CsvReader* csv, const UsaspendingColumns& u,
                        RecordBatch* batch) {
  Status s;
  std::string key = ToUpperAscii(Trim(csv->field(u.award_key)));
  std::string id = ToUpperAscii(Trim(csv->field(u.fain)));
  if (id.empty()) id = ToUpperAscii(Trim(csv->field(u.uri)));
  std::string agency = NormalizeAgencyId(csv->field(u.sub_agency));
  if (key.empty()) {
    if (id.empty()) return CellError(*csv, u.award_key, "no award key, FAIN or URI");
    key = "ASST_NON_" + id + "_" + agency;
  }
  Action a;
  a.mod_number = summaries ? kSummaryMod : Text(*csv, u.mod);
  a.transaction_number = Text(*csv, u.tx_key);
  if (CorrectionCode(*csv, u.correction) == "D") {
    batch->Delete({key, a.mod_number, a.transaction_number});
    return Status::Ok();
  }
  if (!(s = ReadDate(*csv, u.action_date, &a.signed_date)).ok()) return s;
  if (!(s = ReadEndDate(*csv, u.current_end, &a.current_completion_date)).ok()) return s;
  if (!(s = ReadChange(*csv, u.obligated, &a.obligated)).ok()) return s;
  if (!(s = ReadMoney(*csv, u.total_obligated, &a.total_obligated)).ok()) return s;
  a.reason_code = Text(*csv, u.action_type_code);
  a.action_type = Text(*csv, u.assistance_type);
  a.vendor_name = Text(*csv, u.recipient);
  a.vendor_uei = Text(*csv, u.recipient_uei);
  a.parent_uei = Text(*csv, u.recipient_parent_uei);
  a.source_file = csv->name();
  a.source_line = RowOf(*csv, u.table_row);
  Award* award = batch->FindOrAdd(key);
  if (!(s = SetOutlay(*csv, u.outlayed, award)).ok()) return s;
  SetIdentity(award, AwardFamily::kAssistance, std::move(agency), std::move(id), "", "");
  if (!(s = batch->AddAction(award, std::move(a))).ok()) {
    return CellError(*csv, u.award_key, s.message());
  }
  return Status::Ok();
}

}  // namespace

UsaspendingFile DetectUsaspending(const CsvReader& csv) {
  if (csv.Find("contract_transaction_unique_key") >= 0) {
    return UsaspendingFile::kContractTransactions;
  }
  if (csv.Find("contract_award_unique_key") >= 0) return UsaspendingFile::kContractSummaries;
  if (csv.Find("assistance_transaction_unique_key") >= 0) {
    return UsaspendingFile::kAssistanceTransactions;
  }
  if (csv.Find("assistance_award_unique_key") >= 0) return UsaspendingFile::kAssistanceSummaries;
  return UsaspendingFile::kNone;
}

struct UsaspendingRows::Columns : UsaspendingColumns {};

UsaspendingRows::UsaspendingRows(UsaspendingFile kind, std::shared_ptr<const Columns> columns)
    : kind_(kind), columns_(std::move(columns)) {}

Result<UsaspendingRows> UsaspendingRows::Bind(UsaspendingFile kind, const CsvReader& csv) {
  auto columns = std::make_shared<Columns>();
  Status s;
  switch (kind) {
    case UsaspendingFile::kContractTransactions:
      s = BindContractTransactions(csv, columns.get());
      break;
    case UsaspendingFile::kContractSummaries:
      s = BindContractSummaries(csv, columns.get());
      break;
    case UsaspendingFile::kAssistanceTransactions:
    case UsaspendingFile::kAssistanceSummaries:
      s = BindAssistance(kind == UsaspendingFile::kAssistanceSummaries, csv, columns.get());
      break;
    case UsaspendingFile::kNone:
      s = Status::BadInput(csv.name(), 1, "", "not a USAspending record file");
      break;
  }
  if (!s.ok()) return s;
  return UsaspendingRows(kind, std::move(columns));
}

Status UsaspendingRows::Decode(const CsvReader& csv, RecordBatch* batch) const {
  switch (kind_) {
    case UsaspendingFile::kContractTransactions:
      return DecodeContractTransaction(&csv, *columns_, batch);
    case UsaspendingFile::kContractSummaries:
      return DecodeContractSummary(&csv, *columns_, batch);
    case UsaspendingFile::kAssistanceTransactions:
      return DecodeAssistance(false, &csv, *columns_, batch);
    case UsaspendingFile::kAssistanceSummaries:
      return DecodeAssistance(true, &csv, *columns_, batch);
    case UsaspendingFile::kNone:
      break;
  }
  return Status::BadInput(csv.name(), 1, "", "not a USAspending record file");
}

UsaspendingRows::KeyColumns UsaspendingRows::key_columns() const {
  const Columns& u = *columns_;
  KeyColumns k;
  k.correction = u.correction;
  k.action_date = u.action_date;
  if (kind_ == UsaspendingFile::kContractTransactions ||
      kind_ == UsaspendingFile::kContractSummaries) {
    k.award_key = u.c.award_key;
    k.id = u.c.piid;
    k.uei = u.c.recipient_uei;
    k.parent_uei = u.c.recipient_parent_uei;
    k.assistance = false;
  } else {
    k.award_key = u.award_key;
    k.id = u.fain;
    k.alt_id = u.uri;
    k.uei = u.recipient_uei;
    k.parent_uei = u.recipient_parent_uei;
    k.assistance = true;
  }
  return k;
}

Status ReadUsaspendingRows(UsaspendingFile kind, CsvReader* csv, RecordBatch* batch) {
  Result<UsaspendingRows> rows = UsaspendingRows::Bind(kind, *csv);
  if (!rows.ok()) return rows.status();
  while (true) {
    Result<bool> more = csv->Next();
    if (!more.ok()) return more.status();
    if (!*more) return Status::Ok();
    Status s = rows->Decode(*csv, batch);
    if (!s.ok()) return s;
  }
}

}  // namespace receipts::records
