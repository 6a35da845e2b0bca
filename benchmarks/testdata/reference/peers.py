#!/usr/bin/env python3
"""Exact reference for the two named equal_installment loans of the peers
benchmarks (SPEC §2): r = annual/12 as an exact fraction, the payment
A = P·r·(1+r)^n / ((1+r)^n − 1) rounded half up to cents once, each row's
interest round_half_up(balance × r), principal A − interest, the last row
repaying the remaining balance. Only Python's fractions.Fraction is used:
no float anywhere. Prints what the Go tests assert.

Usage: python3 testdata/reference/peers.py [rows]
"""
import sys
from fractions import Fraction as F


def half_up_cents(x):
    """x rounded half up (away from zero; x >= 0 here) to whole cents, in cents."""
    c = x * 100
    q, rem = divmod(c.numerator, c.denominator)
    if 2 * rem >= c.denominator:
        q += 1
    return q


def schedule(principal, annual, n):
    r = F(annual) / 12
    bal = principal * 100  # cents
    if r == 0:
        a = half_up_cents(F(principal) / n)
    else:
        g = (1 + r) ** n
        a = half_up_cents(principal * r * g / (g - 1))
    rows = []
    for i in range(n):
        interest = half_up_cents(F(bal, 100) * r)
        principal_c = bal if i == n - 1 else a - interest
        rows.append((i + 1, principal_c + interest, principal_c, interest, bal - principal_c))
        bal -= principal_c
    return a, rows


def cents(c):
    return "%s%d.%02d" % ("-" if c < 0 else "", abs(c) // 100, abs(c) % 100)


for name, p, rate, n in (("mortgage", 1_000_000, "0.049", 360), ("consumer", 12_000, "0.06", 12)):
    a, rows = schedule(p, rate, n)
    print(name, "A =", cents(a))
    show = rows if "rows" in sys.argv[1:] else rows[:2] + rows[-2:]
    for num, pay, prin, intr, close in show:
        print("  row %d: payment %s principal %s interest %s closing %s" % (num, cents(pay), cents(prin), cents(intr), cents(close)))
    r = F(rate) / 12
    ties = [num for num, pay, prin, intr, close in rows if (F(close + prin, 100) * r * 100).denominator == 2]
    print("  rows whose interest is exactly half a cent before rounding:", ties or "none")
    print("  totals: payment %s principal %s interest %s" % (
        cents(sum(r[1] for r in rows)), cents(sum(r[2] for r in rows)), cents(sum(r[3] for r in rows))))
