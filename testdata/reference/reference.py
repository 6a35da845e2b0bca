#!/usr/bin/env python3
"""Exact reference implementation of the repayment-plan spec (SPEC.md + rules.md).

Standard library only, Python 3.11.  Every amount and rate is a fractions.Fraction;
nothing is ever a float.  IRR is solved in decimal.Decimal at 80 significant digits.

Usage:
    python3 reference.py check DIR [DIR...]   run every *.json vector, report mismatches
    python3 reference.py run FILE.json        print the full computed result of one vector
    python3 reference.py calc KIND < input.json   compute a request read from stdin

Kinds: schedule apr prepayment accrual minimum_payment payoff_projection deferral
installment_plan settlement.

Where SPEC.md and rules.md are both silent, the choices made here are marked
"CHOICE:" in comments (and listed in README.md beside this file).
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import re
import sys
from decimal import Decimal, localcontext, ROUND_HALF_UP
from fractions import Fraction as Fr
from math import floor, ceil

ZERO = Fr(0)
ONE = Fr(1)


class SpecError(Exception):
    """A request the spec says must be rejected.  Text is 'field: rule'."""


def fail(field, rule):
    raise SpecError(f"{field}: {rule}")


# ---------------------------------------------------------------------------
# parsing and validation

_DEC_RE = re.compile(r"^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$")
AMOUNT_MAX = Fr(10) ** 15
MAX_PLACES = 12


def _decimal_places(x: Fr) -> int | None:
    """Number of decimal places of x, or None if it is not a terminating decimal."""
    d = x.denominator
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return None
    return max(twos, fives)


def parse_dec(v, field, *, lo=None, hi=None, lo_open=False, bound=AMOUNT_MAX):
    """Parse a decimal given as a JSON string (or JSON number).  Bounds are checked on
    the textual exponent before any arithmetic, so "1e999999999" costs nothing."""
    if isinstance(v, bool) or v is None or isinstance(v, (list, dict)):
        fail(field, f"must be a decimal string, got {json.dumps(v)}")
    s = v if isinstance(v, str) else str(v)
    m = _DEC_RE.match(s)
    if not m:
        fail(field, f"not a decimal: {s!r}")
    sign, ip, fp, ex = m.groups()
    fp = fp or ""
    if ex is not None and (len(ex.lstrip("+-")) > 4 or abs(int(ex)) > 40):
        fail(field, f"out of range: {s!r} (|x| must be at most 1e15 with at most 12 decimal places)")
    e = int(ex) if ex else 0
    val = Fr(int(ip + fp), 10 ** len(fp)) * (Fr(10) ** e)
    if sign == "-":
        val = -val
    if abs(val) > bound:
        fail(field, f"out of range: {s!r} (|x| must be at most {bound})")
    places = _decimal_places(val)
    if places is None or places > MAX_PLACES:
        fail(field, f"at most {MAX_PLACES} decimal places, got {s!r}")
    if lo is not None and (val < lo or (lo_open and val == lo)):
        fail(field, f"must be {'greater than' if lo_open else 'at least'} {fmt_plain(lo)}, got {s}")
    if hi is not None and val > hi:
        fail(field, f"must be at most {fmt_plain(hi)}, got {s}")
    return val


def parse_int(v, field, lo, hi):
    if isinstance(v, bool) or not isinstance(v, int):
        fail(field, f"must be an integer, got {json.dumps(v)}")
    if v < lo or v > hi:
        fail(field, f"must be between {lo} and {hi}, got {v}")
    return v


_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(v, field):
    if not isinstance(v, str):
        fail(field, f"must be a date string YYYY-MM-DD, got {json.dumps(v)}")
    m = _DATE_RE.match(v)
    if not m:
        fail(field, f"must be YYYY-MM-DD, got {v!r}")
    y, mo, d = map(int, m.groups())
    try:
        out = dt.date(y, mo, d)
    except ValueError:
        fail(field, f"not a valid calendar date: {v!r}")
    if not (1900 <= y <= 2200):
        fail(field, f"year must be within 1900-2200, got {v!r}")
    return out


def check_keys(obj, allowed, field, required=()):
    if not isinstance(obj, dict):
        fail(field or "request", "must be a JSON object")
    for k in obj:
        if k not in allowed:
            raise SpecError(f'{field + ": " if field else ""}unknown field "{k}"')
    for k in required:
        if k not in obj:
            fail(f"{field}.{k}" if field else k, "is required")


def parse_enum(v, field, choices, default):
    if v is None:
        return default
    if v not in choices:
        fail(field, f"must be one of {', '.join(choices)}, got {json.dumps(v)}")
    return v


def sub(field, key):
    return f"{field}.{key}" if field else key


# ---------------------------------------------------------------------------
# rounding and formatting

MODES = ("half_up", "half_even", "down", "up", "ceiling", "floor")


def round_int(y: Fr, mode: str) -> int:
    if mode == "floor":
        return floor(y)
    if mode == "ceiling":
        return ceil(y)
    if mode == "down":
        return floor(y) if y >= 0 else ceil(y)
    if mode == "up":
        return ceil(y) if y >= 0 else floor(y)
    if mode == "half_up":
        a = floor(abs(y) + Fr(1, 2))
        return a if y >= 0 else -a
    if mode == "half_even":
        fl = floor(y)
        diff = y - fl
        if diff > Fr(1, 2):
            return fl + 1
        if diff < Fr(1, 2):
            return fl
        return fl if fl % 2 == 0 else fl + 1
    raise ValueError(mode)


class Rounding:
    def __init__(self, places=2, mode="half_up"):
        self.places = places
        self.mode = mode
        self.q = Fr(1, 10 ** places)

    def __call__(self, x: Fr) -> Fr:
        return round_int(x / self.q, self.mode) * self.q

    def to_multiple(self, x: Fr, m: Fr) -> Fr:
        return round_int(x / m, self.mode) * m

    def fmt(self, x: Fr) -> str:
        return fmt_places(x, self.places)


def parse_rounding(v, field="rounding"):
    if v is None:
        return Rounding()
    check_keys(v, ("places", "mode"), field)
    places = parse_int(v.get("places", 2), sub(field, "places"), 0, 12)
    mode = parse_enum(v.get("mode"), sub(field, "mode"), MODES, "half_up")
    return Rounding(places, mode)


def fmt_places(x: Fr, places: int) -> str:
    """Exact decimal text of x with at least `places` decimals (more if x needs them)."""
    p = _decimal_places(x)
    if p is None:
        raise ValueError(f"non-terminating {x}")
    p = max(p, places)
    n = x * 10 ** p
    assert n.denominator == 1
    n = n.numerator
    sign = "-" if n < 0 else ""
    s = str(abs(n)).rjust(p + 1, "0")
    return sign + (s[:-p] + "." + s[-p:] if p else s)


def fmt_plain(x: Fr) -> str:
    return fmt_places(x, 0)


def round6(x: Decimal) -> str:
    with localcontext() as c:
        c.prec = 100
        return str(x.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------------------
# dates and day counts

DAY_COUNTS = ("act/365", "act/360", "30/360", "act/act")


def days_in_month(y, m):
    return calendar.monthrange(y, m)[1]


def add_months(d: dt.date, n: int, anchor_day: int) -> dt.date:
    y, m0 = divmod(d.month - 1 + n, 12)
    y += d.year
    m = m0 + 1
    return dt.date(y, m, min(anchor_day, days_in_month(y, m)))


def days_in_year(y):
    return 366 if calendar.isleap(y) else 365


def yearfrac(d1: dt.date, d2: dt.date, dc: str) -> Fr:
    if dc == "act/365":
        return Fr((d2 - d1).days, 365)
    if dc == "act/360":
        return Fr((d2 - d1).days, 360)
    if dc == "30/360":
        D1, D2 = d1.day, d2.day
        if D1 == 31:
            D1 = 30
        if D2 == 31 and D1 >= 30:
            D2 = 30
        return Fr(360 * (d2.year - d1.year) + 30 * (d2.month - d1.month) + (D2 - D1), 360)
    if dc == "act/act":
        total = ZERO
        cur = d1
        while cur < d2:
            nxt = min(d2, dt.date(cur.year + 1, 1, 1))
            total += Fr((nxt - cur).days, days_in_year(cur.year))
            cur = nxt
        return total
    raise ValueError(dc)


# ---------------------------------------------------------------------------
# IRR

IRR_PREC = 80


def solve_irr(received: Fr, flows):
    """flows: list of (t:int, amount:Fr).  Returns the periodic IRR as a Decimal with
    ~70 correct significant digits, or raises SpecError('payments: ...').
    Solved for v = 1/(1+r): g(v) = sum a_t v^t - received, bracketed safeguarded Newton.
    Bracket: periodic rate r in [-0.99, 10000] (v in [1/10001, 100])."""
    with localcontext() as c:
        c.prec = IRR_PREC
        P = Decimal(received.numerator) / Decimal(received.denominator)
        fl = [(t, Decimal(a.numerator) / Decimal(a.denominator)) for t, a in flows if a != 0]

        def g(v):
            s = Decimal(0)
            ds = Decimal(0)
            for t, a in fl:
                vt = v ** t
                s += a * vt
                ds += a * t * vt / v
            return s - P, ds

        lo, hi = Decimal(1) / Decimal(10001), Decimal(100)
        glo, _ = g(lo)
        ghi, _ = g(hi)
        if not fl or (glo != 0 and ghi != 0 and (glo > 0) == (ghi > 0)):
            raise SpecError("payments: no IRR root: the payments never discount to the amount "
                            "received for any rate between -99% and +1000000% a period")
        if glo == 0:
            v = lo
        elif ghi == 0:
            v = hi
        else:
            v = Decimal(1)
            if not (lo < v < hi):
                v = (lo + hi) / 2
            tol = Decimal(10) ** -(IRR_PREC - 8)
            for _ in range(2000):
                gv, dg = g(v)
                if gv == 0:
                    break
                if (gv > 0) == (ghi > 0):
                    hi, ghi = v, gv
                else:
                    lo, glo = v, gv
                nv = v - gv / dg if dg != 0 else None
                if nv is None or not (lo < nv < hi):
                    nv = (lo + hi) / 2
                if abs(nv - v) <= tol * abs(nv):
                    v = nv
                    break
                v = nv
            else:
                raise SpecError("payments: IRR did not converge")
        return Decimal(1) / v - 1


def rates_from_irr(irr: Decimal, k: int):
    with localcontext() as c:
        c.prec = IRR_PREC
        apr = irr * k
        ear = (1 + irr) ** k - 1
    return {"irr": round6(irr), "apr": round6(apr), "effective_annual_rate": round6(ear)}


# ---------------------------------------------------------------------------
# schedule

FREQS = {"monthly": 12, "weekly": 52, "biweekly": 26, "quarterly": 4}
METHODS = ("equal_installment", "equal_principal", "interest_only", "bullet", "flat_fee")
TERMS_KEYS = ("principal", "annual_rate", "periods", "frequency", "method", "start_date",
              "first_due_date", "interest_basis", "day_count", "rounding", "fee_rate", "grace",
              "installment_multiple")


class Terms:
    pass


def parse_terms(v, field=""):
    check_keys(v, TERMS_KEYS, field, required=("principal", "annual_rate", "periods", "start_date"))
    t = Terms()
    t.principal = parse_dec(v["principal"], sub(field, "principal"), lo=ZERO, lo_open=True)
    t.annual_rate = parse_dec(v["annual_rate"], sub(field, "annual_rate"), lo=ZERO, hi=Fr(10))
    t.periods = parse_int(v["periods"], sub(field, "periods"), 1, 1200)
    t.frequency = parse_enum(v.get("frequency"), sub(field, "frequency"), tuple(FREQS), "monthly")
    t.method = parse_enum(v.get("method"), sub(field, "method"), METHODS, "equal_installment")
    t.start = parse_date(v["start_date"], sub(field, "start_date"))
    t.first_due = None
    if v.get("first_due_date") is not None:
        t.first_due = parse_date(v["first_due_date"], sub(field, "first_due_date"))
        if t.first_due <= t.start:  # CHOICE: a first due date on the start date is an error
            fail(sub(field, "first_due_date"),
                 f"must be after start_date {t.start.isoformat()}, got {t.first_due.isoformat()}")
    t.basis = parse_enum(v.get("interest_basis"), sub(field, "interest_basis"), ("periodic", "daily"), "periodic")
    t.day_count = parse_enum(v.get("day_count"), sub(field, "day_count"), DAY_COUNTS, "act/360")
    t.rounding = parse_rounding(v.get("rounding"), sub(field, "rounding"))
    t.fee_rate = ZERO
    if v.get("fee_rate") is not None:
        t.fee_rate = parse_dec(v["fee_rate"], sub(field, "fee_rate"), lo=ZERO, hi=ONE)
    t.grace_periods, t.grace_kind = 0, None
    if v.get("grace") is not None:
        gf = sub(field, "grace")
        check_keys(v["grace"], ("periods", "kind"), gf, required=("periods", "kind"))
        t.grace_periods = parse_int(v["grace"]["periods"], sub(gf, "periods"), 0, 1199)
        t.grace_kind = parse_enum(v["grace"]["kind"], sub(gf, "kind"), ("principal", "full"), None)
        if t.grace_periods >= t.periods:
            fail(sub(gf, "periods"), f"must be less than periods ({t.periods}), got {t.grace_periods}")
        if t.method == "bullet" and t.grace_periods:
            fail(gf, "not applicable to the bullet method")
    t.multiple = None
    if v.get("installment_multiple") is not None:
        t.multiple = parse_dec(v["installment_multiple"], sub(field, "installment_multiple"),
                               lo=ZERO, lo_open=True)
    t.ppy = FREQS[t.frequency]
    t.r = t.annual_rate / t.ppy
    t.fee = t.rounding(t.principal * t.fee_rate)
    t._dates = {}
    return t


def due_date(t: Terms, i: int) -> dt.date:
    """i = 0 is the start date; i >= 1 the due date of period i."""
    if i == 0:
        return t.start
    if i in t._dates:
        return t._dates[i]
    base, k = (t.first_due, i - 1) if t.first_due else (t.start, i)
    if t.frequency == "monthly":
        d = add_months(base, k, base.day)
    elif t.frequency == "quarterly":
        d = add_months(base, 3 * k, base.day)
    elif t.frequency == "weekly":
        d = base + dt.timedelta(days=7 * k)
    else:
        d = base + dt.timedelta(days=14 * k)
    if d.year > 2200:
        fail("periods", f"due date {i} falls after year 2200")
    t._dates[i] = d
    return d


def row_interest(t: Terms, opening: Fr, prev: dt.date, due: dt.date) -> Fr:
    if t.basis == "daily":
        return t.rounding(opening * t.annual_rate * yearfrac(prev, due, t.day_count))
    return t.rounding(opening * t.r)


def annuity(t: Terms, B: Fr, m: int, r: Fr | None = None) -> Fr:
    r = t.r if r is None else r
    if r == 0:
        exact = B / m
    else:
        q = (1 + r) ** m
        exact = B * r * q / (q - 1)
    if t.multiple is not None:
        return t.rounding.to_multiple(exact, t.multiple)
    return t.rounding(exact)


def make_row(number, prev, due, opening, principal, interest, fee, capitalized=ZERO):
    row = {"number": number, "due_date": due, "days": (due - prev).days, "opening_balance": opening,
           "principal": principal, "interest": interest, "fee": fee,
           "payment": principal + interest + fee,
           "closing_balance": opening - principal + capitalized}
    if capitalized:
        row["capitalized"] = capitalized
    return row


def amortize(t: Terms, B: Fr, idx: list[int], number0: int, *, A=None, share=None,
             until_paid=False, info=None):
    """Amortize balance B over the due-date indices idx (calendar positions), numbering rows
    from number0.  A / share override the fresh payment / principal share (reduce_term).
    until_paid: stop after the row whose closing balance is 0.  info receives A / share."""
    m = len(idx)
    rows = []
    if m == 0:
        return rows
    if t.method == "equal_installment" and A is None:
        A = annuity(t, B, m)
    if t.method in ("equal_principal", "flat_fee") and share is None:
        share = t.rounding(B / m)
    if info is not None:
        info["A"], info["share"] = A, share
    bal = B
    for j, i in enumerate(idx):
        prev, due = due_date(t, i - 1), due_date(t, i)
        last = j == m - 1
        interest = ZERO if t.method == "flat_fee" else row_interest(t, bal, prev, due)
        if last:
            principal = bal
        elif t.method == "equal_installment":
            principal = min(max(A - interest, ZERO), bal)
        elif t.method in ("equal_principal", "flat_fee"):
            principal = min(share, bal)
        else:  # interest_only
            principal = ZERO
        rows.append(make_row(number0 + j, prev, due, bal, principal, interest, t.fee))
        bal -= principal
        if until_paid and bal == 0:
            break
    return rows


def schedule_rows(t: Terms, info=None):
    n = t.periods
    if t.method == "bullet":
        due = due_date(t, n)
        if t.basis == "daily":
            interest = t.rounding(t.principal * t.annual_rate * yearfrac(t.start, due, t.day_count))
        else:
            interest = t.rounding(t.principal * t.r * n)
        return [make_row(1, t.start, due, t.principal, t.principal, interest, t.fee * n)]  # CHOICE: n periods' fees
    rows = []
    bal = t.principal
    g = t.grace_periods
    for i in range(1, g + 1):
        prev, due = due_date(t, i - 1), due_date(t, i)
        interest = ZERO if t.method == "flat_fee" else row_interest(t, bal, prev, due)
        if t.grace_kind == "principal":
            rows.append(make_row(i, prev, due, bal, ZERO, interest, t.fee))
        else:
            rows.append(make_row(i, prev, due, bal, ZERO, ZERO, ZERO, capitalized=interest))
            bal += interest
    rows += amortize(t, bal, list(range(g + 1, n + 1)), g + 1, info=info)
    return rows


def totals(rows):
    tot = {k: sum((r[k] for r in rows), ZERO) for k in ("principal", "interest", "fee", "payment")}
    cap = sum((r.get("capitalized", ZERO) for r in rows), ZERO)
    if cap:
        tot["capitalized"] = cap
    return tot


def schedule_rates(received: Fr, rows, ppy: int, t_of_row=None):
    if not any(r["payment"] for r in rows):
        return {}
    flows = [((t_of_row or (lambda j: j + 1))(j), r["payment"]) for j, r in enumerate(rows)]
    return rates_from_irr(solve_irr(received, flows), ppy)


def render_rows(rows, R: Rounding):
    out = []
    for r in rows:
        o = {}
        for k, v in r.items():
            if isinstance(v, Fr):
                o[k] = R.fmt(v)
            elif isinstance(v, dt.date):
                o[k] = v.isoformat()
            else:
                o[k] = v
        out.append(o)
    return out


def render_schedule(rows, R, rates=None):
    out = {"row_count": len(rows), "rows": render_rows(rows, R),
           "totals": {k: R.fmt(v) for k, v in totals(rows).items()}}
    if rates:
        out.update(rates)
    return out


def calc_schedule(req):
    t = parse_terms(req)
    info = {}
    rows = schedule_rows(t, info)
    out = render_schedule(rows, t.rounding, None)
    if any(r["payment"] for r in rows):
        # Rates by actual timing (SPEC §2, Appendix J): timing.py.
        import timing
        rated = timing.schedule(req)
        out.update({k: rated[k] for k in ("irr", "apr", "effective_annual_rate", "xirr")})
    return out


def calc_apr(req):
    if isinstance(req, dict) and "start_date" in req:
        import timing  # dated payments: Appendix J timing
        out = timing.apr(req)
        out.pop("timing")
        return out
    check_keys(req, ("principal", "payments", "periods_per_year"), "", required=("principal", "payments"))
    P = parse_dec(req["principal"], "principal", lo=ZERO, lo_open=True)
    pays = req["payments"]
    if not isinstance(pays, list) or not pays:
        fail("payments", "must be a non-empty list of amounts")
    if len(pays) > 1200:
        fail("payments", f"at most 1200 payments, got {len(pays)}")
    flows = [(j + 1, parse_dec(a, f"payments[{j}]")) for j, a in enumerate(pays)]
    k = parse_int(req.get("periods_per_year", 12), "periods_per_year", 1, 366)
    return rates_from_irr(solve_irr(P, flows), k)


def calc_prepayment(req):
    check_keys(req, ("terms", "after_period", "amount", "mode"), "",
               required=("terms", "after_period", "amount", "mode"))
    t = parse_terms(req["terms"], "terms")
    n = t.periods
    k = parse_int(req["after_period"], "after_period", 0, n - 1)
    amount = parse_dec(req["amount"], "amount", lo=ZERO, lo_open=True)
    mode = parse_enum(req["mode"], "mode", ("reduce_payment", "reduce_term"), None)
    if t.method == "bullet":
        fail("terms.method", "prepayment is not defined for bullet")
    info = {}
    orig = schedule_rows(t, info)
    bal_k = orig[k - 1]["closing_balance"] if k else t.principal
    if amount > bal_k:
        fail("amount", f"exceeds the balance {t.rounding.fmt(bal_k)} after period {k}")
    B = bal_k - amount
    idx = list(range(k + 1, n + 1))
    if B == 0:
        rows = []
    elif mode == "reduce_payment":
        rows = amortize(t, B, idx, k + 1)
    else:
        rows = amortize(t, B, idx, k + 1, A=info.get("A"), share=info.get("share"), until_paid=True)
    saved = sum((r["interest"] for r in orig[k:]), ZERO) - sum((r["interest"] for r in rows), ZERO)
    out = render_schedule(rows, t.rounding)
    out["interest_saved"] = t.rounding.fmt(saved)
    out["balance_after_prepayment"] = t.rounding.fmt(B)
    return out


# ---------------------------------------------------------------------------
# penalty accrual

COMPONENTS = ("penalty", "late_fee", "fee", "interest", "principal")
POLICY_KEYS = ("penalty_rate", "base", "grace_days", "grace_mode", "late_fee", "stop_after_days", "cap",
               "accrual_rounding", "allocation", "allocation_scope", "rounding")


class Inst:
    pass


def bucket_of(dpd):
    if dpd <= 0:
        return "current"
    k = (dpd - 1) // 30 + 1
    return f"M{k}" if k <= 6 else "M7+"


def parse_policy(p):
    check_keys(p, POLICY_KEYS, "policy")
    pol = Inst()
    pr = p.get("penalty_rate")
    if pr is None:
        pol.rate, pol.unit, pol.dc, pol.markup = ZERO, "daily", "act/360", ZERO  # CHOICE: absent = no penalty
    else:
        check_keys(pr, ("rate", "unit", "day_count", "markup"), "policy.penalty_rate", required=("rate",))
        pol.rate = parse_dec(pr["rate"], "policy.penalty_rate.rate", lo=ZERO, hi=Fr(10))
        pol.unit = parse_enum(pr.get("unit"), "policy.penalty_rate.unit", ("annual", "monthly", "daily"), "annual")
        pol.dc = parse_enum(pr.get("day_count"), "policy.penalty_rate.day_count", DAY_COUNTS, "act/360")
        pol.markup = ZERO
        if pr.get("markup") is not None:
            pol.markup = parse_dec(pr["markup"], "policy.penalty_rate.markup", lo=ZERO, hi=Fr(10))
    pol.base = parse_enum(p.get("base"), "policy.base", ("principal", "principal_and_interest"), "principal")
    pol.g = parse_int(p.get("grace_days", 0), "policy.grace_days", 0, 3650)
    pol.grace_mode = parse_enum(p.get("grace_mode"), "policy.grace_mode", ("forgive", "defer"), "forgive")
    pol.late_fee = None
    if p.get("late_fee") is not None:
        lf = p["late_fee"]
        check_keys(lf, ("kind", "amount", "rate", "min", "max"), "policy.late_fee", required=("kind",))
        kind = parse_enum(lf["kind"], "policy.late_fee.kind", ("fixed", "percent"), None)
        L = Inst()
        L.kind = kind
        if kind == "fixed":
            if "amount" not in lf:
                fail("policy.late_fee.amount", "is required for kind fixed")
            L.amount = parse_dec(lf["amount"], "policy.late_fee.amount", lo=ZERO)
        else:
            if "rate" not in lf:
                fail("policy.late_fee.rate", "is required for kind percent")
            L.rate = parse_dec(lf["rate"], "policy.late_fee.rate", lo=ZERO, hi=ONE)
            L.min = parse_dec(lf["min"], "policy.late_fee.min", lo=ZERO) if lf.get("min") is not None else None
            L.max = parse_dec(lf["max"], "policy.late_fee.max", lo=ZERO) if lf.get("max") is not None else None
            if L.min is not None and L.max is not None and L.min > L.max:
                fail("policy.late_fee.max", "must not be below min")
        pol.late_fee = L
    pol.S = None
    if p.get("stop_after_days") is not None:
        pol.S = parse_int(p["stop_after_days"], "policy.stop_after_days", 1, 36500)
    pol.cap = None
    if p.get("cap") is not None:
        pol.cap = parse_dec(p["cap"], "policy.cap", lo=ZERO, hi=Fr(100))
    pol.acc_round = parse_enum(p.get("accrual_rounding"), "policy.accrual_rounding", ("segment", "daily"), "segment")
    alloc = p.get("allocation")
    if alloc is None:
        pol.alloc = list(COMPONENTS)
    else:
        if not isinstance(alloc, list):
            fail("policy.allocation", "must be a list of components")
        for c in alloc:
            if c not in COMPONENTS:
                fail("policy.allocation", f"unknown component {json.dumps(c)} (want a permutation of "
                     + ", ".join(COMPONENTS) + ")")
        if sorted(alloc) != sorted(COMPONENTS):
            fail("policy.allocation", "must name each of " + ", ".join(COMPONENTS) + " exactly once")
        pol.alloc = list(alloc)
    pol.scope = parse_enum(p.get("allocation_scope"), "policy.allocation_scope", ("installment", "component"),
                           "installment")
    pol.R = parse_rounding(p.get("rounding"), "policy.rounding")
    return pol


def daily_rate(pol, day: dt.date) -> Fr:
    if pol.unit == "daily":
        base = pol.rate
    else:
        if pol.dc == "act/act":
            basis = days_in_year(day.year)
        elif pol.dc == "act/365":
            basis = 365
        else:
            basis = 360
        base = pol.rate / basis if pol.unit == "annual" else pol.rate * 12 / basis
    return base * (1 + pol.markup)


def calc_accrual(req):
    check_keys(req, ("as_of", "installments", "payments", "policy", "waivers"), "",
               required=("as_of", "installments"))
    as_of = parse_date(req["as_of"], "as_of")
    pol = parse_policy(req.get("policy") or {})
    R = pol.R
    raw = req["installments"]
    if not isinstance(raw, list) or not raw:
        fail("installments", "must be a non-empty list")
    if len(raw) > 1200:
        fail("installments", "at most 1200")
    insts = []
    for j, v in enumerate(raw):
        f = f"installments[{j}]"
        check_keys(v, ("due_date", "principal", "interest", "fee"), f, required=("due_date", "principal"))
        s = Inst()
        s.number = j + 1
        s.D = parse_date(v["due_date"], f + ".due_date")
        s.P = parse_dec(v["principal"], f + ".principal", lo=ZERO)
        s.I = parse_dec(v.get("interest", "0"), f + ".interest", lo=ZERO)
        s.F = parse_dec(v.get("fee", "0"), f + ".fee", lo=ZERO)
        s.P0 = s.P
        if insts and s.D < insts[-1].D:
            fail("installments", f"must be in ascending due_date order: installment {j + 1} is due "
                 f"{s.D.isoformat()}, before installment {j} ({insts[-1].D.isoformat()})")
        s.pen = s.cont = s.lf = s.pen_accrued = s.lf_assessed = ZERO
        s.capped = False
        insts.append(s)
    payments = []
    for j, v in enumerate(req.get("payments") or []):
        f = f"payments[{j}]"
        check_keys(v, ("date", "amount"), f, required=("date", "amount"))
        d = parse_date(v["date"], f + ".date")
        a = parse_dec(v["amount"], f + ".amount", lo=ZERO, lo_open=True)
        payments.append((d, a, j))
    waivers = []
    for j, v in enumerate(req.get("waivers") or []):
        f = f"waivers[{j}]"
        check_keys(v, ("date", "component", "percent", "amount", "installment"), f, required=("date", "component"))
        w = Inst()
        w.date = parse_date(v["date"], f + ".date")
        w.comp = parse_enum(v["component"], f + ".component", ("penalty", "late_fee", "interest"), None)
        if ("percent" in v) == ("amount" in v):
            fail(f, "exactly one of percent or amount is required")
        w.percent = parse_dec(v["percent"], f + ".percent", lo=ZERO, hi=ONE) if "percent" in v else None
        w.amount = parse_dec(v["amount"], f + ".amount", lo=ZERO, lo_open=True) if "amount" in v else None
        w.inst = None
        if v.get("installment") is not None:
            w.inst = parse_int(v["installment"], f + ".installment", 1, len(insts))
        w.j = j
        waivers.append(w)

    g, S = pol.g, pol.S
    pay_dates = sorted({d for d, _, _ in payments if d <= as_of})
    waiver_dates = sorted({w.date for w in waivers if w.date <= as_of})
    events = {as_of}
    for s in insts:
        s.A0 = s.D if pol.grace_mode == "forgive" else s.D + dt.timedelta(days=g)
        s.E = as_of if S is None else min(as_of, s.D + dt.timedelta(days=S))
        s.LF = s.D + dt.timedelta(days=g + 1)  # assessment / contingent-resolution day
        s.ce = s.LF if (pol.grace_mode == "forgive" and g > 0) else None
        s.cap_amt = R(pol.cap * s.P0) if pol.cap is not None else None
        s.bounds = set()
        s.seg_start = None
        if s.A0 < s.E:
            b = {s.A0, s.E}
            b.update(x for x in pay_dates if s.A0 < x < s.E)
            # CHOICE: waiver dates split segments too (a waiver of interest changes the base).
            b.update(x for x in waiver_dates if s.A0 < x < s.E)
            if s.ce is not None and s.A0 < s.ce < s.E:
                b.add(s.ce)
            if pol.unit != "daily" and pol.dc == "act/act":
                for y in range(s.A0.year + 1, s.E.year + 1):
                    b.add(dt.date(y, 1, 1))
            s.bounds = b
            events |= b
        if s.LF <= as_of:
            events.add(s.LF)
    events |= set(pay_dates) | set(waiver_dates)

    segments, late_fees, pay_log, waiver_log = [], [], [], []
    unapplied = ZERO

    def room(s):
        return s.cap_amt - (s.cont + s.pen_accrued + s.lf_assessed)

    def base_of(s):
        return s.P + (s.I if pol.base == "principal_and_interest" else ZERO)

    def get(s, c):
        return {"penalty": s.pen, "late_fee": s.lf, "fee": s.F, "interest": s.I, "principal": s.P}[c]

    def reduce(s, c, a):
        if c == "penalty":
            s.pen -= a
        elif c == "late_fee":
            s.lf -= a
        elif c == "fee":
            s.F -= a
        elif c == "interest":
            s.I -= a
        else:
            s.P -= a

    for X in sorted(events):
        # (1) close segments ending at X
        for s in insts:
            if X not in s.bounds:
                continue
            if s.seg_start is not None:
                a0 = s.seg_start
                days = (X - a0).days
                base = base_of(s)
                if base > 0 and days > 0:
                    rate = daily_rate(pol, a0)
                    if pol.acc_round == "segment":
                        amt = R(base * rate * days)
                    else:
                        amt = days * R(base * rate)
                    capped = False
                    if s.cap_amt is not None and amt > room(s):
                        amt = max(room(s), ZERO)
                        capped = True
                        s.capped = True
                    contingent = s.ce is not None and X <= s.ce
                    if contingent:
                        s.cont += amt
                    else:
                        s.pen += amt
                        s.pen_accrued += amt
                    segments.append({"installment": s.number, "from": a0.isoformat(), "to": X.isoformat(),
                                     "days": days, "base": R.fmt(base), "rate": rate,
                                     "amount": R.fmt(amt), "capped": capped, "contingent": contingent})
            s.seg_start = X if X < s.E else None
        # (2) end of grace: contingent penalty resolved, late fee assessed
        for s in insts:
            if X != s.LF:
                continue
            unpaid = s.P + s.I + s.F
            if s.ce is not None and s.cont:
                if unpaid > 0:
                    s.pen += s.cont
                    s.pen_accrued += s.cont
                    for sg in segments:
                        if sg["installment"] == s.number and sg["contingent"]:
                            sg["contingent"] = "became payable " + X.isoformat()
                else:
                    for sg in segments:
                        if sg["installment"] == s.number and sg["contingent"]:
                            sg["contingent"] = "forgiven (paid within grace)"
                s.cont = ZERO
            if unpaid > 0 and pol.late_fee is not None:
                L = pol.late_fee
                if L.kind == "fixed":
                    fee = R(L.amount)
                    rule = f"fixed {R.fmt(fee)}"
                else:
                    fee = R(L.rate * unpaid)
                    rule = f"{fmt_plain(L.rate)} x unpaid {R.fmt(unpaid)} = {R.fmt(fee)}"
                    if L.min is not None and fee < L.min:
                        fee = R(L.min)
                        rule += f", raised to min {R.fmt(fee)}"
                    if L.max is not None and fee > L.max:
                        fee = R(L.max)
                        rule += f", lowered to max {R.fmt(fee)}"
                capped = False
                if s.cap_amt is not None and fee > room(s):
                    fee = max(room(s), ZERO)
                    capped = True
                    s.capped = True
                    rule += f", cut to cap room {R.fmt(fee)}"
                s.lf += fee
                s.lf_assessed += fee
                late_fees.append({"installment": s.number, "date": X.isoformat(), "unpaid": R.fmt(unpaid),
                                  "amount": R.fmt(fee), "rule": rule, "capped": capped})
        # (3) waivers dated X
        for w in waivers:
            if w.date != X:
                continue
            targets = [insts[w.inst - 1]] if w.inst else [s for s in insts if s.D <= X]
            left = w.amount
            for s in targets:
                have = get(s, w.comp)
                if w.percent is not None:
                    a = min(R(w.percent * have), have)
                else:
                    a = min(left, have)
                    left -= a
                if a:
                    reduce(s, w.comp, a)
                    waiver_log.append({"date": X.isoformat(), "installment": s.number, "component": w.comp,
                                       "amount": R.fmt(a)})
        # (4) payments dated X, in input order
        for d, amt, j in payments:
            if d != X:
                continue
            left = amt
            alloc = []
            groups = ([s for s in insts if s.D <= X], [s for s in insts if s.D > X])
            for grp in groups:
                if pol.scope == "installment":
                    order = [(s, c) for s in grp for c in pol.alloc]
                else:
                    order = [(s, c) for c in pol.alloc for s in grp]
                for s, c in order:
                    if left == 0:
                        break
                    a = min(left, get(s, c))
                    if a > 0:
                        reduce(s, c, a)
                        left -= a
                        alloc.append({"installment": s.number, "component": c, "amount": R.fmt(a)})
            unapplied += left
            pay_log.append({"date": X.isoformat(), "amount": R.fmt(amt), "allocation": alloc,
                            "unapplied": R.fmt(left)})

    out_insts = []
    tot = {k: ZERO for k in ("principal", "interest", "fee", "penalty", "late_fee")}
    max_dpd = 0
    for s in insts:
        unpaid = s.P + s.I + s.F
        dpd = (as_of - s.D).days if as_of > s.D and unpaid > 0 else 0
        max_dpd = max(max_dpd, dpd)
        o = {"number": s.number, "due_date": s.D.isoformat(), "principal": R.fmt(s.P), "interest": R.fmt(s.I),
             "fee": R.fmt(s.F), "penalty": R.fmt(s.pen), "late_fee": R.fmt(s.lf),
             "penalty_accrued": R.fmt(s.pen_accrued), "days_past_due": dpd,
             "contingent_penalty": R.fmt(s.cont), "late_fee_assessed": R.fmt(s.lf_assessed),
             "capped": s.capped}
        out_insts.append(o)
        tot["principal"] += s.P
        tot["interest"] += s.I
        tot["fee"] += s.F
        tot["penalty"] += s.pen
        tot["late_fee"] += s.lf
    tot["outstanding"] = sum(tot.values(), ZERO)
    for sg in segments:
        sg["rate"] = str(sg["rate"])  # exact fraction text, explanation only
    return {"as_of": as_of.isoformat(), "installments": out_insts, "days_past_due": max_dpd,
            "bucket": bucket_of(max_dpd), "totals": {k: R.fmt(v) for k, v in tot.items()},
            "unapplied": R.fmt(unapplied),
            "explanation": {"segments": segments, "late_fees": late_fees, "payments": pay_log,
                            "waivers": waiver_log}}


# ---------------------------------------------------------------------------
# plan

def parse_min_policy(p, field):
    check_keys(p, ("percent", "floor"), field)
    pct = {}
    if p.get("percent") is not None:
        if not isinstance(p["percent"], dict):
            fail(sub(field, "percent"), "must be an object of name: fraction")
        for k, v in p["percent"].items():
            pct[k] = parse_dec(v, f"{field}.percent.{k}", lo=ZERO, hi=ONE)
    floor_ = parse_dec(p["floor"], sub(field, "floor"), lo=ZERO) if p.get("floor") is not None else ZERO
    return pct, floor_


def minimum_of(balances: dict, pct, floor_, R):
    raw = sum((pct[k] * a if k in pct else a for k, a in balances.items()), ZERO)
    total = sum(balances.values(), ZERO)
    return min(max(R(raw), floor_), total)


def calc_minimum_payment(req):
    check_keys(req, ("balances", "policy", "rounding"), "", required=("balances",))
    if not isinstance(req["balances"], dict):
        fail("balances", "must be an object of name: amount")
    bal = {k: parse_dec(v, f"balances.{k}", lo=ZERO) for k, v in req["balances"].items()}
    pct, floor_ = parse_min_policy(req.get("policy") or {}, "policy")
    R = parse_rounding(req.get("rounding"))
    return {"minimum_payment": R.fmt(minimum_of(bal, pct, floor_, R))}


def calc_payoff(req):
    check_keys(req, ("balance", "cycle_rate", "minimum", "rounding"), "",
               required=("balance", "cycle_rate", "minimum"))
    B0 = parse_dec(req["balance"], "balance", lo=ZERO, lo_open=True)
    r = parse_dec(req["cycle_rate"], "cycle_rate", lo=ZERO, hi=ONE)
    pct, floor_ = parse_min_policy(req["minimum"], "minimum")
    R = parse_rounding(req.get("rounding"))
    B = B0
    cycles = 0
    paid = tint = ZERO
    while B > 0:
        cycles += 1
        if cycles > 1200:
            fail("interest", "the minimum payment does not pay the balance off within 1200 cycles")
        interest = R(B * r)
        mn = minimum_of({"principal": B, "interest": interest}, pct, floor_, R)
        B += interest
        tint += interest
        pay = min(mn, B)
        if pay <= interest and pay < B:
            fail("interest", f"cycle {cycles}: the minimum {R.fmt(pay)} does not exceed the cycle's interest "
                 f"{R.fmt(interest)}, so the balance never falls")
        B -= pay
        paid += pay
    if r == 0:
        a36 = R(B0 / 36)
    else:
        q = (1 + r) ** 36
        a36 = R(B0 * r * q / (q - 1))
    return {"cycles": cycles, "total_paid": R.fmt(paid), "total_interest": R.fmt(tint),
            "payment_for_36_cycles": R.fmt(a36)}


def calc_deferral(req):
    check_keys(req, ("terms", "from_period", "periods", "interest"), "",
               required=("terms", "from_period", "periods", "interest"))
    t = parse_terms(req["terms"], "terms")
    n = t.periods
    m = parse_int(req["from_period"], "from_period", 1, n)
    k = parse_int(req["periods"], "periods", 1, 1200 - n)
    mode = parse_enum(req["interest"], "interest", ("capitalize", "spread", "waive"), None)
    if t.method == "bullet":
        fail("terms.method", "deferral is not defined for bullet")
    if m <= t.grace_periods:
        fail("from_period", f"must be after the grace periods ({t.grace_periods})")
    orig = schedule_rows(t)
    rows = orig[: m - 1]
    B = orig[m - 2]["closing_balance"] if m > 1 else t.principal
    bal = B
    deferred_interest = ZERO
    for i in range(m, m + k):
        prev, due = due_date(t, i - 1), due_date(t, i)
        interest = ZERO if t.method == "flat_fee" else row_interest(t, bal, prev, due)
        if mode == "capitalize":
            rows.append(make_row(i, prev, due, bal, ZERO, ZERO, ZERO, capitalized=interest))
            bal += interest
        else:
            rows.append(make_row(i, prev, due, bal, ZERO, ZERO, ZERO))
            deferred_interest += interest
    idx = list(range(m + k, n + k + 1))
    if mode == "waive":
        for j, i in enumerate(idx):
            o = orig[m - 1 + j]
            prev, due = due_date(t, i - 1), due_date(t, i)
            rows.append(make_row(i, prev, due, o["opening_balance"], o["principal"], o["interest"], o["fee"]))
    else:
        rest = amortize(t, bal, idx, m + k)
        if mode == "spread":
            cnt = len(rest)
            share = t.rounding(deferred_interest / cnt)
            so_far = ZERO
            for j, r in enumerate(rest):
                extra = deferred_interest - so_far if j == cnt - 1 else share
                so_far += extra
                r["interest"] += extra
                r["payment"] += extra
                r["deferred_interest_share"] = extra
        rows += rest
    out = render_schedule(rows, t.rounding)
    if mode == "spread":
        out["deferred_interest"] = t.rounding.fmt(deferred_interest)
    return out


OUT_COMPONENTS = ("principal", "interest", "fee", "penalty", "late_fee")


def parse_outstanding(v, field):
    check_keys(v, OUT_COMPONENTS, field)
    return {c: parse_dec(v.get(c, "0"), f"{field}.{c}", lo=ZERO) for c in OUT_COMPONENTS}


def parse_fractions(v, field):
    if v is None:
        return {}
    check_keys(v, OUT_COMPONENTS, field)
    return {c: parse_dec(x, f"{field}.{c}", lo=ZERO, hi=ONE) for c, x in v.items()}


def calc_installment_plan(req):
    check_keys(req, ("outstanding", "waive", "down_payment", "periods", "pricing", "start_date", "rounding"), "",
               required=("outstanding", "periods", "pricing", "start_date"))
    R = parse_rounding(req.get("rounding"))
    out = parse_outstanding(req["outstanding"], "outstanding")
    waive = parse_fractions(req.get("waive"), "waive")
    waived = {c: R(out[c] * waive.get(c, ZERO)) for c in OUT_COMPONENTS}
    wtot = sum(waived.values(), ZERO)
    base = sum(out.values(), ZERO) - wtot
    down = ZERO
    dp = req.get("down_payment")
    if dp is not None:
        check_keys(dp, ("percent", "amount"), "down_payment")
        if ("percent" in dp) == ("amount" in dp):
            fail("down_payment", "exactly one of percent or amount is required")
        if "percent" in dp:
            down = R(base * parse_dec(dp["percent"], "down_payment.percent", lo=ZERO, hi=ONE))
        else:
            down = parse_dec(dp["amount"], "down_payment.amount", lo=ZERO)
            if down > base:
                fail("down_payment.amount", f"exceeds the amount to restructure {R.fmt(base)}")
    financed = base - down
    periods = parse_int(req["periods"], "periods", 1, 1200)
    pr = req["pricing"]
    check_keys(pr, ("method", "fee_rate", "annual_rate"), "pricing", required=("method",))
    method = parse_enum(pr["method"], "pricing.method",
                        ("flat_fee", "equal_installment", "equal_principal", "interest_free"), None)
    terms = {"principal": fmt_plain(financed), "periods": periods, "start_date": req["start_date"],
             "frequency": "monthly"}
    if req.get("rounding") is not None:
        terms["rounding"] = req["rounding"]
    if method == "flat_fee":
        if "fee_rate" not in pr:
            fail("pricing.fee_rate", "is required for flat_fee")
        parse_dec(pr["fee_rate"], "pricing.fee_rate", lo=ZERO, hi=ONE)
        terms.update(method="flat_fee", annual_rate="0", fee_rate=pr["fee_rate"])
    elif method == "interest_free":
        terms.update(method="equal_principal", annual_rate="0")
    else:
        if "annual_rate" not in pr:
            fail("pricing.annual_rate", f"is required for {method}")
        parse_dec(pr["annual_rate"], "pricing.annual_rate", lo=ZERO, hi=Fr(10))
        terms.update(method=method, annual_rate=pr["annual_rate"])
    if financed <= 0:
        fail("down_payment", "leaves nothing to finance")
    parse_date(req["start_date"], "start_date")
    sched = calc_schedule(terms)
    pay_sum = parse_dec(sched["totals"]["payment"], "x")
    total_paid = down + pay_sum
    res = {"waived": {**{c: R.fmt(waived[c]) for c in OUT_COMPONENTS}, "total": R.fmt(wtot)},
           "base": R.fmt(base), "down_payment": R.fmt(down), "financed": R.fmt(financed), "schedule": sched,
           "total_paid": R.fmt(total_paid), "total_cost": R.fmt(total_paid - base)}
    if "apr" in sched:
        res["apr"] = sched["apr"]
    return res


def calc_settlement(req):
    check_keys(req, ("outstanding", "discount", "rounding"), "", required=("outstanding",))
    R = parse_rounding(req.get("rounding"))
    out = parse_outstanding(req["outstanding"], "outstanding")
    disc = parse_fractions(req.get("discount"), "discount")
    d = {c: R(out[c] * disc.get(c, ZERO)) for c in OUT_COMPONENTS}
    dt_ = sum(d.values(), ZERO)
    return {"discount": {**{c: R.fmt(d[c]) for c in OUT_COMPONENTS}, "total": R.fmt(dt_)},
            "lump_sum": R.fmt(sum(out.values(), ZERO) - dt_), "saving": R.fmt(dt_)}


KINDS = {
    "schedule": calc_schedule,
    "apr": calc_apr,
    "prepayment": calc_prepayment,
    "accrual": calc_accrual,
    "minimum_payment": calc_minimum_payment,
    "payoff_projection": calc_payoff,
    "deferral": calc_deferral,
    "installment_plan": calc_installment_plan,
    "settlement": calc_settlement,
}


def compute(kind, inp):
    if kind not in KINDS:
        raise SpecError(f"kind: unknown kind {kind!r}")
    return KINDS[kind](inp)


# ---------------------------------------------------------------------------
# vector checking

def _as_dec(x):
    if isinstance(x, bool):
        return None
    if isinstance(x, int):
        return Fr(x)
    if isinstance(x, str) and _DEC_RE.match(x):
        m = _DEC_RE.match(x)
        sign, ip, fp, ex = m.groups()
        fp = fp or ""
        v = Fr(int(ip + fp), 10 ** len(fp)) * Fr(10) ** int(ex or 0)
        return -v if sign == "-" else v
    return None


def compare(exp, act, path, out):
    if isinstance(exp, dict):
        if isinstance(act, list):
            act = {str(r.get("number")): r for r in act}
        if not isinstance(act, dict):
            out.append(f"{path}: expected object, got {json.dumps(act)}")
            return
        for k, v in exp.items():
            if k not in act:
                out.append(f"{path}.{k}: missing (expected {json.dumps(v)})")
            else:
                compare(v, act[k], f"{path}.{k}", out)
        return
    if isinstance(exp, list):
        if not isinstance(act, list) or len(act) != len(exp):
            out.append(f"{path}: expected {json.dumps(exp)}, got {json.dumps(act)}")
            return
        for i, (e, a) in enumerate(zip(exp, act)):
            compare(e, a, f"{path}[{i}]", out)
        return
    if isinstance(exp, bool) or isinstance(act, bool):
        if exp is not act:
            out.append(f"{path}: expected {json.dumps(exp)}, got {json.dumps(act)}")
        return
    de, da = _as_dec(exp), _as_dec(act)
    if de is not None and da is not None:
        if de != da:
            out.append(f"{path}: expected {exp}, got {act}")
        return
    if exp != act:
        out.append(f"{path}: expected {json.dumps(exp)}, got {json.dumps(act)}")


def check_vector(vec):
    """Returns a list of mismatch strings (empty = pass)."""
    problems = []
    for k in ("name", "source", "kind", "input", "expect"):
        if k not in vec:
            problems.append(f"vector lacks {k!r}")
    if problems:
        return problems
    exp = vec["expect"]
    try:
        res = compute(vec["kind"], vec["input"])
    except SpecError as e:
        if "error" in exp:
            if exp["error"] not in str(e):
                return [f"error {str(e)!r} does not contain {exp['error']!r}"]
            return []
        return [f"unexpected error: {e}"]
    if "error" in exp:
        return [f"expected an error containing {exp['error']!r}, got a result"]
    compare(exp, res, "expect", problems)
    return problems


def cmd_check(dirs):
    total = bad = skipped = 0
    by_kind = {}
    for d in dirs:
        for fn in sorted(os.listdir(d)):
            if not fn.endswith(".json"):
                continue
            total += 1
            with open(os.path.join(d, fn)) as f:
                vec = json.load(f)
            by_kind[vec.get("kind")] = by_kind.get(vec.get("kind"), 0) + 1
            if vec.get("kind") == "offers":
                # The offer builder is the Go library's own design, beyond
                # SPEC's arithmetic; its vectors show their arithmetic in
                # "source" and are not recomputed here.
                skipped += 1
                continue
            probs = check_vector(vec)
            if vec.get("name") and vec["name"] + ".json" != fn:
                probs.append(f"name {vec['name']!r} does not match the file name")
            if probs:
                bad += 1
                print(f"FAIL {os.path.join(d, fn)}")
                for p in probs:
                    print("     " + p)
    print("kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())))
    print(f"{total - bad - skipped} passed, {bad} failed, {skipped} skipped")
    return 1 if bad else 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "check":
        return cmd_check(argv[1:])
    if len(argv) == 2 and argv[0] == "run":
        with open(argv[1]) as f:
            vec = json.load(f)
        try:
            print(json.dumps(compute(vec["kind"], vec["input"]), indent=1, ensure_ascii=False))
        except SpecError as e:
            print("error:", e)
        return 0
    if len(argv) == 2 and argv[0] == "calc":
        try:
            print(json.dumps(compute(argv[1], json.load(sys.stdin)), indent=1, ensure_ascii=False))
        except SpecError as e:
            print("error:", e)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
