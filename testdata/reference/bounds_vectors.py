#!/usr/bin/env python3
"""Writes the accrual-bounds-*, schedule-repaid-early-* and minimum-payment-overflow-*
vectors of issue 13 (bounded cost, money that adds up) into ../vectors.

Each expectation is computed here with exact fractions (standard library only) or is
the rule the request breaks; the arithmetic is written into the vector's source.

Usage: python3 bounds_vectors.py
"""
from __future__ import annotations

import datetime as dt
import json
import os
from fractions import Fraction as Fr
from math import floor

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "vectors")


def half_up(x: Fr, places: int = 2) -> Fr:
    s = Fr(10) ** places
    return Fr(floor(x * s + Fr(1, 2))) / s


def cents(x: Fr) -> str:
    n = int(x * 100)
    assert Fr(n, 100) == x
    return f"{n // 100}.{n % 100:02d}"


def write(v: dict) -> None:
    with open(os.path.join(OUT, v["name"] + ".json"), "w", encoding="utf-8") as f:
        json.dump(v, f, ensure_ascii=False, indent=2)
        f.write("\n")


def one_overdue(policy: dict, principal: str = "1000.00", payments=None) -> dict:
    return {"as_of": "2025-02-10", "installments": [{"due_date": "2025-01-31", "principal": principal}],
            "payments": payments or [], "policy": policy}


def main() -> None:
    # 1. The highest daily rate allowed, 0.0277 ≤ 10/360 = 0.02777…, is accrued.
    days = (dt.date(2025, 2, 10) - dt.date(2025, 1, 31)).days
    pen = half_up(Fr(1000) * Fr(277, 10000) * days)
    write({"name": "accrual-bounds-daily-rate-at-most-10-over-360",
           "source": f"issue 13 item 4: a daily penalty rate is at most 10/360 ≈ 0.027778 (1000 % a year on 360 days); "
                     f"0.0277 is within it. 1000.00 overdue from 2025-01-31 to as_of 2025-02-10, {days} days: "
                     f"round(1000.00 × 0.0277 × {days}) = {cents(pen)} (testdata/reference/bounds_vectors.py)",
           "kind": "accrual",
           "input": one_overdue({"penalty_rate": {"rate": "0.0277", "unit": "daily"}}),
           "expect": {"installments": {"1": {"penalty": cents(pen), "penalty_accrued": cents(pen), "days_past_due": days}},
                      "totals": {"penalty": cents(pen), "outstanding": cents(Fr(1000) + pen)}}})
    # 2. A daily rate of 5 (500 % a day) is rejected.
    write({"name": "accrual-bounds-daily-rate-5-rejected",
           "source": "issue 13 item 4: a daily penalty rate of 5 is 500 % a day, above the daily bound 10/360 "
                     "(SPEC §5's annual 10 over 360 days): rejected naming policy.penalty_rate.rate",
           "kind": "accrual",
           "input": one_overdue({"penalty_rate": {"rate": "5", "unit": "daily"}}),
           "expect": {"error": "policy.penalty_rate.rate: a daily rate must be at most"}})
    # 3. A monthly rate above 10/12.
    write({"name": "accrual-bounds-monthly-rate-above-10-over-12-rejected",
           "source": "issue 13 item 4: a monthly penalty rate is at most 10/12 ≈ 0.833333 (1000 % a year); "
                     "0.84 is above it: rejected naming policy.penalty_rate.rate",
           "kind": "accrual",
           "input": one_overdue({"penalty_rate": {"rate": "0.84", "unit": "monthly"}}),
           "expect": {"error": "policy.penalty_rate.rate: a monthly rate must be at most"}})
    # 4. Payments finer than the cent.
    write({"name": "accrual-bounds-payment-finer-than-cent-rejected",
           "source": "issue 13 item 4: three payments of 0.005 at 2 places would each read 0.01 while taking "
                     "0.005 off (0.015 in all against 0.03 shown); an amount finer than the rounding's minor unit "
                     "is rejected, naming payments[0].amount",
           "kind": "accrual",
           "input": one_overdue({}, payments=[{"date": "2025-02-01", "amount": "0.005"}] * 3),
           "expect": {"error": "payments[0].amount: must be a whole number of minor units"}})
    # 5. A principal finer than the yen.
    write({"name": "accrual-bounds-principal-finer-than-yen-rejected",
           "source": "issue 13 item 4: at 0 places (JPY) a principal of 1000.5 is finer than the yen: rejected "
                     "naming installments[0].principal",
           "kind": "accrual",
           "input": one_overdue({"rounding": {"places": 0}}, principal="1000.5"),
           "expect": {"error": "installments[0].principal: must be a whole number of minor units"}})
    # 6. A fixed late fee without its amount.
    write({"name": "accrual-bounds-fixed-late-fee-needs-amount",
           "source": "issue 13 item 4: a fixed late fee with no amount is an error, not a fee of 0 "
                     "(no late fee is kind none)",
           "kind": "accrual",
           "input": one_overdue({"late_fee": {"kind": "fixed"}}),
           "expect": {"error": "policy.late_fee.amount: is required for kind fixed"}})
    # 7. Overflow at 12 places: 10^15 at 0.0277 a day × (1 + 10) for 90 days.
    odays = (dt.date(2025, 5, 1) - dt.date(2025, 1, 31)).days
    bound = Fr(10) ** 15 * Fr(277, 10000) * 11 * odays
    assert bound + Fr(10) ** 15 >= Fr(10) ** 16
    write({"name": "accrual-bounds-overflow-at-12-places",
           "source": f"issue 13 item 3: an installment of 10^15 overdue from 2025-01-31 to as_of 2025-05-01 ({odays} days) "
                     f"at the daily rate 0.0277 × (1 + markup 10) accrues 10^15 × 0.0277 × 11 × {odays} = {bound} "
                     f"(≈ {float(bound):.3e}), beyond the 10^16 a statement holds at 12 places (a coefficient under "
                     f"10^28): a 400 naming installments[0].principal, never an overflowed result "
                     f"(testdata/reference/bounds_vectors.py)",
           "kind": "accrual",
           "input": {"as_of": "2025-05-01", "installments": [{"due_date": "2025-01-31", "principal": "1000000000000000"}],
                     "policy": {"penalty_rate": {"rate": "0.0277", "unit": "daily", "markup": "10"},
                                "rounding": {"places": 12}}},
           "expect": {"error": "installments[0].principal"}})
    # (At 2 places the same ledger fits, 2.74 × 10^16 < 10^26: penalty/bounds_test.go
    # TestOverflowNamesTheField checks it; a vector would print totals beyond the
    # 10^15 that tests reading sentences parse.)
    # 8. Percent waivers × installments over MaxExplanationRecords (100 000).
    ins = [{"due_date": (dt.date(1990, 1, 5) + dt.timedelta(days=31 * k)).isoformat(), "principal": "100"} for k in range(400)]
    waivers = [{"date": (dt.date(2025, 1, 1) + dt.timedelta(days=k)).isoformat(), "component": "penalty", "percent": "0.5"}
               for k in range(300)]
    write({"name": "accrual-bounds-waiver-applications-over-the-limit",
           "source": "issue 13 item 1: 400 overdue installments (due from 1990-01-05) × 300 percent waivers with no "
                     "installment number, each reaching every installment due: 400 × 300 = 120 000 waiver applications "
                     "(and 400 × 301 segments cut by the waiver dates), over the limit of 100 000 explanation records: "
                     "rejected naming waivers, at the cost of the limit",
           "kind": "accrual",
           "input": {"as_of": "2025-12-31", "installments": ins, "waivers": waivers,
                     "policy": {"penalty_rate": {"rate": "0.0005", "unit": "daily"}}},
           "expect": {"error": "waivers: the explanation would hold more than 100000 records"}})
    # 9. A schedule that would end in 0.00 rows.
    r = Fr(12, 100) / 12
    g = (1 + r) ** 12
    a = half_up(1000 * r * g / (g - 1))
    b, last_row = Fr(1000), 0
    for i in range(1, 13):
        interest = half_up(b * r)
        p = min(max(Fr(100) - interest, Fr(0)), b) if i < 12 else b
        b -= p
        if b == 0:
            last_row = i
            break
    write({"name": "schedule-repaid-early-installment-multiple-rejected",
           "source": f"issue 13 item 4: 1000 at 12 % over 12 months: A = {cents(a)}, rounded to the installment_multiple "
                     f"100 is 100.00, which repays the balance in row {last_row} (rows 1–10 pay 100 each, interest "
                     f"round(B × 0.01)); rows {last_row + 1}–12 would open at 0.00 and pay nothing: rejected naming "
                     f"installment_multiple, never trailing 0.00 rows",
           "kind": "schedule",
           "input": {"principal": "1000", "annual_rate": "0.12", "periods": 12, "method": "equal_installment",
                     "start_date": "2025-01-15", "installment_multiple": "100"},
           "expect": {"error": f"installment_multiple: the rounded payment repays the principal by row {last_row} of 12"}})
    # 10. minimum_payment over 40 balances of 10^15 at 12 places.
    write({"name": "minimum-payment-overflow-40-balances-12-places",
           "source": "issue 13 item 3: 40 balances of 10^15 add up to 4 × 10^16, beyond the 10^16 a result holds at "
                     "12 places (a coefficient under 10^28): a 400 naming balances, never an overflowed result",
           "kind": "minimum_payment",
           "input": {"balances": {f"b{i:02d}": "1000000000000000" for i in range(40)}, "rounding": {"places": 12}},
           "expect": {"error": "balances: add up to 40000000000000000"}})
    write({"name": "minimum-payment-40-balances-of-10-15-in-cents",
           "source": "issue 13 item 3: the same 40 balances of 10^15 at 2 places: their sum 4 × 10^16 is within the "
                     "10^26 a result holds in cents; the zero policy asks for all of it: minimum 40000000000000000.00",
           "kind": "minimum_payment",
           "input": {"balances": {f"b{i:02d}": "1000000000000000" for i in range(40)}},
           "expect": {"minimum_payment": "40000000000000000.00"}})


if __name__ == "__main__":
    main()
