package penalty

import (
	"context"
	"slices"
	"time"

	"github.com/repayplan/repayplan/money"
)

// Accrue computes the statement of account a as of a.AsOf: penalty
// accrued segment by segment, late fees assessed, waivers and payments
// applied in date order. It is pure and safe for concurrent use. Invalid
// input gives an error matching money.ErrInvalid that names the field,
// and so does an account whose explanation would exceed
// MaxExplanationRecords or whose amounts could not be held at its
// rounding: both are checked from the request's counts before any work.
func Accrue(a Account) (Statement, error) {
	return AccrueContext(context.Background(), a)
}

// AccrueContext is Accrue under a context: it stops and returns ctx's
// error once ctx is done, checked between event dates (every
// ctxEvery dates), so a caller's deadline bounds the work of even the
// largest valid account.
func AccrueContext(ctx context.Context, a Account) (Statement, error) {
	return accrue(ctx, a, true)
}

// accrue is AccrueContext; without explain (BatchOptions.Balances) the
// statement's balances and totals are the same, and its explanation keeps
// only the policy and the due-date moves: no segment, late-fee, payment or
// waiver record is built, and no sentence. The record budget still bounds
// the work, counted as if they were.
func accrue(ctx context.Context, a Account, explain bool) (Statement, error) {
	return accrueChecked(ctx, a, explain, false, nil)
}

// accrueChecked is accrue, with the engine's working memory from ws (nil:
// allocated afresh); recheckAll takes closeSegments' general way
// (engine.recheckAll), for tests.
func accrueChecked(ctx context.Context, a Account, explain, recheckAll bool, ws *workspace) (Statement, error) {
	if ctx == nil {
		return Statement{}, money.Errorf("ctx", "is required (use context.Background())")
	}
	if err := validate(a); err != nil {
		return Statement{}, err
	}
	if err := checkExplain(a); err != nil {
		return Statement{}, err
	}
	var e engine // on the stack: only the records it builds are allocated
	e.init(a, !explain, ws)
	e.recheckAll = recheckAll
	if err := e.checkRange(); err != nil {
		return Statement{}, err
	}
	e.bound = e.explanationBound()
	e.budgeted = e.bound.total() > MaxExplanationRecords
	if explain {
		// Full length: close writes record e.segments in place, and
		// statement cuts the slice to the records made.
		e.explain.Segments = make([]Segment, min(e.bound.segments, MaxExplanationRecords+1))
		if e.contingent {
			// A link per contingent segment, sized once rather than grown.
			e.contChain = make([]contLink, 0, len(e.explain.Segments))
		}
	}
	if err := e.run(ctx); err != nil {
		return Statement{}, err
	}
	s := e.statement()
	if explain && len(a.Explain) > 0 {
		// A copy for the renderers' method values, so that only a request
		// asking for sentences moves a Statement to the heap.
		c := s
		s.Sentences = Render(a.Explain, c.Chinese, c.English)
	}
	return s, nil
}

// ctxEvery is how many event dates pass between checks of the context:
// often enough that a done context stops the work within well under a
// millisecond, rarely enough that checking costs nothing measurable.
const ctxEvery = 64

// ledger is one installment's running state.
type ledger struct {
	number     int
	contract   money.Date // the due date as billed
	due        money.Date // the effective due date: contract moved by the policy's calendar
	start      money.Date // first day penalty accrues (D, or D+g under defer)
	graceEnd   money.Date // D+g+1: late fee assessed, contingent penalty resolved
	end        money.Date // no accrual from here: min(as_of, D+S)
	owed       [5]money.Amount
	base       money.Amount // what penalty accrues on: principal, plus interest under PrincipalAndInterest; kept by setOwed
	accrued    money.Amount // payable penalty ever accrued
	contingent money.Amount // accrued in a forgiving grace, not yet payable
	assessed   money.Amount // late fees charged
	capAmount  money.Amount
	capped     bool
	segStart   money.Date // start of the open segment
	contHead   int32      // its last contingent segment's link in engine.contChain, plus one; 0 for none
	// recheck is set when what decides whether it still accrues (its
	// base, its cap's room) may have changed, or it just opened:
	// closeSegments tests only such installments and those it closes.
	recheck bool
}

func (l *ledger) unpaid() money.Amount {
	return l.owed[PrincipalComponent].Add(l.owed[InterestComponent]).Add(l.owed[FeeComponent])
}

// owesAny reports whether unpaid is positive, without adding: the
// components are never negative (validate, and payments and waivers take
// at most what is owed).
func (l *ledger) owesAny() bool {
	return l.owed[PrincipalComponent].IsPositive() || l.owed[InterestComponent].IsPositive() ||
		l.owed[FeeComponent].IsPositive()
}

// engine walks the account's event dates in order.
type engine struct {
	asOf       money.Date
	pol        Policy
	alloc      []Component
	ls         []ledger
	payments   []Payment // on or before as_of, sorted by date, stable
	waivers    []Waiver  // likewise
	contingent bool      // forgive with g > 0: grace accrual is contingent
	hasCap     bool
	rates      dailyRates
	feeRate    money.Ratio // the late fee's rate, converted once
	active     []int       // its first nActive: installments with an open segment, in number order
	nActive    int
	owing      owedSet
	// bound is the records' upper bound from the counts; when it is over
	// MaxExplanationRecords the run is budgeted: checked after each step.
	bound        recordBound
	budgeted     bool
	waiverVisits int // installment balances the waivers visited
	unapplied    money.Amount
	allocations  []Allocation // backing store the payments' allocations are cut from
	explain      Explanation
	nextStart    int        // installments before it have been opened (or skipped)
	nextGrace    int        // installments before it have had their grace end
	contChain    []contLink // the contingent segments of every installment, chained per installment (ledger.contHead)
	// brief keeps no records (BatchOptions.Balances); the budget counts
	// them all the same.
	brief                bool
	segments, allocCount int // segment and payment-allocation records made
	// recheckAll makes closeSegments test every accruing installment on
	// every date, the general way its recheck flags stand in for (tests
	// compare the two).
	recheckAll bool
}

// init sets e up to accrue a, which has been validated; brief keeps no
// explanation records; ws, when not nil, lends its working memory.
func (e *engine) init(a Account, brief bool, ws *workspace) {
	p := a.Policy
	*e = engine{
		brief:      brief,
		asOf:       a.AsOf,
		pol:        p,
		alloc:      p.allocation(),
		ls:         reuse(ws.ledgerBuf(), len(a.Installments)),
		contingent: p.GraceMode == Forgive && p.GraceDays > 0,
		hasCap:     p.Cap != nil,
		rates:      newDailyRates(p.PenaltyRate),
		feeRate:    p.LateFee.Rate.Ratio(),
		owing:      newOwedSet(len(a.Installments), ws.owingBuf()),
	}
	// The statement must not share memory with the caller's account.
	e.explain.Policy = p
	e.explain.Policy.Allocation = slices.Clone(p.Allocation)
	if p.Cap != nil {
		c := *p.Cap
		e.explain.Policy.Cap = &c
	}
	e.explain.Policy.Calendar.Holidays = slices.Clone(p.Calendar.Holidays)
	e.explain.Policy.Calendar.Workdays = slices.Clone(p.Calendar.Workdays)
	due := 0 // installments due by as_of: only they accrue or are charged
	// Sums start from a zero at the rounding's places, which the amounts
	// added to them have: every Add then takes money's same-places path.
	zero := money.New(0, p.Rounding.Places())
	e.unapplied = zero
	moves := p.moves() // tested once, not per installment
	for k, in := range a.Installments {
		l := &e.ls[k]
		l.number = k + 1
		l.owed[PenaltyComponent], l.owed[LateFeeComponent] = zero, zero
		l.accrued, l.contingent, l.assessed = zero, zero, zero
		// Everything below counts from the effective due date D.
		l.contract, l.due = in.DueDate, in.DueDate
		if moves {
			l.due = p.EffectiveDueDate(in.DueDate)
		}
		if l.due != l.contract {
			cl, _ := p.Calendar.Closure(l.contract)
			e.explain.Moves = append(e.explain.Moves, DueDateMove{Installment: l.number,
				DueDate: l.contract, EffectiveDueDate: l.due, Closure: cl})
		}
		l.start = l.due
		if p.GraceMode == Defer {
			l.start = l.due.AddDays(p.GraceDays)
		}
		l.graceEnd = l.due.AddDays(p.GraceDays + 1)
		if !l.due.After(a.AsOf) {
			due++
		}
		l.end = a.AsOf
		if p.StopAfterDays > 0 {
			if stop := l.due.AddDays(p.StopAfterDays); stop.Before(l.end) {
				l.end = stop
			}
		}
		// setOwed's effect for the three, with the base added up once.
		e.setCharge(l, PrincipalComponent, in.Principal)
		e.setCharge(l, InterestComponent, in.Interest)
		e.setCharge(l, FeeComponent, in.Fee)
		l.base = e.sumBase(l)
		if e.hasCap {
			l.capAmount = in.Principal.MulRatio(p.Cap.Ratio(), p.Rounding)
		}
	}
	e.payments = onOrBefore(a.Payments, a.AsOf, func(p Payment) money.Date { return p.Date }, ws.paymentBuf())
	e.waivers = onOrBefore(a.Waivers, a.AsOf, func(w Waiver) money.Date { return w.Date }, ws.waiverBuf())
	e.active = reuse(ws.activeBuf(), len(e.ls)) // the first nActive are in use
	e.explain.Waivers = []WaiverApplication{}
	if brief {
		e.explain.Segments, e.explain.LateFees, e.explain.Payments = []Segment{}, []LateFeeAssessment{}, []PaymentApplication{}
		return
	}
	// Segments are sized by AccrueContext from their bound. Late fees are
	// sized by the installments due, not all of them: a 30-year loan's
	// statement has a few hundred installments not yet due.
	e.explain.LateFees = make([]LateFeeAssessment, 0, due)
	e.explain.Payments = make([]PaymentApplication, 0, len(e.payments))
	// A payment on an overdue account typically settles several components
	// of a few installments: sized for that, grown past it.
	e.allocations = make([]Allocation, 8*len(e.payments)) // full length: take writes records in place
}

// onOrBefore returns the items dated on or before asOf, sorted by date and
// otherwise in input order, so that the listing order of different dates
// cannot change the result. Items are usually listed in date order: then
// those on or before asOf are a prefix of them, returned as it is (the
// engine only reads it, and the statement holds none of it); otherwise
// they are copied, into buf's array when it is large enough, and sorted.
func onOrBefore[T any](items []T, asOf money.Date, date func(T) money.Date, buf *[]T) []T {
	n := 0 // how many are on or before asOf
	var last money.Date
	for i, it := range items {
		d := date(it)
		if i > 0 && d.Before(last) {
			return sortedOnOrBefore(items, asOf, date, buf)
		}
		last = d
		if !d.After(asOf) {
			n++
		}
	}
	return items[:n:n]
}

// sortedOnOrBefore is onOrBefore for items not in date order.
func sortedOnOrBefore[T any](items []T, asOf money.Date, date func(T) money.Date, buf *[]T) []T {
	out := reuse(buf, len(items))[:0]
	for _, it := range items {
		if !date(it).After(asOf) {
			out = append(out, it)
		}
	}
	slices.SortStableFunc(out, func(a, b T) int { return date(a).Compare(date(b)) })
	return out
}

// run processes every event date up to as_of. On each date X, in order:
// segments ending at X close, grace ends resolve (contingent penalty,
// late fee), waivers apply, then payments.
func (e *engine) run(ctx context.Context) error {
	pi, wi := 0, 0
	var scratch [384]money.Date // three times the dates of all but the longest accounts
	for i, x := range e.eventDates(scratch[:]) {
		if i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		split := x == e.asOf || e.rates.splitsAt(x) ||
			(pi < len(e.payments) && e.payments[pi].Date == x) ||
			(wi < len(e.waivers) && e.waivers[wi].Date == x)
		e.closeSegments(x, split)
		if err := e.spent(); err != nil {
			return err
		}
		e.openSegments(x)
		e.endGraces(x)
		for ; wi < len(e.waivers) && e.waivers[wi].Date == x; wi++ {
			e.waive(e.waivers[wi])
			if err := e.spent(); err != nil {
				return err
			}
		}
		for ; pi < len(e.payments) && e.payments[pi].Date == x; pi++ {
			e.pay(e.payments[pi])
			if err := e.spent(); err != nil {
				return err
			}
		}
	}
	return nil
}

// spent checks the record budget of a budgeted run. One step writes at
// most a record per installment and component, so the explanation never
// holds more than the limit plus a step's worth.
func (e *engine) spent() error {
	if !e.budgeted {
		return nil
	}
	return e.overBudget()
}

// eventDates lists, sorted and unique, every date on which something
// happens: accrual starts, grace ends, stops, payments, waivers, 1 January
// where the rate depends on the year, and as_of. Each kind is already in
// date order (starts, grace ends and stops follow the installments' due
// dates, which validate keeps in order and the calendar moves monotonely;
// payments and waivers were sorted by onOrBefore), so the kinds are merged
// rather than sorted together. As_of, the last date of all, is left out of
// the merges and appended: every installment not yet due stops there.
// scratch, when large enough, holds the work (the caller's stack array, so
// that no allocation is needed).
func (e *engine) eventDates(scratch []money.Date) []money.Date {
	years := e.rates.yearStarts(e.first(), e.asOf)
	nl := len(e.ls)
	n := 3*nl + len(e.payments) + len(e.waivers) + len(years) + 1
	// The kinds' runs, then two buffers the merges alternate between.
	buf := scratch[:0]
	if cap(buf) < 3*n {
		buf = make([]money.Date, 0, 3*n)
	}
	buf = buf[:3*n]
	in, cur, spare := buf[:n], buf[n:n:2*n], buf[2*n:2*n:3*n]
	ns, ng, ne := 0, 0, 0
	for k := range e.ls {
		l := &e.ls[k]
		if l.start.Before(e.asOf) {
			in[ns] = l.start
			ns++
		}
		if l.graceEnd.Before(e.asOf) {
			in[nl+ng] = l.graceEnd
			ng++
		}
		if l.end.Before(e.asOf) {
			in[2*nl+ne] = l.end
			ne++
		}
	}
	rest := in[3*nl : 3*nl]
	for _, p := range e.payments {
		if p.Date.Before(e.asOf) {
			rest = append(rest, p.Date)
		}
	}
	np := len(rest)
	for _, w := range e.waivers {
		if w.Date.Before(e.asOf) {
			rest = append(rest, w.Date)
		}
	}
	nw := len(rest)
	rest = append(rest, years...) // all in (first, as_of]
	if len(years) > 0 && years[len(years)-1] == e.asOf {
		rest = rest[:len(rest)-1]
	}
	cur = mergeDates(cur, in[:ns], in[nl:nl+ng])
	for _, run := range [...][]money.Date{in[2*nl : 2*nl+ne], rest[:np], rest[np:nw], rest[nw:]} {
		if len(run) > 0 {
			cur, spare = mergeDates(spare, cur, run), cur[:0]
		}
	}
	return append(cur, e.asOf)
}

// first is the earliest accrual start, or as_of if it is earlier: the
// first installment's, as they are in order.
func (e *engine) first() money.Date {
	if len(e.ls) > 0 && e.ls[0].start.Before(e.asOf) {
		return e.ls[0].start
	}
	return e.asOf
}

// mergeDates writes to dst, which has room for them, the dates of a and
// b, both sorted, in order and without repeats.
func mergeDates(dst, a, b []money.Date) []money.Date {
	out := dst[:cap(dst)]
	n := 0
	var last money.Date // the zero Date is no event date
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		d := a[i]
		if b[j].Before(d) {
			d = b[j]
			j++
		} else {
			i++
		}
		if d != last {
			out[n], last = d, d
			n++
		}
	}
	for _, d := range a[i:] {
		if d != last {
			out[n], last = d, d
			n++
		}
	}
	for _, d := range b[j:] {
		if d != last {
			out[n], last = d, d
			n++
		}
	}
	return out[:n]
}

// closeSegments ends the open segment of every accruing installment whose
// boundary x is: a split date for all (payments, waivers, 1 January, as_of)
// or one of its own (grace end, stop). Installments that can accrue no
// more leave the active list.
func (e *engine) closeSegments(x money.Date, split bool) {
	// Kept in place, and only their count stored: the engine is reached
	// through a pointer, so storing a slice header in it would take the
	// collector's write barrier on every date.
	kept := 0
	for _, k := range e.active[:e.nActive] {
		l := &e.ls[k]
		if split || x == l.end || (e.contingent && x == l.graceEnd) {
			e.close(l, x)
		} else if !l.recheck && !e.recheckAll {
			// Neither closed nor changed since it was last kept: it is
			// before its end (x is not it, and every end is an event
			// date), and its base and room are as they were.
			e.active[kept] = k
			kept++
			continue
		}
		l.recheck = false
		if x.Before(l.end) && e.base(l).IsPositive() && !(e.hasCap && l.capped && e.room(l).Sign() <= 0) {
			e.active[kept] = k
			kept++
		}
	}
	e.nActive = kept
}

// openSegments starts accrual for installments whose start is x.
func (e *engine) openSegments(x money.Date) {
	for ; e.nextStart < len(e.ls) && !e.ls[e.nextStart].start.After(x); e.nextStart++ {
		l := &e.ls[e.nextStart]
		if l.start == x && x.Before(l.end) {
			l.segStart, l.recheck = x, true
			// Each installment opens once: active has room for all.
			e.active[e.nActive] = e.nextStart
			e.nActive++
		}
	}
}

// setOwed sets what l owes of c, keeping e.owing and l.base in step.
func (e *engine) setOwed(l *ledger, c Component, v money.Amount) {
	e.setCharge(l, c, v)
	if c == PrincipalComponent || c == InterestComponent {
		// Kept here, the one place owed changes, rather than added up on
		// every event date for every accruing installment.
		l.recheck = true
		l.base = e.sumBase(l)
	}
}

// setCharge is setOwed without the base: for penalty or the late fee,
// which the base does not count, and for init, which sums the base once.
// With c a constant it inlines to two stores.
func (e *engine) setCharge(l *ledger, c Component, v money.Amount) {
	l.owed[c] = v
	e.owing.set(c, l.number-1, v.IsPositive())
}

// sumBase adds up what penalty accrues on from what l owes: principal,
// plus interest under PrincipalAndInterest. l.base keeps it.
func (e *engine) sumBase(l *ledger) money.Amount {
	b := l.owed[PrincipalComponent]
	if e.pol.Base == PrincipalAndInterest {
		b = b.Add(l.owed[InterestComponent])
	}
	return b
}

// base is what penalty accrues on now.
func (e *engine) base(l *ledger) money.Amount { return l.base }

// room is what the cap still allows an installment to accrue or be charged.
func (e *engine) room(l *ledger) money.Amount {
	return l.capAmount.Sub(l.accrued).Sub(l.contingent).Sub(l.assessed)
}

// close records the segment [l.segStart, x) and opens the next at x.
func (e *engine) close(l *ledger, x money.Date) {
	from := l.segStart
	l.segStart = x
	days := x.Sub(from)
	base := e.base(l)
	if days <= 0 || !base.IsPositive() {
		return
	}
	rate, basis := e.rates.at(from)
	var amt money.Amount
	if e.pol.AccrualRounding == PerDay {
		amt = base.MulRatio(rate, e.pol.Rounding).MulInt(int64(days))
	} else {
		// base × days × rate, rounded once: the same value as base ×
		// (rate × days), without reducing a fraction per segment.
		amt = base.MulInt(int64(days)).MulRatio(rate, e.pol.Rounding)
	}
	uncapped, capped := amt, false
	if e.hasCap {
		if room := e.room(l); amt.Cmp(room) > 0 {
			amt, capped = money.Max(room, money.Amount{}), true
			l.capped = true
		}
	}
	e.segments++
	contingent := e.contingent && !x.After(l.graceEnd)
	if contingent {
		l.contingent = l.contingent.Add(amt)
	} else {
		l.accrued = l.accrued.Add(amt)
		e.setCharge(l, PenaltyComponent, l.owed[PenaltyComponent].Add(amt))
	}
	if e.brief {
		return // the record is not built at all
	}
	// Record e.segments−1 (counted above), written field by field into
	// its slot, which is zero: the records are only ever added, and the
	// slice was made at full length (see accrueChecked) — a budgeted run
	// past it grows it. Neither a slice header is stored in the engine
	// nor a whole Segment copied in (which would take the collector's
	// bulk write barrier for the pointer in its Rate).
	i := e.segments - 1
	if i == len(e.explain.Segments) {
		e.explain.Segments = grownByOne(e.explain.Segments)
	}
	if contingent {
		e.contChain = append(e.contChain, contLink{seg: int32(i), next: l.contHead})
		l.contHead = int32(len(e.contChain))
	}
	seg := &e.explain.Segments[i]
	seg.Installment, seg.From, seg.To, seg.Days = l.number, from, x, days
	seg.Base, seg.Rate, seg.Basis, seg.Amount = base.Round(e.pol.Rounding), rate, basis, amt
	if capped {
		seg.Uncapped, seg.Capped = uncapped, true
	}
	if contingent {
		seg.Status = Contingent
	}
}

// endGraces handles installments whose grace ends at the start of x
// (D+g+1): contingent penalty becomes payable if principal, interest or fee
// is still unpaid, or is forgiven; then the late fee is assessed.
func (e *engine) endGraces(x money.Date) {
	for ; e.nextGrace < len(e.ls) && !e.ls[e.nextGrace].graceEnd.After(x); e.nextGrace++ {
		l := &e.ls[e.nextGrace]
		if l.graceEnd != x {
			continue
		}
		owes := l.owesAny()
		e.resolveContingent(l, owes)
		if owes && e.pol.LateFee.Kind != NoLateFee {
			e.assessLateFee(l, x, l.unpaid())
		}
	}
}

func (e *engine) resolveContingent(l *ledger, owed bool) {
	status := Forgiven
	if owed {
		status = Payable
		l.accrued = l.accrued.Add(l.contingent)
		e.setCharge(l, PenaltyComponent, l.owed[PenaltyComponent].Add(l.contingent))
	}
	// Its contingent segments are interleaved with other installments';
	// their chain was kept, so resolving touches only them.
	for j := l.contHead; j != 0; j = e.contChain[j-1].next {
		e.explain.Segments[e.contChain[j-1].seg].Status = status
	}
	// Back to the zero init starts it at; the cap's room moved.
	l.contingent, l.contHead = money.New(0, e.pol.Rounding.Places()), 0
	l.recheck = true
}

// contLink is one contingent segment in its installment's chain: the
// segment's index and the link before it (plus one; 0 ends the chain).
// One chain store for all installments keeps the ledgers free of
// pointers, so the GC need not scan them, and costs one growing slice
// instead of one per installment.
type contLink struct{ seg, next int32 }

func (e *engine) assessLateFee(l *ledger, x money.Date, unpaid money.Amount) {
	r := e.pol.Rounding
	fee := e.pol.LateFee.charge(unpaid, r, e.feeRate)
	amt, capped := fee, false
	if e.hasCap {
		if room := e.room(l); fee.Cmp(room) > 0 {
			amt, capped = money.Max(room, money.Amount{}), true
			l.capped = true
		}
	}
	l.assessed = l.assessed.Add(amt)
	l.recheck = true // less room under the cap
	e.setCharge(l, LateFeeComponent, l.owed[LateFeeComponent].Add(amt))
	if !e.brief { // a balances-only run builds no record
		e.explain.LateFees = append(e.explain.LateFees, LateFeeAssessment{Installment: l.number, Date: x,
			Unpaid: unpaid.Round(r), Rule: e.pol.LateFee, Computed: fee, Amount: amt, Capped: capped})
	}
}

// dailyRates converts the policy's penalty rate into exact daily rates.
type dailyRates struct {
	unit     Unit
	dayCount money.DayCount
	r360     money.Ratio // also 365 and 366 below; only the bases in use
	r365     money.Ratio
	r366     money.Ratio
}

func newDailyRates(p PenaltyRate) dailyRates {
	d := dailyRates{unit: p.Unit, dayCount: p.DayCount}
	up := money.NewRatio(1, 1).Add(p.Markup.Ratio())
	r := p.Rate.Ratio().Mul(up)
	switch p.Unit {
	case Daily:
		d.r360, d.r365, d.r366 = r, r, r
		return d
	case Monthly:
		r = r.MulInt(12)
	}
	d.r360, d.r365, d.r366 = r.QuoInt(360), r.QuoInt(365), r.QuoInt(366)
	return d
}

// byYear reports whether the daily rate depends on the calendar year.
func (d *dailyRates) byYear() bool { return d.unit != Daily && d.dayCount == money.ActAct }

// at returns the daily rate in force on day and the basis it was divided
// by (0 for a rate quoted daily).
func (d *dailyRates) at(day money.Date) (money.Ratio, int) {
	if d.unit == Daily {
		return d.r360, 0
	}
	year := 0 // worked out only for act/act, the one basis that reads it
	if d.dayCount == money.ActAct {
		year = day.Year()
	}
	switch d.dayCount.Basis(year) {
	case 365:
		return d.r365, 365
	case 366:
		return d.r366, 366
	}
	return d.r360, 360
}

// splitsAt reports whether x is a boundary for every accruing installment
// because the rate changes there (1 January under act/act).
func (d *dailyRates) splitsAt(x money.Date) bool {
	return d.byYear() && x.Month() == time.January && x.Day() == 1
}

// yearStarts lists the 1 Januaries in (from, to] when the rate depends on
// the year.
func (d *dailyRates) yearStarts(from, to money.Date) []money.Date {
	if !d.byYear() {
		return nil
	}
	var out []money.Date
	for y := from.Year() + 1; y <= to.Year(); y++ {
		out = append(out, money.NewDate(y, time.January, 1))
	}
	return out
}
