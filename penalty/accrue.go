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
	e.init(a, !explain)
	if err := e.checkRange(); err != nil {
		return Statement{}, err
	}
	e.bound = e.explanationBound()
	e.budgeted = e.bound.total() > MaxExplanationRecords
	if explain {
		e.explain.Segments = make([]Segment, 0, min(e.bound.segments, MaxExplanationRecords+1))
		if e.contingent {
			// A link per contingent segment, sized once rather than grown.
			e.contChain = make([]contLink, 0, cap(e.explain.Segments))
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
}

func (l *ledger) unpaid() money.Amount {
	return l.owed[PrincipalComponent].Add(l.owed[InterestComponent]).Add(l.owed[FeeComponent])
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
	active     []int       // installments with an open segment, in number order
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
}

// init sets e up to accrue a, which has been validated; brief keeps no
// explanation records.
func (e *engine) init(a Account, brief bool) {
	p := a.Policy
	*e = engine{
		brief:      brief,
		asOf:       a.AsOf,
		pol:        p,
		alloc:      p.allocation(),
		ls:         make([]ledger, len(a.Installments)),
		contingent: p.GraceMode == Forgive && p.GraceDays > 0,
		hasCap:     p.Cap != nil,
		rates:      newDailyRates(p.PenaltyRate),
		feeRate:    p.LateFee.Rate.Ratio(),
		owing:      newOwedSet(len(a.Installments)),
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
	for k, in := range a.Installments {
		l := &e.ls[k]
		l.number = k + 1
		l.owed[PenaltyComponent], l.owed[LateFeeComponent] = zero, zero
		l.accrued, l.contingent, l.assessed = zero, zero, zero
		// Everything below counts from the effective due date D.
		l.contract, l.due = in.DueDate, p.EffectiveDueDate(in.DueDate)
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
		e.setOwed(l, PrincipalComponent, in.Principal)
		e.setOwed(l, InterestComponent, in.Interest)
		e.setOwed(l, FeeComponent, in.Fee)
		if e.hasCap {
			l.capAmount = in.Principal.MulRatio(p.Cap.Ratio(), p.Rounding)
		}
	}
	e.payments = onOrBefore(a.Payments, a.AsOf, func(p Payment) money.Date { return p.Date })
	e.waivers = onOrBefore(a.Waivers, a.AsOf, func(w Waiver) money.Date { return w.Date })
	e.active = make([]int, 0, len(e.ls))
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
	e.allocations = make([]Allocation, 0, 8*len(e.payments))
}

// sortDates sorts ds by their day numbers as int32 keys: slices.Sort on
// them runs without a comparison call per step, several times faster than
// slices.SortFunc for the few dozen dates of an account.
func sortDates(ds []money.Date) {
	if len(ds) < 2 {
		return
	}
	var buf [128]int32
	keys := buf[:0]
	if len(ds) > len(buf) {
		keys = make([]int32, 0, len(ds))
	}
	origin := ds[0]
	for _, d := range ds {
		keys = append(keys, int32(d.Sub(origin)))
	}
	slices.Sort(keys)
	for i, k := range keys {
		ds[i] = origin.AddDays(int(k))
	}
}

// onOrBefore returns the items dated on or before asOf, sorted by date and
// otherwise in input order, so that the listing order of different dates
// cannot change the result.
func onOrBefore[T any](items []T, asOf money.Date, date func(T) money.Date) []T {
	out := make([]T, 0, len(items))
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
	for i, x := range e.eventDates() {
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
// where the rate depends on the year, and as_of.
func (e *engine) eventDates() []money.Date {
	ds := make([]money.Date, 0, 3*len(e.ls)+len(e.payments)+len(e.waivers)+1)
	first := e.asOf
	for k := range e.ls {
		l := &e.ls[k]
		for _, d := range [...]money.Date{l.start, l.graceEnd, l.end} {
			if !d.After(e.asOf) {
				ds = append(ds, d)
			}
		}
		if l.start.Before(first) {
			first = l.start
		}
	}
	for _, p := range e.payments {
		ds = append(ds, p.Date)
	}
	for _, w := range e.waivers {
		ds = append(ds, w.Date)
	}
	ds = append(ds, e.asOf)
	ds = append(ds, e.rates.yearStarts(first, e.asOf)...)
	sortDates(ds)
	return slices.Compact(ds)
}

// closeSegments ends the open segment of every accruing installment whose
// boundary x is: a split date for all (payments, waivers, 1 January, as_of)
// or one of its own (grace end, stop). Installments that can accrue no
// more leave the active list.
func (e *engine) closeSegments(x money.Date, split bool) {
	kept := e.active[:0]
	for _, k := range e.active {
		l := &e.ls[k]
		if split || x == l.end || (e.contingent && x == l.graceEnd) {
			e.close(l, x)
		}
		if x.Before(l.end) && e.base(l).IsPositive() && !(e.hasCap && l.capped && e.room(l).Sign() <= 0) {
			kept = append(kept, k)
		}
	}
	e.active = kept
}

// openSegments starts accrual for installments whose start is x.
func (e *engine) openSegments(x money.Date) {
	for ; e.nextStart < len(e.ls) && !e.ls[e.nextStart].start.After(x); e.nextStart++ {
		l := &e.ls[e.nextStart]
		if l.start == x && x.Before(l.end) {
			l.segStart = x
			e.active = append(e.active, e.nextStart)
		}
	}
}

// setOwed sets what l owes of c, keeping e.owing and l.base in step.
func (e *engine) setOwed(l *ledger, c Component, v money.Amount) {
	l.owed[c] = v
	e.owing.set(c, l.number-1, v.IsPositive())
	if c == PrincipalComponent || c == InterestComponent {
		// Kept here, the one place owed changes, rather than added up on
		// every event date for every accruing installment.
		l.base = l.owed[PrincipalComponent]
		if e.pol.Base == PrincipalAndInterest {
			l.base = l.base.Add(l.owed[InterestComponent])
		}
	}
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
	seg := Segment{Installment: l.number, From: from, To: x, Days: days,
		Base: base.Round(e.pol.Rounding), Rate: rate, Basis: basis, Amount: amt}
	if e.hasCap {
		if room := e.room(l); amt.Cmp(room) > 0 {
			seg.Uncapped, seg.Amount, seg.Capped = amt, money.Max(room, money.Amount{}), true
			amt = seg.Amount
			l.capped = true
		}
	}
	e.segments++
	if e.contingent && !x.After(l.graceEnd) {
		seg.Status = Contingent
		l.contingent = l.contingent.Add(amt)
		if e.brief {
			return
		}
		e.contChain = append(e.contChain, contLink{seg: int32(len(e.explain.Segments)), next: l.contHead})
		l.contHead = int32(len(e.contChain))
	} else {
		l.accrued = l.accrued.Add(amt)
		e.setOwed(l, PenaltyComponent, l.owed[PenaltyComponent].Add(amt))
	}
	if !e.brief {
		e.explain.Segments = append(e.explain.Segments, seg)
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
		unpaid := l.unpaid()
		e.resolveContingent(l, unpaid.IsPositive())
		if unpaid.IsPositive() && e.pol.LateFee.Kind != NoLateFee {
			e.assessLateFee(l, x, unpaid)
		}
	}
}

func (e *engine) resolveContingent(l *ledger, owed bool) {
	status := Forgiven
	if owed {
		status = Payable
		l.accrued = l.accrued.Add(l.contingent)
		e.setOwed(l, PenaltyComponent, l.owed[PenaltyComponent].Add(l.contingent))
	}
	// Its contingent segments are interleaved with other installments';
	// their chain was kept, so resolving touches only them.
	for j := l.contHead; j != 0; j = e.contChain[j-1].next {
		e.explain.Segments[e.contChain[j-1].seg].Status = status
	}
	l.contingent, l.contHead = money.Amount{}, 0
}

// contLink is one contingent segment in its installment's chain: the
// segment's index and the link before it (plus one; 0 ends the chain).
// One chain store for all installments keeps the ledgers free of
// pointers, so the GC need not scan them, and costs one growing slice
// instead of one per installment.
type contLink struct{ seg, next int32 }

func (e *engine) assessLateFee(l *ledger, x money.Date, unpaid money.Amount) {
	rule := e.pol.LateFee
	r := e.pol.Rounding
	fee := rule.charge(unpaid, r, e.feeRate)
	a := LateFeeAssessment{Installment: l.number, Date: x, Unpaid: unpaid.Round(r), Rule: rule, Computed: fee, Amount: fee}
	if e.hasCap {
		if room := e.room(l); fee.Cmp(room) > 0 {
			a.Amount, a.Capped = money.Max(room, money.Amount{}), true
			l.capped = true
		}
	}
	l.assessed = l.assessed.Add(a.Amount)
	e.setOwed(l, LateFeeComponent, l.owed[LateFeeComponent].Add(a.Amount))
	if !e.brief {
		e.explain.LateFees = append(e.explain.LateFees, a)
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
func (d dailyRates) byYear() bool { return d.unit != Daily && d.dayCount == money.ActAct }

// at returns the daily rate in force on day and the basis it was divided
// by (0 for a rate quoted daily).
func (d dailyRates) at(day money.Date) (money.Ratio, int) {
	if d.unit == Daily {
		return d.r360, 0
	}
	switch b := d.dayCount.Basis(day.Year()); b {
	case 365:
		return d.r365, 365
	case 366:
		return d.r366, 366
	}
	return d.r360, 360
}

// splitsAt reports whether x is a boundary for every accruing installment
// because the rate changes there (1 January under act/act).
func (d dailyRates) splitsAt(x money.Date) bool {
	return d.byYear() && x.Month() == time.January && x.Day() == 1
}

// yearStarts lists the 1 Januaries in (from, to] when the rate depends on
// the year.
func (d dailyRates) yearStarts(from, to money.Date) []money.Date {
	if !d.byYear() {
		return nil
	}
	var out []money.Date
	for y := from.Year() + 1; y <= to.Year(); y++ {
		out = append(out, money.NewDate(y, time.January, 1))
	}
	return out
}
