#!/usr/bin/env python3
"""Writes the timing / xirr / Appendix J vectors into ../vectors from timing.py.

    python3 testdata/reference/timing_vectors.py      (from the repo root)

Every expectation comes from timing.py (rates) and reference.py (rows); each
source string carries the timing and the equation solved, so a reader can redo it.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import timing as T  # noqa: E402

OUT = os.path.join(HERE, "..", "vectors")

APPJ = ("12 CFR 1026 Appendix J (c)(1){ex} as published (consumerfinance.gov/rules-policy/regulations/1026/j/; "
        "reproduced in the examples of simontreanor/FSharp.Finance.Personal tests/AprUsActuarialTests.fs): {desc} "
        "-> published APR {pub}. Timing by (b)(5): {timing}. Solved P = sum c/((1+f i)(1+i)^t) by bisection at 60 "
        "digits in testdata/reference/timing.py: i = {irr}, apr = {k} i = {apr} (rounds to the published {pub}), "
        "EAR = (1+i)^{k} - 1 = {ear}; xirr by actual days/365 = {xirr}.")


def rep(x, n):
    return [x] * n


def write(name, source, kind, inp, expect):
    vec = {"name": name, "source": source, "kind": kind, "input": inp, "expect": expect}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(vec, f, indent=2, ensure_ascii=False)
        f.write("\n")


def appendix_j(name, ex, desc, pub, inp):
    r = T.apr(inp)
    tm = r.pop("timing")
    src = APPJ.format(ex=ex, desc=desc, pub=pub, timing="; ".join(tm) + ", ... (t+f of payments 1, 2)",
                      irr=r["irr"], k=T.PPY[inp.get("frequency", "monthly")], apr=r["apr"],
                      ear=r["effective_annual_rate"], xirr=r["xirr"])
    write(name, src, "apr", inp, r)


def rows_expect(out, numbers):
    rows = {}
    for r in out["rows"]:
        if r["number"] in numbers:
            rows[str(r["number"])] = {k: r[k] for k in ("due_date", "days", "principal", "interest", "payment")}
    return rows


def sched(name, lead, terms, numbers=(1,)):
    out = T.schedule(dict(terms))
    tm = out.pop("timing", None)
    exp = {"row_count": out["row_count"], "rows": rows_expect(out, numbers), "totals": out["totals"]}
    for k in ("irr", "apr", "effective_annual_rate", "xirr"):
        exp[k] = out[k]
    if terms.get("method") == "bullet":
        how = (f"bullet: the unit period is the term (SPEC §2, Appendix J (b)(4)(ii)): irr = payment/P - 1 = "
               f"{out['rows'][0]['payment']}/{terms['principal']} - 1 = {out['irr']}, apr = irr x k/n = {out['apr']}, "
               f"EAR = (1+irr)^(k/n) - 1 = {out['effective_annual_rate']}")
    else:
        how = (f"timing by Appendix J (b)(5) (SPEC §2) of rows {', '.join(tm)}; P = sum c_j/((1+f_j i)(1+i)^t_j) solved by "
               f"bisection: irr {out['irr']}, apr = {T.PPY[terms.get('frequency', 'monthly')]} x irr = {out['apr']}, "
               f"EAR {out['effective_annual_rate']}")
    src = (f"{lead} Rows from testdata/reference/reference.py; {how}; xirr: P = sum c_j (1+x)^(-d_j/365), d_j = days "
           f"from {terms['start_date']} to each due date, bisection = {out['xirr']} (testdata/reference/timing.py).")
    write(name, src, "schedule", terms, exp)


def main():
    appendix_j("appendix-j-c1i-monthly-regular-first-period", "(i)",
               "5,000 advanced 1978-01-10, 24 monthly payments of 230.00 from 1978-02-10", "9.69%",
               {"principal": "5000", "payments": rep("230.00", 24), "start_date": "1978-01-10",
                "first_due_date": "1978-02-10"})
    appendix_j("appendix-j-c1ii-monthly-long-first-period", "(ii)",
               "6,000 advanced 1978-02-10, 36 monthly payments of 200.00 from 1978-04-01 (1 month + 19 odd days)",
               "11.82%", {"principal": "6000", "payments": rep("200.00", 36), "start_date": "1978-02-10",
                          "first_due_date": "1978-04-01"})
    appendix_j("appendix-j-c1iv-quarterly-long-first-period", "(iv)",
               "10,000 advanced 1978-05-23, 40 quarterly payments of 385.00 from 1978-10-01 (4 months + 9 odd days "
               "= 129 days of 30-day months: 1 quarter + 39/90)", "8.97%",
               {"principal": "10000", "payments": rep("385.00", 40), "start_date": "1978-05-23",
                "first_due_date": "1978-10-01", "frequency": "quarterly"})
    appendix_j("appendix-j-c1v-weekly-long-first-period", "(v)",
               "500 advanced 1978-03-20, 30 weekly payments of 17.60 from 1978-04-21 (32 days: 4 weeks + 4/7)",
               "14.96%", {"principal": "500", "payments": rep("17.60", 30), "start_date": "1978-03-20",
                          "first_due_date": "1978-04-21", "frequency": "weekly"})
    r = T.apr({"principal": "5000", "payments": rep("230.00", 23) + ["280.00"], "start_date": "1978-01-10",
               "first_due_date": "1978-02-10"})
    r.pop("timing")
    write("appendix-j-c3i-monthly-odd-final-payment",
          "12 CFR 1026 Appendix J (c)(3)(i) as published: 5,000 advanced 1978-01-10, 23 monthly payments of 230.00 "
          "from 1978-02-10 and a final 280.00 on 1980-01-10 -> published APR 10.50%. Regular timing (t_j = j, f = 0): "
          f"5000 = sum 230/(1+i)^j (j=1..23) + 280/(1+i)^24 by bisection: i = {r['irr']}, apr = 12 i = {r['apr']} "
          f"(rounds to 10.50%), EAR {r['effective_annual_rate']}; xirr {r['xirr']} (testdata/reference/timing.py).",
          "apr", {"principal": "5000", "payments": rep("230.00", 23) + ["280.00"], "start_date": "1978-01-10",
                  "first_due_date": "1978-02-10"}, r)

    inp = {"principal": "1000", "payments": rep("80.00", 12), "start_date": "2024-01-01",
           "first_due_date": "2024-02-15"}
    r = T.apr(inp)
    tm = r.pop("timing")
    write("apr-dated-negative-rate-odd-first-period",
          "A dated apr request repaying less than it lent (12 x 80.00 for 1000), first due 45 days after the start: "
          f"every payment lies t_j = j whole months + 14 odd days (f = 7/15: {', '.join(tm)}, ...); 1000 = sum "
          f"80/((1 + 7i/15)(1+i)^j) by bisection: i = {r['irr']} (negative rates are found too, SPEC §2 bounds "
          f"-99 % effective), apr = 12 i = {r['apr']}, EAR = (1+i)^12 - 1 = {r['effective_annual_rate']}; xirr "
          f"{r['xirr']} (testdata/reference/timing.py).", "apr", inp, r)
    write("apr-error-dated-first-due-before-start",
          "SPEC §5: a dated apr request whose first_due_date is not after start_date is rejected, naming the field.",
          "apr", {"principal": "1000", "payments": rep("90.00", 12), "start_date": "2024-03-01",
                  "first_due_date": "2024-02-01"}, {"error": "first_due_date"})
    sched("schedule-timing-8pct-45-day-first-period",
          "Issue 8: an 8 % loan whose first period is 45 days (2024-01-01 to 2024-02-15) no longer discloses the rate "
          "of equally spaced payments (8.6953 %). Row 1 = 1 month (2024-01-15) + 14 odd days: f = 14/30.",
          {"principal": "10000", "annual_rate": "0.08", "periods": 12, "method": "equal_installment",
           "interest_basis": "daily", "day_count": "act/360", "start_date": "2024-01-01",
           "first_due_date": "2024-02-15"}, (1, 12))
    sched("schedule-timing-short-first-period-periodic",
          "A short first period: start 2024-03-10, first due 2024-03-30 (20 days, no whole month fits: t = 0, "
          "f = 20/30), periodic interest.",
          {"principal": "24000", "annual_rate": "0.06", "periods": 24, "method": "equal_installment",
           "start_date": "2024-03-10", "first_due_date": "2024-03-30"}, (1, 2, 24))
    sched("schedule-timing-quarterly-long-first-period",
          "Quarterly, long first period: start 2024-01-20, first due 2024-06-01; counting back whole months from "
          "06-01 to 02-01 gives 4 months + 12 odd days = 132 days of 30-day months = 1 quarter + 42/90.",
          {"principal": "200000", "annual_rate": "0.055", "periods": 12, "frequency": "quarterly",
           "method": "equal_principal", "start_date": "2024-01-20", "first_due_date": "2024-06-01"}, (1, 12))
    sched("schedule-timing-weekly-odd-first-period",
          "Weekly, first due 10 days after the start (2024-05-01 to 2024-05-11): d = 10, t = 1, f = 3/7; every "
          "later row 7 days on keeps f = 3/7.",
          {"principal": "3000", "annual_rate": "0.18", "periods": 26, "frequency": "weekly",
           "method": "equal_installment", "start_date": "2024-05-01", "first_due_date": "2024-05-11"}, (1, 26))
    sched("schedule-timing-bullet-12-month-12pct",
          "SPEC §2: a 12-month 12 % bullet (到期一次还本付息) discloses 12 %: payment = 10000 + 10000 x 0.01 x 12 = "
          "11200.00 at 2025-01-15.",
          {"principal": "10000", "annual_rate": "0.12", "periods": 12, "method": "bullet",
           "start_date": "2024-01-15"})
    sched("schedule-timing-anchor-31-month-end",
          "Anchor day 31 (SPEC §2, Appendix J (b)(3)(iv)): start 2024-01-10, first due 2024-01-31; row 4 due "
          "2024-04-30 counts back on the 31st: 03-31, 02-29, 01-31 (12-31 passes the start), so t = 3 and the odd "
          "days are 01-10 to 01-31 = 21 (f = 21/30); row 1 has t = 0, f = 21/30.",
          {"principal": "6000", "annual_rate": "0.09", "periods": 6, "method": "equal_installment",
           "interest_basis": "daily", "day_count": "act/365", "start_date": "2024-01-10",
           "first_due_date": "2024-01-31"}, (1, 2, 4, 6))
    sched("schedule-timing-calendar-moved-dates-national-day",
          "Due dates moved by the cn calendar (SPEC §10, following) are placed by their moved dates and count whole "
          "months on their own day (SPEC §2): 2025-10-01 (国庆节) moves to 10-09, 11-01 (Sat) to 11-03, 2026-01-01 "
          "(元旦) to 01-04 (a 调休 make-up Sunday), 02-01 and 03-01 (Sun) to the Mondays; row 1 10-09 counts back to "
          "09-09 (08-09 passes the start 2025-09-01): 1 month + 8 days; row 2 11-03 counts to 09-03: 2 + 2/30.",
          {"principal": "36000", "annual_rate": "0.072", "periods": 6, "method": "equal_installment",
           "interest_basis": "daily", "start_date": "2025-09-01", "calendar": {"preset": "cn"}}, (1, 2, 4, 6))
    sched("schedule-timing-calendar-weekly-spring-festival",
          "Weekly rows moved by the cn calendar across 春节 2026 (02-15 to 02-23 are holidays): a moved weekly date is "
          "placed by its actual days from the start, t = d // 7, f = (d mod 7)/7 (SPEC §2); two rows may share a date.",
          {"principal": "4000", "annual_rate": "0.0365", "periods": 5, "frequency": "weekly",
           "method": "equal_principal", "interest_basis": "daily", "day_count": "act/365",
           "start_date": "2026-02-09", "calendar": {"preset": "cn"}}, (1, 2, 3, 5))
    sched("xirr-regular-monthly-schedule",
          "A regular monthly schedule (start 2024-01-15, due the 15th): Appendix J timing is t_j = j, f = 0, the plain "
          "IRR; the xirr counts actual days (31, 29, 31, ... in 2024).",
          {"principal": "120000", "annual_rate": "0.045", "periods": 12, "method": "equal_installment",
           "start_date": "2024-01-15"}, (1, 12))
    sched("xirr-biweekly-flat-fee",
          "Biweekly card installment 分期 (flat fee 0.25 % of the principal per row): regular timing, t_j = j; xirr "
          "over 14-day steps.",
          {"principal": "2600", "annual_rate": "0", "periods": 26, "frequency": "biweekly", "method": "flat_fee",
           "fee_rate": "0.0025", "start_date": "2024-02-01"}, (1, 26))


if __name__ == "__main__":
    main()
