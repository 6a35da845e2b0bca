#!/usr/bin/env python3
"""Exact reference for SPEC §8 loan_statement, on top of reference.py (§2 schedules, §3 accrual).

Standard library only; every amount is a fractions.Fraction.

    python3 loan.py calc < request.json     print the result of one loan_statement request
    python3 loan.py make [OUTDIR]           write the loan-statement-*.json vectors (default ../vectors)

Nothing here calls the Go library: the schedule and the accrual are reference.py's, the ledger,
acceleration and payoff are written below straight from SPEC §8's text.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from fractions import Fraction as Fr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as ref  # noqa: E402

ZERO = Fr(0)
KEYS = ("terms", "as_of", "payments", "policy", "waivers", "accelerate", "prepayment_fee", "remaining_fees")
BASIS = {"act/360": 360, "act/365": 365, "30/360": 360}


def fail(field, rule):
    raise ref.SpecError(f"{field}: {rule}")


def days_of(d1, d2, dc):
    if dc == "30/360":
        return int(ref.yearfrac(d1, d2, dc) * 360)
    return (d2 - d1).days


def basis_of(d, dc):
    return ref.days_in_year(d.year) if dc == "act/act" else BASIS[dc]


def calc(req, notes=None):
    """The loan_statement result as the library's JSON (partial: the keys §8 defines).
    notes, when a dict, receives the intermediate figures the vector sources quote."""
    notes = {} if notes is None else notes
    ref.check_keys(req, KEYS, "", required=("terms", "as_of"))
    t = ref.parse_terms(req["terms"], "terms")
    R = t.rounding
    as_of = ref.parse_date(req["as_of"], "as_of")
    if as_of < t.start:
        fail("as_of", "must not be before terms.start_date")
    rows = ref.schedule_rows(t)
    # §8.1: one installment per row with a non-zero payment
    inst = [{"D": r["due_date"], "P": r["principal"], "I": r["interest"], "F": r["fee"]}
            for r in rows if r["payment"] != 0]
    acc = req.get("accelerate")
    pfee = req.get("prepayment_fee")
    if pfee is not None:
        ref.check_keys(pfee, ("percent", "amount"), "prepayment_fee")
        if ("percent" in pfee) == ("amount" in pfee):
            fail("prepayment_fee", "exactly one of percent or amount is required")
        if "percent" in pfee:
            ref.parse_dec(pfee["percent"], "prepayment_fee.percent", lo=ZERO, hi=Fr(1))
        else:
            ref.parse_dec(pfee["amount"], "prepayment_fee.amount", lo=ZERO)
    rem = ref.parse_enum(req.get("remaining_fees"), "remaining_fees", ("waive", "charge"), "waive")

    def last_due(d):  # P: the latest due date of any schedule row on or before d, or the start
        p = t.start
        for r in rows:
            if r["due_date"] <= d:
                p = r["due_date"]
        return p

    def accrual(ledger):
        a = {"as_of": as_of.isoformat(),
             "installments": [{"due_date": x["D"].isoformat(), "principal": ref.fmt_plain(x["P"]),
                               "interest": ref.fmt_plain(x["I"]), "fee": ref.fmt_plain(x["F"])} for x in ledger],
             "payments": req.get("payments") or [], "policy": req.get("policy") or {}}
        if req.get("waivers"):
            a["waivers"] = req["waivers"]
        return ref.calc_accrual(a)

    X = None
    accelerated = False
    if acc is not None:
        ref.check_keys(acc, ("after_days", "on"), "accelerate")
        if ("after_days" in acc) == ("on" in acc):
            fail("accelerate", "exactly one of after_days or on is required")
        if "on" in acc:
            X = ref.parse_date(acc["on"], "accelerate.on")
            if not (t.start < X <= as_of):
                fail("accelerate.on", "must be after terms.start_date and on or before as_of")
        else:
            A = ref.parse_int(acc["after_days"], "accelerate.after_days", 1, 36500)
            st0 = accrual(inst)
            for k, x in enumerate(inst):
                cand = x["D"] + dt.timedelta(days=A)
                if cand > as_of:
                    break
                unpaid = x["P"] + x["I"] + x["F"]
                for p in st0["explanation"]["payments"]:
                    if dt.date.fromisoformat(p["date"]) < cand:
                        for al in p["allocation"]:
                            if al["installment"] == k + 1 and al["component"] in ("principal", "interest", "fee"):
                                unpaid -= Fr(al["amount"])
                for w in st0["explanation"]["waivers"]:
                    if dt.date.fromisoformat(w["date"]) < cand and w["installment"] == k + 1 \
                            and w["component"] == "interest":
                        unpaid -= Fr(w["amount"])
                if unpaid > 0:
                    X = cand
                    notes["trigger"] = (k + 1, x["D"], unpaid)
                    break
    if X is not None:
        kept = [x for x in inst if x["D"] <= X]
        later = inst[len(kept):]
        if later:
            P = sum((x["P"] for x in later), ZERO)
            # CHOICE: interest that rows after X would still capitalize (a full grace running past X) is in their
            # principal but not yet earned; it is taken out, so acceleration never increases the principal owed.
            P -= sum((r.get("capitalized", ZERO) for r in rows if r["due_date"] > X), ZERO)
            PX = last_due(X)
            I = R(P * t.annual_rate * ref.yearfrac(PX, X, t.day_count))
            notes["accel"] = (len(kept) + 1, len(inst), P, PX, X, I)
            inst = kept + [{"D": X, "P": P, "I": I, "F": ZERO}]
            accelerated = True
    st = accrual(inst)
    out = {k: st[k] for k in ("as_of", "installments", "days_past_due", "bucket", "totals", "unapplied")}
    if X is not None:
        out["accelerated_on"] = X.isoformat()
    cur = {i["number"]: i for i in st["installments"]}

    def owed(sel):
        o = {c: sum((Fr(cur[k + 1][c]) for k, x in enumerate(inst) if sel(x["D"])), ZERO)
             for c in ("principal", "interest", "fee", "penalty", "late_fee")}
        o["total"] = sum(o.values(), ZERO)
        return o

    due = owed(lambda d: d <= as_of)
    past = owed(lambda d: d < as_of)
    nyd = owed(lambda d: d > as_of)
    out["amount_due"] = {k: R.fmt(v) for k, v in due.items()}
    out["past_due"] = {k: R.fmt(v) for k, v in past.items()}
    out["not_yet_due"] = {k: R.fmt(nyd[k]) for k in ("principal", "interest", "fee")}

    # payoff
    P0 = last_due(as_of)
    later_nums = {k + 1 for k, x in enumerate(inst) if x["D"] > as_of}
    prin_paid, int_paid, fee_paid = [], ZERO, ZERO
    for p in st["explanation"]["payments"]:
        d = dt.date.fromisoformat(p["date"])
        for al in p["allocation"]:
            if al["installment"] in later_nums:
                if al["component"] == "principal":
                    prin_paid.append((d, Fr(al["amount"])))
                elif al["component"] == "interest":
                    int_paid += Fr(al["amount"])
                elif al["component"] == "fee":
                    fee_paid += Fr(al["amount"])
    opening = ZERO
    if not accelerated:
        for r in rows:
            if r["due_date"] > as_of:
                opening = r["opening_balance"]
                break

    def B(d):
        return max(opening - sum((a for pd, a in prin_paid if pd <= d), ZERO), ZERO)

    cuts = sorted({P0, as_of} | {pd for pd, _ in prin_paid if P0 < pd < as_of})
    pieces, exact = [], ZERO
    for a, b in zip(cuts, cuts[1:]):
        if B(a) > 0:
            pieces.append((B(a), a, b))
            exact += B(a) * ref.yearfrac(a, b, t.day_count)
    accrued = R(t.annual_rate * exact)
    notes["pieces"] = pieces
    notes["accrued"] = accrued
    notes["from"] = P0
    bnow = B(as_of)
    overpaid = max(sum((a for _, a in prin_paid), ZERO) - opening, ZERO)
    credit = Fr(st["unapplied"]) + overpaid
    principal = due["principal"] + bnow
    interest = due["interest"] + accrued - int_paid
    fee = due["fee"] + (nyd["fee"] if rem == "charge" else -fee_paid)
    notes.update(int_paid=int_paid, fee_paid=fee_paid, bnow=bnow, rem=rem, overpaid=overpaid,
                 unapplied=Fr(st["unapplied"]), fee_charged=nyd["fee"] if rem == "charge" else ZERO)
    pf = ZERO
    if pfee is not None and bnow > 0:
        pf = R(Fr(pfee["percent"]) * bnow) if "percent" in pfee else R(Fr(pfee["amount"]))
    raw_interest, raw_fee = interest, fee
    if interest < 0:
        credit -= interest
        interest = ZERO
    if fee < 0:
        credit -= fee
        fee = ZERO
    pen, lf = Fr(st["totals"]["penalty"]), Fr(st["totals"]["late_fee"])
    total = max(principal + interest + fee + pen + lf + pf - credit, ZERO)
    notes.update(raw_interest=raw_interest, raw_fee=raw_fee)
    out["payoff"] = {"principal": R.fmt(principal), "interest": R.fmt(interest), "accrued_interest": R.fmt(accrued),
                     "fee": R.fmt(fee), "penalty": R.fmt(pen), "late_fee": R.fmt(lf), "prepayment_fee": R.fmt(pf),
                     "credit": R.fmt(credit), "total": R.fmt(total)}
    notes["st"], notes["inst"], notes["t"], notes["due"] = st, inst, t, due
    return out


def calc_request(req):
    try:
        return calc(req)
    except ref.SpecError as e:
        return {"error": str(e)}


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "calc":
        print(json.dumps(calc_request(json.load(sys.stdin)), indent=2, ensure_ascii=False, default=str))
    elif len(sys.argv) >= 2 and sys.argv[1] == "make":
        import loan_vectors  # noqa: E402
        loan_vectors.main(sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "vectors"))
    else:
        print(__doc__)
