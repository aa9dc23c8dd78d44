-- The indexes USAspending keeps on rpt.transaction_search that `receipts` relies on (the
-- identifier lookups and the as-of): created after a load, as a restore does.
CREATE INDEX ts_idx_piid ON rpt.transaction_search (piid);
CREATE INDEX ts_idx_fain ON rpt.transaction_search (fain);
CREATE INDEX ts_idx_uri ON rpt.transaction_search (uri);
CREATE INDEX ts_idx_recipient_uei ON rpt.transaction_search (recipient_uei);
CREATE INDEX ts_idx_parent_uei ON rpt.transaction_search (parent_uei);
CREATE INDEX ts_idx_action_date ON rpt.transaction_search (action_date);
ANALYZE;
