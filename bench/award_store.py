#!/usr/bin/env python3
"""bench/award_store.py GENERATED.csv OUTDIR: the per-award shape `receipts fetch usaspending`
writes, made from the rows of a generated Contracts_PrimeTransactions file (bench/generate):
one USAspending download zip per award (a TransactionHistory member with the award's rows, an
empty FederalAccountFunding member), in three forms over the same rows:

  OUTDIR/store/   a record store: index.tsv and bodies/<h2>/<sha256>, as doc/formats.md says
  OUTDIR/zips/    the same zips as plain files, one per award
  OUTDIR/csv/     each award's rows as a plain CSV (what DuckDB reads with a glob: it reads no zip)

Deterministic: zip members carry a fixed date, awards go in key order.
"""
import csv
import hashlib
import os
import sys
import zipfile

FUNDING_HEADER = ("submission_period,treasury_account_symbol,federal_account_symbol,"
                  "transaction_obligated_amount,gross_outlay_amount_FYB_to_period_end,"
                  "USSGL487200_downward_adj_prior_year_prepaid_undeliv_order_oblig,"
                  "USSGL497200_downward_adj_of_prior_year_paid_deliv_orders_oblig,"
                  "award_unique_key,award_id_piid,award_id_fain,last_modified_date\n")
FETCHED_AT = "2026-12-01T20:15:00Z"
ZIP_DATE = (2026, 12, 1, 20, 15, 0)


def member(name, text):
    info = zipfile.ZipInfo(name, ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info, text


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    source, out = sys.argv[1], sys.argv[2]
    csv.field_size_limit(1 << 30)
    awards = {}  # key -> list of raw CSV lines (re-quoted)
    with open(source, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        key_col = header.index("contract_award_unique_key")
        piid_col = header.index("award_id_piid")
        for row in reader:
            awards.setdefault(row[key_col], [row[piid_col]]).append(row)
    for sub in ("store/bodies", "zips", "csv"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    index = ["\t".join(["fetched_at", "source", "role", "award_key", "claims", "http_status",
                        "sha256", "bytes", "url", "note"])]

    def text_of(rows):
        import io
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return buffer.getvalue()

    for number, key in enumerate(sorted(awards)):
        piid, *rows = awards[key]
        text = text_of(rows)
        prefix = ("IDV_" if key.startswith("CONT_IDV_") else "Contract_") + piid + "_"
        zip_path = os.path.join(out, "zips", f"{number:05d}.zip")
        with zipfile.ZipFile(zip_path, "w") as z:
            z.writestr(*member(prefix + "TransactionHistory_1.csv", text))
            z.writestr(*member(prefix + "FederalAccountFunding_1.csv", FUNDING_HEADER))
        with open(os.path.join(out, "csv", f"{number:05d}.csv"), "w", encoding="utf-8") as f:
            f.write(text)
        body = open(zip_path, "rb").read()
        digest = hashlib.sha256(body).hexdigest()
        folder = os.path.join(out, "store", "bodies", digest[:2])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, digest), "wb") as f:
            f.write(body)
        url = f"https://files.usaspending.gov/generated_downloads/{number:05d}.zip"
        index.append("\t".join([FETCHED_AT, "usaspending", "file", key, "", "200", digest,
                                str(len(body)), url, key]))
        index.append("\t".join([FETCHED_AT, "usaspending", "done", key, "", "200", "", "0", "",
                                key]))
    with open(os.path.join(out, "store", "index.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(index) + "\n")
    print(f"award_store: {len(awards)} awards -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
