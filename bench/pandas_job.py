"""The pandas peer of bench/run, written as fast as a user would: usecols, the C parser, chunks,
filtering each chunk to the claimed PIIDs before any string work. Per claim: deobligated =
max(0, -sum of federal_action_obligation signed on or after 2025-01-20) and
ceiling_minus_obligated = sum(base_and_all_options_value) - sum(federal_action_obligation), over
the award (agency id from contract_transaction_unique_key, award_id_piid). Money is read as float
and turned into integer cents per row (exact for these magnitudes) before summing.
Usage: python3 pandas_job.py CLAIMS_CSV RECORDS_CSV OUT_CSV
"""
import re
import sys

import numpy as np
import pandas as pd

claims_csv, records_csv, out_csv = sys.argv[1:4]

claims = pd.read_csv(claims_csv, dtype=str, keep_default_na=False)
link = claims["fpds_link"].fillna("")
agency = claims["agencyID"].str.strip()
agency = agency.where(agency != "", link.str.extract(r"agencyID=([^&]*)", expand=False).fillna(""))
piid = claims["award_id_piid"].str.strip()
piid = piid.where(piid != "", claims["PIID"].str.strip())
piid = piid.where(piid != "", link.str.extract(r"PIID=([^&]*)", expand=False).fillna(""))
claims = pd.DataFrame({
    "claim_id": np.arange(1, len(claims) + 1),
    "agency": agency.str.strip().str.upper(),
    "piid": piid.map(lambda p: re.sub(r"[^A-Za-z0-9]", "", p).upper()),
})
wanted_piids = set(claims.loc[claims.piid != "", "piid"])

usecols = ["contract_transaction_unique_key", "award_id_piid", "federal_action_obligation",
           "base_and_all_options_value", "action_date"]
parts = []
for chunk in pd.read_csv(records_csv, usecols=usecols, engine="c", chunksize=250_000,
                         dtype={"contract_transaction_unique_key": str, "award_id_piid": str,
                                "action_date": str, "federal_action_obligation": "float64",
                                "base_and_all_options_value": "float64"},
                         keep_default_na=False, na_values={"federal_action_obligation": [""],
                                                           "base_and_all_options_value": [""]}):
    chunk = chunk[chunk["award_id_piid"].str.upper().isin(wanted_piids)]
    if len(chunk):
        parts.append(chunk)
actions = pd.concat(parts, ignore_index=True)
actions["agency"] = actions["contract_transaction_unique_key"].str.split("_", n=1).str[0].str.upper()
actions["piid"] = actions["award_id_piid"].str.upper()
actions["obligated"] = (actions["federal_action_obligation"].fillna(0) * 100).round().astype("int64")
actions["ceiling"] = (actions["base_and_all_options_value"].fillna(0) * 100).round().astype("int64")
actions = actions.drop_duplicates(["contract_transaction_unique_key", "obligated", "ceiling",
                                   "action_date"])
actions["since"] = actions["obligated"].where(actions["action_date"] >= "2025-01-20", 0)
awards = actions.groupby(["agency", "piid"], as_index=False)[["obligated", "ceiling", "since"]].sum()
out = claims.merge(awards, on=["agency", "piid"], how="inner").sort_values("claim_id")
out["deobligated"] = (-out["since"]).clip(lower=0)
out["ceiling_minus_obligated"] = out["ceiling"] - out["obligated"]
out[["claim_id", "agency", "piid", "deobligated", "ceiling_minus_obligated"]].to_csv(out_csv, index=False)
