package penalty

import (
	"sort"

	"github.com/repayplan/repayplan/money"
)

// pay applies one payment: first to the installments due on or before its
// date, then to those not yet due (a prepayment), each group walked by the
// policy's scope and component order; the rest is unapplied.
func (e *engine) pay(p Payment) {
	nDue := e.dueBy(p.Date)
	first := e.allocCount
	left := e.allocate(0, nDue, p.Amount)
	left = e.allocate(nDue, len(e.ls), left)
	e.unapplied = e.unapplied.Add(left)
	if e.brief {
		return
	}
	// A full slice expression, so no later record can write into it.
	e.explain.Payments = append(e.explain.Payments, PaymentApplication{
		Date: p.Date, Amount: p.Amount.Round(e.pol.Rounding),
		Allocations: e.allocations[first:e.allocCount:e.allocCount],
		Unapplied:   left.Round(e.pol.Rounding),
	})
}

// dueBy returns how many installments are due on or before x (they are in
// due-date order).
func (e *engine) dueBy(x money.Date) int {
	return sort.Search(len(e.ls), func(k int) bool { return e.ls[k].due.After(x) })
}

// allocate pays installments lo..hi−1 from left and returns what remains.
// It visits only installments that owe something (e.owing), so each visit
// writes an allocation: the walk is linear in the allocations, however
// many installments were paid off before.
func (e *engine) allocate(lo, hi int, left money.Amount) money.Amount {
	if e.pol.AllocationScope == ByComponent {
		for _, c := range e.alloc {
			// Every installment visited owes c (e.owing).
			for k := e.owing.next(c, lo, hi); k < hi && left.IsPositive(); k = e.owing.next(c, k+1, hi) {
				left = e.take(k, c, left)
			}
		}
		return left
	}
	for k := e.owing.nextAny(lo, hi); k < hi && left.IsPositive(); k = e.owing.nextAny(k+1, hi) {
		l := &e.ls[k]
		for _, c := range e.alloc {
			// Tested here rather than in take, so that the components the
			// installment no longer owes, and those after the payment is
			// used up, cost no call.
			if !left.IsPositive() {
				break
			}
			if l.owed[c].IsPositive() {
				left = e.take(k, c, left)
			}
		}
	}
	return left
}

// take pays as much of installment k's component c as left allows; both
// are positive.
func (e *engine) take(k int, c Component, left money.Amount) money.Amount {
	l := &e.ls[k]
	have := l.owed[c]
	a := money.Min(have, left)
	e.setOwed(l, c, have.Sub(a))
	e.allocCount++
	if !e.brief { // a balances-only run keeps no allocation records
		// Record allocCount−1, in place, as close writes its segments
		// (the backing store was made at full length; past it, grown):
		// no slice header is stored in the engine per record.
		i := e.allocCount - 1
		if i == len(e.allocations) {
			e.allocations = grownByOne(e.allocations)
		}
		e.allocations[i] = Allocation{Installment: k + 1, Component: c, Amount: a.Round(e.pol.Rounding)}
	}
	return left.Sub(a)
}

// waive applies a waiver at the start of its date: a percent of each
// targeted installment's component (rounded, never more than it owes), or
// an amount spread oldest installment first.
func (e *engine) waive(w Waiver) {
	rec := WaiverApplication{Waiver: w, Applied: []Allocation{}}
	lo, hi := 0, e.dueBy(w.Date)
	if w.Installment > 0 {
		lo, hi = w.Installment-1, w.Installment
	}
	left := w.Amount
	byAmount := w.Percent.IsZero()
	var total money.Amount
	// Only installments owing the component are visited (e.owing), and an
	// amount waiver stops once it is used up.
	for k := e.owing.next(w.Component, lo, hi); k < hi && (!byAmount || left.IsPositive()); k = e.owing.next(w.Component, k+1, hi) {
		e.waiverVisits++
		l := &e.ls[k]
		have := l.owed[w.Component]
		var a money.Amount
		if byAmount {
			a = money.Min(left, have)
			left = left.Sub(a)
		} else {
			a = money.Min(have.MulRatio(w.Percent.Ratio(), e.pol.Rounding), have)
		}
		if !a.IsPositive() {
			continue
		}
		e.setOwed(l, w.Component, have.Sub(a))
		if e.brief {
			continue
		}
		total = total.Add(a)
		rec.Applied = append(rec.Applied, Allocation{Installment: k + 1, Component: w.Component, Amount: a.Round(e.pol.Rounding)})
	}
	if e.brief {
		return
	}
	rec.Total = total.Round(e.pol.Rounding)
	e.explain.Waivers = append(e.explain.Waivers, rec)
}
