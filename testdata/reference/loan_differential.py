"""Differential test of loan_statement: random loans and ledgers computed by the Go library (through
godo) and by loan.py; every §8 key loan.py returns must match.

    python3 testdata/reference/loan_differential.py SEED COUNT      (from the repo root)
"""
import datetime as dt
import json
import os
import random
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction as Fr

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import loan  # noqa: E402
import reference as R  # noqa: E402

rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 300


def case():
    method = rng.choice(["equal_installment", "equal_installment", "equal_principal", "interest_only", "bullet", "flat_fee"])
    n = rng.randint(1, 48)
    start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    t = {"principal": str(Decimal(rng.randint(10**4, 10**7)) / 100), "annual_rate": str(Decimal(rng.randint(0, 240)) / 1000),
         "periods": n, "method": method, "start_date": start.isoformat()}
    if rng.random() < .2:
        t["frequency"] = rng.choice(["weekly", "biweekly", "quarterly"])
    if rng.random() < .3:
        t["day_count"] = rng.choice(["act/360", "act/365", "30/360", "act/act"])
    if rng.random() < .2:
        t["interest_basis"] = "daily"
    if method == "flat_fee" or rng.random() < .15:
        t["fee_rate"] = str(Decimal(rng.randint(0, 10)) / 1000)
    if method != "bullet" and n > 2 and rng.random() < .2:
        t["grace"] = {"periods": rng.randint(1, n - 2), "kind": rng.choice(["principal", "full"])}
    tt = R.parse_terms(t, "terms")
    rows = R.schedule_rows(tt)
    last = rows[-1]["due_date"]
    as_of = start + dt.timedelta(days=rng.randint(0, (last - start).days + 60))
    pays = []
    for r in rows:
        if r["payment"] == 0 or rng.random() < .35:
            continue
        d = max(r["due_date"] + dt.timedelta(days=rng.randint(-10, 30)), start + dt.timedelta(days=1))
        amt = r["payment"] * rng.choice([Fr(1), Fr(1), Fr(rng.randint(1, 99), 100), Fr(rng.randint(101, 300), 100)])
        amt = tt.rounding(amt)
        if amt > 0 and len(pays) < 15:
            pays.append({"date": d.isoformat(), "amount": R.fmt_places(amt, 2)})
    pol = {"penalty_rate": rng.choice([{"rate": "0.0005", "unit": "daily"}, {"rate": "0.06", "markup": "0.5"}]),
           "grace_days": rng.randint(0, 5)}
    if rng.random() < .5:
        pol["base"] = "principal_and_interest"
    if rng.random() < .3:
        pol["grace_mode"] = "defer"
    if rng.random() < .4:
        pol["late_fee"] = rng.choice([{"kind": "fixed", "amount": "25"}, {"kind": "percent", "rate": "0.05", "min": "10"}])
    if rng.random() < .2:
        pol["allocation_scope"] = "component"
    req = {"terms": t, "as_of": as_of.isoformat(), "payments": pays, "policy": pol}
    if rng.random() < .3:
        if rng.random() < .5:
            req["accelerate"] = {"after_days": rng.randint(1, 120)}
        elif as_of > start:
            req["accelerate"] = {"on": (start + dt.timedelta(days=rng.randint(1, (as_of - start).days))).isoformat()}
    if rng.random() < .3:
        req["prepayment_fee"] = rng.choice([{"percent": "0.02"}, {"amount": "100"}])
    if rng.random() < .3:
        req["remaining_fees"] = rng.choice(["waive", "charge"])
    if rng.random() < .15 and as_of > start:
        req["waivers"] = [{"date": as_of.isoformat(), "component": rng.choice(["penalty", "late_fee", "interest"]),
                           "percent": "0.5"}]
    return req


cases = [case() for _ in range(COUNT)]
inp = "\n".join("loan_statement\t" + json.dumps(r) for r in cases) + "\n"
root = os.path.dirname(os.path.dirname(HERE))
out = subprocess.run(["go", "run", "./testdata/reference/godo"], cwd=root, input=inp,
                     capture_output=True, text=True, check=True).stdout.splitlines()
bad = 0
for req, line in zip(cases, out):
    g = json.loads(line)
    try:
        ref, referr = loan.calc(req), None
    except R.SpecError as e:
        ref, referr = None, str(e)
    if referr or "error" in g:
        if bool(referr) != ("error" in g):
            bad += 1
            if bad <= 8:
                print("ERRDIFF", json.dumps(req)[:300], "\n   ref:", referr, "\n   go:", g.get("error"))
        continue
    probs = []
    R.compare(json.loads(json.dumps(ref, default=str)), g, "r", probs)
    probs = [p for p in probs if ": missing" not in p or "accelerated_on" in p]
    if probs:
        bad += 1
        if bad <= 8:
            print("DIFF", json.dumps(req)[:600], "\n  ", probs[:4])
print(len(cases), "cases,", bad, "differ")
