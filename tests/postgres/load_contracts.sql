-- From `stage` (a Contracts_PrimeTransactions CSV, every column text) into USAspending's tables
-- under their real names (the CSV-to-database mapping of doc/formats.md, "USAspending database").
-- Money the real table keeps as TEXT stays text, as written in the file.
INSERT INTO rpt.transaction_search (
  transaction_id, is_fpds, detached_award_proc_unique, generated_unique_award_id, piid,
  modification_number, transaction_number, referenced_idv_agency_iden, parent_award_id,
  awarding_sub_tier_agency_c, federal_action_obligation, total_obligated_amount,
  base_exercised_options_val, current_total_value_award, base_and_all_options_value,
  potential_total_value_awar, action_date, period_of_performance_current_end_date,
  period_of_perf_potential_e, ordering_period_end_date, action_type, pulled_from,
  contract_award_type, idv_type, type_of_contract_pricing, undefinitized_action, extent_competed,
  number_of_offers_received, product_or_service_code, naics_code, recipient_name,
  recipient_uei, parent_uei, parent_recipient_name)
SELECT row_number() OVER (), TRUE, contract_transaction_unique_key, contract_award_unique_key,
  award_id_piid, modification_number, transaction_number, parent_award_agency_id,
  parent_award_id_piid, awarding_sub_agency_code, NULLIF(federal_action_obligation, '')::numeric,
  total_dollars_obligated, base_and_exercised_options_value, current_total_value_of_award,
  base_and_all_options_value, potential_total_value_of_award, NULLIF(action_date, '')::date,
  NULLIF(left(period_of_performance_current_end_date, 10), '')::date,
  period_of_performance_potential_end_date, ordering_period_end_date, action_type_code,
  award_or_idv_flag, award_type_code, idv_type_code, type_of_contract_pricing_code,
  undefinitized_action_code, extent_competed_code, number_of_offers_received, product_or_service_code, naics_code,
  recipient_name, recipient_uei, recipient_parent_uei, recipient_parent_name
FROM stage;

-- One row per award: its obligation (the sum of its transactions) and outlays (the file's
-- per-award figure, the same on each of its rows).
INSERT INTO rpt.award_search (award_id, generated_unique_award_id, is_fpds, piid, total_obligation,
                              total_outlays)
SELECT row_number() OVER (), key, TRUE, piid, obligation, outlays
FROM (SELECT contract_award_unique_key AS key, min(award_id_piid) AS piid,
             sum(NULLIF(federal_action_obligation, '')::numeric) AS obligation,
             max(NULLIF(total_outlayed_amount_for_overall_award, '')::numeric) AS outlays
      FROM stage GROUP BY contract_award_unique_key) awards;
