"""Exact reference for SPEC §9 card statements (card_statement), written
independently of the Go engine: it walks the account one calendar day at a
time with fractions.Fraction amounts, never floats.

    python3 testdata/reference/card.py run FILE.json     full result of a vector's input
    python3 testdata/reference/card.py gen               rewrite testdata/vectors/card-statement-*.json (ours)
    python3 testdata/reference/card.py diff SEED COUNT   random histories against the Go library (via godo)

Choices (as card/doc.go): amounts in whole minor units; rounding half up
to 2 places unless the request says otherwise; an unpaid amount at or below
the tolerance is written off from the minimums when it is judged; the
calendar supports only "weekends" and the lender's own lists here (enough
for our vectors; the Go library has the cn/us presets).
"""
import calendar as cal
import datetime as dt
import json, os, random, subprocess, sys
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

def D(s): return dt.date.fromisoformat(s)
def q(x):  # "12.34" -> Fraction
    return F(x)

def rnd(x, places=2, mode="half_up"):
    scale = 10 ** places
    v = x * scale
    neg = v < 0
    a = -v if neg else v
    fl = a.numerator // a.denominator
    rem = a - fl
    if mode == "half_up": up = rem >= F(1, 2)
    elif mode == "half_even": up = rem > F(1, 2) or (rem == F(1, 2) and fl % 2 == 1)
    elif mode == "down": up = False
    elif mode == "up": up = rem > 0
    elif mode == "ceiling": up = rem > 0 and not neg
    elif mode == "floor": up = rem > 0 and neg
    else: raise ValueError(mode)
    r = fl + (1 if up else 0)
    return F(-r if neg else r, scale)

def dec(r):
    """A terminating fraction as a decimal string, exactly: 1/2000 -> "0.0005"."""
    from decimal import Decimal, localcontext
    with localcontext() as c:
        c.prec = 50
        v = Decimal(r.numerator) / Decimal(r.denominator)
    return format(v.normalize(), "f")

def pct(r):
    """A rate as a percent: 0.0005 -> "0.05%"."""
    return dec(r * 100) + "%"

def fmt(x, places=2):
    x = rnd(x, places)
    s = "-" if x < 0 else ""
    x = abs(x)
    n = x.numerator * 10**places // x.denominator
    if places == 0: return s + str(n)
    return s + f"{n // 10**places}.{n % 10**places:0{places}d}"

def month_day(y, m, day):
    return dt.date(y, m, min(day, cal.monthrange(y, m)[1]))

def add_months(y, m, k):
    i = (m - 1) + k
    return y + i // 12, i % 12 + 1

def statement_dates(open_date, sday):
    y, m = open_date.year, open_date.month
    s1 = month_day(y, m, sday)
    if not s1 > open_date:
        y, m = add_months(y, m, 1)
    k = 0
    while True:
        yy, mm = add_months(y, m, k)
        yield month_day(yy, mm, sday)
        k += 1

def business(day, c):
    if c is None: return True
    if day.isoformat() in c.get("workdays", []): return True
    if day.isoformat() in c.get("holidays", []): return False
    preset = c.get("preset", "weekends")
    if preset == "none": return True
    if preset == "weekends": return day.weekday() < 5
    raise ValueError("reference supports weekends/none presets only")

def move(day, c, rule):
    if c is None or rule == "none" or business(day, c): return day
    def step(d0, k):
        d1 = d0
        while True:
            d1 += dt.timedelta(days=k)
            if business(d1, c): return d1
    if rule == "following": return step(day, 1)
    if rule == "preceding": return step(day, -1)
    if rule == "modified_following":
        f = step(day, 1)
        return f if f.month == day.month else step(day, -1)
    raise ValueError(rule)

ORDER = ["fees", "interest", "cash_advances", "purchases"]

def compute(req):
    rd = req.get("rounding", {})
    places, mode = rd.get("places", 2), rd.get("mode", "half_up")
    R = lambda x: rnd(x, places, mode)
    open_date, as_of = D(req["open_date"]), D(req["as_of"])
    cyc = req["cycle"]
    pol = req["policy"]
    daily = q(pol.get("daily_rate", "0.0005"))
    cash_rate = q(pol.get("cash_advance_daily_rate", pol.get("daily_rate", "0.0005")))
    caf = pol.get("cash_advance_fee", {})
    mp = pol["minimum"]
    pct = {k: q(v) for k, v in mp.get("percent", {}).items()}
    floor = q(mp.get("floor", "0"))
    lf = pol.get("late_fee", {"kind": "none"})
    g = pol.get("grace_days", 0)
    tol = q(pol.get("tolerance", "0"))
    calr = pol.get("calendar")
    rule = pol.get("business_day", "following")
    txs = [t for t in req["transactions"] if D(t["date"]) <= as_of]

    sdates = statement_dates(open_date, cyc["statement_day"])
    next_s = next(sdates)
    units = []      # dict(comp, stmt, out, rate, accrues, start, segs(list of [from,to,base,amount]), billed_from)
    stmts = []      # dicts
    obls = []       # [stmt, due, remain]
    credit = F(0)
    cur = dict(payments=F(0), purchases=F(0), cash=F(0), fees=F(0))
    prev_nb = F(0)
    late = []
    pays = []
    segs_billed = []

    def unit_rate(u): return cash_rate if u["comp"] == "cash_advances" else daily

    # Interest of a unit is computed from its history of outstanding amounts:
    # hist = list of (date, outstanding after that date's change).
    def post(comp, day, amount, kind):
        nonlocal credit
        stmt = len(stmts) + (0 if comp == "interest" else 1)
        u = dict(comp=comp, stmt=stmt, out=amount, hist=[(day, amount)], kind=kind,
                 cut=day, accrues=(comp != "fees"))
        units.append(u)
        if credit > 0:
            x = min(credit, amount)
            credit -= x
            change(u, day, -x)
        return u

    def change(u, day, delta):
        u["out"] += delta
        if u["hist"][-1][0] == day:
            u["hist"][-1] = (day, u["out"])
        else:
            u["hist"].append((day, u["out"]))

    def segments(u, a, b):
        """Segments of u over [a, b): cut where its outstanding changes."""
        out = []
        pts = [(d, v) for d, v in u["hist"]]
        # outstanding on day a
        bal = None
        for d, v in pts:
            if d <= a: bal = v
        cuts = sorted(set([a, b] + [d for d, _ in pts if a < d < b]))
        for i in range(len(cuts) - 1):
            x, y = cuts[i], cuts[i + 1]
            for d, v in pts:
                if d <= x: bal = v
            if bal and bal > 0 and (y - x).days > 0:
                days = (y - x).days
                out.append(dict(unit=units.index(u) + 1, comp=u["comp"], frm=x, to=y, days=days,
                                base=bal, rate=unit_rate(u), amount=R(bal * unit_rate(u) * days)))
        return out

    def billable(u):
        if u["comp"] == "fees" or not u["accrues"]: return False
        if u["comp"] != "purchases": return True
        return u["stmt"] <= len(stmts) and stmts[u["stmt"] - 1]["grace"] == "lost"

    def unpaid_obl(pred):
        return sum((o[2] for o in obls if pred(o)), F(0))

    def write_off(pred):
        for o in obls:
            if pred(o): o[2] = F(0)

    day = open_date
    ti = 0
    while day <= as_of:
        decided_today = []
        for s in stmts:
            if s["grace"] == "pending" and s["due"] + dt.timedelta(days=g + 1) == day:
                s["grace"] = "kept" if s["window_paid"] >= s["new_balance"] - tol else "lost"
                decided_today.append(s)
                if s["grace"] == "kept":
                    for u in units:
                        if u["comp"] == "purchases" and u["stmt"] == s["number"]:
                            u["accrues"] = False
        if day == next_s:
            k = len(stmts) + 1
            due = move(day + dt.timedelta(days=cyc["due_after_days"]), calr, rule)
            s = dict(number=k, statement_date=day, due=due, previous_balance=prev_nb, grace="pending", window_paid=F(0))
            stmts.append(s)
            interest = F(0)
            for u in units:
                if billable(u) and u["cut"] < day:
                    sg = segments(u, u["cut"], day)
                    for x in sg: x["statement"] = k
                    segs_billed.extend(sg)
                    interest += sum((x["amount"] for x in sg), F(0))
                    u["cut"] = day
            if interest > 0:
                post("interest", day, interest, "interest")
            s.update(payments=cur["payments"], purchases=cur["purchases"], cash_advances=cur["cash"], fees=cur["fees"], interest=interest)
            s["new_balance"] = prev_nb - cur["payments"] + cur["purchases"] + cur["cash"] + cur["fees"] + interest
            prev_nb = s["new_balance"]
            cur = dict(payments=F(0), purchases=F(0), cash=F(0), fees=F(0))
            pdm = unpaid_obl(lambda o: True)
            if pdm <= tol:
                write_off(lambda o: True); pdm = F(0)
            bal = {c: sum((u["out"] for u in units if u["comp"] == c), F(0)) for c in ORDER}
            bal["past_due_minimum"] = pdm
            raw = sum((bal[n] * pct.get(n, 1) for n in bal), F(0))
            m = min(max(R(raw), floor), sum(bal.values(), F(0)))
            m = max(F(0), min(m, s["new_balance"]))
            s["past_due_minimum"], s["minimum_payment"] = pdm, m
            if m - pdm > 0: obls.append([k, due, m - pdm])
            next_s = next(sdates)
        for s in decided_today:
            unpaid = unpaid_obl(lambda o: o[1] <= s["due"])
            if unpaid <= tol:
                write_off(lambda o: o[1] <= s["due"])
                continue
            kind = lf.get("kind", "none")
            if kind == "fixed": fee = R(q(lf["amount"]))
            elif kind == "percent":
                fee = R(unpaid * q(lf["rate"]))
                if fee < q(lf.get("min", "0")): fee = q(lf["min"])
                if q(lf.get("max", "0")) > 0 and fee > q(lf["max"]): fee = q(lf["max"])
            else: fee = F(0)
            if fee > 0:
                cur["fees"] += fee
                post("fees", day, fee, "late_fee")
                late.append(dict(statement=s["number"], date=day, unpaid=unpaid, amount=fee))
        while ti < len(txs) and D(txs[ti]["date"]) == day:
            t = txs[ti]; ti += 1
            a = q(t["amount"])
            if t["kind"] == "purchase":
                cur["purchases"] += a; post("purchases", day, a, "purchase")
            elif t["kind"] == "cash_advance":
                cur["cash"] += a; post("cash_advances", day, a, "cash_advance")
                if caf:
                    fee = R(a * q(caf.get("rate", "0")))
                    fee = max(fee, q(caf.get("min", "0")))
                    if q(caf.get("max", "0")) > 0: fee = min(fee, q(caf["max"]))
                    if fee > 0:
                        cur["fees"] += fee; post("fees", day, fee, "cash_advance_fee")
            elif t["kind"] == "fee":
                cur["fees"] += a; post("fees", day, a, "fee")
            elif t["kind"] == "payment":
                cur["payments"] += a
                for s in stmts:
                    if s["grace"] == "pending": s["window_paid"] += a
                left = a
                for o in obls:
                    x = min(left, o[2]); o[2] -= x; left -= x
                left = a
                allocs = []
                def key(iu):
                    i, u = iu
                    return (u["stmt"], ORDER.index(u["comp"]), i)
                for i, u in sorted(enumerate(units), key=key):
                    if left <= 0: break
                    x = min(left, u["out"])
                    if x > 0:
                        change(u, day, -x); left -= x
                        allocs.append(dict(statement=u["stmt"], unit=units.index(u) + 1, component=u["comp"], amount=x))
                credit += left
                pays.append(dict(date=day, amount=a, allocations=allocs, credit=left))
            else:
                raise ValueError(t["kind"])
        day += dt.timedelta(days=1)

    accrued = F(0)
    acc_segs = []
    for u in units:
        if billable(u) and u["cut"] < as_of:
            sg = segments(u, u["cut"], as_of)
            acc_segs.extend(sg)
            accrued += sum((x["amount"] for x in sg), F(0))
    bal = {c: sum((u["out"] for u in units if u["comp"] == c), F(0)) for c in ORDER}
    total = sum(bal.values(), F(0))
    dpd = 0
    for o in obls:
        if o[2] > tol:
            if as_of > o[1] + dt.timedelta(days=g): dpd = (as_of - o[1]).days
            break
    bucket = "current" if dpd == 0 else ("M7+" if dpd > 180 else f"M{(dpd - 1) // 30 + 1}")
    for s in stmts:
        if s["grace"] == "pending" and not (s["due"] + dt.timedelta(days=g) >= as_of):
            raise AssertionError("grace should have been decided")
    return dict(stmts=stmts, bal=bal, total=total, accrued=accrued, credit=credit,
                payoff=max(F(0), total + accrued - credit), dpd=dpd, bucket=bucket,
                segs=segs_billed, acc_segs=acc_segs, late=late, pays=pays, places=places)

def expect_of(res):
    p = res["places"]
    f = lambda x: fmt(x, p)
    st = {}
    for s in res["stmts"]:
        st[str(s["number"])] = dict(statement_date=s["statement_date"].isoformat(), due_date=s["due"].isoformat(),
            previous_balance=f(s["previous_balance"]), payments=f(s["payments"]), purchases=f(s["purchases"]),
            cash_advances=f(s["cash_advances"]), fees=f(s["fees"]), interest=f(s["interest"]),
            new_balance=f(s["new_balance"]), past_due_minimum=f(s["past_due_minimum"]),
            minimum_payment=f(s["minimum_payment"]), grace=s["grace"])
    b = res["bal"]
    return dict(statements=st,
                balance=dict(purchases=f(b["purchases"]), cash_advances=f(b["cash_advances"]), interest=f(b["interest"]),
                             fees=f(b["fees"]), total=f(res["total"])),
                accrued_interest=f(res["accrued"]), payoff=f(res["payoff"]), credit=f(res["credit"]),
                days_past_due=res["dpd"], bucket=res["bucket"])

def explanation_of(res):
    """The explanation's segments, 违约金 and payment allocations, for the
    vectors that check them."""
    p = res["places"]
    f = lambda x: fmt(x, p)
    seg = lambda x, k: dict(statement=k, unit=x["unit"], component=x["comp"], **{"from": x["frm"].isoformat()}, to=x["to"].isoformat(),
                            days=x["days"], base=f(x["base"]), rate=dec(x["rate"]), amount=f(x["amount"]))
    return dict(segments=[seg(x, x["statement"]) for x in res["segs"]],
                accrued=[seg(x, 0) for x in res["acc_segs"]],
                late_fees=[dict(date=l["date"].isoformat(), statement=l["statement"], unpaid=f(l["unpaid"]), amount=f(l["amount"])) for l in res["late"]],
                payments=[dict(date=x["date"].isoformat(), amount=f(x["amount"]), credit=f(x["credit"]),
                               allocations=[dict(statement=a["statement"], unit=a["unit"], component=a["component"], amount=f(a["amount"])) for a in x["allocations"]])
                          for x in res["pays"]])

def arithmetic(res):
    """The computed arithmetic, written into each vector's source."""
    p = res["places"]
    parts = []
    by = {}
    for x in res["segs"]:
        by.setdefault(x["statement"], []).append(x)
    for k in sorted(by):
        terms = " + ".join(f"{fmt(x['base'], p)} x {pct(x['rate'])} x {x['days']} ({x['frm'].isoformat()}..{x['to'].isoformat()}) = {fmt(x['amount'], p)}" for x in by[k])
        parts.append(f"statement {k} interest: {terms}; total {fmt(sum((x['amount'] for x in by[k]), F(0)), p)}")
    for s in res["stmts"]:
        parts.append(f"S{s['number']} {s['statement_date']}: {fmt(s['previous_balance'],p)} - {fmt(s['payments'],p)} + {fmt(s['purchases'],p)} + {fmt(s['cash_advances'],p)} + {fmt(s['fees'],p)} + {fmt(s['interest'],p)} = {fmt(s['new_balance'],p)}, past due {fmt(s['past_due_minimum'],p)}, minimum {fmt(s['minimum_payment'],p)}, due {s['due']}, grace {s['grace']} (paid {fmt(s['window_paid'],p)} by due+g)")
    for l in res["late"]:
        parts.append(f"违约金 {l['date']} on unpaid minimum {fmt(l['unpaid'],p)} = {fmt(l['amount'],p)}")
    if res["acc_segs"]:
        parts.append("accrued unbilled: " + " + ".join(f"{fmt(x['base'],p)} x {pct(x['rate'])} x {x['days']} = {fmt(x['amount'],p)}" for x in res["acc_segs"]) + f" = {fmt(res['accrued'],p)}")
    parts.append(f"payoff {fmt(res['total'],p)} + {fmt(res['accrued'],p)} - credit {fmt(res['credit'],p)} = {fmt(res['payoff'],p)}; dpd {res['dpd']} ({res['bucket']})")
    return ". ".join(parts) + ". (Computed by testdata/reference/card.py.)"

if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "run":
        v = json.load(open(sys.argv[2]))
        res = compute(v["input"] if "input" in v else v)
        print(json.dumps(expect_of(res), indent=1, ensure_ascii=False))
        print(arithmetic(res))
    elif cmd == "gen":
        sys.path.insert(0, HERE)
        import card_vectors
        card_vectors.generate(compute, expect_of, arithmetic, os.path.join(ROOT, "testdata", "vectors"))
    elif cmd == "diff":
        sys.path.insert(0, HERE)
        import card_vectors
        card_vectors.differential(compute, expect_of, int(sys.argv[2]), int(sys.argv[3]), ROOT)
    else:
        print(__doc__)
