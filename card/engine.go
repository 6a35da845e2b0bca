package card

import (
	"slices"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// Compute bills a's transactions in monthly cycles up to a.AsOf and returns
// every statement issued, the position as of a.AsOf and the explanation.
// Invalid input is a *money.Error naming the field by its JSON path.
func Compute(a Account) (Statement, error) { return compute(a, false) }

// compute is Compute; general turns off the engine's shortcuts, so that
// tests can hold them to the general path.
func compute(a Account, general bool) (Statement, error) {
	if err := validate(a); err != nil {
		return Statement{}, err
	}
	if err := penalty.CheckLanguages("explain", a.Explain); err != nil {
		return Statement{}, err
	}
	var e engine
	e.init(a, general)
	e.run()
	if e.err != nil {
		return Statement{}, e.err
	}
	s := e.result()
	if len(a.Explain) > 0 {
		// The renderers' closures get their own copy, so that s (and the
		// engine it came from) need not live on the heap when no
		// sentences are asked for.
		c := new(Statement)
		*c = s
		s.Sentences = penalty.Render(a.Explain, func() []string { return c.Chinese(0) }, func() []string { return c.English(0) })
	}
	return s, nil
}

// unit is one posted amount with its outstanding balance and accrual.
// Its fields are ordered to pack into 48 bytes, and it holds no pointer,
// so the garbage collector never scans the units.
type unit struct {
	out money.Amount
	// minor is out in minor units for fill's machine-integer path, or −1
	// when out is not below fastBase minor units; set when known, so each
	// balance a unit accrues on is converted once, not once per segment.
	minor int64
	from  money.Date // start of the open segment, while open
	stmt  int32      // the statement that bills it
	npend int32      // its segments in engine.pend: a purchase whose grace is undecided
	comp  Component
	cash  bool // accrues at the cash-advance rate (else daily_rate)
	open  bool // accruing on out since from
	noAcc bool // fees, and purchases whose statement kept its grace
	late  bool // a 违约金
	known bool // minor is set
}

// book is one statement's units: per component c, e.ids[c][start[c]:end[c]]
// in posting order (units are only ever posted to the newest book — a
// statement's interest just before the next book opens — so each
// component's units are contiguous by book), with head[c] the index of
// the first not yet passed over: payments pay a component's oldest unit
// first, so each head only moves forward, past paid units, and never
// steps over units of other components.
type book struct {
	start, end, head [components]int32
}

// obligation is one statement's minimum not covered by an earlier one.
type obligation struct {
	stmt   int
	due    money.Date
	remain money.Amount
}

// cycleSums are the figures of the statement being built.
type cycleSums struct {
	payments, purchases, cash, fees money.Amount
}

type engine struct {
	a   Account
	rnd money.Rounding
	tol money.Amount
	// dailyRate and cashRate as written, for the explanation, and as
	// Scalers that compute round(x × rate) on machine integers.
	dailyRate, cashRate money.Rate
	daily, cash         money.Scaler
	// fastDaily and fastCash: the Scaler computes a segment's interest
	// in machine integers (UnitsHalfUp) for a base below fastBase minor
	// units over fewer than fastDays days.
	fastDaily, fastCash bool
	places              int  // the rounding's
	general             bool // no shortcuts (compute's general)
	grace               int
	dates               money.MonthSeries
	first               int // series index of S_1

	units    []unit
	expl     []Unit
	books    []book              // books[k-1] is statement k; the last one is unbilled
	ids      [components][]int32 // unit ids by component, by book, in posting order
	oldest   int                 // index of the oldest book that may hold anything unpaid
	accruing []int               // units that accrue or hold unbilled segments
	out      [components]money.Amount
	lateOut  money.Amount // of out[Fees], 违约金
	credit   money.Amount

	bills   []Bill
	paid    []money.Amount // per statement: payments in its grace window
	decided int            // statements whose grace has been decided
	obl     []obligation
	oblHead int
	cyc     cycleSums
	prevNB  money.Amount

	x   Explanation
	due []Segment // closed segments the next statement bills
	// pend holds the closed segments of every purchase whose grace is
	// undecided, in the order they closed; decide takes out a statement's
	// when its grace is kept or lost. One slice for all of them keeps the
	// units free of pointers and their segments from growing one by one.
	pend []Segment
	// mins is one arena for every payment's minimums paid, as allocs is
	// for their allocations.
	mins []MinimumPaid
	// allocs is one arena for every payment's allocations, each payment
	// taking a capped sub-slice, so a history costs one allocation.
	allocs []Allocation
	order  []int32 // unitOrder's buffer
	// minNames are MinimumNames, in the order issue passes the balances,
	// held in the engine so that no statement allocates them.
	minNames [5]string
	nseg     int   // segments closed so far
	err      error // the bound on segments was crossed
}

// init sets e up to bill a. Every slice whose length is bounded by counts
// known up front (statements, units, payments) is allocated once at that
// bound, so none grows while the history is walked.
func (e *engine) init(a Account, general bool) {
	y, _, _ := a.OpenDate.Date()
	series := money.NewDate(y, 1, a.Cycle.StatementDay).Months()
	first := int(a.OpenDate.Month()) - 1
	if !series.At(first).After(a.OpenDate) {
		first++
	}
	// Room for every statement and unit: a statement a month, a unit per
	// transaction plus a fee per cash advance and an interest unit and a
	// 违约金 per statement.
	statements := max((a.AsOf.Year()-y)*12+int(a.AsOf.Month())-first+1, 1)
	units, payments := len(a.Transactions)+2*statements, 0
	var per [components]int // units per component, as units counts them
	per[Fees], per[Interest] = statements, statements
	for _, t := range a.Transactions {
		switch t.Kind {
		case Purchase:
			per[Purchases]++
		case CashAdvance:
			units++
			per[CashAdvances]++
			per[Fees]++
		case Fee:
			per[Fees]++
		case Payment:
			payments++
		}
	}
	*e = engine{
		a: a, rnd: a.Rounding, tol: a.Policy.Tolerance,
		daily:     money.NewScaler(a.Policy.dailyRate().Ratio(), a.Rounding),
		cash:      money.NewScaler(a.Policy.cashRate().Ratio(), a.Rounding),
		dailyRate: a.Policy.dailyRate(), cashRate: a.Policy.cashRate(),
		grace: a.Policy.GraceDays, dates: series, first: first,
		books:    make([]book, 1, statements+1),
		bills:    make([]Bill, 0, statements),
		paid:     make([]money.Amount, 0, statements),
		units:    make([]unit, 0, units),
		expl:     make([]Unit, 0, units),
		accruing: make([]int, 0, len(a.Transactions)),
		obl:      make([]obligation, 0, statements),
		// A few segments per unit (its statement cuts and the payments
		// that reduce it) and a few units per payment, bounded so a huge
		// ledger grows as it needs.
		x: Explanation{
			Segments: make([]Segment, 0, min(5*units/2, 4096)),
			Graces:   make([]GraceDecision, 0, statements),
			LateFees: make([]LateFeeCharge, 0, statements),
			Payments: make([]PaymentApplication, 0, payments),
		},
		allocs: make([]Allocation, 0, min(8*payments+8, 4096)),
		// Each entry either settles an obligation (one a statement) or
		// uses up its payment.
		mins:  make([]MinimumPaid, 0, payments+statements),
		order: make([]int32, 0, min(units, 4096)),
	}
	// due and pend share one array, each capped at half: a cycle's
	// payments cut a few units, and an undecided statement's purchases
	// have as few segments as there were payments before its decision.
	segs := make([]Segment, 32)
	e.due, e.pend = segs[:0:16], segs[16:16]
	e.minNames = minimumNames()
	// The components' id lists share one array, each capped at its count.
	ids, n := make([]int32, units), 0
	for c, k := range per {
		e.ids[c] = ids[n : n : n+k]
		n += k
	}
	e.places = a.Rounding.Places()
	e.general = general
	e.fastDaily = !general && e.daily.FastHalfUp(fastBase*fastDays)
	e.fastCash = !general && e.cash.FastHalfUp(fastBase*fastDays)
}

// statementDate is S_k (k from 1).
func (e *engine) statementDate(k int) money.Date { return e.dates.At(e.first + k - 1) }

// dueDate is DD_k: S_k + due_after_days, moved by the policy's calendar.
func (e *engine) dueDate(s money.Date) money.Date {
	return e.a.Policy.Calendar.Move(s.AddDays(e.a.Cycle.DueAfterDays), e.a.Policy.BusinessDay)
}

// decisionDay is the start of DD_k + g + 1, when statement k's grace is
// decided and its 违约金 assessed.
func (e *engine) decisionDay(k int) money.Date { return e.bills[k-1].DueDate.AddDays(e.grace + 1) }

// run walks the event days in order. On each: grace decisions, then the
// statement, then 违约金, then the day's transactions in input order.
func (e *engine) run() {
	txs, asOf := e.a.Transactions, e.a.AsOf
	ti := 0
	nextS := e.statementDate(1)
	for {
		day, ok := money.Date{}, false
		pick := func(d money.Date) {
			if !d.After(asOf) && (!ok || d.Before(day)) {
				day, ok = d, true
			}
		}
		pick(nextS)
		if e.decided < len(e.bills) {
			pick(e.decisionDay(e.decided + 1))
		}
		for ti < len(txs) && txs[ti].Date.After(asOf) {
			ti = len(txs) // sorted: the rest are after as_of too
		}
		if ti < len(txs) {
			pick(txs[ti].Date)
		}
		if !ok || e.err != nil {
			return
		}
		lo := e.decided
		for e.decided < len(e.bills) && e.decisionDay(e.decided+1) == day {
			e.decide(e.decided + 1)
			e.decided++
		}
		if nextS == day {
			e.issue(day)
			nextS = e.statementDate(len(e.bills) + 1)
		}
		for k := lo + 1; k <= e.decided; k++ {
			e.lateFee(k, day)
		}
		for ti < len(txs) && txs[ti].Date == day {
			e.apply(txs[ti])
			ti++
		}
	}
}

func (e *engine) apply(t Transaction) {
	switch t.Kind {
	case Purchase:
		e.cyc.purchases = e.cyc.purchases.Add(t.Amount)
		e.post(Purchases, t.Date, t.Amount, PurchaseUnit)
	case CashAdvance:
		e.cyc.cash = e.cyc.cash.Add(t.Amount)
		e.post(CashAdvances, t.Date, t.Amount, CashAdvanceUnit)
		if fee := e.a.Policy.CashAdvanceFee.charge(t.Amount, e.rnd); fee.IsPositive() {
			e.cyc.fees = e.cyc.fees.Add(fee)
			e.post(Fees, t.Date, fee, CashAdvanceFeeUnit)
		}
	case Fee:
		e.cyc.fees = e.cyc.fees.Add(t.Amount)
		e.post(Fees, t.Date, t.Amount, FeeUnit)
	case Payment:
		e.pay(t.Date, t.Amount)
	}
}

// post adds a unit to the current statement's book (the unbilled one, or
// for interest the one just issued) and lets any credit pay it.
func (e *engine) post(c Component, d money.Date, amt money.Amount, kind UnitKind) int {
	stmt := len(e.bills) + 1
	if c == Interest {
		stmt = len(e.bills)
	}
	id := len(e.units)
	// Written in place: the units and their explanation are appended to
	// for every posting.
	e.units = append(e.units, unit{})
	u := &e.units[id]
	u.comp, u.stmt, u.out, u.from = c, int32(stmt), amt, d
	u.cash, u.noAcc, u.late = c == CashAdvances, c == Fees, kind == LateFeeUnit
	u.open = !u.noAcc
	e.expl = append(e.expl, Unit{})
	x := &e.expl[id]
	x.ID, x.Component, x.Date, x.Amount, x.Statement, x.Kind = id+1, c, d, amt, stmt, kind
	e.ids[c] = append(e.ids[c], int32(id))
	e.books[stmt-1].end[c] = int32(len(e.ids[c]))
	e.out[c] = e.out[c].Add(amt)
	if u.late {
		e.lateOut = e.lateOut.Add(amt)
	}
	if !u.noAcc {
		e.accruing = append(e.accruing, id)
	}
	if e.credit.IsPositive() {
		x := money.Min(e.credit, amt)
		e.credit = e.credit.Sub(x)
		e.reduce(id, x, d)
		e.x.Credits = append(e.x.Credits, CreditUse{Date: d, Allocation: Allocation{Statement: stmt, Unit: id + 1, Component: c, Amount: x}})
	}
	return id
}

// reduce pays x of unit id on day d, closing its open segment first.
func (e *engine) reduce(id int, x money.Amount, d money.Date) {
	u := &e.units[id]
	if u.open {
		e.closeSegment(u, id, d)
	}
	u.out, u.known = u.out.Sub(x), false
	e.out[u.comp] = e.out[u.comp].Sub(x)
	if u.late {
		e.lateOut = e.lateOut.Sub(x)
	}
	u.open = u.open && u.out.IsPositive()
}

// closeSegment ends u's open segment at d and starts the next one there.
func (e *engine) closeSegment(u *unit, id int, d money.Date) {
	if d.After(u.from) {
		if e.billable(u) {
			e.due = e.fill(e.due, u, id, u.from, d)
		} else {
			e.pend = e.fill(e.pend, u, id, u.from, d)
			u.npend++
		}
	}
	u.from = d
}

// fill appends to segs u's segment from..to, written in place (a Segment
// is large; the explanation holds hundreds), counting it against
// MaxSegments.
func (e *engine) fill(segs []Segment, u *unit, id int, from, to money.Date) []Segment {
	if e.nseg++; e.nseg > MaxSegments {
		e.err = money.Errorf("transactions", "the explanation would exceed %d interest segments (units accruing × statements and payments); bill a shorter history", MaxSegments)
	}
	segs = append(segs, Segment{})
	g := &segs[len(segs)-1]
	days := to.Sub(from)
	sc, fast := &e.daily, e.fastDaily
	g.Rate = e.dailyRate
	if u.cash {
		sc, fast, g.Rate = &e.cash, e.fastCash, e.cashRate
	}
	if fast && !u.known {
		v, ok := u.out.Units(e.places)
		if !ok || v < 0 || v >= fastBase {
			v = -1
		}
		u.minor, u.known = v, true
	}
	if fast && u.minor >= 0 && uint64(days) < fastDays {
		// round(base × days × rate) half up on minor units, as Apply
		// computes it, without copying the Scaler or calling MulInt.
		g.Amount = money.New(int64(sc.UnitsHalfUp(uint64(u.minor)*uint64(days))), e.places)
	} else {
		g.Amount = sc.Apply(u.out.MulInt(int64(days)))
	}
	g.Unit, g.Component, g.From, g.To, g.Days, g.Base = id+1, u.comp, from, to, days, u.out
	return segs
}

// Bounds of fill's machine-integer path: a base below 2^31 minor units
// (21 million at two places) over fewer than 2^17 days (MaxYears is
// 36 525), so base × days < 2^48 and any daily rate whose numerator is
// below 2^16 keeps the product with it in 64 bits.
const (
	fastBase = 1 << 31
	fastDays = 1 << 17
)

// billable reports whether u's interest is billed at a statement date: all
// accruing units but a purchase whose grace is not yet decided lost.
func (e *engine) billable(u *unit) bool {
	if u.comp != Purchases {
		return true
	}
	return int(u.stmt) <= len(e.bills) && e.bills[u.stmt-1].Grace == Lost
}

// issue produces statement k on day s: it bills the interest accrued by
// billable units, totals the cycle, sets the minimum and its obligation.
func (e *engine) issue(s money.Date) {
	k := len(e.bills) + 1
	bill := Bill{Number: k, StatementDate: s, DueDate: e.dueDate(s), PreviousBalance: e.prevNB}
	if !bill.DueDate.After(s) {
		// Only preceding can do this, over a run of closed days.
		e.err = money.Errorf("policy.business_day", "moves statement %d's due date %s to %s, not after its statement date %s",
			k, s.AddDays(e.a.Cycle.DueAfterDays), bill.DueDate, s)
	}
	e.bills = append(e.bills, bill)
	e.paid = append(e.paid, money.Amount{})
	// Bill unit by unit (accruing is in posting order), each unit's
	// segments in date order: first those closed since the last statement
	// (by payments, or a grace just lost), then the one this statement
	// closes, written straight into the explanation.
	var interest money.Amount
	billSeg := func(g *Segment) {
		interest = interest.Add(g.Amount)
		e.x.Segments = append(e.x.Segments, *g)
		e.x.Segments[len(e.x.Segments)-1].Statement = k
	}
	order := e.unitOrder(e.due)
	j := 0
	keep := e.accruing[:0]
	for _, id := range e.accruing {
		for ; j < len(order) && e.due[order[j]].Unit == id+1; j++ {
			billSeg(&e.due[order[j]])
		}
		u := &e.units[id]
		if u.open && e.billable(u) {
			if s.After(u.from) {
				e.x.Segments = e.fill(e.x.Segments, u, id, u.from, s)
				g := &e.x.Segments[len(e.x.Segments)-1]
				g.Statement = k
				interest = interest.Add(g.Amount)
			}
			u.from = s
		}
		if u.open || u.npend > 0 {
			keep = append(keep, id)
		}
	}
	for ; j < len(order); j++ { // a unit no longer accruing: none in practice
		billSeg(&e.due[order[j]])
	}
	e.due = e.due[:0]
	e.accruing = keep
	if interest.IsPositive() {
		e.post(Interest, s, interest, InterestUnit)
	}
	// The next statement's book starts after this one's interest.
	var next book
	for c := range components {
		n := int32(len(e.ids[c]))
		next.start[c], next.end[c], next.head[c] = n, n, n
	}
	e.books = append(e.books, next)
	b := &e.bills[k-1]
	b.Payments, b.Purchases, b.CashAdvances, b.Fees, b.Interest = e.cyc.payments, e.cyc.purchases, e.cyc.cash, e.cyc.fees, interest
	b.NewBalance = b.PreviousBalance.Sub(b.Payments).Add(b.Purchases).Add(b.CashAdvances).Add(b.Fees).Add(b.Interest)
	e.cyc, e.prevNB = cycleSums{}, b.NewBalance

	// past_due_minimum: what remains of earlier obligations; at or below
	// the tolerance it counts as paid and is written off.
	pdm := e.unpaidObligations(len(e.obl))
	if !pdm.IsPositive() || pdm.Cmp(e.tol) <= 0 {
		e.writeOff(len(e.obl))
		pdm = money.Amount{}
	}
	b.PastDueMinimum = pdm
	amounts := [...]money.Amount{e.out[Purchases], e.out[CashAdvances], e.out[Interest], e.out[Fees], pdm}
	m := e.a.Policy.Minimum.Due(e.minNames[:], amounts[:], e.rnd)
	m = money.Max(money.Min(m, b.NewBalance), money.Amount{})
	b.MinimumPayment = m
	if o := m.Sub(pdm); o.IsPositive() {
		e.obl = append(e.obl, obligation{stmt: k, due: b.DueDate, remain: o})
	}
}

// unitOrder returns the indexes of segs ordered by unit, stably (so each
// unit's segments stay in date order). Segments close in the order events
// cut them — a payment cuts the units it pays, a statement the rest — so
// they are sorted by index rather than moved. The slice is reused.
func (e *engine) unitOrder(segs []Segment) []int32 {
	e.order = e.order[:0]
	for i := range segs {
		e.order = append(e.order, int32(i))
	}
	byUnit := func(a, b int32) int { return segs[a].Unit - segs[b].Unit }
	if !slices.IsSortedFunc(e.order, byUnit) {
		slices.SortStableFunc(e.order, byUnit)
	}
	return e.order
}
