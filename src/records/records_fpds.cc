#include "records/records_fpds.h"

#include <initializer_list>
#include <string>
#include <utility>

#include "core/ids.h"
#include "core/text.h"
#include "records/records_fields.h"

namespace receipts::records {
namespace {

struct FpdsColumns {
  bool idv = false;
  int agency = -1, piid = -1, mod = -1, transaction = -1;
  int idv_agency = -1, idv_piid = -1;
  int signed_date = -1, current_end = -1, ultimate_end = -1;
  int obligated = -1, base_exercised = -1, base_all = -1;
  int total_obligated = -1, total_base_exercised = -1, total_base_all = -1;
  int reason = -1, action_type = -1, vendor = -1, uei = -1, parent_uei = -1;
  int extent_competed = -1, offers = -1;
  int parent_name = -1, pricing = -1, undefinitized = -1, psc = -1, naics = -1;
};

Result<FpdsColumns> FindColumns(const CsvReader& csv) {
  FpdsColumns c;
  const std::initializer_list<std::pair<const char*, int*>> required = {
      {"agencyID", &c.agency},
      {"PIID", &c.piid},
      {"modNumber", &c.mod},
      {"signedDate", &c.signed_date},
      {"obligatedAmount", &c.obligated},
      {"baseAndAllOptionsValue", &c.base_all}};
  for (auto [name, slot] : required) {
    Result<int> column = RequireColumn(csv, name);
    if (!column.ok()) return column.status();
    *slot = *column;
  }
  c.base_exercised = csv.Find("baseAndExercisedOptionsValue");
  c.idv = csv.Find("totalEstimatedOrderValue") >= 0 || csv.Find("lastDateToOrder") >= 0 ||
          c.base_exercised < 0;
  c.transaction = csv.Find("transactionNumber");
  // An IDV's own key has no parent; an award's names its IDV when the file carries it.
  if (!c.idv) {
    c.idv_agency = csv.Find("idvAgencyID");
    c.idv_piid = csv.Find("idvPIID");
  }
  // An IDV ends when ordering ends: lastDateToOrder stands for its completion date.
  c.current_end = c.idv ? csv.FindAny({"lastDateToOrder", "currentCompletionDate"})
                        : csv.Find("currentCompletionDate");
  c.ultimate_end = csv.Find("ultimateCompletionDate");
  c.total_obligated = csv.Find("totalObligatedAmount");
  c.total_base_exercised = csv.Find("totalBaseAndExercisedOptionsValue");
  c.total_base_all = csv.Find("totalBaseAndAllOptionsValue");
  c.reason = csv.Find("reasonForModification");
  c.action_type = csv.Find("contractActionType");
  c.vendor = csv.Find("vendorName");
  c.uei = csv.Find("UEI");
  c.parent_uei = csv.Find("ultimateParentUEI");
  c.extent_competed = csv.Find("extentCompeted");
  c.offers = csv.Find("numberOfOffersReceived");
  c.parent_name = csv.Find("ultimateParentUEIName");
  c.pricing = csv.Find("typeOfContractPricing");
  c.undefinitized = csv.Find("undefinitizedAction");
  c.psc = csv.Find("productOrServiceCode");
  c.naics = csv.Find("principalNAICSCode");
  return c;
}

bool IsPlaceholder(const CsvReader& csv, const FpdsColumns& c) {
  return Trim(csv.field(c.agency)).empty() && Trim(csv.field(c.signed_date)).empty() &&
         Trim(csv.field(c.obligated)).empty();
}

Status ReadAction(const CsvReader& csv, const FpdsColumns& c, Action* a) {
  a->mod_number = Text(csv, c.mod);
  a->transaction_number = Text(csv, c.transaction);
  Status s;
  if (!(s = ReadDate(csv, c.signed_date, &a->signed_date)).ok()) return s;
  if (!(s = ReadEndDate(csv, c.current_end, &a->current_completion_date)).ok()) return s;
  if (!(s = ReadEndDate(csv, c.ultimate_end, &a->ultimate_completion_date)).ok()) return s;
  if (!(s = ReadChange(csv, c.obligated, &a->obligated)).ok()) return s;
  if (!(s = ReadChange(csv, c.base_exercised, &a->base_and_exercised)).ok()) return s;
  if (!(s = ReadChange(csv, c.base_all, &a->base_and_all)).ok()) return s;
  if (!(s = ReadMoney(csv, c.total_obligated, &a->total_obligated)).ok()) return s;
  if (!(s = ReadMoney(csv, c.total_base_exercised, &a->total_base_and_exercised)).ok()) return s;
  if (!(s = ReadMoney(csv, c.total_base_all, &a->total_base_and_all)).ok()) return s;
  if (!(s = ReadCount(csv, c.offers, &a->offers_received)).ok()) return s;
  a->reason_code = Text(csv, c.reason);
  a->action_type = Text(csv, c.action_type);
  a->vendor_name = Text(csv, c.vendor);
  a->vendor_uei = Text(csv, c.uei);
  a->parent_uei = Text(csv, c.parent_uei);
  a->extent_competed = Text(csv, c.extent_competed);
  a->parent_name = Text(csv, c.parent_name);
  a->pricing_type = Text(csv, c.pricing);
  a->undefinitized = Text(csv, c.undefinitized);
  a->psc = Text(csv, c.psc);
  a->naics = Text(csv, c.naics);
  a->source_file = csv.name();
  a->source_line = csv.line();
  return Status::Ok();
}

}  // namespace

bool IsFpdsHeader(const CsvReader& csv) {
  return csv.Find("PIID") >= 0 &&
         csv.FindAny({"obligatedAmount", "signedDate", "baseAndAllOptionsValue"}) >= 0;
}

Status ReadFpdsRows(CsvReader* csv, RecordBatch* batch) {
  Result<FpdsColumns> columns = FindColumns(*csv);
  if (!columns.ok()) return columns.status();
  const FpdsColumns& c = *columns;
  while (true) {
    Result<bool> more = csv->Next();
    if (!more.ok()) return more.status();
    if (!*more) {
      batch->FoldVendorSplits();
      return Status::Ok();
    }
    if (IsPlaceholder(*csv, c)) continue;
    std::string piid = NormalizePiid(csv->field(c.piid));
    if (piid.empty()) return CellError(*csv, c.piid, "no PIID");
    std::string agency = NormalizeAgencyId(csv->field(c.agency));
    std::string idv_piid = NormalizePiid(csv->field(c.idv_piid));
    std::string idv_agency = NormalizeAgencyId(csv->field(c.idv_agency));
    Action action;
    Status s = ReadAction(*csv, c, &action);
    if (!s.ok()) return s;
    std::string key =
        c.idv ? IdvAwardKey(piid, agency) : ContractAwardKey(piid, agency, idv_piid, idv_agency);
    const bool parent_unknown = !c.idv && c.idv_piid < 0;
    if (parent_unknown) key += "~" + action.vendor_uei;  // folded back by FoldVendorSplits
    Award* award = batch->FindOrAdd(key);
    if (award->actions.empty() && award->piid.empty()) {
      award->family = c.idv ? AwardFamily::kIdv : AwardFamily::kContract;
      award->agency_id = std::move(agency);
      award->piid = std::move(piid);
      award->idv_agency_id = std::move(idv_agency);
      award->idv_piid = std::move(idv_piid);
    }
    s = batch->AddAction(award, std::move(action));
    if (!s.ok()) return CellError(*csv, c.piid, s.message());
  }
}

}  // namespace receipts::records
