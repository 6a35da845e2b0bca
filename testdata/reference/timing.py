#!/usr/bin/env python3
"""Independent reference for schedule rates by actual timing (SPEC §2, Appendix J).

Standard library only.  Amounts are fractions.Fraction; rates are solved by plain
bisection in decimal.Decimal at 60 significant digits (no Newton, no shared code
with the Go solver), then rounded half up to 6 places.

    python3 timing.py schedule < terms.json   rows (from reference.py) + rates by timing
    python3 timing.py apr < request.json      apr request, optionally dated
    python3 timing.py examples                 Appendix J (c) examples and the vectors' cases

Timing (SPEC §2 / 12 CFR 1026 Appendix J (b)(5)): payment j due T_j lies t_j unit
periods plus a fraction f_j after the start.  Monthly: whole months counted back from
T_j on the anchor day (clamped to month end) while not before the start; odd days =
days from the start to the earliest date reached; f = odd/30.  Quarterly: d = 30 *
months + odd, t = d // 90, f = (d % 90)/90.  Weekly/biweekly: d = actual days, t = d//7
(//14), f = remainder/7 (/14).  The IRR i solves P = sum c_j / ((1 + f_j i)(1 + i)^t_j).
Bullet: the unit period is the term: irr = payment/P - 1, apr = irr * k / n,
EAR = (1 + irr)^(k/n) - 1.  xirr: P = sum c_j (1 + x)^(-d_j/365), d_j actual days.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from decimal import Decimal, localcontext, ROUND_HALF_UP
from fractions import Fraction as Fr

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import reference as R  # noqa: E402  (rows only: the schedule itself is not at issue here)

PREC = 60
PPY = {"monthly": 12, "quarterly": 4, "weekly": 52, "biweekly": 26}


def D(x: Fr) -> Decimal:
    return Decimal(x.numerator) / Decimal(x.denominator)


def round6(x: Decimal) -> str:
    with localcontext() as c:
        c.prec = 100
        return str(x.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP))


def add_months(d: dt.date, n: int, day: int) -> dt.date:
    y, m0 = divmod(d.month - 1 + n, 12)
    y += d.year
    m = m0 + 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(day, last))


def timing(freq: str, start: dt.date, due: dt.date, day: int):
    """(t, f) of a payment due on `due`, whole months counted on `day`."""
    if freq in ("weekly", "biweekly"):
        unit = 7 if freq == "weekly" else 14
        d = (due - start).days
        return d // unit, Fr(d % unit, unit)
    m = 0
    while add_months(due, -(m + 1), day) >= start:
        m += 1
    earliest = add_months(due, -m, day) if m else due
    odd = (earliest - start).days
    if freq == "quarterly":
        d = 30 * m + odd
        return d // 90, Fr(d % 90, 90)
    return m, Fr(odd, 30)


def bisect(g, lo: Decimal, hi: Decimal, steps=400) -> Decimal:
    """Root of a decreasing g on [lo, hi] by bisection."""
    glo, ghi = g(lo), g(hi)
    if glo < 0 or ghi > 0:
        raise ValueError("no root in the bracket")
    for _ in range(steps):
        mid = (lo + hi) / 2
        if g(mid) > 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def appendix_j_irr(P: Fr, flows) -> Decimal:
    """flows: [(amount, t, f)]; solves P = sum c/((1+f i)(1+i)^t) for i."""
    with localcontext() as c:
        c.prec = PREC
        fl = [(D(a), t, D(f)) for a, t, f in flows if a]
        Pd = D(P)

        def g(i):
            return sum(a / ((1 + f * i) * (1 + i) ** t) for a, t, f in fl) - Pd
        return bisect(g, Decimal("-0.999999"), Decimal(10000))


def rates(irr: Decimal, k: int) -> dict:
    with localcontext() as c:
        c.prec = PREC
        return {"irr": round6(irr), "apr": round6(irr * k), "effective_annual_rate": round6((1 + irr) ** k - 1)}


def bullet_rates(P: Fr, pay: Fr, n: int, k: int) -> dict:
    irr = pay / P - 1
    with localcontext() as c:
        c.prec = PREC
        ear = D(pay / P) ** (Decimal(k) / Decimal(n)) - 1
        return {"irr": round6(D(irr)), "apr": round6(D(irr * k / n)), "effective_annual_rate": round6(ear)}


def xirr(P: Fr, dated) -> str:
    """dated: [(amount, days)]; P = sum c (1+x)^(-d/365), x in (-0.99, 100)."""
    with localcontext() as c:
        c.prec = PREC
        fl = [(D(a), Decimal(d) / 365) for a, d in dated if a]
        Pd = D(P)

        def g(x):
            return sum(a * (1 + x) ** (-e) for a, e in fl) - Pd
        return round6(bisect(g, Decimal("-0.99"), Decimal(100), steps=200))


def unmoved_due(t, i: int) -> dt.date:
    """Period i's due date before any business-day calendar moves it."""
    base, k = (t.first_due, i - 1) if t.first_due else (t.start, i)
    if t.frequency in ("monthly", "quarterly"):
        return add_months(base, k * (3 if t.frequency == "quarterly" else 1), base.day)
    return base + dt.timedelta(days=k * (7 if t.frequency == "weekly" else 14))


def schedule(req: dict) -> dict:
    if "calendar" in req:
        import business_days  # noqa: F401  (moves reference.py's due dates by the calendar, SPEC §10)
    t = R.parse_terms(req)
    rows = R.schedule_rows(t)
    out = R.render_schedule(rows, t.rounding)
    k = PPY[t.frequency]
    anchor = (t.first_due or t.start).day
    paying = [r for r in rows if r["payment"]]
    if t.method == "bullet":
        out.update(bullet_rates(t.principal, rows[0]["payment"], t.periods, k))
    else:
        flows = []
        for r in paying:
            due = r["due_date"]
            # a date moved by a calendar counts its months on its own day (SPEC §2)
            day = anchor if due == unmoved_due(t, r["number"]) else due.day
            tj, fj = timing(t.frequency, t.start, due, day)
            flows.append((r["payment"], tj, fj))
        out["timing"] = [f"{r['number']}:{tj}+{fj}" for r, (_, tj, fj) in zip(paying, flows)][:3 if "calendar" not in req else 8]
        out.update(rates(appendix_j_irr(t.principal, flows), k))
    out["xirr"] = xirr(t.principal, [(r["payment"], (r["due_date"] - t.start).days) for r in paying])
    return out


def apr(req: dict) -> dict:
    P = Fr(req["principal"])
    pays = [Fr(p) for p in req["payments"]]
    if "start_date" not in req:
        k = req.get("periods_per_year", 12)
        return rates(appendix_j_irr(P, [(a, j + 1, Fr(0)) for j, a in enumerate(pays)]), k)
    freq = req.get("frequency", "monthly")
    k = PPY[freq]
    start = dt.date.fromisoformat(req["start_date"])
    first = dt.date.fromisoformat(req["first_due_date"]) if "first_due_date" in req else None
    base, off = (first, 1) if first else (start, 0)
    dues = []
    for j in range(1, len(pays) + 1):
        i = j - off
        if freq == "monthly":
            dues.append(add_months(base, i, base.day))
        elif freq == "quarterly":
            dues.append(add_months(base, 3 * i, base.day))
        else:
            dues.append(base + dt.timedelta(days=(7 if freq == "weekly" else 14) * i))
    flows = []
    for a, due in zip(pays, dues):
        tj, fj = timing(freq, start, due, base.day)
        flows.append((a, tj, fj))
    out = rates(appendix_j_irr(P, flows), k)
    out["timing"] = [f"{tj}+{fj}" for _, tj, fj in flows][:2]
    out["xirr"] = xirr(P, [(a, (d - start).days) for a, d in zip(pays, dues)])
    return out


def main(argv):
    if argv[1] == "schedule":
        print(json.dumps(schedule(json.load(sys.stdin)), indent=1, default=str))
    elif argv[1] == "apr":
        print(json.dumps(apr(json.load(sys.stdin)), indent=1))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
