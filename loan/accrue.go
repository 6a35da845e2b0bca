package loan

import (
	"slices"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/schedule"
)

// Accrue computes the statement of loan account a as of a.AsOf:
// the contract's schedule becomes the ledger, an acceleration (if any)
// calls in what is not yet due, the ledger is accrued as in
// penalty.Accrue, and the result adds what is due, what is not yet due
// and the payoff today. It is pure and safe for concurrent use. Invalid
// input gives an error matching money.ErrInvalid that names the field by
// its JSON path.
func Accrue(a Account) (Statement, error) {
	out, _, err := accrueStatement(a, true)
	return out, err
}

// accrueStatement is Accrue; it reports whether the engine ran on the
// head only (see ledger.accrue). Without shortcut the engine sees every
// installment: the general path, which tests compare the shortcut with.
func accrueStatement(a Account, shortcut bool) (Statement, bool, error) {
	if err := validate(a); err != nil {
		return Statement{}, false, err
	}
	if err := penalty.CheckLanguages("explain", a.Explain); err != nil {
		return Statement{}, false, err
	}
	s, err := schedule.Amortize(a.Terms)
	if err != nil {
		return Statement{}, false, money.Within("terms", err)
	}
	l := newLedger(a.Terms, s)
	l.general = !shortcut
	acct := penalty.Account{AsOf: a.AsOf, Payments: a.Payments, Waivers: a.Waivers, Policy: a.Policy}
	var note *AccelerationNote
	if a.Accelerate != nil {
		note, err = l.accelerate(a, acct)
		if err != nil {
			return Statement{}, false, err
		}
	}
	st, rest, err := l.accrue(acct, a.Terms.Rounding.Places())
	if err != nil {
		return Statement{}, false, err
	}
	out := l.statement(a, st, rest, note)
	// The loan's sentences, not the ledger's: they sit in the embedded
	// statement's field, which is the one the JSON carries.
	out.Sentences = penalty.Render(a.Explain, out.Chinese, out.English)
	return out, rest.from < len(out.Installments), nil
}

// ledger is the installments the schedule's rows give, and where each
// came from. The installments are made as they are asked for: a long
// loan's tail, which the engine need not see, stays in the rows (see
// accrue).
type ledger struct {
	terms  schedule.Terms
	rows   []schedule.Row
	totals schedule.Totals // the rows' column sums
	// inst is the first installments, made from rows[:next]; all of them
	// once next is len(rows).
	inst []penalty.Installment
	next int
	// accelerated is set once later installments were replaced; B is then 0.
	accelerated bool
	// general makes accrue run the engine on every installment.
	general bool
}

// newLedger makes the ledger of schedule s of terms t, its installments
// not yet made.
func newLedger(t schedule.Terms, s schedule.Schedule) *ledger {
	return &ledger{terms: t, rows: s.Rows, totals: s.Totals}
}

// extend makes installments until there are k, or none is left; it
// reports whether there are k. One installment comes from each row with
// a non-zero payment: a row that only capitalizes interest (a full grace)
// asks for nothing.
func (l *ledger) extend(k int) bool {
	if l.inst == nil {
		// The head of a long loan is short: room for 32 installments,
		// grown to the whole ledger only when it is asked for.
		l.inst = make([]penalty.Installment, 0, min(len(l.rows)+1, max(k, 32)))
	}
	for len(l.inst) < k && l.next < len(l.rows) {
		r := &l.rows[l.next]
		l.next++
		if r.Payment.IsZero() {
			continue
		}
		l.inst = append(l.inst, penalty.Installment{DueDate: r.DueDate, Principal: r.Principal, Interest: r.Interest, Fee: r.Fee})
	}
	return len(l.inst) >= k
}

// all makes every installment and returns them.
func (l *ledger) all() []penalty.Installment {
	if l.next < len(l.rows) {
		l.inst = slices.Grow(l.inst, len(l.rows)-l.next+1)
		l.extend(len(l.rows))
	}
	return l.inst
}

// lastDueOnOrBefore is P, the date the payoff counts accrued interest from: the latest due date of any schedule
// row on or before d, or the start.
func (l *ledger) lastDueOnOrBefore(d money.Date) money.Date {
	p := l.terms.StartDate
	for i := range l.rows {
		if l.rows[i].DueDate.After(d) {
			break
		}
		p = l.rows[i].DueDate
	}
	return p
}

// dueBefore returns how many installments fall due before d.
func (l *ledger) dueBefore(d money.Date) int {
	n := 0
	for n < len(l.inst) && l.inst[n].DueDate.Before(d) {
		n++
	}
	return n
}

// dueBy returns how many installments fall due on or before d.
func (l *ledger) dueBy(d money.Date) int {
	n := 0
	for n < len(l.inst) && !l.inst[n].DueDate.After(d) {
		n++
	}
	return n
}

// interestPiece is balance × annual rate × yearfrac(from, to), rounded by
// the terms, with the figures its sentence shows.
func (l *ledger) interestPiece(balance money.Amount, from, to money.Date) InterestPiece {
	t := l.terms
	yf := t.DayCount.YearFrac(from, to)
	return InterestPiece{
		From: from, To: to, Days: t.DayCount.Days(from, to),
		Balance: balance, AnnualRate: t.AnnualRate, Basis: t.DayCount.Basis(from.Year()),
		Amount: balance.MulRatio(yf.Mul(t.AnnualRate.Ratio()), t.Rounding),
	}
}
