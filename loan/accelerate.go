package loan

import (
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// accelerate finds the acceleration date X and replaces the installments
// due after it by one due X. With after_days, X comes from accruing the
// unaccelerated ledger, which agrees with the accelerated one before X
// (the engine never looks ahead), so one accrual answers every candidate.
// It returns nil when after_days never triggers by as_of.
func (l *ledger) accelerate(a Account, acct penalty.Account) (*AccelerationNote, error) {
	acc := a.Accelerate
	note := &AccelerationNote{Date: acc.On}
	if acc.AfterDays != nil {
		st, _, err := l.accrue(acct, a.Terms.Rounding.Places())
		if err != nil {
			return nil, err
		}
		if !l.trigger(*acc.AfterDays, a.AsOf, st, note) {
			return nil, nil
		}
	}
	l.replaceAfter(note)
	return note, nil
}

// settledBy is a reduction of an installment's principal, interest or fee
// on a date: a payment's allocation or an interest waiver.
type settledBy struct {
	date   money.Date
	amount money.Amount
}

// trigger sets note to the earliest D + A ≤ asOf over installments due D
// whose principal + interest + fee is still unpaid after every payment and
// waiver dated before D + A.
func (l *ledger) trigger(afterDays int, asOf money.Date, st penalty.Statement, note *AccelerationNote) bool {
	l.all()
	cuts := make([][]settledBy, len(l.inst))
	add := func(d money.Date, al penalty.Allocation) {
		switch al.Component {
		case penalty.PrincipalComponent, penalty.InterestComponent, penalty.FeeComponent:
			if k := al.Installment - 1; k >= 0 && k < len(cuts) {
				cuts[k] = append(cuts[k], settledBy{d, al.Amount})
			}
		}
	}
	for _, p := range st.Explanation.Payments {
		for _, al := range p.Allocations {
			add(p.Date, al)
		}
	}
	for _, w := range st.Explanation.Waivers {
		for _, al := range w.Applied {
			add(w.Waiver.Date, al)
		}
	}
	for k, in := range l.inst {
		x := in.DueDate.AddDays(afterDays)
		if x.After(asOf) {
			return false // due dates ascend, so every later X is later still
		}
		unpaid := in.Principal.Add(in.Interest).Add(in.Fee)
		for _, c := range cuts[k] {
			if c.date.Before(x) {
				unpaid = unpaid.Sub(c.amount)
			}
		}
		if unpaid.IsPositive() {
			*note = AccelerationNote{Date: x, AfterDays: afterDays, TriggerInstallment: k + 1,
				TriggerDue: in.DueDate, Unpaid: unpaid.Round(l.terms.Rounding)}
			return true
		}
	}
	return false
}

// replaceAfter keeps the installments due on or before note.Date and
// replaces the rest by one due then: their principal (less interest later
// rows would capitalize, see the package doc), with interest
// accrued on it from the last due date of any row (or the start) by the
// terms' day count, and no fee.
func (l *ledger) replaceAfter(note *AccelerationNote) {
	x := note.Date
	l.all()
	kept := l.dueBy(x)
	if kept == len(l.inst) {
		return // nothing was due after X
	}
	var principal money.Amount
	for _, in := range l.inst[kept:] {
		principal = principal.Add(in.Principal)
	}
	// Interest that rows after X would still capitalize (a full grace
	// running past X) is in their principal but not yet earned: calling
	// the loan in must not turn it into principal owed.
	for i := range l.rows {
		if l.rows[i].DueDate.After(x) {
			principal = principal.Sub(l.rows[i].Capitalized)
		}
	}
	piece := l.interestPiece(principal, l.lastDueOnOrBefore(x), x)
	note.Number, note.FirstReplaced, note.LastReplaced = kept+1, kept+1, len(l.inst)
	note.Principal, note.Interest, note.Piece = principal, piece.Amount, piece
	l.inst = append(l.inst[:kept], penalty.Installment{DueDate: x, Principal: principal, Interest: piece.Amount})
	l.accelerated = true
}
