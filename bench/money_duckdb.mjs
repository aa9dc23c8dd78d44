// The DuckDB peer of bench/money: what `receipts vendor PARENT` and the W1/W2 leads compute, as
// SQL over the same generated Contracts_PrimeTransactions file, with all cores.
//   family: the rows recorded under PARENT (recipient_parent_uei, else recipient_uei when it is
//           blank), Σ federal_action_obligation, exact DECIMAL(18,2);
//   W1/W2:  per contract award (not IDV), its base action (modification 0, else the earliest),
//           competed with one offer / not competed.
// Usage: node money_duckdb.mjs RECORDS_CSV PARENT_UEI THREADS  (prints one JSON line)
import { DuckDBInstance } from '@duckdb/node-api';

const [recordsCsv, parent, threads] = process.argv.slice(2);
const quote = (s) => `'${s.replaceAll("'", "''")}'`;
// Spills (the 5M-row file needs them) go beside the generated data, never into the checkout.
const instance = await DuckDBInstance.create(':memory:', {
  threads: String(threads ?? 2),
  temp_directory: new URL('data/duckdb-tmp', import.meta.url).pathname,
});
const connection = await instance.connect();
await connection.run(`CREATE VIEW rows AS SELECT DISTINCT * FROM read_csv(${quote(recordsCsv)},
  header = true, all_varchar = true)`);
const family = await connection.runAndReadAll(`
SELECT CAST(sum(CAST(federal_action_obligation AS DECIMAL(18, 2))) * 100 AS BIGINT) AS cents,
       count(*) AS actions
FROM rows
WHERE trim(recipient_uei) <> ''
  AND upper(trim(coalesce(nullif(trim(recipient_parent_uei), ''), recipient_uei))) = ${quote(parent)}`);
const [cents, actions] = family.getRows()[0];
const leads = await connection.runAndReadAll(`
WITH base AS (
  SELECT contract_award_unique_key AS award, extent_competed_code AS extent,
         number_of_offers_received AS offers,
         row_number() OVER (PARTITION BY contract_award_unique_key
                            ORDER BY (modification_number = '0') DESC, action_date) AS n
  FROM rows WHERE award_or_idv_flag <> 'IDV'
)
SELECT count(*) FILTER (WHERE extent IN ('A', 'D', 'F', 'CDO', 'E') AND offers = '1') AS w1,
       count(*) FILTER (WHERE extent IN ('B', 'C', 'G', 'NDO')) AS w2
FROM base WHERE n = 1`);
const [w1, w2] = leads.getRows()[0];
console.log(JSON.stringify({ cents: String(cents), actions: Number(actions), w1: Number(w1),
  w2: Number(w2) }));
