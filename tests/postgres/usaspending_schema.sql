-- A subset of USAspending's PostgreSQL schema (the monthly database download, restored): the
-- tables and columns `receipts verify --records postgresql://…` reads, with their real names and
-- types (usaspending-api: transactions/delta_models/transaction_search.py, the "postgres" types;
-- search/models/award_search.py; see doc/formats.md, "USAspending database"). The real
-- rpt.transaction_search has 374 columns and is partitioned by is_fpds as here; the FPDS
-- cumulative and ceiling amounts are TEXT there too. Used by tests/records/postgres_records_test.cc
-- and bench/postgres.
CREATE SCHEMA rpt;

CREATE TABLE rpt.transaction_search (
  transaction_id bigint NOT NULL,
  award_id bigint,
  is_fpds boolean NOT NULL,
  detached_award_proc_unique text,
  afa_generated_unique text,
  generated_unique_award_id text,
  piid text,
  fain text,
  uri text,
  modification_number text,
  transaction_number text,
  referenced_idv_agency_iden text,
  parent_award_id text,
  agency_id text,
  awarding_agency_code text,
  awarding_sub_tier_agency_c text,
  awarding_office_code text,
  federal_action_obligation numeric(23, 2),
  total_obligated_amount text,
  base_exercised_options_val text,
  current_total_value_award text,
  base_and_all_options_value text,
  potential_total_value_awar text,
  action_date date,
  period_of_performance_start_date date,
  period_of_performance_current_end_date date,
  period_of_perf_potential_e text,
  ordering_period_end_date text,
  action_type text,
  action_type_description text,
  pulled_from text,
  contract_award_type text,
  idv_type text,
  type text,
  type_of_contract_pricing text,
  undefinitized_action text,
  extent_competed text,
  number_of_offers_received text,
  product_or_service_code text,
  naics_code text,
  transaction_description text,
  correction_delete_indicatr text,
  recipient_name text,
  recipient_uei text,
  parent_uei text,
  parent_recipient_name text,
  last_modified_date timestamp
) PARTITION BY LIST (is_fpds);

CREATE TABLE rpt.transaction_search_fpds PARTITION OF rpt.transaction_search FOR VALUES IN (TRUE);
CREATE TABLE rpt.transaction_search_fabs PARTITION OF rpt.transaction_search FOR VALUES IN (FALSE);

CREATE TABLE rpt.award_search (
  award_id bigint PRIMARY KEY,
  generated_unique_award_id text UNIQUE,
  is_fpds boolean,
  piid text,
  fain text,
  uri text,
  total_obligation numeric(23, 2),
  total_outlays numeric(23, 2),
  base_and_all_options_value numeric(23, 2),
  base_exercised_options_val numeric(23, 2),
  latest_transaction_search_id bigint
);
