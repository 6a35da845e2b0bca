#!/usr/bin/env python3
"""Independent exact arithmetic for the schedule-balloon-* vectors (issue 13 item 4).

A daily-basis equal_installment schedule keeps SPEC §2's periodic payment
A = P·r(1+r)^n/((1+r)^n − 1) while the last payment stays within 10 % of A;
otherwise the payment is re-solved on the actual days:

    A' = P / Σ_{k=1..n} Π_{j≤k} 1/(1 + annual × d_j/360)        (act/360)

rounded half up to the cent, and each row pays interest round(B × annual ×
d_j/360), principal A' − interest, the last row the rest.

Standard library only; every amount is a fractions.Fraction, never a float.

Usage: python3 balloon.py   prints the figures the vectors' expectations use.
"""
from __future__ import annotations

import calendar
import datetime as dt
from fractions import Fraction as Fr
from math import floor


def round_half_up(x: Fr, places: int = 2) -> Fr:
    s = Fr(10) ** places
    y = x * s
    n = floor(abs(y) + Fr(1, 2))
    return Fr(n if y >= 0 else -n) / s


def add_months(d: dt.date, k: int, anchor: int) -> dt.date:
    m = d.month - 1 + k
    y, m = d.year + m // 12, m % 12 + 1
    return dt.date(y, m, min(anchor, calendar.monthrange(y, m)[1]))


def fmt(x: Fr) -> str:
    assert (x * 100).denominator == 1, x
    n = int(x * 100)
    sign = "-" if n < 0 else ""
    n = abs(n)
    return f"{sign}{n // 100}.{n % 100:02d}"


def rows(principal: Fr, annual: Fr, n: int, start: dt.date, payment: Fr):
    out = []
    b = principal
    prev = start
    for i in range(1, n + 1):
        due = add_months(start, i, start.day)
        days = (due - prev).days
        interest = round_half_up(b * annual * days / 360)
        p = b if i == n else min(max(payment - interest, Fr(0)), b)
        out.append(dict(number=i, due_date=due.isoformat(), days=days, opening=b, principal=p,
                        interest=interest, payment=p + interest, closing=b - p))
        b -= p
        prev = due
    return out


def periodic_payment(principal: Fr, annual: Fr, n: int) -> Fr:
    r = annual / 12
    g = (1 + r) ** n
    return round_half_up(principal * r * g / (g - 1))


def level_on_days(principal: Fr, annual: Fr, n: int, start: dt.date) -> Fr:
    disc, total, prev = Fr(1), Fr(0), start
    for i in range(1, n + 1):
        due = add_months(start, i, start.day)
        disc /= 1 + annual * (due - prev).days / 360
        total += disc
        prev = due
    return round_half_up(principal / total)


def case(name, principal, annual, n, start):
    a = periodic_payment(principal, annual, n)
    rs = rows(principal, annual, n, start, a)
    last = rs[-1]["payment"]
    within = abs(last - a) * 100 <= a * 10
    print(f"{name}: periodic A = {fmt(a)}, its last payment = {fmt(last)}, within 10 %: {within}")
    if not within:
        a = level_on_days(principal, annual, n, start)
        rs = rows(principal, annual, n, start, a)
        print(f"  re-solved on the actual days: A' = {fmt(a)}")
    for r in (rs[0], rs[1], rs[n // 2 - 1], rs[-1]):
        print("  row", r["number"], r["due_date"], r["days"], "opening", fmt(r["opening"]), "principal", fmt(r["principal"]),
              "interest", fmt(r["interest"]), "payment", fmt(r["payment"]), "closing", fmt(r["closing"]))
    ti = sum(r["interest"] for r in rs)
    tp = sum(r["payment"] for r in rs)
    print("  totals principal", fmt(sum(r["principal"] for r in rs)), "interest", fmt(ti), "payment", fmt(tp))


if __name__ == "__main__":
    case("schedule-balloon-act360-18pct-240-months", Fr(100000), Fr(18, 100), 240, dt.date(2025, 1, 15))
    case("schedule-balloon-act360-12-months-kept", Fr(300000), Fr(435, 10000), 12, dt.date(2024, 1, 15))
