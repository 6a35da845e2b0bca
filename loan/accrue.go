package loan

import (
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
	if err := validate(a); err != nil {
		return Statement{}, err
	}
	if err := penalty.CheckLanguages("explain", a.Explain); err != nil {
		return Statement{}, err
	}
	s, err := schedule.Amortize(a.Terms)
	if err != nil {
		return Statement{}, money.Within("terms", err)
	}
	l := newLedger(a.Terms, s.Rows)
	acct := penalty.Account{AsOf: a.AsOf, Installments: l.inst, Payments: a.Payments, Waivers: a.Waivers, Policy: a.Policy}
	var note *AccelerationNote
	if a.Accelerate != nil {
		note, err = l.accelerate(a, acct)
		if err != nil {
			return Statement{}, err
		}
		acct.Installments = l.inst
	}
	st, rest, err := accrue(acct, a.Terms.Rounding.Places())
	if err != nil {
		return Statement{}, err
	}
	out := l.statement(a, st, rest, note)
	// The loan's sentences, not the ledger's: they sit in the embedded
	// statement's field, which is the one the JSON carries.
	out.Sentences = penalty.Render(a.Explain, out.Chinese, out.English)
	return out, nil
}

// ledger is the installments the schedule's rows give, and where each
// came from.
type ledger struct {
	terms schedule.Terms
	rows  []schedule.Row
	inst  []penalty.Installment
	// accelerated is set once later installments were replaced; B is then 0.
	accelerated bool
}

// newLedger makes one installment per row with a non-zero payment: a row
// that only capitalizes interest (a full grace) asks for nothing.
func newLedger(t schedule.Terms, rows []schedule.Row) *ledger {
	l := &ledger{terms: t, rows: rows, inst: make([]penalty.Installment, 0, len(rows)+1)}
	for i := range rows {
		r := &rows[i]
		if r.Payment.IsZero() {
			continue
		}
		l.inst = append(l.inst, penalty.Installment{DueDate: r.DueDate, Principal: r.Principal, Interest: r.Interest, Fee: r.Fee})
	}
	return l
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
