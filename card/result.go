package card

import (
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// accruesToAsOf reports whether u has an open segment billed up to as_of:
// one result closes there.
func (e *engine) accruesToAsOf(u *unit) bool {
	return u.open && e.billable(u) && e.a.AsOf.After(u.from)
}

// result reports the statements and the position as of as_of.
func (e *engine) result() Statement {
	asOf := e.a.AsOf
	// The accrued segments go straight into the explanation, unit by unit
	// as issue bills them: each accruing unit's closed segments, then its
	// open one up to as_of.
	n := len(e.due)
	for _, id := range e.accruing {
		if u := &e.units[id]; e.accruesToAsOf(u) {
			n++
		}
	}
	acc := make([]Segment, 0, n)
	order := e.unitOrder(e.due)
	j, nseg := 0, e.nseg
	for _, id := range e.accruing {
		for ; j < len(order) && e.due[order[j]].Unit == id+1; j++ {
			acc = append(acc, e.due[order[j]])
		}
		if u := &e.units[id]; e.accruesToAsOf(u) {
			acc = e.fill(acc, u, id, u.from, asOf)
		}
	}
	if j < len(order) || e.general {
		// A closed segment of a unit no longer accruing (none in
		// practice): order them all by unit, stably, from the start.
		// The general path always does, for tests to compare with.
		acc, e.nseg = append(acc[:0], e.due...), nseg
		for _, id := range e.accruing {
			if u := &e.units[id]; e.accruesToAsOf(u) {
				acc = e.fill(acc, u, id, u.from, asOf)
			}
		}
		sorted := make([]Segment, 0, len(acc))
		for _, i := range e.unitOrder(acc) {
			sorted = append(sorted, acc[i])
		}
		acc = sorted
	}
	var accrued money.Amount
	for i := range acc {
		accrued = accrued.Add(acc[i].Amount)
	}
	e.x.Accrued = acc
	for k := e.decided + 1; k <= len(e.bills); k++ {
		b := e.bills[k-1]
		e.x.Graces = append(e.x.Graces, GraceDecision{
			Statement: k, Deadline: b.DueDate.AddDays(e.grace), NewBalance: b.NewBalance,
			Paid: e.paid[k-1], Tolerance: e.tol, Grace: Pending,
		})
	}
	s := Statement{AsOf: asOf, Statements: e.bills, AccruedInterest: accrued, Credit: e.credit}
	s.Balance = Balance{Fees: e.out[Fees], Interest: e.out[Interest], CashAdvances: e.out[CashAdvances], Purchases: e.out[Purchases], LateFees: e.lateOut}
	s.Balance.Total = s.Balance.Fees.Add(s.Balance.Interest).Add(s.Balance.CashAdvances).Add(s.Balance.Purchases)
	s.Payoff = money.Max(s.Balance.Total.Add(accrued).Sub(e.credit), money.Amount{})
	for i := e.oblHead; i < len(e.obl); i++ {
		o := e.obl[i]
		if o.remain.Cmp(e.tol) > 0 {
			if asOf.After(o.due.AddDays(e.grace)) {
				s.DaysPastDue = asOf.Sub(o.due)
			}
			break
		}
	}
	s.Bucket = penalty.Bucket(s.DaysPastDue)
	e.roundOutputs(&s)
	e.x.Units = e.expl
	s.Explanation = e.nonNil()
	return s
}

// roundOutputs writes every figure with the rounding's places ("0.00",
// not "0"). All of them are exact already: inputs are whole minor units
// and interest is rounded per segment, so this only sets the scale.
func (e *engine) roundOutputs(s *Statement) {
	r := e.rnd
	for i := range s.Statements {
		b := &s.Statements[i]
		for _, p := range []*money.Amount{&b.PreviousBalance, &b.Payments, &b.Purchases, &b.CashAdvances, &b.Fees,
			&b.Interest, &b.NewBalance, &b.PastDueMinimum, &b.MinimumPayment} {
			*p = p.Round(r)
		}
	}
	b := &s.Balance
	for _, p := range []*money.Amount{&b.Purchases, &b.CashAdvances, &b.Interest, &b.Fees, &b.Total, &b.LateFees,
		&s.AccruedInterest, &s.Payoff, &s.Credit} {
		*p = p.Round(r)
	}
	for i := range e.x.Graces {
		g := &e.x.Graces[i]
		g.NewBalance, g.Paid, g.Tolerance = g.NewBalance.Round(r), g.Paid.Round(r), g.Tolerance.Round(r)
	}
	for i := range e.x.Payments {
		e.x.Payments[i].Credit = e.x.Payments[i].Credit.Round(r)
	}
}
