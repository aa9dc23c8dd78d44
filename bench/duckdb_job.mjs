// The DuckDB peer of bench/run: ONE SQL query computing, per claim, deobligated =
// max(0, -sum of federal_action_obligation signed on or after 2025-01-20) and
// ceiling_minus_obligated = sum(base_and_all_options_value) - sum(federal_action_obligation),
// over the award (agency id from contract_transaction_unique_key, award_id_piid) the claim names.
// Money stays exact: DECIMAL(18,2), written out as integer cents.
// Usage: node duckdb_job.mjs CLAIMS_CSV RECORDS_CSV OUT_CSV THREADS
import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [claimsCsv, recordsCsv, outCsv, threads] = process.argv.slice(2);
const quote = (s) => `'${s.replaceAll("'", "''")}'`;

const sql = `
WITH claims AS (
  SELECT row_number() OVER () AS claim_id,
         upper(trim(coalesce(nullif(trim("agencyID"), ''),
                             regexp_extract(fpds_link, 'agencyID=([^&]*)', 1)))) AS agency,
         upper(regexp_replace(coalesce(nullif(trim(award_id_piid), ''), nullif(trim("PIID"), ''),
                                       regexp_extract(fpds_link, 'PIID=([^&]*)', 1)),
                              '[^A-Za-z0-9]', '', 'g')) AS piid
  FROM read_csv(${quote(claimsCsv)}, header = true, all_varchar = true)
),
wanted AS (SELECT DISTINCT agency, piid FROM claims WHERE piid <> ''),
actions AS (
  SELECT DISTINCT
         upper(split_part(contract_transaction_unique_key, '_', 1)) AS agency,
         upper(award_id_piid) AS piid,
         contract_transaction_unique_key AS tx_key,
         CAST(federal_action_obligation AS DECIMAL(18, 2)) AS obligated,
         CAST(coalesce(nullif(base_and_all_options_value, ''), '0') AS DECIMAL(18, 2)) AS ceiling,
         CAST(action_date AS DATE) AS signed
  FROM read_csv(${quote(recordsCsv)}, header = true, all_varchar = true)
  WHERE (upper(split_part(contract_transaction_unique_key, '_', 1)), upper(award_id_piid))
        IN (SELECT (agency, piid) FROM wanted)
),
awards AS (
  SELECT agency, piid,
         sum(coalesce(obligated, 0)) AS obligated,
         sum(ceiling) AS ceiling,
         sum(CASE WHEN signed >= DATE '2025-01-20' THEN coalesce(obligated, 0) ELSE 0 END) AS since
  FROM actions GROUP BY agency, piid
)
SELECT c.claim_id, c.agency, c.piid,
       CAST(greatest(0, -a.since) * 100 AS BIGINT) AS deobligated,
       CAST((a.ceiling - a.obligated) * 100 AS BIGINT) AS ceiling_minus_obligated
FROM claims c JOIN awards a ON a.agency = c.agency AND a.piid = c.piid
ORDER BY c.claim_id`;

// Spills (the 5M-row file needs them) go beside the generated data, never into the checkout.
const instance = await DuckDBInstance.create(':memory:', {
  threads: String(threads ?? 2),
  temp_directory: new URL('data/duckdb-tmp', import.meta.url).pathname,
});
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const lines = ['claim_id,agency,piid,deobligated,ceiling_minus_obligated'];
for (const row of reader.getRows()) lines.push(row.map(String).join(','));
writeFileSync(outCsv, lines.join('\n') + '\n');
