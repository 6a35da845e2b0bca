#!/usr/bin/env python3
"""Business-day calendars (SPEC §10) and the calendar conformance vectors.

    python3 business_days.py [OUTDIR]      (default: ../vectors beside this folder)
    python3 business_days.py check [DIR...] checks every *calendar* vector there

An independent implementation of SPEC §10's calendars, written from the
sources, not from the Go code:

- cn: the State Council's notices 国务院办公厅关于2024/2025/2026年部分节假日安排的通知
  (gov.cn content_6911528 / content_6986383 / content_7047091), transcribed below
  from the notices' text (cross-checked with NateScarlet/holiday-cn 2024-2026.json);
  days they do not list, and years they do not cover, go by weekends.
- us: the Federal Reserve's holidays by rule (federalreserve.gov/aboutthefed/k8.htm):
  a Sunday holiday is observed Monday, a Saturday one is not moved; Juneteenth from 2021.
- weekends, none, plus the lender's own holidays and workdays.

The schedules and accruals themselves come from reference.py (exact fractions):
the due dates are moved here, then reference.py prices the moved dates. Every
expectation is computed; the source strings are built from the same values.
"""
import datetime as dt
import json
import os
import sys
from fractions import Fraction as Fr

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import reference as ref  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] != "check" else os.path.join(HERE, "..", "vectors")

# ---------------------------------------------------------------------------
# cn: (first, last, name) 放假 spans and 上班 days, per notice

CN_OFF = [
    # 2024 (国办发明电〔2023〕7号)
    ("2024-01-01", "2024-01-01", "元旦"), ("2024-02-10", "2024-02-17", "春节"),
    ("2024-04-04", "2024-04-06", "清明节"), ("2024-05-01", "2024-05-05", "劳动节"),
    ("2024-06-10", "2024-06-10", "端午节"), ("2024-09-15", "2024-09-17", "中秋节"),
    ("2024-10-01", "2024-10-07", "国庆节"),
    # 2025 (国办发明电〔2024〕12号)
    ("2025-01-01", "2025-01-01", "元旦"), ("2025-01-28", "2025-02-04", "春节"),
    ("2025-04-04", "2025-04-06", "清明节"), ("2025-05-01", "2025-05-05", "劳动节"),
    ("2025-05-31", "2025-06-02", "端午节"), ("2025-10-01", "2025-10-08", "国庆节、中秋节"),
    # 2026 (2025-11-04)
    ("2026-01-01", "2026-01-03", "元旦"), ("2026-02-15", "2026-02-23", "春节"),
    ("2026-04-04", "2026-04-06", "清明节"), ("2026-05-01", "2026-05-05", "劳动节"),
    ("2026-06-19", "2026-06-21", "端午节"), ("2026-09-25", "2026-09-27", "中秋节"),
    ("2026-10-01", "2026-10-07", "国庆节"),
]
CN_WORK = ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
           "2024-09-29", "2024-10-12",
           "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
           "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]
NOTICE = {2024: "2024 notice (gov.cn content_6911528)", 2025: "2025 notice (gov.cn content_6986383)",
          2026: "2026 notice (gov.cn content_7047091)"}


def D(s):
    return dt.date.fromisoformat(s)


CN_HOLIDAY = {}
for a, b, name in CN_OFF:
    d = D(a)
    while d <= D(b):
        CN_HOLIDAY[d] = name
        d += dt.timedelta(days=1)
CN_WORKDAY = {D(s) for s in CN_WORK}


def nth_weekday(y, m, weekday, n):
    """The n-th (1-based; -1 = last) weekday (Mon=0) of month m."""
    if n > 0:
        d = dt.date(y, m, 1)
        d += dt.timedelta(days=(weekday - d.weekday()) % 7)
        return d + dt.timedelta(days=7 * (n - 1))
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    d = nxt - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() - weekday) % 7)


def us_holidays(y):
    """The Federal Reserve's closed weekdays of year y, with names."""
    fixed = {dt.date(y, 1, 1): "New Year's Day", dt.date(y, 7, 4): "Independence Day",
             dt.date(y, 11, 11): "Veterans Day", dt.date(y, 12, 25): "Christmas Day"}
    if y >= 2021:
        fixed[dt.date(y, 6, 19)] = "Juneteenth"
    out = {}
    for d, name in fixed.items():
        if d.weekday() == 6:
            out[d + dt.timedelta(days=1)] = name + " (observed)"
        elif d.weekday() < 5:
            out[d] = name
        # Saturday: not moved, the Friday stays open
    out[nth_weekday(y, 1, 0, 3)] = "Martin Luther King Jr. Day"
    out[nth_weekday(y, 2, 0, 3)] = "Washington's Birthday"
    out[nth_weekday(y, 5, 0, -1)] = "Memorial Day"
    out[nth_weekday(y, 9, 0, 1)] = "Labor Day"
    out[nth_weekday(y, 10, 0, 2)] = "Columbus Day"
    out[nth_weekday(y, 11, 3, 4)] = "Thanksgiving Day"
    return out


class Cal:
    def __init__(self, spec):
        self.preset = spec.get("preset", "weekends")
        self.hol = {D(s) for s in spec.get("holidays", [])}
        self.work = {D(s) for s in spec.get("workdays", [])}

    def why(self, d):
        """None for a business day, else the reason it is closed."""
        if d in self.work:
            return None
        if d in self.hol:
            return "the lender's own holiday"
        wk = d.weekday() >= 5
        if self.preset == "none":
            return None
        if self.preset == "cn":
            if d in CN_WORKDAY:
                return None
            if d in CN_HOLIDAY:
                return f"{CN_HOLIDAY[d]} holiday, cn {NOTICE[d.year]}"
        if self.preset == "us":
            h = us_holidays(d.year).get(d)
            if h:
                return f"{h}, Federal Reserve holiday"
        return ("Saturday" if d.weekday() == 5 else "Sunday") if wk else None

    def step(self, d, k):
        d += dt.timedelta(days=k)
        while self.why(d):
            d += dt.timedelta(days=k)
        return d

    def move(self, d, rule):
        if rule == "none" or not self.why(d):
            return d
        if rule == "following":
            return self.step(d, 1)
        if rule == "preceding":
            return self.step(d, -1)
        f = self.step(d, 1)  # modified_following
        return f if f.month == d.month else self.step(d, -1)


def move_text(cal, d, rule):
    m = cal.move(d, rule)
    if m == d:
        w = "business day" if not cal.why(d) else "not moved (rule none)"
        extra = ""
        if cal.preset == "cn" and d in CN_WORKDAY:
            extra = f", a 调休 make-up workday ({NOTICE[d.year]})"
        return f"{d} ({d.strftime('%a')}) {w}{extra}"
    return f"{d} ({d.strftime('%a')}, {cal.why(d)}) → {rule} {m} ({m.strftime('%a')})"


# ---------------------------------------------------------------------------
# hooks into reference.py: terms carry a calendar that moves due_date

_parse_terms, _due_date, _parse_policy = ref.parse_terms, ref.due_date, ref.parse_policy


def parse_terms(v, field=""):
    v = dict(v)
    spec, rule = v.pop("calendar", None), v.pop("business_day", "following")
    t = _parse_terms(v, field)
    t.cal, t.rule = (Cal(spec), rule) if spec is not None else (None, rule)
    return t


def due_date(t, i):
    d = _due_date(t, i)
    if i == 0 or t.cal is None:
        return d
    return t.cal.move(d, t.rule)


ref.parse_terms, ref.due_date = parse_terms, due_date


def calc_accrual(req):
    req = json.loads(json.dumps(req))
    pol = req.get("policy", {})
    spec, rule = pol.pop("calendar", None), pol.pop("business_day", "following")
    orig = [D(i["due_date"]) for i in req["installments"]]
    eff = orig
    if spec is not None:
        cal = Cal(spec)
        eff = [cal.move(d, rule) for d in orig]
        for i, d in zip(req["installments"], eff):
            i["due_date"] = d.isoformat()
    res = ref.calc_accrual(req)
    for o, d, e in zip(res["installments"], orig, eff):
        o["due_date"], o["effective_due_date"] = d.isoformat(), e.isoformat()
    return res


# ---------------------------------------------------------------------------
# vectors

VECTORS = []
ROW_KEYS = ("due_date", "days", "opening_balance", "principal", "interest", "fee", "payment",
            "closing_balance", "capitalized")
INST_KEYS = ("due_date", "effective_due_date", "principal", "interest", "fee", "penalty", "late_fee",
             "penalty_accrued", "days_past_due")


def emit(name, kind, inp, source, expect):
    assert name.startswith(kind.replace("_", "-")) and "calendar" in name, name
    VECTORS.append({"name": name, "source": source, "kind": kind, "input": inp, "expect": expect})


def row_text(t, rows):
    out = []
    for r in rows:
        if t.basis == "daily":
            out.append(f"row {r['number']} {r['due_date']} {r['days']}d: round({r['opening_balance']} × "
                       f"{t.annual_rate} × {r['days']}/{360 if t.day_count == 'act/360' else 365}) = {r['interest']}")
        else:
            out.append(f"row {r['number']} {r['due_date']} {r['days']}d: interest round({r['opening_balance']} × "
                       f"{t.annual_rate}/{t.ppy}) = {r['interest']} (periodic: days do not change it)")
    return "; ".join(out)


def schedule_vector(name, inp, note, kind="schedule", calc=None):
    terms = inp if kind == "schedule" else inp["terms"]
    t = parse_terms(terms)
    cal, rule = t.cal, t.rule
    unmoved = [_due_date(t, i) for i in range(1, t.periods + 1)]
    moves = "; ".join(move_text(cal, d, rule) for d in unmoved)
    res = (calc or ref.calc_schedule)(inp)
    rows = {str(r["number"]): {k: r[k] for k in ROW_KEYS if k in r} for r in res["rows"]}
    expect = {"row_count": res["row_count"], "rows": rows, "totals": res["totals"]}
    for k in ("interest_saved", "deferred_interest"):
        if k in res:
            expect[k] = res[k]
    src = (f"{note} Calendar {json.dumps(terms['calendar'], ensure_ascii=False)}, business_day {rule}; "
           f"each unmoved due date (anchor + i periods) moves on its own: {moves}. "
           f"Rows priced by testdata/reference/reference.py on the moved dates (business_days.py): {row_text(t, res['rows'])}; "
           f"totals {json.dumps(res['totals'])}. Rates are left to the Appendix J timing vectors.")
    emit(name, kind, inp, src, expect)


def accrual_vector(name, inp, note):
    res = calc_accrual(inp)
    pol = inp["policy"]
    rule = pol.get("business_day", "following")
    if "calendar" in pol:
        cal = Cal(pol["calendar"])
        moves = "; ".join(move_text(cal, D(i["due_date"]), rule) for i in inp["installments"])
    else:
        moves = "no calendar, so business_day moves nothing and effective_due_date = due_date"
    segs = "; ".join(f"#{s['installment']} {s['from']}→{s['to']} {s['days']}d: round({s['base']} × {s['rate']} × {s['days']})"
                     f" = {s['amount']}{' (in grace)' if s['contingent'] else ''}"
                     for s in res["explanation"]["segments"]) or "no penalty segments"
    fees = "; ".join(f"#{f['installment']} late fee {f['amount']} assessed at the start of {f['date']}"
                     for f in res["explanation"]["late_fees"]) or "no late fee"
    insts = {str(o["number"]): {k: o[k] for k in INST_KEYS} for o in res["installments"]}
    expect = {"days_past_due": res["days_past_due"], "bucket": res["bucket"], "installments": insts,
              "totals": res["totals"], "unapplied": res["unapplied"]}
    src = (f"{note} Calendar {json.dumps(pol.get('calendar'), ensure_ascii=False)}, business_day {rule}: {moves}. "
           f"Everything in SPEC §3 counts from the effective due date D (grace end D+g+1, late fee, stop D+S, days past due). "
           f"Accrued by testdata/reference/reference.py on the moved dates (business_days.py): {segs}; {fees}; "
           f"days past due {res['days_past_due']}, outstanding {res['totals']['outstanding']}.")
    emit(name, "accrual", inp, src, expect)


def error_vector(name, kind, inp, want, why):
    emit(name, kind, inp, f"SPEC §10 and §5: {why}; the error names the field.", {"error": want})


def build():
    daily = {"interest_basis": "daily"}
    schedule_vector("schedule-calendar-cn-following-national-day-daily", {
        "principal": "60000", "annual_rate": "0.0435", "periods": 6, "start_date": "2025-08-01",
        "method": "equal_principal", **daily, "calendar": {"preset": "cn"}},
        "还款日遇节假日顺延: following is the default once a calendar is given. 2025-10-01 sits in 国庆节、中秋节 "
        "(10-01 to 10-08); 2026-01-01 to 01-03 are 元旦 and Sunday 2026-01-04 is its 调休 workday, so 01-01 moves to 01-04.")
    schedule_vector("schedule-calendar-weekends-modified-following-month-end", {
        "principal": "10000", "annual_rate": "0.06", "periods": 4, "start_date": "2026-01-31",
        **daily, "business_day": "modified_following", "calendar": {"preset": "weekends"}},
        "Modified following: the next business day unless it is in the next month, then the one before. "
        "Anchor day 31 clamps to 02-28 (Sat): following would be 03-02, another month, so 02-27; 05-31 (Sun) likewise goes back to 05-29.")
    schedule_vector("schedule-calendar-cn-modified-following-spring-festival-month-end", {
        "principal": "24000", "annual_rate": "0.05", "periods": 5, "start_date": "2024-12-31",
        **daily, "business_day": "modified_following", "calendar": {"preset": "cn"}},
        "A holiday across a month end: 春节 2025 runs 01-28 to 02-04, so following from 01-31 lands in February "
        "(02-05) and modified following takes the business day before, Mon 01-27; 05-31 (端午节, 05-31 to 06-02) "
        "likewise goes back to Fri 05-30.")
    schedule_vector("schedule-calendar-cn-preceding-national-day", {
        "principal": "30000", "annual_rate": "0.048", "periods": 3, "start_date": "2025-09-05",
        **daily, "business_day": "preceding", "calendar": {"preset": "cn"}},
        "Preceding: the business day before. 2025-10-05 is in 国庆节 (10-01 to 10-08), so it moves to Tue 09-30; "
        "11-05 and 12-05 are business days.")
    schedule_vector("schedule-calendar-cn-rule-none-moves-nothing", {
        "principal": "30000", "annual_rate": "0.048", "periods": 3, "start_date": "2025-09-01",
        **daily, "business_day": "none", "calendar": {"preset": "cn"}},
        "business_day none: the calendar is given but nothing moves; 2025-10-01 stays a due date (same rows as without a calendar).")
    schedule_vector("schedule-calendar-cn-make-up-weekends-stay", {
        "principal": "14000", "annual_rate": "0.036", "periods": 7, "start_date": "2025-08-28",
        **daily, "calendar": {"preset": "cn"}},
        "调休 weekends are workdays: Sun 2025-09-28 (国庆节、中秋节 make-up) and Sat 2026-02-28 (春节 make-up) do not move; "
        "Sun 2025-12-28 and Sat 2026-03-28 are ordinary weekends and move to the Monday.")
    schedule_vector("schedule-calendar-us-sunday-holiday-observed-monday", {
        "principal": "5000", "annual_rate": "0.07", "periods": 4, "start_date": "2027-06-04",
        **daily, "day_count": "act/365", "calendar": {"preset": "us"}},
        "us: Independence Day 2027 is a Sunday, observed Monday 07-05 (K.8: 'closed on July 5, 2027'), so the due date "
        "07-04 moves past both to Tue 07-06; Sat 09-04 is followed by Sun and Labor Day Mon 09-06 (first Monday), so Tue 09-07.")
    schedule_vector("schedule-calendar-us-saturday-holiday-not-moved", {
        "principal": "5000", "annual_rate": "0.07", "periods": 4, "start_date": "2026-06-04",
        **daily, "day_count": "act/365", "business_day": "preceding", "calendar": {"preset": "us"}},
        "us: Independence Day 2026 is a Saturday; a Saturday holiday is not moved (K.8: the Reserve Banks are open "
        "Friday July 3, 2026), so preceding from 07-04 lands on Fri 07-03; Sun 10-04 goes back to Fri 10-02.")
    schedule_vector("schedule-calendar-lender-holiday-and-workday", {
        "principal": "8000", "annual_rate": "0.05", "periods": 4, "start_date": "2026-02-16",
        **daily, "calendar": {"holidays": ["2026-03-16"], "workdays": ["2026-05-16"]}},
        "A calendar without preset is weekends. The lender's own holiday Mon 2026-03-16 moves to Tue 03-17; "
        "its own workday Sat 2026-05-16 is a business day and does not move.")
    schedule_vector("schedule-calendar-cn-periodic-interest-unchanged", {
        "principal": "12000", "annual_rate": "0.06", "periods": 3, "start_date": "2026-01-17",
        "calendar": {"preset": "cn"}},
        "Periodic interest does not change with the calendar (SPEC §10): each row is round(B × 0.06/12) whatever "
        "its days; only due_date and days follow the moves. 2026-02-17 (春节, 02-15 to 02-23) moves to Tue 02-24.")
    schedule_vector("schedule-calendar-cn-weekly-spring-festival-same-day", {
        "principal": "4000", "annual_rate": "0.0365", "periods": 5, "start_date": "2026-02-01",
        "frequency": "weekly", **daily, "day_count": "act/365", "calendar": {"preset": "cn"}},
        "Weekly rows around 春节 2026 (02-15 to 02-23): Sundays 02-15 and 02-22 both move to Tue 02-24; each moves from "
        "its own unmoved date, so the second row is due the same day as the first and spans 0 days (library choice, "
        "documented in schedule's package doc).")
    schedule_vector("schedule-calendar-cn-bullet-daily", {
        "principal": "100000", "annual_rate": "0.04", "periods": 12, "start_date": "2025-02-01",
        "method": "bullet", **daily, "day_count": "act/365", "calendar": {"preset": "cn"}},
        "A bullet loan's one row is due at the end of the term, moved: 2026-02-01 is a Sunday, so Mon 02-02, "
        "and daily interest runs to the moved date.")
    # prepayment and deferral use their terms' calendar
    pre = {"terms": {"principal": "36000", "annual_rate": "0.05", "periods": 6, "start_date": "2025-07-01",
                     **daily, "calendar": {"preset": "cn"}}, "after_period": 2, "amount": "10000", "mode": "reduce_payment"}
    schedule_vector("prepayment-calendar-cn-national-day", pre,
                    "A prepayment re-amortizes on its terms' calendar: 2025-10-01 (国庆节) moves to 10-09, "
                    "11-01 (Sat) to 11-03.", kind="prepayment", calc=ref.calc_prepayment)
    dfr = {"terms": {"principal": "24000", "annual_rate": "0.06", "periods": 4, "start_date": "2026-01-15",
                     **daily, "calendar": {"preset": "cn"}}, "from_period": 2, "periods": 1, "interest": "capitalize"}
    schedule_vector("deferral-calendar-cn-spring-festival-capitalize", dfr,
                    "A deferral's rows use its terms' calendar: 02-15 (春节) moves to 02-24 and 03-15 (Sun) to 03-16; "
                    "the deferred row capitalizes its daily interest.", kind="deferral", calc=ref.calc_deferral)

    # accrual
    base_pol = {"penalty_rate": {"rate": "0.0005", "unit": "daily"}}
    accrual_vector("accrual-calendar-cn-grace-late-fee-from-effective-due", {
        "as_of": "2025-10-25",
        "installments": [{"due_date": "2025-10-01", "principal": "2000.00", "interest": "50.00", "fee": "0"}],
        "payments": [],
        "policy": {**base_pol, "grace_days": 3, "late_fee": {"kind": "fixed", "amount": "30"},
                   "calendar": {"preset": "cn"}}},
        "Grace and late fee count from the effective due date D = 2025-10-09: the forgiving grace runs 10-09..10-12, "
        "missed, so its penalty becomes payable at D+g+1 = 10-13, when the late fee is assessed.")
    accrual_vector("accrual-calendar-cn-paid-on-effective-due-date", {
        "as_of": "2025-10-20",
        "installments": [{"due_date": "2025-10-01", "principal": "1000.00", "interest": "20.00", "fee": "0"}],
        "payments": [{"date": "2025-10-09", "amount": "1020.00"}],
        "policy": {**base_pol, "late_fee": {"kind": "fixed", "amount": "20"}, "calendar": {"preset": "cn"}}},
        "Paid in full on the effective due date 2025-10-09: on time, so no penalty, no late fee, not past due "
        "(without the calendar it would be 8 days late).")
    accrual_vector("accrual-calendar-cn-stop-after-days-from-effective-due", {
        "as_of": "2025-11-30",
        "installments": [{"due_date": "2025-10-01", "principal": "3000.00", "interest": "0", "fee": "0"}],
        "payments": [],
        "policy": {**base_pol, "stop_after_days": 10, "calendar": {"preset": "cn"}}},
        "stop_after_days 10 counts from D = 2025-10-09: penalty accrues 10-09 to 10-19 only.")
    accrual_vector("accrual-calendar-cn-defer-grace", {
        "as_of": "2026-03-10",
        "installments": [{"due_date": "2026-02-16", "principal": "1500.00", "interest": "0", "fee": "0"}],
        "payments": [],
        "policy": {**base_pol, "grace_days": 5, "grace_mode": "defer",
                   "late_fee": {"kind": "percent", "rate": "0.05", "min": "10"}, "calendar": {"preset": "cn"}}},
        "Defer grace from the effective due date: 2026-02-16 (春节, 02-15 to 02-23) moves to 02-24; accrual starts "
        "at D+g = 03-01 and the late fee is assessed at D+g+1 = 03-02.")
    accrual_vector("accrual-calendar-cn-make-up-sunday-not-moved", {
        "as_of": "2025-10-05",
        "installments": [{"due_date": "2025-09-28", "principal": "800.00", "interest": "0", "fee": "0"}],
        "payments": [],
        "policy": {**base_pol, "calendar": {"preset": "cn"}}},
        "Sun 2025-09-28 is a 调休 workday, so the installment is due that day and accrues from it: effective_due_date = due_date.")
    accrual_vector("accrual-calendar-cn-preceding-rule", {
        "as_of": "2025-10-10",
        "installments": [{"due_date": "2025-10-04", "principal": "1000.00", "interest": "0", "fee": "0"}],
        "payments": [],
        "policy": {**base_pol, "business_day": "preceding", "calendar": {"preset": "cn"}}},
        "Preceding moves the due date back: 2025-10-04 (国庆节) to Tue 09-30, and penalty accrues from there.")
    accrual_vector("accrual-calendar-us-sunday-observed-monday", {
        "as_of": "2027-07-31",
        "installments": [{"due_date": "2027-07-04", "principal": "2500.00", "interest": "25.00", "fee": "0"}],
        "payments": [{"date": "2027-07-06", "amount": "1000.00"}],
        "policy": {"penalty_rate": {"rate": "0.18", "unit": "annual", "day_count": "act/365"},
                   "calendar": {"preset": "us"}}},
        "us: Sunday 2027-07-04 is observed Monday 07-05, so the installment is due Tue 07-06; the 1000.00 paid that "
        "day is on time (interest 25.00 first, then 975.00 principal).")
    accrual_vector("accrual-calendar-lender-holiday-and-two-installments", {
        "as_of": "2026-05-20",
        "installments": [{"due_date": "2026-04-03", "principal": "500.00", "interest": "10.00", "fee": "0"},
                         {"due_date": "2026-05-03", "principal": "500.00", "interest": "8.00", "fee": "0"}],
        "payments": [{"date": "2026-04-07", "amount": "510.00"}],
        "policy": {**base_pol, "late_fee": {"kind": "fixed", "amount": "15"},
                   "calendar": {"preset": "weekends", "holidays": ["2026-04-03", "2026-04-06"]}}},
        "The lender's own holidays Fri 2026-04-03 and Mon 04-06 close with the weekend between, so installment 1 "
        "is due Tue 04-07 and its payment that day is on time; installment 2's Sun 05-03 moves to Mon 05-04.")

    accrual_vector("accrual-calendar-business-day-without-calendar", {
        "as_of": "2025-10-20",
        "installments": [{"due_date": "2025-10-01", "principal": "1000.00", "interest": "0", "fee": "0"}],
        "payments": [],
        "policy": {**base_pol, "business_day": "preceding"}},
        "SPEC §10: business_day without a calendar moves nothing; the installment is due 2025-10-01 (a holiday, "
        "but no calendar says so) and accrues from it.")

    # errors
    error_vector("schedule-calendar-error-unknown-preset", "schedule",
                 {"principal": "1000", "annual_rate": "0.05", "periods": 3, "start_date": "2025-01-01",
                  "calendar": {"preset": "jp"}},
                 "calendar.preset: must be one of none, weekends, cn, us", "jp is not a preset")
    error_vector("accrual-calendar-error-unknown-business-day-rule", "accrual",
                 {"as_of": "2025-10-20", "installments": [{"due_date": "2025-10-01", "principal": "100"}],
                  "payments": [], "policy": {"calendar": {"preset": "cn"}, "business_day": "next"}},
                 "policy.business_day: must be one of following, modified_following, preceding, none",
                 "business_day is following, modified_following, preceding or none")
    error_vector("schedule-calendar-error-holiday-not-a-date", "schedule",
                 {"principal": "1000", "annual_rate": "0.05", "periods": 3, "start_date": "2025-01-01",
                  "calendar": {"preset": "cn", "holidays": ["2025-05-06", "2025-02-30"]}},
                 "calendar.holidays[1]: no such date", "2025-02-30 is not a date")
    error_vector("accrual-calendar-error-date-in-both-lists", "accrual",
                 {"as_of": "2025-10-20", "installments": [{"due_date": "2025-10-01", "principal": "100"}],
                  "payments": [], "policy": {"calendar": {"holidays": ["2025-10-10"],
                                                          "workdays": ["2025-10-11", "2025-10-10"]}}},
                 "policy.calendar.workdays[1]: must not also be in holidays", "a date in both lists is an error")
    error_vector("schedule-calendar-error-unknown-key", "schedule",
                 {"principal": "1000", "annual_rate": "0.05", "periods": 3, "start_date": "2025-01-01",
                  "calendar": {"preset": "cn", "weekend": ["sat", "sun"]}},
                 "calendar.weekend: unknown field", "a calendar is {preset, holidays, workdays}; any other key is an error")
    error_vector("schedule-calendar-error-moved-onto-start", "schedule",
                 {"principal": "1000", "annual_rate": "0.05", "periods": 3, "start_date": "2026-01-30",
                  "first_due_date": "2026-01-31", "business_day": "preceding", "calendar": {"preset": "weekends"}},
                 "calendar: moves the first due date 2026-01-31 to 2026-01-30, not after start_date",
                 "a moved date before the start is an error: Sat 2026-01-31 precedes to Fri 01-30, the start itself")
    error_vector("accrual-calendar-error-moved-past-2200", "accrual",
                 {"as_of": "2200-12-31", "installments": [{"due_date": "2200-12-31", "principal": "100"}],
                  "payments": [], "policy": {"calendar": {"preset": "none", "holidays": ["2200-12-31"]}}},
                 "installments[0].due_date: policy.calendar moves 2200-12-31 to 2201-01-01",
                 "a moved date must stay within SPEC §5's years 1900-2200: the lender's holiday 2200-12-31 follows to 2201-01-01")


def check(dirs):
    """Checks every *calendar* vector of the kinds reference.py knows; the
    error vectors are SPEC §10's validation, which reference.py does not model."""
    import glob
    ref.KINDS["accrual"] = calc_accrual
    ok = bad = skipped = 0
    for d in dirs:
        for f in sorted(glob.glob(os.path.join(d, "*calendar*.json"))):
            vec = json.load(open(f, encoding="utf-8"))
            if "error" in vec["expect"] or vec["kind"] not in ref.KINDS:
                skipped += 1
                continue
            problems = ref.check_vector(vec)
            if problems:
                bad += 1
                print(vec["name"], *problems, sep="\n  ")
            else:
                ok += 1
    print(f"{ok} passed, {bad} failed, {skipped} skipped (error vectors, kinds reference.py lacks)")
    return 1 if bad else 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2:] or [os.path.join(HERE, "..", "vectors")]))
    build()
    os.makedirs(OUT, exist_ok=True)
    for v in VECTORS:
        with open(os.path.join(OUT, v["name"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(v, f, ensure_ascii=False, indent=2)
            f.write("\n")
    print(f"wrote {len(VECTORS)} vectors to {OUT}")


if __name__ == "__main__":
    main()
