"""Checks that receipts, DuckDB and pandas agree on every comparable claim's figures.
Usage: python3 compare.py VERDICTS_CSV DUCKDB_CSV PANDAS_CSV
Skipped (said so): claims receipts reports as not_found/unverifiable, claims it matched to an IDV
(the peers group awards by agency and PIID only), to a PIID shared by several orders (split
awards: keys with a parent, or with conflicting repeats of a modification), or by PIID alone
under another agency id (the peers join on agency and PIID)."""
import csv
import sys
from collections import Counter


def cents(text):
    text = text.strip()
    if not text:
        return None
    neg = text.startswith("-")
    whole, _, frac = text.lstrip("-").partition(".")
    value = int(whole) * 100 + int((frac + "00")[:2])
    return -value if neg else value


def load_peer(path):
    with open(path, newline="") as f:
        return {int(r["claim_id"]): r for r in csv.DictReader(f)}


verdicts_csv, duckdb_csv, pandas_csv = sys.argv[1:4]
duck, pand = load_peer(duckdb_csv), load_peer(pandas_csv)
skipped = Counter()
compared = 0
mismatches = []
with open(verdicts_csv, newline="") as f:
    for r in csv.DictReader(f):
        cid = int(r["claim_id"])
        key = r["award_key"]
        if r["verdict"] in ("not_found", "unverifiable"):
            skipped[r["verdict"]] += 1
            continue
        if key.startswith("CONT_IDV_"):
            skipped["idv"] += 1
            continue
        parts = key.split("_")
        if not key.startswith("CONT_AWD_") or len(parts) != 6 or parts[4:] != ["-NONE-", "-NONE-"] \
                or "conflicting repeat" in r["reason"]:
            skipped["shared-PIID split award"] += 1
            continue
        peer = duck.get(cid) or pand.get(cid)
        if peer is None or peer["agency"] != parts[3] or peer["piid"] != parts[2]:
            skipped["matched by PIID alone"] += 1
            continue
        compared += 1
        mine = (cents(r["deobligated"]), cents(r["ceiling_minus_obligated"]))
        for name, table in (("duckdb", duck), ("pandas", pand)):
            row = table.get(cid)
            theirs = None if row is None else (int(row["deobligated"]), int(row["ceiling_minus_obligated"]))
            if theirs != mine:
                mismatches.append(f"claim {cid} {key}: receipts {mine} {name} {theirs}")
print(f"agreement: {compared} claims compared, {len(mismatches)} disagreements; skipped "
      + ", ".join(f"{n} {k}" for k, n in sorted(skipped.items())))
for m in mismatches[:20]:
    print("  MISMATCH " + m)
sys.exit(1 if mismatches else 0)
