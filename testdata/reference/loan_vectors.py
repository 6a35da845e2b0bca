"""Writes the loan-statement-*.json vectors: inputs below, expectations and the arithmetic in each
`source` from loan.py (python3 loan.py make [OUTDIR]).  The seed vector is not touched."""
import datetime as dt
import json
import os
from fractions import Fraction as Fr

import loan
import reference as ref

VECTORS = []


def pct(x):
    return ref.fmt_plain(x * 100) + "%"


def money(R, x):
    return R.fmt(x)


def describe(name, inp, out, n):
    """The arithmetic of one result, from the figures loan.py computed."""
    t, st, R = n["t"], n["st"], n["t"].rounding
    tr = inp["terms"]
    parts = [f"Ledger: {t.method} {tr['principal']} at {tr['annual_rate']} a year over {t.periods} "
             f"{t.frequency} periods from {tr['start_date']}"
             + (f", grace {t.grace_periods} {t.grace_kind}" if t.grace_periods else "")
             + (f", fee_rate {tr['fee_rate']}" if "fee_rate" in tr else "")
             + f", day count {t.day_count}; {len(n['inst'])} installments (rows with a non-zero payment)."]
    i1 = n["inst"][0]
    parts.append(f"Installment 1 due {i1['D']} = principal {R.fmt(i1['P'])} + interest {R.fmt(i1['I'])} + fee {R.fmt(i1['F'])}.")
    pays = inp.get("payments") or []
    parts.append("Payments: " + ("; ".join(f"{p['amount']} on {p['date']}" for p in pays) if pays else "none") + ".")
    if "trigger" in n:
        k, D, unpaid = n["trigger"]
        parts.append(f"Acceleration after_days {inp['accelerate']['after_days']}: installment {k} (due {D}) still owes "
                     f"{R.fmt(unpaid)} of principal+interest+fee after the payments before {D} + "
                     f"{inp['accelerate']['after_days']} days = {out['accelerated_on']}.")
    elif "accelerate" in inp and "on" in inp["accelerate"]:
        parts.append(f"Acceleration on {inp['accelerate']['on']}.")
    elif "accelerate" in inp:
        parts.append(f"after_days {inp['accelerate']['after_days']}: every installment due D was paid before "
                     f"D + {inp['accelerate']['after_days']} days (or that date is after as_of), so no acceleration.")
    if "accel" in n:
        first, last, P, PX, X, I = n["accel"]
        days = loan.days_of(PX, X, t.day_count)
        parts.append(f"Installments {first}-{last} (not yet due) become installment {first} due {X}: principal {R.fmt(P)}, "
                     f"interest round({R.fmt(P)} x {tr['annual_rate']} x {days}/{loan.basis_of(PX, t.day_count)}, "
                     f"{PX} to {X}) = {R.fmt(I)}, fee 0.")
    segs = {}
    for g in st["explanation"]["segments"]:
        segs.setdefault(g["installment"], []).append(g)
    for k, gs in sorted(segs.items()):
        txt = " + ".join(f"{g['base']} x {g['rate']} x {g['days']} = {g['amount']}"
                         + ("" if g["contingent"] is False or str(g["contingent"]).startswith("became") else " (forgiven)")
                         for g in gs)
        parts.append(f"Penalty #{k}: {txt}; outstanding {st['installments'][k - 1]['penalty']}.")
    for f in st["explanation"]["late_fees"]:
        parts.append(f"Late fee #{f['installment']} on {f['date']}: {f['rule']}.")
    for w in st["explanation"]["waivers"]:
        parts.append(f"Waiver on {w['date']}: {w['amount']} of #{w['installment']} {w['component']}.")
    a = out["amount_due"]
    parts.append(f"amount_due (due on or before {inp['as_of']}) = principal {a['principal']} + interest {a['interest']} + "
                 f"fee {a['fee']} + penalty {a['penalty']} + late fee {a['late_fee']} = {a['total']}; "
                 f"past_due (before it) = {out['past_due']['total']}; not_yet_due = principal "
                 f"{out['not_yet_due']['principal']}, interest {out['not_yet_due']['interest']}, fee {out['not_yet_due']['fee']}.")
    pieces = n["pieces"]
    if pieces:
        ptxt = " + ".join(f"{R.fmt(b)} x {loan.days_of(x, y, t.day_count)}/{loan.basis_of(x, t.day_count)} ({x} to {y})"
                          for b, x, y in pieces)
        parts.append(f"Payoff: accrued interest = round({tr['annual_rate']} x ({ptxt})) = {R.fmt(n['accrued'])}.")
    else:
        parts.append(f"Payoff: no balance accrues from {n['from']} to {inp['as_of']}: accrued interest 0.")
    p = out["payoff"]
    parts.append(f"principal = {a['principal']} due + B {R.fmt(n['bnow'])} = {p['principal']}; "
                 f"interest = {a['interest']} + {R.fmt(n['accrued'])} - {R.fmt(n['int_paid'])} (paid early) = {R.fmt(n['raw_interest'])}"
                 + (" -> 0, the rest to credit" if n["raw_interest"] < 0 else "") + "; "
                 f"fee = {a['fee']} " + (f"+ {R.fmt(n['fee_charged'])} (remaining fees charged)" if n["rem"] == "charge"
                                        else f"- {R.fmt(n['fee_paid'])} (paid early, waive)")
                 + f" = {R.fmt(n['raw_fee'])}" + (" -> 0, the rest to credit" if n["raw_fee"] < 0 else "") + "; "
                 f"prepayment fee {p['prepayment_fee']}; credit = unapplied {R.fmt(n['unapplied'])}"
                 + (f" + principal overpaid {R.fmt(n['overpaid'])}" if n["overpaid"] else "")
                 + (f" + {R.fmt(-n['raw_interest'])} interest" if n["raw_interest"] < 0 else "")
                 + (f" + {R.fmt(-n['raw_fee'])} fee" if n["raw_fee"] < 0 else "") + f" = {p['credit']}; "
                 f"total = {p['principal']} + {p['interest']} + {p['fee']} + {p['penalty']} + {p['late_fee']} + "
                 f"{p['prepayment_fee']} - {p['credit']} = {p['total']}.")
    parts.append("Computed from SPEC §8 (on §2 and §3) by testdata/reference/loan.py, an exact-fraction reference "
                 "built on reference.py; the library is not consulted.")
    return " ".join(parts)


def emit(name, story, inp, installments=(), error=None):
    name = "loan-statement-" + name
    if error is not None:
        try:
            loan.calc(inp)
        except ref.SpecError as e:
            assert error in str(e), (name, str(e))
            VECTORS.append({"name": name, "source": story + f" Rejected by loan.py with: {e}.",
                            "kind": "loan_statement", "input": inp, "expect": {"error": error}})
            return
        raise AssertionError(f"{name}: loan.py accepted it")
    notes = {}
    out = loan.calc(inp, notes)
    exp = {k: out[k] for k in ("as_of", "days_past_due", "bucket", "totals", "unapplied",
                               "amount_due", "past_due", "not_yet_due", "payoff")}
    if "accelerated_on" in out:
        exp["accelerated_on"] = out["accelerated_on"]
    cur = {str(i["number"]): i for i in out["installments"]}
    exp["installments"] = {str(k): {c: cur[str(k)][c] for c in ("due_date", "principal", "interest", "fee", "penalty",
                                                               "late_fee", "penalty_accrued", "days_past_due")}
                           for k in installments}
    VECTORS.append({"name": name, "source": story + " " + describe(name, inp, out, notes),
                    "kind": "loan_statement", "input": inp, "expect": exp})


def pays(*pairs):
    return [{"date": d, "amount": a} for d, a in pairs]


PEN = {"penalty_rate": {"rate": "0.0005", "unit": "daily"}, "grace_days": 3}
PEN_PI = {"penalty_rate": {"rate": "0.06", "unit": "annual", "markup": "0.5"}, "base": "principal_and_interest"}
T12 = {"principal": "12000", "annual_rate": "0.06", "periods": 12, "start_date": "2025-01-15"}
# T12: equal_installment A = 1032.80; row 1 interest 60.00 principal 972.80


def main(outdir):
    emit("after-days-90", "等额本息 12000 at 6 % over 12 months; installments 1-2 paid on time, then nothing: the loan "
         "is called in 90 days after the first missed installment.",
         {"terms": T12, "as_of": "2025-08-01", "payments": pays(("2025-02-15", "1032.80"), ("2025-03-15", "1032.80")),
          "policy": PEN, "accelerate": {"after_days": 90}}, installments=(3, 5, 6))
    emit("on-date", "等额本息 12000 at 6 %; the lender calls the loan in on a date it chose, 10 days into period 5.",
         {"terms": T12, "as_of": "2025-06-30", "payments": pays(("2025-02-15", "1032.80"), ("2025-03-15", "1032.80")),
          "policy": PEN, "accelerate": {"on": "2025-05-25"}}, installments=(3, 4, 5))
    emit("after-days-not-triggered", "等额本息 12000 at 6 %; installment 3 paid 20 days late, inside the 30 days "
         "after_days allows, so the loan is not accelerated (no accelerated_on).",
         {"terms": T12, "as_of": "2025-05-20", "payments": pays(("2025-02-15", "1032.80"), ("2025-03-15", "1032.80"),
                                                             ("2025-05-05", "1050.00"), ("2025-05-15", "1032.80")),
          "policy": PEN, "accelerate": {"after_days": 30}}, installments=(3, 4, 5))
    emit("after-days-payment-after", "等额本息 12000 at 6 %; called in 60 days after installment 2 was missed; a "
         "payment after the acceleration pays the kept installments and then the accelerated one.",
         {"terms": T12, "as_of": "2025-06-10", "payments": pays(("2025-02-15", "1032.80"), ("2025-05-20", "3000.00")),
          "policy": {**PEN, "late_fee": {"kind": "percent", "rate": "0.05", "min": "10"}},
          "accelerate": {"after_days": 60}}, installments=(2, 3, 4))
    emit("partial-payments", "等额本息 12000 at 6 %; installment 3 partly paid twice; 罚息 on principal and interest.",
         {"terms": T12, "as_of": "2025-05-01", "payments": pays(("2025-02-15", "1032.80"), ("2025-03-15", "1032.80"),
                                                             ("2025-04-01", "400.00"), ("2025-04-20", "300.00")),
          "policy": PEN_PI}, installments=(3, 4))
    emit("prepayment-cuts-balance", "等额本息 12000 at 6 %; installments 1-3 paid, then 3000 extra paid mid-period "
         "4 goes to installment 4 and 5 ahead of time: the payoff's balance B(d) drops on that date.",
         {"terms": T12, "as_of": "2025-05-05", "payments": pays(("2025-02-15", "1032.80"), ("2025-03-15", "1032.80"),
                                                             ("2025-04-15", "1032.80"), ("2025-04-25", "3000.00")),
          "policy": PEN}, installments=(4, 5, 6))
    emit("interest-paid-early-credited", "等额本息 12000 at 6 %; installment 2 paid in full 5 days after installment 1's "
         "due date: its scheduled interest was paid for a month not yet run, so the payoff credits it back.",
         {"terms": T12, "as_of": "2025-02-25", "payments": pays(("2025-02-15", "1032.80"), ("2025-02-20", "1032.80")),
          "policy": PEN}, installments=(1, 2, 3))
    FF = {"principal": "6000", "annual_rate": "0", "periods": 6, "method": "flat_fee", "fee_rate": "0.006",
          "start_date": "2025-03-01"}
    emit("remaining-fees-charge", "Card installment 分期 6000 over 6 months at 0.6 % a month fee (36.00 a row), 2 rows "
         "paid; remaining_fees charge collects the 4 later rows' fees on payoff.",
         {"terms": FF, "as_of": "2025-05-10", "payments": pays(("2025-04-01", "1036.00"), ("2025-05-01", "1036.00")),
          "policy": PEN, "remaining_fees": "charge"}, installments=(2, 3))
    emit("remaining-fees-waive", "Card installment 6000 over 6 months, fee 36.00 a row; row 3 prepaid with row 2: under "
         "remaining_fees waive (the default) its fee, paid early, is credited back.",
         {"terms": FF, "as_of": "2025-05-10", "payments": pays(("2025-04-01", "1036.00"), ("2025-05-01", "2072.00")),
          "policy": PEN, "remaining_fees": "waive"}, installments=(2, 3, 4))
    emit("prepayment-fee-percent", "等额本息 12000 at 6 %; 3 rows paid; payoff with a 提前还款违约金 of 2 % of the principal "
         "repaid early.",
         {"terms": T12, "as_of": "2025-04-25", "payments": pays(("2025-02-15", "1032.80"), ("2025-03-15", "1032.80"),
                                                             ("2025-04-15", "1032.80")),
          "policy": PEN, "prepayment_fee": {"percent": "0.02"}}, installments=(3, 4))
    emit("prepayment-fee-amount", "等额本息 12000 at 6 %; 3 rows paid; payoff with a fixed 提前还款违约金 of 300.",
         {"terms": T12, "as_of": "2025-04-25", "payments": pays(("2025-02-15", "1032.80"), ("2025-03-15", "1032.80"),
                                                             ("2025-04-15", "1032.80")),
          "policy": PEN, "prepayment_fee": {"amount": "300"}}, installments=(4,))
    emit("credit-overpaid", "等额本息 12000 at 6 % over 12 months; the customer paid 13000 on day one of period 2, "
         "more than every installment: the excess is unapplied, and the payoff is 0 with a credit.",
         {"terms": T12, "as_of": "2025-03-01", "payments": pays(("2025-02-15", "13000.00")), "policy": PEN},
         installments=(1, 2, 12))
    emit("before-first-due", "等额本息 12000 at 6 %; as of 20 days after disbursement, before the first due date, "
         "nothing paid: payoff = principal + accrued interest.",
         {"terms": T12, "as_of": "2025-02-04", "payments": [], "policy": PEN, "prepayment_fee": {"percent": "0.01"}},
         installments=(1,))
    emit("fully-paid", "等额本息 12000 at 6 % over 12 months, every installment paid on its due date (the last row pays 1032.78, the residual): nothing is "
         "owed and the payoff is 0.",
         {"terms": T12, "as_of": "2026-01-20",
          "payments": pays(*[(ref.add_months(dt.date(2025, 1, 15), k, 15).isoformat(), "1032.80") for k in range(1, 12)],
                           ("2026-01-15", "1032.78")), "policy": PEN}, installments=(12,))
    emit("equal-principal", "等额本金 24000 at 4.8 % over 24 months; 4 rows paid, rows 5-6 missed, act/365.",
         {"terms": {"principal": "24000", "annual_rate": "0.048", "periods": 24, "method": "equal_principal",
                    "start_date": "2025-01-31", "day_count": "act/365"},
          "as_of": "2025-08-12",
          "payments": pays(("2025-02-28", "1096.00"), ("2025-03-31", "1092.00"), ("2025-04-30", "1088.00"),
                           ("2025-05-31", "1084.00")),
          "policy": PEN}, installments=(5, 6, 7))
    emit("interest-only", "先息后本 100000 at 7.2 % over 12 months; interest rows 1-3 paid, row 4 missed; late fee fixed 50.",
         {"terms": {"principal": "100000", "annual_rate": "0.072", "periods": 12, "method": "interest_only",
                    "start_date": "2025-01-10"},
          "as_of": "2025-05-25",
          "payments": pays(("2025-02-10", "600.00"), ("2025-03-10", "600.00"), ("2025-04-10", "600.00")),
          "policy": {"penalty_rate": {"rate": "0.072", "markup": "0.5"}, "late_fee": {"kind": "fixed", "amount": "50"}}},
         installments=(4, 5, 12))
    emit("grace-full", "等额本息 10000 at 12 % over 12 months with 2 months of full grace: rows 1-2 pay nothing and "
         "capitalize, so installment 1 is row 3; paid through installment 2, then the payoff mid-period.",
         {"terms": {"principal": "10000", "annual_rate": "0.12", "periods": 12, "start_date": "2025-01-05",
                    "grace": {"periods": 2, "kind": "full"}},
          "as_of": "2025-05-20",
          "payments": pays(("2025-04-05", "1077.04"), ("2025-05-05", "1077.04")), "policy": PEN},
         installments=(1, 2, 3, 10))
    emit("waivers", "等额本息 12000 at 6 %; installments 3-4 missed; on the call the lender waives 50 % of the penalty "
         "and 10.00 of interest (减免).",
         {"terms": T12, "as_of": "2025-06-01", "payments": pays(("2025-02-15", "1032.80"), ("2025-03-15", "1032.80")),
          "policy": {**PEN, "late_fee": {"kind": "fixed", "amount": "20"}},
          "waivers": [{"date": "2025-05-30", "component": "penalty", "percent": "0.5"},
                      {"date": "2025-05-30", "component": "interest", "amount": "10.00", "installment": 3}]},
         installments=(3, 4))
    emit("due-today", "等额本息 12000 at 6 %; as_of is installment 4's due date: it is due today (in amount_due, not "
         "past_due) and no interest has accrued since.",
         {"terms": T12, "as_of": "2025-05-15", "payments": pays(("2025-02-15", "1032.80"), ("2025-03-15", "1032.80")),
          "policy": PEN}, installments=(3, 4, 5))
    emit("thirty-360", "等额本息 12000 at 6 % with day_count 30/360 for the payoff's accrued interest; as_of on the "
         "31st counts as the 30th.",
         {"terms": {**T12, "day_count": "30/360"}, "as_of": "2025-03-31",
          "payments": pays(("2025-02-15", "1032.80"), ("2025-03-15", "1032.80")), "policy": PEN}, installments=(2, 3))
    emit("act-act-year-end", "等额本息 12000 at 6 % with act/act: the accrued interest of a period crossing 1 January "
         "counts each year's days over its own length (accelerated on 2026-01-10 by date).",
         {"terms": {**T12, "start_date": "2025-06-20", "day_count": "act/act"}, "as_of": "2026-01-10",
          "payments": pays(*[(ref.add_months(dt.date(2025, 6, 20), k, 20).isoformat(), "1032.80") for k in range(1, 7)]),
          "policy": PEN, "accelerate": {"on": "2026-01-10"}}, installments=(6, 7))
    emit("weekly", "Weekly 等额本息 5200 at 10.4 % over 26 weeks, 6 paid, 2 missed; the payoff's period is 7 days.",
         {"terms": {"principal": "5200", "annual_rate": "0.104", "periods": 26, "frequency": "weekly",
                    "start_date": "2025-03-03"},
          "as_of": "2025-04-30",
          "payments": pays(*[((dt.date(2025, 3, 3) + dt.timedelta(days=7 * k)).isoformat(), "205.44") for k in range(1, 7)]),
          "policy": PEN}, installments=(7, 8, 9))
    emit("accelerated-then-partial", "等额本息 12000 at 6 %, called in 30 days after installment 3 was missed; "
         "a partial payment after that; 罚息 on principal and interest with a 10-day grace (defer).",
         {"terms": T12, "as_of": "2025-07-15",
          "payments": pays(("2025-02-15", "1032.80"), ("2025-03-15", "1032.80"), ("2025-06-01", "2000.00")),
          "policy": {**PEN_PI, "grace_days": 10, "grace_mode": "defer"}, "accelerate": {"after_days": 30},
          "prepayment_fee": {"percent": "0.03"}}, installments=(3, 4))

    emit("accelerate-inside-full-grace", "等额本息 10000 at 12 % over 12 months with 3 months of full grace "
         "(rows 1-3 capitalize round(B x 1 %)); called in on 2025-03-20, inside the grace. The replaced installments' "
         "principal includes the 102.01 that row 3 (due 2025-04-05) would still capitalize; that interest is not yet "
         "earned, so the called-in principal is the balance after row 2 (10000 + 100.00 + 101.00 = 10201.00), not the "
         "sum of the later rows principal (10303.01): a documented choice (loan package doc).",
         {"terms": {"principal": "10000", "annual_rate": "0.12", "periods": 12, "start_date": "2025-01-05",
                    "grace": {"periods": 3, "kind": "full"}},
          "as_of": "2025-04-01", "payments": [], "policy": PEN, "accelerate": {"on": "2025-03-20"}}, installments=(1,))

    # errors (SPEC §5): each names the offending field
    base = {"terms": T12, "as_of": "2025-06-01", "payments": [], "policy": PEN}
    emit("error-after-days-zero", "after_days must be at least 1.",
         {**base, "accelerate": {"after_days": 0}}, error="accelerate.after_days")
    emit("error-on-after-as-of", "An acceleration date after as_of has not happened yet.",
         {**base, "accelerate": {"on": "2025-06-02"}}, error="accelerate.on")
    emit("error-on-at-start", "An acceleration date must be after the start (disbursement).",
         {**base, "accelerate": {"on": "2025-01-15"}}, error="accelerate.on")
    emit("error-accelerate-both", "accelerate takes after_days or on, not both.",
         {**base, "accelerate": {"after_days": 30, "on": "2025-05-01"}}, error="accelerate")
    emit("error-prepayment-fee-both", "prepayment_fee takes exactly one of percent or amount.",
         {**base, "prepayment_fee": {"percent": "0.01", "amount": "100"}}, error="prepayment_fee")
    emit("error-prepayment-fee-empty", "prepayment_fee takes exactly one of percent or amount.",
         {**base, "prepayment_fee": {}}, error="prepayment_fee")
    emit("error-remaining-fees-unknown", "remaining_fees is waive or charge.",
         {**base, "remaining_fees": "keep"}, error="remaining_fees")
    emit("error-terms-periods", "terms.periods must be at least 1.",
         {**base, "terms": {**T12, "periods": 0}}, error="terms.periods")
    emit("error-as-of-before-start", "as_of before the loan was disbursed.",
         {**base, "as_of": "2025-01-01"}, error="as_of")
    for v in VECTORS:
        with open(os.path.join(outdir, v["name"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(v, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print(f"wrote {len(VECTORS)} vectors to {outdir}")
