#include "records/postgres_records.h"

#include <libpq-fe.h>

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "core/date.h"
#include "io/input_file.h"
#include "records/records_reader.h"

namespace receipts {
namespace {

// The CSV column (as USAspending's downloads name it) and the column that gives it, of
// rpt.transaction_search `ts` or rpt.award_search `a` (doc/usaspending-db.md 1.3).
struct Column {
  const char* csv;
  const char* table;  // "ts" or "a"
  const char* column;
};

constexpr Column kContractColumns[] = {
    {"contract_transaction_unique_key", "ts", "detached_award_proc_unique"},
    {"contract_award_unique_key", "ts", "generated_unique_award_id"},
    {"award_id_piid", "ts", "piid"},
    {"modification_number", "ts", "modification_number"},
    {"transaction_number", "ts", "transaction_number"},
    {"parent_award_agency_id", "ts", "referenced_idv_agency_iden"},
    {"parent_award_id_piid", "ts", "parent_award_id"},
    {"awarding_sub_agency_code", "ts", "awarding_sub_tier_agency_c"},
    {"federal_action_obligation", "ts", "federal_action_obligation"},
    {"total_dollars_obligated", "ts", "total_obligated_amount"},
    {"base_and_exercised_options_value", "ts", "base_exercised_options_val"},
    {"current_total_value_of_award", "ts", "current_total_value_award"},
    {"base_and_all_options_value", "ts", "base_and_all_options_value"},
    {"potential_total_value_of_award", "ts", "potential_total_value_awar"},
    {"total_outlayed_amount_for_overall_award", "a", "total_outlays"},
    {"action_date", "ts", "action_date"},
    {"period_of_performance_current_end_date", "ts", "period_of_performance_current_end_date"},
    {"period_of_performance_potential_end_date", "ts", "period_of_perf_potential_e"},
    {"ordering_period_end_date", "ts", "ordering_period_end_date"},
    {"action_type_code", "ts", "action_type"},
    {"award_or_idv_flag", "ts", "pulled_from"},
    {"award_type_code", "ts", "contract_award_type"},
    {"idv_type_code", "ts", "idv_type"},
    {"type_of_contract_pricing_code", "ts", "type_of_contract_pricing"},
    {"undefinitized_action_code", "ts", "undefinitized_action"},
    {"extent_competed_code", "ts", "extent_competed"},
    {"number_of_offers_received", "ts", "number_of_offers_received"},
    {"product_or_service_code", "ts", "product_or_service_code"},
    {"naics_code", "ts", "naics_code"},
    {"recipient_name", "ts", "recipient_name"},
    {"recipient_uei", "ts", "recipient_uei"},
    {"recipient_parent_uei", "ts", "parent_uei"},
    {"recipient_parent_name", "ts", "parent_recipient_name"},
};

constexpr Column kAssistanceColumns[] = {
    {"assistance_transaction_unique_key", "ts", "afa_generated_unique"},
    {"assistance_award_unique_key", "ts", "generated_unique_award_id"},
    {"award_id_fain", "ts", "fain"},
    {"award_id_uri", "ts", "uri"},
    {"modification_number", "ts", "modification_number"},
    {"federal_action_obligation", "ts", "federal_action_obligation"},
    {"total_obligated_amount", "a", "total_obligation"},
    {"total_outlayed_amount_for_overall_award", "a", "total_outlays"},
    {"action_date", "ts", "action_date"},
    {"action_type_code", "ts", "action_type"},
    {"assistance_type_code", "ts", "type"},
    {"correction_delete_ind", "ts", "correction_delete_indicatr"},
    {"awarding_sub_agency_code", "ts", "awarding_sub_tier_agency_c"},
    {"period_of_performance_current_end_date", "ts", "period_of_performance_current_end_date"},
    {"recipient_name", "ts", "recipient_name"},
    {"recipient_uei", "ts", "recipient_uei"},
    {"recipient_parent_uei", "ts", "parent_uei"},
};

struct ConnectionCloser {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultClearer {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;
using QueryResult = std::unique_ptr<PGresult, ResultClearer>;

// libpq's message, one line.
std::string MessageOf(PGconn* connection) {
  std::string message = PQerrorMessage(connection);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  for (char& c : message) {
    if (c == '\n') c = ' ';
  }
  return message;
}

class Database {
 public:
  Database(std::string name, PGconn* connection)
      : name_(std::move(name)), connection_(connection) {}

  Status Fail(const std::string& what) const {
    return Status::IoError(name_ + ": " + what + ": " + MessageOf(connection_.get()));
  }

  // Runs `sql` (no rows wanted back, or a few): fails naming `what`.
  Result<QueryResult> Query(const std::string& sql, const std::string& what) {
    QueryResult result(PQexec(connection_.get(), sql.c_str()));
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return Fail(what);
    return result;
  }

  // The columns `table` (schema.name) has; empty when it does not exist.
  Result<std::set<std::string>> ColumnsOf(const std::string& schema, const std::string& table) {
    const std::string sql = "SELECT column_name FROM information_schema.columns WHERE " +
                            std::string("table_schema = ") + Literal(schema) +
                            " AND table_name = " + Literal(table);
    Result<QueryResult> result = Query(sql, "reading the columns of " + schema + "." + table);
    if (!result.ok()) return result.status();
    std::set<std::string> columns;
    for (int i = 0; i < PQntuples(result->get()); ++i) {
      columns.insert(PQgetvalue(result->get(), i, 0));
    }
    return columns;
  }

  // `text` as an SQL string literal.
  std::string Literal(const std::string& text) {
    char* quoted = PQescapeLiteral(connection_.get(), text.data(), text.size());
    if (quoted == nullptr) return "''";
    std::string out(quoted);
    PQfreemem(quoted);
    return out;
  }

  // An ARRAY[...]::text[] of `values`.
  std::string Array(const std::vector<std::string>& values) {
    std::string out = "ARRAY[";
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out += ',';
      out += Literal(values[i]);
    }
    return out + "]::text[]";
  }

  // Streams `COPY (select) TO STDOUT` as CSV with a header, a row at a time (the header first),
  // into `row`; stops at the first failure `row` returns.
  Status CopyRows(const std::string& select, const std::string& what,
                  const std::function<Status(std::string_view)>& row) {
    const std::string sql = "COPY (" + select + ") TO STDOUT WITH (FORMAT csv, HEADER true)";
    QueryResult started(PQexec(connection_.get(), sql.c_str()));
    if (PQresultStatus(started.get()) != PGRES_COPY_OUT) return Fail(what);
    Status taken = Status::Ok();
    while (true) {
      char* buffer = nullptr;
      const int n = PQgetCopyData(connection_.get(), &buffer, 0);
      if (n > 0) {
        if (taken.ok()) {
          taken = row(std::string_view(buffer, static_cast<std::size_t>(n)));
          // The rest of a whole-table COPY is not wanted: the server is asked to stop sending.
          if (!taken.ok()) Cancel();
        }
        PQfreemem(buffer);
        continue;
      }
      if (n == -2 && taken.ok()) return Fail(what + " (the connection failed mid-stream)");
      break;  // -1: the COPY is done
    }
    QueryResult finished(PQgetResult(connection_.get()));
    if (taken.ok() && PQresultStatus(finished.get()) != PGRES_COMMAND_OK) {
      return Fail(what + " (the connection failed mid-stream)");
    }
    while (PGresult* more = PQgetResult(connection_.get())) PQclear(more);
    return taken;
  }

  // Asks the server to cancel the running query (best effort: it may already be done).
  void Cancel() {
    PGcancel* cancel = PQgetCancel(connection_.get());
    if (cancel == nullptr) return;
    char error[256];
    PQcancel(cancel, error, sizeof error);
    PQfreeCancel(cancel);
  }

  // CopyRows into one string.
  Status CopyCsv(const std::string& select, const std::string& what, std::string* out) {
    return CopyRows(select, what, [out](std::string_view row) {
      out->append(row);
      return Status::Ok();
    });
  }

  const std::string& name() const { return name_; }

 private:
  std::string name_;
  Connection connection_;
};

// Fails naming the first column of `columns` that `ts` or `a` lacks.
Status CheckColumns(const Database& db, const std::set<std::string>& ts,
                    const std::set<std::string>& a, const Column* begin, const Column* end) {
  for (const Column* c = begin; c != end; ++c) {
    const bool in_ts = std::string_view(c->table) == "ts";
    if ((in_ts ? ts : a).count(c->column) == 0) {
      return Status::InvalidInput(db.name() + ": " +
                                  (in_ts ? "rpt.transaction_search" : "rpt.award_search") +
                                  " has no column " + c->column + " (read as " + c->csv + ")");
    }
  }
  return Status::Ok();
}

// The columns as the CSV readers name them, and each row's transaction_id, which the readers take
// as the row's place (its "line") in the evidence.
std::string SelectList(const Column* begin, const Column* end) {
  std::string out = "ts.transaction_id AS usaspending_transaction_id";
  for (const Column* c = begin; c != end; ++c) {
    if (!out.empty()) out += ", ";
    out += std::string(c->table) + "." + c->column + " AS " + c->csv;
  }
  return out;
}

}  // namespace

bool IsPostgresInput(std::string_view input) {
  return input.starts_with("postgresql://") || input.starts_with("postgres://") ||
         input.starts_with("service=") || input == "postgresql:";
}

std::string PostgresDisplayName(std::string_view input) {
  std::string name(input);
  // postgresql://user:secret@host/db -> postgresql://user@host/db
  const std::size_t scheme = name.find("://");
  if (scheme != std::string::npos) {
    const std::size_t at = name.find('@', scheme + 3);
    const std::size_t colon = name.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at) {
      name.erase(colon, at - colon);
    }
  }
  // password=... in a query string
  for (std::size_t p = name.find("password="); p != std::string::npos;
       p = name.find("password=", p + 1)) {
    const std::size_t end = name.find_first_of("& ", p);
    name.replace(p, (end == std::string::npos ? name.size() : end) - p, "password=(hidden)");
  }
  return name;
}

namespace {

// Connects to `input` and checks it has USAspending's tables and the columns read; the read is
// one read-only, repeatable-read transaction, so every query sees the same data.
Result<std::unique_ptr<Database>> OpenUsaspending(const std::string& input) {
  const std::string name = PostgresDisplayName(input);
  // The URI or key=value string as libpq reads it (expanded as dbname), or nothing for the PG*
  // environment; named "receipts" in pg_stat_activity unless the input names itself.
  std::vector<const char*> keys = {"fallback_application_name"};
  std::vector<const char*> values = {"receipts"};
  if (input != "postgresql:") {
    keys.push_back("dbname");
    values.push_back(input.c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  PGconn* raw = PQconnectdbParams(keys.data(), values.data(), /*expand_dbname=*/1);
  if (raw == nullptr) return Status::IoError(name + ": cannot connect: out of memory");
  auto db = std::make_unique<Database>(name, raw);
  if (PQstatus(raw) != CONNECTION_OK) return db->Fail("cannot connect");
  if (auto r = db->Query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "starting a read");
      !r.ok()) {
    return r.status();
  }
  Result<std::set<std::string>> ts = db->ColumnsOf("rpt", "transaction_search");
  if (!ts.ok()) return ts.status();
  if (ts->empty()) {
    return Status::InvalidInput(name +
                                ": the database has no table rpt.transaction_search (is "
                                "it USAspending's, restored from its database download?)");
  }
  Result<std::set<std::string>> a = db->ColumnsOf("rpt", "award_search");
  if (!a.ok()) return a.status();
  if (a->empty())
    return Status::InvalidInput(name + ": the database has no table rpt.award_search");
  for (const char* column :
       {"transaction_id", "is_fpds", "piid", "fain", "uri", "generated_unique_award_id"}) {
    if (ts->count(column) == 0) {
      return Status::InvalidInput(name + ": rpt.transaction_search has no column " + column);
    }
  }
  if (a->count("generated_unique_award_id") == 0) {
    return Status::InvalidInput(name +
                                ": rpt.award_search has no column generated_unique_award_id");
  }
  if (Status s =
          CheckColumns(*db, *ts, *a, std::begin(kContractColumns), std::end(kContractColumns));
      !s.ok()) {
    return s;
  }
  if (Status s =
          CheckColumns(*db, *ts, *a, std::begin(kAssistanceColumns), std::end(kAssistanceColumns));
      !s.ok()) {
    return s;
  }
  return db;
}

// The record's as-of: the day USAspending last loaded its transaction feeds
// (public.external_data_load_date, as its site's "last updated" shows), or where a database lacks
// that table, the latest action date in rpt.transaction_search (an index answers it).
Result<std::optional<Date>> ReadAsOf(Database* db) {
  Result<QueryResult> has_loads = db->Query(
      "SELECT to_regclass('public.external_data_load_date') IS NOT NULL AND "
      "to_regclass('public.external_data_type') IS NOT NULL",
      "looking for its load dates");
  if (!has_loads.ok()) return has_loads.status();
  const bool loads = PQntuples(has_loads->get()) == 1 &&
                     std::string_view(PQgetvalue(has_loads->get(), 0, 0)) == "t";
  const std::string sql =
      loads ? "SELECT max(d.last_load_date)::date::text FROM public.external_data_load_date d "
              "JOIN public.external_data_type t USING (external_data_type_id) WHERE t.name IN "
              "('fpds', 'fabs', 'transaction_fpds', 'transaction_fabs')"
            : "SELECT max(action_date)::text FROM rpt.transaction_search";
  Result<QueryResult> latest = db->Query(sql, "reading its as-of");
  if (!latest.ok()) return latest.status();
  std::optional<Date> as_of;
  if (PQntuples(latest->get()) == 1 && !PQgetisnull(latest->get(), 0, 0)) {
    Result<std::optional<Date>> day = ParseDate(PQgetvalue(latest->get(), 0, 0));
    if (day.ok()) as_of = *day;
  }
  return as_of;
}

void SetAsOf(const std::optional<Date>& as_of, RecordSet* records) {
  if (as_of && (!records->skipped_as_of || *records->skipped_as_of < *as_of)) {
    records->skipped_as_of = as_of;
  }
}

// The source every row read names: with its transaction_id, a row of the table.
constexpr std::string_view kTable = "rpt.transaction_search";

constexpr std::string_view kJoin =
    " FROM rpt.transaction_search ts LEFT JOIN rpt.award_search a"
    " ON a.generated_unique_award_id = ts.generated_unique_award_id";

// The key an award's rows share in the readers (records_usaspending.cc): a contract's PIID as
// stored, an assistance award's FAIN or else its URI, upper-cased and trimmed.
constexpr std::string_view kContractKey = "ts.piid";
constexpr std::string_view kAssistanceKey =
    "coalesce(nullif(upper(btrim(ts.fain)), ''), upper(btrim(ts.uri)))";

// The first CSV field of `row` as written (quotes and all): equal rows' keys are equal text.
std::string_view FirstField(std::string_view row) {
  if (row.empty() || row.front() != '"') return row.substr(0, row.find_first_of(",\n"));
  std::size_t i = 1;
  while (i < row.size()) {
    if (row[i] != '"') {
      ++i;
    } else if (i + 1 < row.size() && row[i + 1] == '"') {
      i += 2;
    } else {
      break;
    }
  }
  return row.substr(0, std::min(i + 1, row.size()));
}

}  // namespace

Status ReadPostgresRecords(const std::string& input, const RecordFilter& wanted,
                           RecordSet* records) {
  const std::string name = PostgresDisplayName(input);
  if (wanted.wants_all() || wanted.is_part()) {
    return Status::InvalidInput(name +
                                ": a database is read for the awards claims name (or a vendor's "
                                "UEIs), or streamed whole by award (ScanPostgresRecords)");
  }
  Result<std::unique_ptr<Database>> opened = OpenUsaspending(input);
  if (!opened.ok()) return opened.status();
  Database& db = **opened;

  const std::vector<std::string> piids = wanted.WantedPiids();
  const std::vector<std::string> ids = wanted.WantedAssistanceIds();
  const std::vector<std::string> ueis = wanted.WantedVendorUeis();
  const std::string join(kJoin);
  // Rows in the order USAspending loaded them (transaction_id), as a file lists them: where an
  // award repeats a modification with other figures, the later row is the one kept.
  std::vector<InputPart> parts;
  auto vendors = [&]() {
    return ueis.empty() ? std::string()
                        : " OR ts.recipient_uei = ANY(" + db.Array(ueis) +
                              ") OR ts.parent_uei = ANY(" + db.Array(ueis) + ")";
  };
  if (!piids.empty() || !ueis.empty()) {
    // Identifiers as USAspending stores them (upper case; PIIDs letters and digits, as
    // NormalizePiid gives them), compared as they are so that the table's indexes serve.
    const std::string select =
        "SELECT " + SelectList(std::begin(kContractColumns), std::end(kContractColumns)) + join +
        " WHERE ts.is_fpds AND (ts.piid = ANY(" + db.Array(piids) + ")" + vendors() +
        ") ORDER BY ts.transaction_id";
    InputPart part{std::string(kTable), {}};
    if (Status s = db.CopyCsv(select, "reading contract transactions", &part.bytes); !s.ok()) {
      return s;
    }
    parts.push_back(std::move(part));
  }
  if (!ids.empty() || !ueis.empty()) {
    const std::string select =
        "SELECT " + SelectList(std::begin(kAssistanceColumns), std::end(kAssistanceColumns)) +
        join + " WHERE NOT ts.is_fpds AND (ts.fain = ANY(" + db.Array(ids) + ") OR ts.uri = ANY(" +
        db.Array(ids) + ")" + vendors() + ") ORDER BY ts.transaction_id";
    InputPart part{std::string(kTable), {}};
    if (Status s = db.CopyCsv(select, "reading assistance transactions", &part.bytes); !s.ok()) {
      return s;
    }
    parts.push_back(std::move(part));
  }
  Result<std::optional<Date>> as_of = ReadAsOf(&db);
  if (!as_of.ok()) return as_of.status();
  db.Query("COMMIT", "ending the read");
  // Everything read: parsed as USAspending's CSV downloads are, all or nothing.
  if (!parts.empty()) {
    if (Status s = ReadRecordParts(name, parts, records); !s.ok()) return s;
  }
  SetAsOf(*as_of, records);
  return Status::Ok();
}

Status ScanPostgresRecords(const std::string& input, std::uint64_t batch_bytes,
                           const std::function<Status(RecordSet*)>& take) {
  Result<std::unique_ptr<Database>> opened = OpenUsaspending(input);
  if (!opened.ok()) return opened.status();
  Database& db = **opened;
  Result<std::optional<Date>> as_of = ReadAsOf(&db);
  if (!as_of.ok()) return as_of.status();
  const std::string name = db.name();
  struct Kind {
    const char* label;
    const char* where;
    std::string_view key;
    const Column* begin;
    const Column* end;
  };
  const Kind kinds[] = {
      {"contracts", "ts.is_fpds", kContractKey, std::begin(kContractColumns),
       std::end(kContractColumns)},
      {"assistance", "NOT ts.is_fpds", kAssistanceKey, std::begin(kAssistanceColumns),
       std::end(kAssistanceColumns)},
  };
  for (const Kind& kind : kinds) {
    // Rows grouped by award (the key first, so a batch ends only where an award does), each
    // award's rows in the order USAspending loaded them.
    const std::string select = "SELECT " + std::string(kind.key) + " AS receipts_award_key, " +
                               SelectList(kind.begin, kind.end) + std::string(kJoin) + " WHERE " +
                               kind.where + " ORDER BY 1, ts.transaction_id";
    const std::string label(kTable);
    std::string header;
    std::string batch;
    std::string last_key;
    auto flush = [&]() -> Status {
      if (batch.empty()) return Status::Ok();
      RecordSet part;
      const std::vector<InputPart> parts = {{label, header + batch}};
      batch.clear();
      if (Status s = ReadRecordParts(name, parts, &part); !s.ok()) return s;
      SetAsOf(*as_of, &part);
      return take(&part);
    };
    Status copied = db.CopyRows(select, std::string("reading ") + kind.label + " transactions",
                                [&](std::string_view row) -> Status {
                                  if (header.empty()) {
                                    header = row;
                                    return Status::Ok();
                                  }
                                  const std::string_view key = FirstField(row);
                                  if (batch.size() >= batch_bytes && key != last_key) {
                                    if (Status s = flush(); !s.ok()) return s;
                                  }
                                  last_key = key;
                                  batch.append(row);
                                  return Status::Ok();
                                });
    if (!copied.ok()) return copied;
    if (Status s = flush(); !s.ok()) return s;
  }
  db.Query("COMMIT", "ending the read");
  return Status::Ok();
}

}  // namespace receipts
