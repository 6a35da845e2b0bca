#!/usr/bin/env python3
"""Generates the conformance vectors in ../vectors from reference.py.

    python3 generate.py [OUTDIR]      (default: ../vectors beside this folder)

Every expected value is taken from the reference's result; the `source` strings are
built from the same computed values, so nothing in a vector is hand-typed except the
inputs and the rule text.
"""
import json
import os
import sys
from decimal import Decimal
from fractions import Fraction as Fr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as ref  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "vectors")

VECTORS = []
ROW_KEYS = ("due_date", "days", "opening_balance", "principal", "interest", "fee", "payment",
            "closing_balance", "capitalized")
INST_KEYS = ("principal", "interest", "fee", "penalty", "late_fee", "penalty_accrued", "days_past_due")


def emit(name, kind, inp, source, expect):
    assert name.startswith(kind.replace("_", "-")), name
    VECTORS.append({"name": name, "source": source, "kind": kind, "input": inp, "expect": expect})


def run(kind, inp):
    return ref.compute(kind, inp)


def D(s):
    """A decimal string as an exact Decimal (sums of these amounts are exact at 28 digits)."""
    return Decimal(s)


# ---------------------------------------------------------------------------
# helpers for schedules

def pick_rows(res, numbers):
    by = {r["number"]: r for r in res["rows"]}
    out = {}
    for n in numbers:
        if n < 0:
            n = res["rows"][n]["number"]
        r = by[n]
        out[str(n)] = {k: r[k] for k in ROW_KEYS if k in r}
    return out


def sched_expect(res, numbers, rates=True):
    e = {"row_count": res["row_count"], "rows": pick_rows(res, numbers), "totals": res["totals"]}
    if rates:
        for k in ("irr", "apr", "effective_annual_rate"):
            if k in res:
                e[k] = res[k]
    return e


def row(res, n):
    if n < 0:
        return res["rows"][n]
    return next(r for r in res["rows"] if r["number"] == n)


def yf_text(d1, d2, dc):
    import datetime as dt
    a, b = dt.date.fromisoformat(d1), dt.date.fromisoformat(d2)
    if dc == "act/365":
        return f"{(b - a).days}/365"
    if dc == "act/360":
        return f"{(b - a).days}/360"
    if dc == "30/360":
        n = ref.yearfrac(a, b, "30/360") * 360
        return f"{n}/360 (30/360: {d1}→{d2})"
    parts = []
    cur = a
    while cur < b:
        nxt = min(b, dt.date(cur.year + 1, 1, 1))
        parts.append(f"{(nxt - cur).days}/{ref.days_in_year(cur.year)}")
        cur = nxt
    return "(" + "+".join(parts) + ")"


def prev_date(inp, res, n):
    return inp["start_date"] if n == 1 else row(res, n - 1)["due_date"]


def interest_text(inp, res, n, terms=None):
    terms = terms or inp
    r = row(res, n)
    ppy = ref.FREQS[terms.get("frequency", "monthly")]
    amt = r.get("capitalized", r["interest"]) if "capitalized" in r else r["interest"]
    label = "capitalized" if "capitalized" in r else "interest"
    if terms.get("interest_basis") == "daily":
        prev = terms["start_date"] if n == 1 else row(res, n - 1)["due_date"]
        yf = yf_text(prev, r["due_date"], terms.get("day_count", "act/360"))
        return f"row {n} {label} = round({r['opening_balance']} × {terms['annual_rate']} × {yf}) = {amt}"
    return f"row {n} {label} = round({r['opening_balance']} × {terms['annual_rate']}/{ppy}) = {amt}"


def annuity_text(P, rate, ppy, m, A):
    return (f"A = P·r(1+r)^{m}/((1+r)^{m}−1) with P={P}, r={rate}/{ppy} → {A}")


def rates_text(res, ppy, P):
    if "irr" not in res:
        return ""
    return (f"; IRR of {P} received vs the {res['row_count']} row payments (equally spaced) = {res['irr']} per period, "
            f"apr = irr×{ppy} = {res['apr']}, EAR = (1+irr)^{ppy}−1 = {res['effective_annual_rate']}")


def last_text(res):
    r = row(res, -1)
    return (f"last row {r['number']} takes the residual principal {r['principal']} + interest {r['interest']}"
            f" + fee {r['fee']} = {r['payment']}, closing 0")


# ---------------------------------------------------------------------------
# schedule vectors

def schedule_vectors():
    # 1 car loan, periodic equal installment
    inp = {"principal": "150000", "annual_rate": "0.0588", "periods": 60, "method": "equal_installment",
           "start_date": "2024-03-20"}
    res = run("schedule", inp)
    A = row(res, 1)["payment"]
    emit("schedule-monthly-equal-installment-car-loan", "schedule", inp,
         f"等额本息 (SPEC §2): {annuity_text('150000', '0.0588', 12, 60, A)}; "
         f"{interest_text(inp, res, 1)}, principal {A}−{row(res, 1)['interest']} = {row(res, 1)['principal']}; "
         f"{last_text(res)}{rates_text(res, 12, '150000')}",
         sched_expect(res, [1, 2, 30, 59, 60]))

    # 2 quarterly equal principal
    inp = {"principal": "2000000", "annual_rate": "0.045", "periods": 20, "frequency": "quarterly",
           "method": "equal_principal", "start_date": "2024-01-15"}
    res = run("schedule", inp)
    emit("schedule-quarterly-equal-principal-business-loan", "schedule", inp,
         f"等额本金, quarterly (4 periods a year, 3-month steps): share = round(2000000/20) = {row(res, 1)['principal']}; "
         f"{interest_text(inp, res, 1)}; {interest_text(inp, res, 10)}; {last_text(res)}{rates_text(res, 4, '2000000')}",
         sched_expect(res, [1, 10, 20]))

    # 3 interest only
    inp = {"principal": "500000", "annual_rate": "0.0385", "periods": 36, "method": "interest_only",
           "start_date": "2024-06-05"}
    res = run("schedule", inp)
    emit("schedule-monthly-interest-only", "schedule", inp,
         f"先息后本 (interest_only): every row pays round(500000 × 0.0385/12) = {row(res, 1)['interest']}; "
         f"row 36 also repays the 500000 principal → {row(res, 36)['payment']}; total interest 36 × "
         f"{row(res, 1)['interest']} = {res['totals']['interest']}{rates_text(res, 12, '500000')}",
         sched_expect(res, [1, 18, 36]))

    # 4 bullet periodic
    inp = {"principal": "58888.88", "annual_rate": "0.0435", "periods": 7, "method": "bullet",
           "start_date": "2024-04-10"}
    res = run("schedule", inp)
    emit("schedule-bullet-periodic-7-months", "schedule", inp,
         f"到期一次还本付息 (bullet, periodic basis): one row due at period 7's date 2024-11-10, days = 214; "
         f"interest = round(P × r × n) = round(58888.88 × 0.0435/12 × 7) = {row(res, 1)['interest']}; payment "
         f"{row(res, 1)['payment']}; rules.md: the IRR puts the single payment at t = n = 7, "
         f"so irr = (payment/P)^(1/7)−1 = {res['irr']}, apr = irr×12 = {res['apr']}, EAR {res['effective_annual_rate']}",
         sched_expect(res, [1]))

    # 5 bullet daily act/365 month-end
    inp = {"principal": "200000", "annual_rate": "0.052", "periods": 6, "method": "bullet",
           "interest_basis": "daily", "day_count": "act/365", "start_date": "2024-01-31"}
    res = run("schedule", inp)
    emit("schedule-bullet-daily-act365", "schedule", inp,
         f"bullet with daily basis: due = 2024-01-31 + 6 months = 2024-07-31 (anchor 31), days 182; interest = "
         f"round(200000 × 0.052 × 182/365) = {row(res, 1)['interest']}; IRR with the payment at t = 6: "
         f"irr {res['irr']}, apr {res['apr']}",
         sched_expect(res, [1]))

    # 6 weekly act/365 daily
    inp = {"principal": "5200", "annual_rate": "0.1999", "periods": 26, "frequency": "weekly",
           "method": "equal_installment", "interest_basis": "daily", "day_count": "act/365",
           "start_date": "2024-12-16"}
    res = run("schedule", inp)
    A = row(res, 1)["payment"]
    emit("schedule-weekly-act365-daily", "schedule", inp,
         f"weekly (52/yr, 7-day steps), daily basis act/365: {annuity_text('5200', '0.1999', 52, 26, A)} (periodic rate "
         f"for A); {interest_text(inp, res, 1)}; {interest_text(inp, res, 3)} (crosses the year end; act/365 is not "
         f"split); rows 1..25 pay A, {last_text(res)}{rates_text(res, 52, '5200')}",
         sched_expect(res, [1, 3, 13, 26]))

    # 7 biweekly periodic
    inp = {"principal": "30000", "annual_rate": "0.0699", "periods": 52, "frequency": "biweekly",
           "method": "equal_installment", "start_date": "2024-02-02"}
    res = run("schedule", inp)
    A = row(res, 1)["payment"]
    emit("schedule-biweekly-equal-installment", "schedule", inp,
         f"biweekly (26/yr, 14-day steps): {annuity_text('30000', '0.0699', 26, 52, A)}; {interest_text(inp, res, 1)}; "
         f"{last_text(res)}{rates_text(res, 26, '30000')}",
         sched_expect(res, [1, 26, 52]))

    # 8 flat fee 24x card installment
    inp = {"principal": "36000", "annual_rate": "0", "periods": 24, "method": "flat_fee", "fee_rate": "0.0075",
           "start_date": "2024-05-18"}
    res = run("schedule", inp)
    emit("schedule-flat-fee-card-24x-0.75pct", "schedule", inp,
         f"credit-card 分期 24期, 手续费 0.75%/期 on the original principal: principal share round(36000/24) = 1500.00, "
         f"fee round(36000 × 0.0075) = 270.00 every row, interest 0; nominal 0.0075×12 = 9% a year but the IRR on the "
         f"declining balance is {res['irr']}/month → apr {res['apr']}, EAR {res['effective_annual_rate']}",
         sched_expect(res, [1, 12, 24]))

    # 9 flat fee biweekly, pay-in-4 style with odd cents
    inp = {"principal": "499.99", "annual_rate": "0", "periods": 4, "frequency": "biweekly", "method": "flat_fee",
           "fee_rate": "0.01", "start_date": "2025-01-03"}
    res = run("schedule", inp)
    emit("schedule-flat-fee-biweekly-pay-in-4", "schedule", inp,
         f"BNPL pay-in-4, biweekly: share round(499.99/4) = round(124.9975) = {row(res, 1)['principal']}; fee "
         f"round(499.99 × 0.01) = {row(res, 1)['fee']}; last row residual 499.99 − 3×125.00 = {row(res, 4)['principal']}; "
         f"irr {res['irr']} per 14 days, apr ×26 = {res['apr']}",
         sched_expect(res, [1, 2, 4]))

    # 10 daily act/360
    inp = {"principal": "300000", "annual_rate": "0.0435", "periods": 12, "method": "equal_installment",
           "interest_basis": "daily", "day_count": "act/360", "start_date": "2024-01-15"}
    res = run("schedule", inp)
    A = row(res, 1)["payment"]
    emit("schedule-daily-act360-equal-installment", "schedule", inp,
         f"daily basis act/360 (Chinese bank convention): A from the periodic rate: "
         f"{annuity_text('300000', '0.0435', 12, 12, A)}; {interest_text(inp, res, 1)}; {interest_text(inp, res, 2)} "
         f"(February 2024 has 29 days); rows 1..11 pay A, {last_text(res)} (absorbs the day-count difference)"
         f"{rates_text(res, 12, '300000')}",
         sched_expect(res, [1, 2, 6, 12]))

    # 11 daily 30/360 with month-end start
    inp = {"principal": "100000", "annual_rate": "0.06", "periods": 12, "method": "equal_installment",
           "interest_basis": "daily", "day_count": "30/360", "start_date": "2024-01-31"}
    res = run("schedule", inp)
    emit("schedule-daily-30-360-month-end", "schedule", inp,
         f"30/360 US bond basis as SPEC §1 states it (D1=31→30; D2=31 and D1≥30→30; no February end-of-month rule): "
         f"{interest_text(inp, res, 1)}; {interest_text(inp, res, 2)}; {interest_text(inp, res, 3)}; "
         f"A = {row(res, 1)['payment']} from r = 0.06/12; {last_text(res)}",
         sched_expect(res, [1, 2, 3, 12]))

    # 12 daily act/act across leap year
    inp = {"principal": "500000", "annual_rate": "0.049", "periods": 24, "method": "equal_principal",
           "interest_basis": "daily", "day_count": "act/act", "start_date": "2023-11-15"}
    res = run("schedule", inp)
    emit("schedule-daily-act-act-leap-year", "schedule", inp,
         f"act/act ISDA: a period is split at 1 January, days in 2023 /365 and in 2024 (leap) /366; equal_principal share "
         f"round(500000/24) = {row(res, 1)['principal']}; {interest_text(inp, res, 1)}; {interest_text(inp, res, 2)}; "
         f"{interest_text(inp, res, 4)}; {interest_text(inp, res, 14)}; {last_text(res)}",
         sched_expect(res, [1, 2, 4, 14, 24]))

    # 13 odd first period
    inp = {"principal": "50000", "annual_rate": "0.0725", "periods": 12, "method": "equal_installment",
           "interest_basis": "daily", "day_count": "act/360", "start_date": "2024-03-10",
           "first_due_date": "2024-04-25"}
    res = run("schedule", inp)
    emit("schedule-odd-first-period-daily", "schedule", inp,
         f"first_due_date 2024-04-25 is 46 days after disbursement (a long odd first period); due dates are "
         f"first_due_date + (i−1) months (anchor 25); daily basis prices it by its days: {interest_text(inp, res, 1)}, "
         f"principal A − interest = {row(res, 1)['payment']} − {row(res, 1)['interest']}; A = {row(res, 1)['payment']} "
         f"from r = 0.0725/12 over 12; {interest_text(inp, res, 2)}; {last_text(res)}{rates_text(res, 12, '50000')}",
         sched_expect(res, [1, 2, 12]))

    # 14 grace principal
    inp = {"principal": "120000", "annual_rate": "0.048", "periods": 36, "method": "equal_installment",
           "start_date": "2024-07-01", "grace": {"periods": 6, "kind": "principal"}}
    res = run("schedule", inp)
    A = row(res, 7)["payment"]
    emit("schedule-grace-principal-6-periods", "schedule", inp,
         f"grace kind principal (只还息宽限期): rows 1..6 pay interest only round(120000 × 0.048/12) = "
         f"{row(res, 1)['interest']}; then a fresh annuity over 36−6 = 30 rows: "
         f"{annuity_text('120000', '0.048', 12, 30, A)}; {last_text(res)}{rates_text(res, 12, '120000')}",
         sched_expect(res, [1, 6, 7, 36]))

    # 15 grace full
    inp = {"principal": "80000", "annual_rate": "0.05", "periods": 24, "method": "equal_principal",
           "start_date": "2024-09-10", "grace": {"periods": 3, "kind": "full"}}
    res = run("schedule", inp)
    emit("schedule-grace-full-3-periods-capitalized", "schedule", inp,
         f"grace kind full: rows 1..3 pay nothing and capitalize the row interest: {interest_text(inp, res, 1)}, "
         f"{interest_text(inp, res, 2)}, {interest_text(inp, res, 3)}; grown balance {row(res, 4)['opening_balance']} "
         f"is amortized equal_principal over 21 rows, share round({row(res, 4)['opening_balance']}/21) = "
         f"{row(res, 4)['principal']}; Σ principal = 80000 + Σ capitalized {res['totals'].get('capitalized')}; "
         f"{last_text(res)}; rows 1..3 enter the IRR as zero payments at t=1..3{rates_text(res, 12, '80000')}",
         sched_expect(res, [1, 3, 4, 24]))

    # 16 installment multiple
    inp = {"principal": "10000", "annual_rate": "0.1", "periods": 12, "method": "equal_installment",
           "installment_multiple": "1", "start_date": "2024-08-08"}
    res = run("schedule", inp)
    r = Fr(1, 120)
    exact = Fr(10000) * r * (1 + r) ** 12 / ((1 + r) ** 12 - 1)
    emit("schedule-installment-multiple-whole-yuan", "schedule", inp,
         f"installment_multiple 1: A = 10000·r(1+r)^12/((1+r)^12−1), r = 0.1/12, exact {float(exact):.6f}… rounded "
         f"half_up to a multiple of 1 → {row(res, 1)['payment']} (not 879.16); interest still rounds to cents: "
         f"{interest_text(inp, res, 1)}; the last row takes the larger residual: {last_text(res)}"
         f"{rates_text(res, 12, '10000')}",
         sched_expect(res, [1, 11, 12]))

    inp = {"principal": "1000000", "annual_rate": "0.15", "periods": 12, "method": "equal_installment",
           "installment_multiple": "100", "rounding": {"places": 0, "mode": "up"}, "start_date": "2025-04-25"}
    res = run("schedule", inp)
    r = Fr(15, 1200)
    exact = Fr(1000000) * r * (1 + r) ** 12 / ((1 + r) ** 12 - 1)
    emit("schedule-installment-multiple-100-yen-round-up", "schedule", inp,
         f"JPY (places 0) billing in 100-yen units, mode up: exact A = {float(exact):.4f} → up to a multiple of 100 = "
         f"{row(res, 1)['payment']}; interest rounds up to the yen: {interest_text(inp, res, 1)}; {last_text(res)} "
         f"(smaller, since A was rounded up){rates_text(res, 12, '1000000')}",
         sched_expect(res, [1, 2, 12]))

    # 17 rounding modes on a tie
    base = {"principal": "1234.50", "annual_rate": "0.12", "periods": 6, "method": "equal_installment",
            "start_date": "2024-10-15"}
    r = Fr(1, 100)
    exact = Fr(123450, 100) * r * (1 + r) ** 6 / ((1 + r) ** 6 - 1)
    half_up = run("schedule", base)
    notes = {
        "half_up": "ties go away from zero: 12.345 → 12.35",
        "half_even": "banker's rounding: the tie 12.345 → 12.34 (4 is even), unlike half_up's 12.35",
        "down": "truncation: 12.345 → 12.34 and A truncates",
        "up": "away from zero: any remainder rounds up, e.g. A and interests ending in a fraction of a cent",
        "ceiling": "toward +∞; for these positive amounts identical to up",
        "floor": "toward −∞; for these positive amounts identical to down",
    }
    for mode in ("half_up", "half_even", "down", "up", "ceiling", "floor"):
        inp = dict(base)
        inp["rounding"] = {"places": 2, "mode": mode}
        res = run("schedule", inp)
        diffs = []
        for n in range(1, 7):
            a, b = row(res, n), row(half_up, n)
            for k in ("interest", "principal", "payment"):
                if D(a[k]) != D(b[k]):
                    diffs.append(f"row {n} {k} {a[k]} (half_up {b[k]})")
        emit(f"schedule-rounding-{mode.replace('_', '-')}", "schedule", inp,
             f"rounding mode {mode} ({notes[mode]}): row 1 interest = 1234.50 × 0.12/12 = 12.345 exactly → "
             f"{row(res, 1)['interest']}; A exact = {float(exact):.6f}… → {row(res, 1)['payment']}; "
             + ("differences from half_up: " + "; ".join(diffs[:6]) if diffs else "baseline for the other modes")
             + f"; {last_text(res)}",
             sched_expect(res, [1, 2, 3, 6]))

    # 18 JPY places 0
    inp = {"principal": "1000000", "annual_rate": "0.15", "periods": 24, "method": "equal_installment",
           "rounding": {"places": 0}, "start_date": "2025-01-27"}
    res = run("schedule", inp)
    emit("schedule-jpy-places-0", "schedule", inp,
         f"JPY consumer loan, minor unit 0 (rounding places 0, half_up): "
         f"{annuity_text('1000000', '0.15', 12, 24, row(res, 1)['payment'])} yen; {interest_text(inp, res, 1)}; "
         f"{interest_text(inp, res, 2)}; {last_text(res)}{rates_text(res, 12, '1000000')}",
         sched_expect(res, [1, 2, 12, 24]))

    # 19 month-end anchor daily act/365 equal principal
    inp = {"principal": "60000", "annual_rate": "0.0395", "periods": 12, "method": "equal_principal",
           "interest_basis": "daily", "day_count": "act/365", "start_date": "2024-01-31"}
    res = run("schedule", inp)
    emit("schedule-month-end-anchor-2024-01-31", "schedule", inp,
         f"anchor day 31 clamps to month end: due dates 2024-02-29 (29 days), 2024-03-31 (31), 2024-04-30 (30), … "
         f"2025-01-31; share round(60000/12) = 5000.00; {interest_text(inp, res, 1)}; {interest_text(inp, res, 2)}; "
         f"{interest_text(inp, res, 3)}; {last_text(res)}",
         sched_expect(res, [1, 2, 3, 12]))

    # 20 leap-day start
    inp = {"principal": "250000", "annual_rate": "0.0399", "periods": 48, "method": "equal_installment",
           "start_date": "2024-02-29"}
    res = run("schedule", inp)
    emit("schedule-leap-day-start-2024-02-29", "schedule", inp,
         f"start 2024-02-29: anchor 29, so 2024-03-29, …, 2025-02-28 (clamped, 2025 not leap, row 12), 2025-03-29 "
         f"(back to the anchor, not 28), …, 2028-02-29 (row 48, leap); "
         f"{annuity_text('250000', '0.0399', 12, 48, row(res, 1)['payment'])}; {last_text(res)}"
         f"{rates_text(res, 12, '250000')}",
         sched_expect(res, [1, 12, 13, 48]))

    # 21 fee rate on equal installment (service fee), APR above nominal
    inp = {"principal": "20000", "annual_rate": "0.072", "periods": 12, "method": "equal_installment",
           "fee_rate": "0.002", "start_date": "2025-02-14"}
    res = run("schedule", inp)
    emit("schedule-equal-installment-with-monthly-fee", "schedule", inp,
         f"fee_rate on a non-flat method adds round(20000 × 0.002) = {row(res, 1)['fee']} to every row (rules.md); "
         f"{annuity_text('20000', '0.072', 12, 12, D(row(res, 1)['payment']) - D(row(res, 1)['fee']))}; payment = A + fee "
         f"= {row(res, 1)['payment']}; the fee lifts the IRR-based apr above the 7.2% nominal: {rates_text(res, 12, '20000')[2:]}",
         sched_expect(res, [1, 6, 12]))

    # 22 interest-only quarterly daily act/365 odd first period
    inp = {"principal": "1000000", "annual_rate": "0.0455", "periods": 8, "frequency": "quarterly",
           "method": "interest_only", "interest_basis": "daily", "day_count": "act/365",
           "start_date": "2024-11-05", "first_due_date": "2024-12-21"}
    res = run("schedule", inp)
    emit("schedule-quarterly-interest-only-daily-short-first-period", "schedule", inp,
         f"quarterly interest-only with a short first period (first_due_date 2024-12-21, then every 3 months on the 21st): "
         f"{interest_text(inp, res, 1)}; {interest_text(inp, res, 2)}; {interest_text(inp, res, 8)} plus the principal; "
         f"IRR treats rows as equally spaced quarters{rates_text(res, 4, '1000000')}",
         sched_expect(res, [1, 2, 8]))

    # errors
    errs = [
        ("schedule-error-periods-1201", {"principal": "1000", "annual_rate": "0.05", "periods": 1201,
                                         "start_date": "2024-01-01"}, "periods",
         "SPEC §5: terms are at most 1200 periods; 1201 is rejected naming periods"),
        ("schedule-error-annual-rate-11", {"principal": "1000", "annual_rate": "11", "periods": 12,
                                           "start_date": "2024-01-01"}, "annual_rate",
         "SPEC §5: annual rates are bounded 0 to 10 (0%–1000%); \"11\" is 1100% and is rejected naming annual_rate"),
        ("schedule-error-principal-huge-exponent", {"principal": "1e999999999", "annual_rate": "0.05", "periods": 12,
                                                    "start_date": "2024-01-01"}, "principal",
         "SPEC §5: |amount| ≤ 10^15; \"1e999999999\" must be rejected before any arithmetic, naming principal"),
        ("schedule-error-unknown-key-principle", {"principle": "1000", "principal": "1000", "annual_rate": "0.05",
                                                  "periods": 12, "start_date": "2024-01-01"}, "principle",
         "SPEC §1: unknown keys are an error when decoding (catch typos); the error names the unknown key \"principle\""),
        ("schedule-error-first-due-before-start", {"principal": "1000", "annual_rate": "0.05", "periods": 12,
                                                   "start_date": "2024-03-15", "first_due_date": "2024-03-01"},
         "first_due_date", "SPEC §5: a due date before the start is an error; first_due_date 2024-03-01 < start 2024-03-15"),
        ("schedule-error-bad-date-feb-30", {"principal": "1000", "annual_rate": "0.05", "periods": 12,
                                            "start_date": "2024-02-30"}, "start_date",
         "2024-02-30 is not a calendar date; the error names start_date"),
        ("schedule-error-grace-not-below-periods", {"principal": "1000", "annual_rate": "0.05", "periods": 12,
                                                    "start_date": "2024-01-01", "grace": {"periods": 12,
                                                                                          "kind": "full"}},
         "grace", "CHOICE (rules silent): grace.periods must leave at least one amortizing row (g < n); 12 of 12 is "
                  "rejected naming grace"),
        ("schedule-error-negative-principal", {"principal": "-500", "annual_rate": "0.05", "periods": 12,
                                               "start_date": "2024-01-01"}, "principal",
         "CHOICE (SPEC: no negative amount): principal must be > 0"),
    ]
    for name, inp, e, src in errs:
        emit(name, "schedule", inp, src, {"error": e})


def apr_vectors():
    inp = {"principal": "24000", "payments": ["1180.00"] * 24, "periods_per_year": 12}
    res = run("apr", inp)
    emit("apr-card-installment-24x", "apr", inp,
         f"24 payments of 1000 principal + 180 fee (0.75%/month flat on 24000): solve 24000 = Σ 1180/(1+i)^t, "
         f"t=1..24 → i = {res['irr']}; apr = 12i = {res['apr']}; EAR = (1+i)^12−1 = {res['effective_annual_rate']} "
         f"(nominal flat 9%)", res)
    inp = {"principal": "1000", "payments": ["110.00"] * 10, "periods_per_year": 52}
    res = run("apr", inp)
    emit("apr-weekly-payday", "apr", inp,
         f"weekly: 1000 repaid by 10 × 110: 1000 = Σ 110/(1+i)^t → i = {res['irr']}/week; apr = 52i = {res['apr']}; "
         f"EAR = (1+i)^52−1 = {res['effective_annual_rate']}", res)
    inp = {"principal": "10000", "payments": ["0", "0", "3500", "3500", "3500"]}
    res = run("apr", inp)
    emit("apr-deferred-start-default-monthly", "apr", inp,
         f"periods_per_year defaults to 12; zero payments keep their place (t=1,2): 10000 = 3500(v^3+v^4+v^5) → "
         f"i = {res['irr']}, apr {res['apr']}, EAR {res['effective_annual_rate']}", res)
    inp = {"principal": "1000", "payments": ["1000"]}
    res = run("apr", inp)
    emit("apr-zero-rate", "apr", inp,
         f"payments equal to the principal: IRR exactly 0 → irr {res['irr']}, apr {res['apr']}, "
         f"EAR {res['effective_annual_rate']}", res)
    inp = {"principal": "1000", "payments": ["0", "0", "0"]}
    emit("apr-error-no-root", "apr", inp,
         "no IRR exists: Σ 0/(1+i)^t − 1000 = −1000 for every rate, so the solver must report that no root exists "
         "(SPEC §2/§5) instead of looping or returning a value; CHOICE: the error names the payments field",
         {"error": "payments"})


def prepayment_vectors():
    terms = {"principal": "1000000", "annual_rate": "0.049", "periods": 360, "method": "equal_installment",
             "start_date": "2024-01-15"}
    for mode in ("reduce_payment", "reduce_term"):
        inp = {"terms": terms, "after_period": 24, "amount": "200000", "mode": mode}
        res = run("prepayment", inp)
        B = res["balance_after_prepayment"]
        if mode == "reduce_payment":
            src = (f"prepay 200000 after row 24 of the 1,000,000 / 4.9% / 30y mortgage (A 5307.27): balance after row 24 "
                   f"{D(B) + 200000} − 200000 = {B}; reduce_payment re-amortizes {B} over 336 rows: fresh A = "
                   f"{row(res, 25)['payment']}; row 25 interest round({B} × 0.049/12) = {row(res, 25)['interest']}; "
                   f"{last_text(res)}; interest_saved = Σ original interest rows 25..360 − Σ new = {res['interest_saved']}")
            nums = [25, 26, 200, 360]
        else:
            src = (f"same prepayment, reduce_term: keep A = 5307.27 on {B} until paid; row 25 interest "
                   f"round({B} × 0.049/12) = {row(res, 25)['interest']}; ends at row {row(res, -1)['number']} "
                   f"({res['row_count']} rows instead of 336); {last_text(res)}; interest_saved {res['interest_saved']}")
            nums = [25, 26, -2, -1]
        exp = sched_expect(res, nums, rates=False)
        exp["interest_saved"] = res["interest_saved"]
        emit(f"prepayment-mortgage-{mode.replace('_', '-')}", "prepayment", inp, src, exp)

    terms = {"principal": "300000", "annual_rate": "0.045", "periods": 120, "method": "equal_principal",
             "start_date": "2023-06-20"}
    for mode in ("reduce_payment", "reduce_term"):
        inp = {"terms": terms, "after_period": 12, "amount": "50000", "mode": mode}
        res = run("prepayment", inp)
        B = res["balance_after_prepayment"]
        if mode == "reduce_payment":
            src = (f"等额本金 300000/120 (share 2500.00): after row 12 the balance is 270000.00; prepay 50000 → {B}; "
                   f"reduce_payment: fresh share round({B}/108) = {row(res, 13)['principal']}; row 13 interest "
                   f"round({B} × 0.045/12) = {row(res, 13)['interest']}; {last_text(res)}; interest_saved "
                   f"{res['interest_saved']}")
        else:
            src = (f"等额本金 300000/120, prepay 50000 after row 12 → {B}; reduce_term keeps the 2500.00 share: "
                   f"{B}/2500 = 88 rows, rows 13..{row(res, -1)['number']}; row 13 interest round({B} × 0.045/12) = "
                   f"{row(res, 13)['interest']}; {last_text(res)}; interest_saved {res['interest_saved']}")
        exp = sched_expect(res, [13, 14, -1], rates=False)
        exp["interest_saved"] = res["interest_saved"]
        emit(f"prepayment-equal-principal-{mode.replace('_', '-')}", "prepayment", inp, src, exp)

    # daily basis reduce_term with an odd remainder
    terms = {"principal": "80000", "annual_rate": "0.0618", "periods": 24, "method": "equal_installment",
             "interest_basis": "daily", "day_count": "act/365", "start_date": "2024-12-31"}
    inp = {"terms": terms, "after_period": 6, "amount": "12345.67", "mode": "reduce_term"}
    res = run("prepayment", inp)
    B = res["balance_after_prepayment"]
    exp = sched_expect(res, [7, 8, -1], rates=False)
    exp["interest_saved"] = res["interest_saved"]
    emit("prepayment-daily-act365-month-end-reduce-term", "prepayment", inp,
         f"daily act/365 schedule anchored on the 31st; after row 6 (2025-06-30) the balance less 12345.67 is {B}; "
         f"reduce_term keeps A = {row(res, 7)['payment']}; row 7 (2025-06-30→2025-07-31, 31 days) interest "
         f"round({B} × 0.0618 × 31/365) = {row(res, 7)['interest']}; ends at row {row(res, -1)['number']}: "
         f"{last_text(res)}; interest_saved {res['interest_saved']}", exp)

    inp = {"terms": terms, "after_period": 6, "amount": "90000", "mode": "reduce_payment"}
    emit("prepayment-error-amount-exceeds-balance", "prepayment", inp,
         "rules.md: an amount greater than the balance after row k is an error on amount (80000 loan, 90000 prepaid)",
         {"error": "amount"})
    inp = {"terms": terms, "after_period": 24, "amount": "100", "mode": "reduce_payment"}
    emit("prepayment-error-after-period-out-of-range", "prepayment", inp,
         "rules.md: after_period is 0..n−1; 24 of 24 leaves nothing to recalculate → error naming after_period",
         {"error": "after_period"})


# ---------------------------------------------------------------------------
# accrual

def rate_text(pol, day):
    pr = pol.get("penalty_rate") or {"rate": "0", "unit": "daily"}
    unit = pr.get("unit", "annual")
    markup = pr.get("markup")
    if unit == "daily":
        t = pr["rate"]
    else:
        dc = pr.get("day_count", "act/360")
        basis = {"act/365": 365, "act/act": ref.days_in_year(int(day[:4]))}.get(dc, 360)
        t = f"{pr['rate']}/{basis}" if unit == "annual" else f"{pr['rate']}×12/{basis}"
    if markup and Fr(ref.parse_dec(markup, "m")) != 0:
        t = f"{t}×(1+{markup})"
    return t


def seg_text(res, pol, limit=8):
    daily = pol.get("accrual_rounding") == "daily"
    out = []
    for s in res["explanation"]["segments"][:limit]:
        rt = rate_text(pol, s["from"])
        if daily:
            calc = f"{s['days']}×round({s['base']}×{rt})"
        else:
            calc = f"round({s['base']}×{rt}×{s['days']})"
        tag = ""
        if s.get("contingent"):
            tag = f" [contingent, {s['contingent']}]" if s["contingent"] is not True else " [contingent]"
        if s["capped"]:
            tag += " [capped: cut to the cap]"
        out.append(f"#{s['installment']} {s['from']}→{s['to']} {s['days']}d: {calc} = {s['amount']}{tag}")
    more = len(res["explanation"]["segments"]) - limit
    return "; ".join(out) + (f"; … {more} more segments" if more > 0 else "")


def lf_text(res):
    return "; ".join(f"late fee #{l['installment']} at {l['date']}: {l['rule']}"
                     + (" [capped]" if l["capped"] else "") for l in res["explanation"]["late_fees"])


def pay_text(res):
    out = []
    for p in res["explanation"]["payments"]:
        al = ", ".join(f"#{a['installment']} {a['component']} {a['amount']}" for a in p["allocation"])
        out.append(f"payment {p['date']} {p['amount']} → {al}" + (f", unapplied {p['unapplied']}"
                                                                   if D(p["unapplied"]) else ""))
    return "; ".join(out)


def waiver_text(res):
    return "; ".join(f"waiver {w['date']} #{w['installment']} {w['component']} −{w['amount']}"
                     for w in res["explanation"]["waivers"])


def acc_expect(res, numbers=None):
    numbers = numbers or [i["number"] for i in res["installments"]]
    inst = {}
    for i in res["installments"]:
        if i["number"] in numbers:
            inst[str(i["number"])] = {k: i[k] for k in INST_KEYS}
    return {"days_past_due": res["days_past_due"], "bucket": res["bucket"], "installments": inst,
            "totals": res["totals"], "unapplied": res["unapplied"]}


def acc_src(rule, res, pol):
    parts = [rule]
    for f in (lambda r: seg_text(r, pol), lf_text, waiver_text, pay_text):
        t = f(res)
        if t:
            parts.append(t)
    parts.append(f"outstanding {res['totals']['outstanding']}, dpd {res['days_past_due']} → {res['bucket']}")
    return "; ".join(parts)


def accrual(name, inp, rule, numbers=None):
    res = run("accrual", inp)
    emit(name, "accrual", inp, acc_src(rule, res, inp.get("policy") or {}), acc_expect(res, numbers))
    return res


def accrual_vectors():
    card = {"rate": "0.0005", "unit": "daily"}
    one = [{"due_date": "2025-03-10", "principal": "2000.00", "interest": "80.00", "fee": "0"}]
    pol = {"penalty_rate": card, "grace_days": 3, "grace_mode": "forgive", "late_fee": {"kind": "fixed", "amount": "30"}}

    accrual("accrual-grace-forgiven-paid-on-last-grace-day",
            {"as_of": "2025-03-31", "installments": one, "payments": [{"date": "2025-03-13", "amount": "2080.00"}],
             "policy": pol},
            "grace 3 days, forgive: due 2025-03-10, paid in full on D+3 = 2025-03-13 (end of grace) → the penalty "
            "accrued 03-10→03-13 was contingent and is dropped at the start of 03-14, and no late fee is assessed")

    accrual("accrual-grace-missed-by-one-day",
            {"as_of": "2025-03-31", "installments": one, "payments": [{"date": "2025-03-14", "amount": "2080.00"}],
             "policy": pol},
            "same installment paid in full amount 2080.00 but on D+g+1 = 2025-03-14: at the start of that day the "
            "contingent penalty becomes payable and the late fee 30 is assessed BEFORE the payment, so the payment "
            "goes penalty → late fee → interest → principal and 34.00 principal stays overdue")

    accrual("accrual-grace-partial-payment",
            {"as_of": "2025-03-31", "installments": one, "payments": [{"date": "2025-03-12", "amount": "1000.00"}],
             "policy": pol},
            "partial payment inside the grace: contingent penalty is not payable, so 1000 pays interest 80 then principal "
            "920; the segment is split at the payment date; at 2025-03-14 the installment is still unpaid, so the "
            "contingent penalty becomes payable and the late fee is assessed on the unpaid 1080.00")

    accrual("accrual-as-of-inside-grace-contingent-not-shown",
            {"as_of": "2025-03-12", "installments": one, "payments": [], "policy": pol},
            "as_of 2025-03-12 is inside the 3-day grace: 2 days have accrued but are contingent, so penalty and "
            "penalty_accrued are 0 (rules.md: contingent penalty is in neither) while days_past_due is 2 (M1)")

    accrual("accrual-defer-mode-annual-markup",
            {"as_of": "2025-05-20",
             "installments": [{"due_date": "2025-04-15", "principal": "8000.00", "interest": "266.67", "fee": "0"}],
             "payments": [{"date": "2025-05-01", "amount": "3000.00"}],
             "policy": {"penalty_rate": {"rate": "0.06", "unit": "annual", "day_count": "act/360", "markup": "0.5"},
                        "grace_days": 5, "grace_mode": "defer",
                        "late_fee": {"kind": "percent", "rate": "0.05", "min": "10", "max": "200"}}},
            "grace 5 days, defer: penalty accrues only from D+5 = 2025-04-20 (no contingent phase); daily rate = "
            "0.06/360 × 1.5 = 0.00025; the late fee 5% of unpaid 8266.67 = 413.33 is lowered to max 200.00 and assessed "
            "at 2025-04-21; the payment on 05-01 pays penalty, late fee, interest, then principal")

    accrual("accrual-cap-late-fee-counts-first",
            {"as_of": "2025-07-31",
             "installments": [{"due_date": "2025-05-05", "principal": "1000.00", "interest": "20.00", "fee": "0"}],
             "payments": [],
             "policy": {"penalty_rate": {"rate": "0.001", "unit": "daily"}, "grace_days": 3,
                        "late_fee": {"kind": "fixed", "amount": "60"}, "cap": "0.1"}},
            "cap 0.1 → round(0.1 × 1000.00) = 100.00 for penalty + late fees; contingent 4.00 (05-05→05-09) becomes "
            "payable, then the late fee 60 assessed at 05-09 counts against the cap before any later penalty "
            "(room 96.00 → fits); the next segment 05-09→07-31 (83 days = 83.00) crosses the remaining room 36.00 "
            "and is cut to 36.00, flagged capped")

    accrual("accrual-cap-late-fee-cut",
            {"as_of": "2025-07-31",
             "installments": [{"due_date": "2025-06-01", "principal": "1000.00", "interest": "0", "fee": "0"}],
             "payments": [],
             "policy": {"penalty_rate": {"rate": "0.01", "unit": "daily"}, "grace_days": 10,
                        "late_fee": {"kind": "fixed", "amount": "60"}, "cap": "0.1"}},
            "cap 100.00; contingent accrual counts against the cap while it stands: 06-01→06-12 = 11 × 10.00 = 110.00 is "
            "cut to 100.00 (capped); it becomes payable at 06-12; the late fee 60 assessed then finds no room and is cut to "
            "0.00 (capped); later segments accrue 0")

    accrual("accrual-stop-after-90-days",
            {"as_of": "2025-06-30",
             "installments": [{"due_date": "2025-03-01", "principal": "5000.00", "interest": "75.00", "fee": "10.00"}],
             "payments": [],
             "policy": {"penalty_rate": {"rate": "0.18", "unit": "annual", "day_count": "act/365"},
                        "stop_after_days": 90}},
            "stop_after_days 90: no accrual on or after D+90 = 2025-05-30 (non-accrual), so one segment 03-01→05-30 of "
            "90 days: round(5000 × 0.18/365 × 90); days_past_due keeps counting: 121 → M5")

    ledger = [{"due_date": "2025-01-10", "principal": "1234.56", "interest": "0", "fee": "0"}]
    for mode in ("segment", "daily"):
        accrual(f"accrual-{mode}-rounding",
                {"as_of": "2025-03-01", "installments": ledger,
                 "payments": [{"date": "2025-02-05", "amount": "500.00"}],
                 "policy": {"penalty_rate": card, "accrual_rounding": mode}},
                f"accrual_rounding {mode} on the same ledger as its twin vector: base 1234.56 × 0.0005 = 0.61728 a day; "
                + ("segment: round(base × rate × days) per segment" if mode == "segment" else
                   "daily: days × round(base × rate), i.e. 0.62 a day before the payment")
                + "; the two vectors differ only in this setting (so the payment splits differently too)")

    two = [{"due_date": "2025-01-05", "principal": "500.00", "interest": "50.00", "fee": "0"},
           {"due_date": "2025-02-05", "principal": "500.00", "interest": "45.00", "fee": "0"}]
    for scope in ("installment", "component"):
        accrual(f"accrual-allocation-scope-{scope}",
                {"as_of": "2025-03-10", "installments": two, "payments": [{"date": "2025-03-01", "amount": "600.00"}],
                 "policy": {"penalty_rate": card, "late_fee": {"kind": "fixed", "amount": "20"},
                            "allocation_scope": scope}},
                "two overdue installments, one payment of 600 on 2025-03-01, default allocation penalty, late_fee, fee, "
                "interest, principal; " +
                ("scope installment (vertical): finish installment 1 in component order, then installment 2"
                 if scope == "installment" else
                 "scope component (horizontal): penalties of both, late fees of both, interests of both, then principal "
                 "oldest first"))

    accrual("accrual-overpayment-unapplied",
            {"as_of": "2025-04-30",
             "installments": [{"due_date": "2025-04-01", "principal": "300.00", "interest": "12.00", "fee": "3.00"}],
             "payments": [{"date": "2025-04-20", "amount": "400.00"}],
             "policy": {"penalty_rate": card, "late_fee": {"kind": "fixed", "amount": "25"}}},
            "the payment exceeds everything owed (no later installments to prepay): the rest is unapplied")

    accrual("accrual-payment-before-due-prepays-next",
            {"as_of": "2025-03-20",
             "installments": [{"due_date": "2025-02-05", "principal": "1000.00", "interest": "30.00", "fee": "0"},
                              {"due_date": "2025-03-05", "principal": "1000.00", "interest": "25.00", "fee": "0"},
                              {"due_date": "2025-04-05", "principal": "1000.00", "interest": "20.00", "fee": "0"}],
             "payments": [{"date": "2025-02-20", "amount": "1800.00"}],
             "policy": {"penalty_rate": card, "late_fee": {"kind": "fixed", "amount": "15"}}},
            "payment 2025-02-20: installment 1 (due 02-05, overdue) is paid first incl. its penalty and late fee; the rest "
            "prepays installment 2 (not yet due) in component order (interest, principal); at its due date 03-05 "
            "installment 2 still owes a remainder, which accrues and gets a late fee; installment 3 is not due at as_of")

    accrual("accrual-act-act-across-year-end",
            {"as_of": "2024-01-20",
             "installments": [{"due_date": "2023-12-15", "principal": "100000.00", "interest": "362.50", "fee": "0"}],
             "payments": [],
             "policy": {"penalty_rate": {"rate": "0.0435", "unit": "annual", "day_count": "act/act", "markup": "0.5"}}},
            "act/act: the daily rate depends on the year, so the accrual is split at 2024-01-01: 2023 days at "
            "0.0435/365 × 1.5, 2024 (leap) days at 0.0435/366 × 1.5")

    accrual("accrual-annual-markup-act360-principal-and-interest",
            {"as_of": "2025-08-31",
             "installments": [{"due_date": "2025-06-20", "principal": "50000.00", "interest": "181.25", "fee": "0"}],
             "payments": [{"date": "2025-07-10", "amount": "20000.00"}],
             "policy": {"penalty_rate": {"rate": "0.0435", "unit": "annual", "day_count": "act/360", "markup": "0.5"},
                        "base": "principal_and_interest"}},
            "罚息 = contract rate 4.35% a year × (1 + 50% markup) = 0.0435/360 × 1.5 = 0.00018125 a day (act/360); "
            "base principal_and_interest (复利 on overdue interest too)")

    accrual("accrual-monthly-unit-act365",
            {"as_of": "2025-10-15",
             "installments": [{"due_date": "2025-09-01", "principal": "6000.00", "interest": "90.00", "fee": "0"}],
             "payments": [],
             "policy": {"penalty_rate": {"rate": "0.015", "unit": "monthly", "day_count": "act/365"}}},
            "monthly unit: daily = 0.015 × 12 / 365 (act/365) = 18/36500 a day on principal")

    accrual("accrual-card-revolving-interest-from-posting-date",
            {"as_of": "2025-03-01",
             "installments": [{"due_date": "2025-01-05", "principal": "1000.00", "interest": "0", "fee": "0"}],
             "payments": [{"date": "2025-02-08", "amount": "100.00"}],
             "policy": {"penalty_rate": card, "grace_days": 34, "grace_mode": "forgive"}},
            "credit card interest-free period modelled with the accrual engine: the purchase posted 2025-01-05 is an "
            "installment due on its posting date, grace_days 34 runs to the statement due date 2025-02-08, mode forgive, "
            "daily 0.05% (万分之五). Paid in full by 02-08 the interest would be forgiven; paying only 100 (the minimum) "
            "makes the interest from the posting date payable at 02-09 (全额计息), no late fee (none configured since the "
            "minimum was met)")

    accrual("accrual-card-weiyuejin-5pct-of-unpaid-minimum",
            {"as_of": "2025-04-10",
             "installments": [{"due_date": "2025-03-08", "principal": "1200.00", "interest": "0", "fee": "0"}],
             "payments": [{"date": "2025-03-08", "amount": "500.00"}],
             "policy": {"penalty_rate": {"rate": "0", "unit": "daily"},
                        "late_fee": {"kind": "percent", "rate": "0.05"}}},
            "card 违约金: the installment is the statement's minimum payment 1200.00 (revolving interest is on its own ledger, "
            "so the penalty rate here is 0); 500 paid on the due date leaves 700.00 of the minimum unpaid; at the start of "
            "D+1 the 违约金 = round(0.05 × 700.00) = 35.00")

    led = [{"due_date": "2025-02-15", "principal": "3000.00", "interest": "60.00", "fee": "0"}]
    accrual("accrual-waiver-percent-late-fee-and-penalty",
            {"as_of": "2025-04-15", "installments": led, "payments": [{"date": "2025-04-01", "amount": "1000.00"}],
             "waivers": [{"date": "2025-04-01", "component": "late_fee", "percent": "1", "installment": 1},
                         {"date": "2025-04-15", "component": "penalty", "percent": "0.5"}],
             "policy": {"penalty_rate": card, "late_fee": {"kind": "fixed", "amount": "50"}}},
            "waivers apply at the start of their date, after that day's boundaries and BEFORE its payments: on 04-01 the "
            "late fee is waived 100% so the 1000 payment goes to penalty, interest and principal; on as_of half of the "
            "payable penalty is waived, round(0.5 × 14.89) = round(7.445) = 7.45 (half_up); CHOICE: penalty_accrued "
            "still counts the waived penalty (accrued, paid or not)")

    two_lf = [{"due_date": "2025-01-20", "principal": "800.00", "interest": "40.00", "fee": "5.00"},
              {"due_date": "2025-02-20", "principal": "800.00", "interest": "35.00", "fee": "5.00"}]
    accrual("accrual-waiver-amount-oldest-first",
            {"as_of": "2025-03-31", "installments": two_lf, "payments": [],
             "waivers": [{"date": "2025-03-31", "component": "late_fee", "amount": "60.00"},
                         {"date": "2025-03-31", "component": "interest", "amount": "10.00", "installment": 2}],
             "policy": {"penalty_rate": card, "late_fee": {"kind": "percent", "rate": "0.05", "min": "10"}}},
            "amount waivers without an installment are spread oldest installment first and capped at what is outstanding: "
            "60.00 of late fees = all of installment 1's 42.25 then 17.75 of installment 2's; an interest waiver of 10.00 "
            "names installment 2")

    accrual("accrual-same-day-payments-input-order",
            {"as_of": "2025-05-31",
             "installments": [{"due_date": "2025-05-01", "principal": "1500.00", "interest": "45.00", "fee": "0"}],
             "payments": [{"date": "2025-05-16", "amount": "20.00"}, {"date": "2025-05-16", "amount": "1000.00"}],
             "policy": {"penalty_rate": card, "late_fee": {"kind": "fixed", "amount": "35"}}},
            "two payments on the same day are applied in input order (20.00 first, then 1000.00), each against what the "
            "previous one left; both see the penalty accrued up to 05-16")

    accrual("accrual-payment-after-as-of-ignored",
            {"as_of": "2025-05-31",
             "installments": [{"due_date": "2025-05-01", "principal": "1500.00", "interest": "45.00", "fee": "0"}],
             "payments": [{"date": "2025-05-20", "amount": "500.00"}, {"date": "2025-06-01", "amount": "1200.00"}],
             "policy": {"penalty_rate": card}},
            "the 1200.00 payment dated 2025-06-01 is after as_of 2025-05-31 and is ignored (no segment split there either)")

    accrual("accrual-multi-installment-several-payments",
            {"as_of": "2025-06-30",
             "installments": [{"due_date": "2025-02-10", "principal": "2000.00", "interest": "150.00", "fee": "20.00"},
                              {"due_date": "2025-03-10", "principal": "2000.00", "interest": "135.00", "fee": "20.00"},
                              {"due_date": "2025-04-10", "principal": "2000.00", "interest": "120.00", "fee": "20.00"},
                              {"due_date": "2025-05-10", "principal": "2000.00", "interest": "105.00", "fee": "20.00"}],
             "payments": [{"date": "2025-02-12", "amount": "1000.00"}, {"date": "2025-03-20", "amount": "2500.00"},
                          {"date": "2025-05-11", "amount": "1500.00"}],
             "policy": {"penalty_rate": {"rate": "0.0005", "unit": "daily"}, "base": "principal_and_interest",
                        "grace_days": 3, "grace_mode": "forgive",
                        "late_fee": {"kind": "percent", "rate": "0.05", "min": "10", "max": "100"}}},
            "4 monthly installments, 3 payments, grace 3 forgive, base principal_and_interest, late fee 5% (min 10, max 100). "
            "Every payment date splits every installment's accrual (payment dates inside an installment's accrual are "
            "boundaries even when the payment does not reach it); the 2025-05-11 payment falls on installment 4's D+1, "
            "inside its grace, but is used up by installments 2 and 3, so installment 4's contingent penalty becomes "
            "payable and its late fee is assessed at 2025-05-14")

    accrual("accrual-custom-allocation-principal-first",
            {"as_of": "2025-03-31",
             "installments": [{"due_date": "2025-02-01", "principal": "900.00", "interest": "36.00", "fee": "9.00"}],
             "payments": [{"date": "2025-03-01", "amount": "600.00"}],
             "policy": {"penalty_rate": card, "late_fee": {"kind": "fixed", "amount": "25"},
                        "allocation": ["principal", "interest", "fee", "late_fee", "penalty"]}},
            "allocation principal, interest, fee, late_fee, penalty (the order some regulators require): the payment "
            "reduces the penalty base first, leaving penalty and late fee outstanding")

    accrual("accrual-long-overdue-m7-plus",
            {"as_of": "2025-12-31",
             "installments": [{"due_date": "2025-05-15", "principal": "10000.00", "interest": "400.00", "fee": "0"},
                              {"due_date": "2025-06-15", "principal": "10000.00", "interest": "350.00", "fee": "0"}],
             "payments": [],
             "policy": {"penalty_rate": {"rate": "0.24", "unit": "annual", "day_count": "act/365"},
                        "late_fee": {"kind": "fixed", "amount": "100"}, "stop_after_days": 180}},
            "long overdue: installment 1 is 230 days past due → bucket M7+; stop_after_days 180 ends accrual at D+180")

    errs = [
        ("accrual-error-installments-out-of-order",
         {"as_of": "2025-03-01",
          "installments": [{"due_date": "2025-02-05", "principal": "100", "interest": "0", "fee": "0"},
                           {"due_date": "2025-01-05", "principal": "100", "interest": "0", "fee": "0"}],
          "policy": {}},
         "installments", "SPEC §3/§5: installments must be in ascending due_date order; 2025-01-05 after 2025-02-05 is an error"),
        ("accrual-error-unknown-allocation-component",
         {"as_of": "2025-03-01",
          "installments": [{"due_date": "2025-02-05", "principal": "100", "interest": "0", "fee": "0"}],
          "policy": {"allocation": ["penalty", "late_fee", "fees", "interest", "principal"]}},
         "allocation", "SPEC §5: an allocation naming an unknown component (\"fees\") is an error"),
        ("accrual-error-payment-amount-zero",
         {"as_of": "2025-03-01",
          "installments": [{"due_date": "2025-02-05", "principal": "100", "interest": "0", "fee": "0"}],
          "payments": [{"date": "2025-02-10", "amount": "0"}], "policy": {}},
         "amount", "SPEC §3: payment amount > 0; a zero amount is rejected naming amount"),
        ("accrual-error-unknown-policy-key",
         {"as_of": "2025-03-01",
          "installments": [{"due_date": "2025-02-05", "principal": "100", "interest": "0", "fee": "0"}],
          "policy": {"grace_day": 3}},
         "grace_day", "SPEC §1: unknown keys are errors; \"grace_day\" (typo of grace_days) must be named"),
    ]
    for name, inp, e, src in errs:
        emit(name, "accrual", inp, src, {"error": e})


# ---------------------------------------------------------------------------
# plan kinds

def plan_vectors():
    def mp(name, inp, src):
        res = run("minimum_payment", inp)
        emit(name, "minimum_payment", inp, src.format(**res), res)

    mp("minimum-payment-at-floor",
       {"balances": {"purchases": "300.00", "interest": "4.50"}, "policy": {"percent": {"purchases": "0.10"},
                                                                            "floor": "50"}},
       "10% × 300.00 + 4.50 = 34.50 is below the floor 50 → raised to {minimum_payment}")
    mp("minimum-payment-above-balance-capped-at-sum",
       {"balances": {"purchases": "18.40", "interest": "0.60"}, "policy": {"percent": {"purchases": "0.10"},
                                                                           "floor": "25"}},
       "10% × 18.40 + 0.60 = 2.44, floor 25 would exceed the whole balance 19.00 → capped at the sum {minimum_payment}")
    mp("minimum-payment-us-1pct-plus-interest-and-fees",
       {"balances": {"principal": "4235.17", "interest": "63.53", "fees": "39.00"},
        "policy": {"percent": {"principal": "0.01"}, "floor": "35"}},
       "US: 1% of principal + interest + fees = 42.3517 + 63.53 + 39.00 = 144.8817 → round once over the sum = "
       "{minimum_payment} (above the $35 floor)")
    mp("minimum-payment-round-once-half-even",
       {"balances": {"purchases": "1234.25", "cash_advance": "0"}, "policy": {"percent": {"purchases": "0.10"}},
        "rounding": {"places": 2, "mode": "half_even"}},
       "10% × 1234.25 = 123.425 rounded once over the sum, half_even → {minimum_payment} (half_up would give 123.43)")
    mp("minimum-payment-jpy-places-0",
       {"balances": {"shopping": "87654", "revolving_interest": "1321"}, "policy": {"percent": {"shopping": "0.05"},
                                                                                   "floor": "1000"},
        "rounding": {"places": 0}},
       "JPY: 5% × 87654 = 4382.7 + 1321 = 5703.7 → half_up to the yen = {minimum_payment}")

    def po(name, inp, src):
        res = run("payoff_projection", inp)
        emit(name, "payoff_projection", inp, src.format(**res), res)

    po("payoff-projection-us-2pct-plus-interest",
       {"balance": "5000", "cycle_rate": "0.0199", "minimum": {"percent": {"principal": "0.02"}, "floor": "25"}},
       "each cycle: interest = round(B × 0.0199); minimum = round(2% × B + interest), floor 25, capped at B+interest; "
       "cycle 1: interest 99.50, minimum 100.00 + 99.50 = 199.50; pays off in {cycles} cycles, total paid {total_paid}, "
       "interest {total_interest}; CARD Act 36-cycle payment = 5000·r(1+r)^36/((1+r)^36−1), r=0.0199 → "
       "{payment_for_36_cycles}")
    po("payoff-projection-cn-10pct-minimum",
       {"balance": "20000", "cycle_rate": "0.015", "minimum": {"percent": {"principal": "0.10"}, "floor": "10"}},
       "Chinese card 10% of the balance + 100% of the cycle's interest, floor 10, 0.05%/day ≈ 1.5% a cycle: cycle 1 "
       "interest 300.00, minimum 2000.00 + 300.00; {cycles} cycles, total paid {total_paid}, interest {total_interest}; "
       "36-cycle payment {payment_for_36_cycles}")
    po("payoff-projection-floor-dominates",
       {"balance": "300", "cycle_rate": "0.02", "minimum": {"percent": {"principal": "0.01"}, "floor": "25"}},
       "small balance: 1% + interest (3.00 + 6.00 = 9.00) is below the floor, so 25 a cycle until the last cycle pays "
       "what is left: {cycles} cycles, total {total_paid}, interest {total_interest}; 36-cycle payment "
       "{payment_for_36_cycles}")
    emit("payoff-projection-error-never-ends", "payoff_projection",
         {"balance": "10000", "cycle_rate": "0.02", "minimum": {"percent": {"principal": "0.01", "interest": "0"},
                                                                "floor": "0"}},
         "minimum = 1% of the balance only (100.00) never exceeds the cycle's interest round(10000 × 0.02) = 200.00: the "
         "balance grows forever → an error naming the interest, not a loop",
         {"error": "interest"})
    emit("payoff-projection-error-more-than-1200-cycles", "payoff_projection",
         {"balance": "100000", "cycle_rate": "0.001", "minimum": {"percent": {"principal": "0", "interest": "1"},
                                                                  "floor": "101"}},
         "the floor 101 barely exceeds the first cycle's interest 100.00, so the balance falls by about 1 a cycle: payoff "
         "would take more than 1200 cycles → error naming the interest (SPEC §4)",
         {"error": "interest"})

    # deferrals
    for method, P, rate, n, start in (("equal_installment", "100000", "0.06", 24, "2024-01-10"),
                                      ("equal_principal", "240000", "0.054", 36, "2024-03-31")):
        terms = {"principal": P, "annual_rate": rate, "periods": n, "method": method, "start_date": start}
        orig = run("schedule", terms)
        m, k = 5, 3
        for mode in ("capitalize", "spread", "waive"):
            inp = {"terms": terms, "from_period": m, "periods": k, "interest": mode}
            res = run("deferral", inp)
            B = row(orig, m)["opening_balance"]
            tag = "等额本息" if method == "equal_installment" else "等额本金"
            if mode == "capitalize":
                src = (f"{tag} {P} at {rate} over {n}: rows 1..4 as scheduled; balance {B} at period 5; rows 5..7 are "
                       f"deferred (payment 0) and capitalize round(B × {rate}/12): {row(res, 5)['capitalized']}, "
                       f"{row(res, 6)['capitalized']}, {row(res, 7)['capitalized']} → {row(res, 8)['opening_balance']}; "
                       f"rows 8..{n + k} re-amortize it over {n - m + 1} rows ("
                       + ("fresh A " + row(res, 8)["principal"] + "+" + row(res, 8)["interest"] + " = "
                          + row(res, 8)["payment"] if method == "equal_installment" else
                          f"fresh share round({row(res, 8)['opening_balance']}/{n - m + 1}) = {row(res, 8)['principal']}")
                       + f"); {last_text(res)}")
            elif mode == "spread":
                src = (f"{tag} {P} at {rate} over {n}; deferral of 3 rows from period 5, interest spread: the deferred "
                       f"interest 3 × round({B} × {rate}/12) = {res['deferred_interest']} is added to the {n - m + 1} "
                       f"remaining rows in shares of round({res['deferred_interest']}/{n - m + 1}) = "
                       f"{row(res, 8)['deferred_interest_share']}, the last share taking the remainder "
                       f"{row(res, -1)['deferred_interest_share']}; the remaining rows re-amortize the unchanged {B}: "
                       f"row 8 interest {D(row(res, 8)['interest']) - D(row(res, 8)['deferred_interest_share'])} + share "
                       f"= {row(res, 8)['interest']}; {last_text(res)}")
            else:
                src = (f"{tag} {P} at {rate} over {n}; deferral waive: rows 5..7 are all zero (interest waived, balance "
                       f"{B} unchanged); rows 8..{n + k} are the original rows 5..{n} moved 3 periods later with the "
                       f"same amounts (original row 5 paid {row(orig, 5)['payment']}), days recomputed from the new dates; "
                       f"{last_text(res)}")
            exp = sched_expect(res, [4, 5, 7, 8, -1], rates=False)
            emit(f"deferral-{method.replace('_', '-')}-{mode}", "deferral", inp, src, exp)

    # deferral with daily basis, capitalize
    terms = {"principal": "60000", "annual_rate": "0.0435", "periods": 12, "method": "equal_installment",
             "interest_basis": "daily", "day_count": "act/360", "start_date": "2025-01-31"}
    inp = {"terms": terms, "from_period": 2, "periods": 2, "interest": "capitalize"}
    res = run("deferral", inp)
    emit("deferral-daily-act360-month-end-capitalize", "deferral", inp,
         f"daily basis: deferred rows capitalize the row's own day-count interest: row 2 (2025-02-28→2025-03-31, 31 days) "
         f"round({row(res, 2)['opening_balance']} × 0.0435 × 31/360) = {row(res, 2)['capitalized']}; row 3 "
         f"(→2025-04-30, 30 days) = {row(res, 3)['capitalized']}; the remaining 11 rows re-amortize "
         f"{row(res, 4)['opening_balance']} with A = {row(res, 4)['payment']}; {last_text(res)}",
         sched_expect(res, [1, 2, 3, 4, -1], rates=False))
    emit("deferral-error-from-period-zero", "deferral",
         {"terms": terms, "from_period": 0, "periods": 2, "interest": "waive"},
         "rules.md: from_period is 1..n; 0 is rejected naming from_period", {"error": "from_period"})

    # installment plans
    def ip(name, inp, src_fn, rows):
        res = run("installment_plan", inp)
        s = res["schedule"]
        exp = {"waived": res["waived"], "down_payment": res["down_payment"], "financed": res["financed"],
               "total_paid": res["total_paid"], "total_cost": res["total_cost"]}
        if "apr" in res:
            exp["apr"] = res["apr"]
        exp["schedule"] = sched_expect(s, rows)
        emit(name, "installment_plan", inp, src_fn(res, s), exp)

    ip("installment-plan-60-interest-free-tingxi-guazhang",
       {"outstanding": {"principal": "48000", "interest": "3600", "fee": "0", "penalty": "2100", "late_fee": "600"},
        "waive": {"penalty": "1", "late_fee": "1"}, "periods": 60, "pricing": {"method": "interest_free"},
        "start_date": "2025-05-31"},
       lambda r, s: (f"停息挂账, 60 periods interest free: waive penalty and late fee 100% ({r['waived']['total']}); base "
                     f"54300 − 2700 = 51600.00, no down payment; equal principal at 0%: share round(51600/60) = "
                     f"{row(s, 1)['principal']}; due dates from 2025-05-31 anchor 31 (2025-06-30, …); total cost "
                     f"{r['total_cost']}, apr {r['apr']}"),
       [1, 9, 60])
    ip("installment-plan-down-payment-by-amount",
       {"outstanding": {"principal": "15000", "interest": "820.50", "fee": "150", "penalty": "430.20",
                        "late_fee": "100"},
        "waive": {"penalty": "0.5", "late_fee": "1"}, "down_payment": {"amount": "3000"}, "periods": 12,
        "pricing": {"method": "flat_fee", "fee_rate": "0.006"}, "start_date": "2025-03-15"},
       lambda r, s: (f"waive 50% of penalty round(430.20 × 0.5) = {r['waived']['penalty']} and 100% of the late fee; base "
                     f"16500.70 − {r['waived']['total']} = 16185.60; down payment by amount 3000 → financed "
                     f"{r['financed']}; flat fee round({r['financed']} × 0.006) = {row(s, 1)['fee']}/row, share "
                     f"round({r['financed']}/12) = {row(s, 1)['principal']}; total_paid 3000 + {s['totals']['payment']} "
                     f"= {r['total_paid']}, total_cost {r['total_cost']}, apr {r['apr']}"),
       [1, 6, 12])
    ip("installment-plan-equal-installment-pricing",
       {"outstanding": {"principal": "30000", "interest": "1250", "fee": "0", "penalty": "980", "late_fee": "200"},
        "waive": {"penalty": "1", "late_fee": "1", "interest": "0.3"}, "down_payment": {"percent": "0.05"},
        "periods": 24, "pricing": {"method": "equal_installment", "annual_rate": "0.12"}, "start_date": "2025-07-01"},
       lambda r, s: (f"waived interest round(1250 × 0.3) = {r['waived']['interest']}, penalty and late fee in full; base "
                     f"{D(r['financed']) + D(r['down_payment'])}; down payment round(base × 0.05) = {r['down_payment']}; "
                     f"financed {r['financed']} at 12% 等额本息 over 24: {annuity_text(r['financed'], '0.12', 12, 24, row(s, 1)['payment'])}; "
                     f"total cost {r['total_cost']}, apr {r['apr']} (= the 12% nominal)"),
       [1, 12, 24])
    ip("installment-plan-equal-principal-pricing",
       {"outstanding": {"principal": "8000", "interest": "300", "fee": "50", "penalty": "120", "late_fee": "60"},
        "waive": {"penalty": "1"}, "periods": 18, "pricing": {"method": "equal_principal", "annual_rate": "0.08"},
        "start_date": "2025-01-20"},
       lambda r, s: (f"waive penalty 100% (120.00); base 8530 − 120 = 8410.00 financed (no down payment); 等额本金 at 8%: "
                     f"share round(8410/18) = {row(s, 1)['principal']}, row 1 interest round(8410 × 0.08/12) = "
                     f"{row(s, 1)['interest']}; {last_text(s)}; total cost {r['total_cost']}, apr {r['apr']}"),
       [1, 2, 18])
    ip("installment-plan-no-waivers-flat-fee",
       {"outstanding": {"principal": "12000", "interest": "0", "fee": "0", "penalty": "0", "late_fee": "0"},
        "periods": 24, "pricing": {"method": "flat_fee", "fee_rate": "0.0065"}, "start_date": "2025-02-28"},
       lambda r, s: (f"no waive and no down payment: everything waived is 0.00 and financed = 12000.00; card 分期 24期 "
                     f"0.65%: fee round(12000 × 0.0065) = {row(s, 1)['fee']}, share 500.00; total cost = Σ fees "
                     f"{r['total_cost']}; apr {r['apr']} (nominal 7.8%); anchor 28 from 2025-02-28 gives the 28th every month"),
       [1, 12, 24])
    ip("installment-plan-personalized-36-jpy",
       {"outstanding": {"principal": "850000", "interest": "42500", "fee": "0", "penalty": "17000", "late_fee": "0"},
        "waive": {"penalty": "1"}, "down_payment": {"percent": "0.1"}, "periods": 36,
        "pricing": {"method": "equal_installment", "annual_rate": "0.15"}, "start_date": "2025-04-10",
        "rounding": {"places": 0}},
       lambda r, s: (f"places 0: base 892500, down round(892500 × 0.1) = {r['down_payment']}, financed {r['financed']}; "
                     f"{annuity_text(r['financed'], '0.15', 12, 36, row(s, 1)['payment'])}; {last_text(s)}; "
                     f"total cost {r['total_cost']}, apr {r['apr']}"),
       [1, 36])
    emit("installment-plan-error-down-payment-exceeds-base", "installment_plan",
         {"outstanding": {"principal": "1000", "interest": "0", "fee": "0", "penalty": "0", "late_fee": "0"},
          "down_payment": {"amount": "1500"}, "periods": 6, "pricing": {"method": "interest_free"},
          "start_date": "2025-01-01"},
         "CHOICE (rules silent): a down payment larger than what is restructured (1500 > 1000) is rejected naming "
         "down_payment", {"error": "down_payment"})

    def st(name, inp, src):
        res = run("settlement", inp)
        emit(name, "settlement", inp, src.format(**res, d=res["discount"]), res)

    st("settlement-discounts-penalty-late-fee-interest-fee",
       {"outstanding": {"principal": "18500.00", "interest": "1366.67", "fee": "240.00", "penalty": "912.35",
                        "late_fee": "300.00"},
        "discount": {"penalty": "1", "late_fee": "1", "interest": "0.3", "fee": "0.5"}},
       "one-off settlement: discount per component round(amount × fraction): interest round(1366.67 × 0.3) = {d[interest]}, "
       "fee 120.00, penalty 912.35, late fee 300.00, total {d[total]}; lump sum 21319.02 − {d[total]} = {lump_sum}; "
       "saving {saving}")
    st("settlement-partial-penalty-discount",
       {"outstanding": {"principal": "5000", "interest": "0", "fee": "0", "penalty": "333.33", "late_fee": "50"},
        "discount": {"penalty": "0.5"}},
       "discount 50% of penalty: round(333.33 × 0.5) = round(166.665) = {d[penalty]} (half_up); lump sum "
       "5383.33 − {d[total]} = {lump_sum}")
    st("settlement-rounding-down",
       {"outstanding": {"principal": "2000", "interest": "55.55", "fee": "0", "penalty": "33.33", "late_fee": "0"},
        "discount": {"interest": "0.1", "penalty": "0.25"}, "rounding": {"places": 2, "mode": "down"}},
       "rounding down (in the customer's disfavour by at most a cent): interest discount 0.1 × 55.55 = 5.555 → {d[interest]}, "
       "penalty 0.25 × 33.33 = 8.3325 → {d[penalty]}; lump sum 2088.88 − {d[total]} = {lump_sum}")


def main():
    schedule_vectors()
    apr_vectors()
    prepayment_vectors()
    accrual_vectors()
    plan_vectors()
    os.makedirs(OUT, exist_ok=True)
    names = set()
    for v in VECTORS:
        assert v["name"] not in names, v["name"]
        names.add(v["name"])
        assert ref.check_vector(v) == [], (v["name"], ref.check_vector(v))
        path = os.path.join(OUT, v["name"] + ".json")
        with open(path, "w") as f:
            json.dump(v, f, indent=2, ensure_ascii=False)
            f.write("\n")
    kinds = {}
    for v in VECTORS:
        kinds[v["kind"]] = kinds.get(v["kind"], 0) + 1
    print(f"wrote {len(VECTORS)} vectors to {OUT}: {kinds}")


if __name__ == "__main__":
    main()
